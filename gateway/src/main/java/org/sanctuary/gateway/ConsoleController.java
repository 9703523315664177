package org.sanctuary.gateway;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;


/**
 * The web console (console/ on the classpath, built by the console module): hashed assets under
 * {@code /assets/} with immutable caching, {@code /console-config.json} (where to sign in), and the
 * single page itself for every other path the console routes (never cached). API paths never reach
 * here: {@code /api/**} and {@code /internal/**} have their own routes.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class ConsoleController {

    @Serdeable
    record Config(String authority, String clientId) {
    }

    private final ConsoleFiles files;
    private final ConsoleConfiguration configuration;

    ConsoleController(ConsoleFiles files, ConsoleConfiguration configuration) {
        this.files = files;
        this.configuration = configuration;
    }

    @Get(value = "/console-config.json", produces = MediaType.APPLICATION_JSON)
    Config config() {
        return new Config(configuration.authority().toString(), configuration.clientId());
    }

    /** Vite names every asset by its content's hash: it never changes, so browsers keep it for a year. */
    @Get("/assets/{file}")
    HttpResponse<StreamedFile> asset(@PathVariable String file) {
        return files.asset(file);
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<StreamedFile> root() {
        return files.page();
    }
}
