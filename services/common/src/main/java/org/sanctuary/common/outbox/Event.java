package org.sanctuary.common.outbox;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event of the pull feed; {@code payload} is the JSON document the producing service wrote. */
@Serdeable
public record Event(long seq, UUID eventId, String tenantId, String type, String aggregateId, JsonNode payload,
                    Instant occurredAt) {

    /** A page of the feed; {@code next} is the cursor to pass as {@code after} for the next page. */
    @Serdeable
    public record Page(List<Event> events, long next) {
    }
}
