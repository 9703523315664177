package org.sanctuary.gateway;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.sanctuary.common.problem.ProblemException;

/**
 * Declares {@code /api/v1/**} as routes of the gateway. The {@link ProxyFilter} answers every
 * request whose first segment a service owns before these methods run; they exist because
 * Micronaut's CORS filter only grants preflights for paths a route declares (micronaut-core #7934),
 * and they answer 404 problem+json for segments no service owns.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ProxiedPaths {

    @Get("/{+path}")
    void get(String path) {
        throw ProblemException.notFound("Resource");
    }

    @Post("/{+path}")
    void post(String path) {
        throw ProblemException.notFound("Resource");
    }

    @Put("/{+path}")
    void put(String path) {
        throw ProblemException.notFound("Resource");
    }

    @Patch("/{+path}")
    void patch(String path) {
        throw ProblemException.notFound("Resource");
    }

    @Delete("/{+path}")
    void delete(String path) {
        throw ProblemException.notFound("Resource");
    }

    @Options("/{+path}")
    void options(String path) {
        throw ProblemException.notFound("Resource");
    }
}
