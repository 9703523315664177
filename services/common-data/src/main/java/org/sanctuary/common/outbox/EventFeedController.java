package org.sanctuary.common.outbox;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.sanctuary.common.tenancy.Roles;


/** {@code GET /internal/v1/events?after=&limit=}: the pull feed, never routed by the gateway. */
@Controller("/internal/v1/events")
@Secured(Roles.PLATFORM_SERVICE)
@ExecuteOn(TaskExecutors.BLOCKING)
class EventFeedController {

    private final EventFeed feed;

    EventFeedController(EventFeed feed) {
        this.feed = feed;
    }

    @Get
    Event.Page events(@QueryValue(defaultValue = "0") @Min(0) long after,
                      @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return feed.after(after, limit);
    }
}
