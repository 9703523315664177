package org.sanctuary.reporting.feed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.sanctuary.common.tenancy.Roles;

/**
 * {@code /internal/v1/feeds}: operations on the read models, for the platform (never routed by the
 * gateway): read the feeds now, or rebuild everything from seq 0.
 */
@Requires(beans = Feeds.class)
@Hidden // not part of the public contract: the gateway never routes /internal
@Controller("/internal/v1/feeds")
@Secured(Roles.PLATFORM_SERVICE)
@ExecuteOn(TaskExecutors.BLOCKING)
class FeedController {

    @Serdeable
    record Progress(long events, long millis) {
    }

    private final Feeds feeds;

    FeedController(Feeds feeds) {
        this.feeds = feeds;
    }

    @Post("/catch-up")
    Progress catchUp() {
        long start = System.nanoTime();
        long events = feeds.catchUp();
        return new Progress(events, (System.nanoTime() - start) / 1_000_000);
    }

    @Post("/rederive")
    Progress rederive() {
        long start = System.nanoTime();
        long tenants = feeds.rederive();
        return new Progress(tenants, (System.nanoTime() - start) / 1_000_000);
    }

    @Post("/rebuild")
    Progress rebuild() {
        long start = System.nanoTime();
        long events = feeds.rebuild();
        return new Progress(events, (System.nanoTime() - start) / 1_000_000);
    }
}
