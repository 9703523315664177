package org.sanctuary.common.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import org.sanctuary.contracts.event.EventType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One event of the pull feed; {@code payload} is the JSON document the producing service wrote. */
@Serdeable
public record Event(long seq, UUID eventId, String tenantId, String type, String aggregateId, JsonNode payload,
                    Instant occurredAt) {

    /** The event's type as the contracts name it; empty for a type this build does not know (a newer producer's). */
    public Optional<EventType> known() {
        return EventType.of(type);
    }

    /** The payload as its contract record (the record {@link EventType#payload()} names for this type). */
    public <T extends Record> T payload(Class<T> record, JsonMapper json) {
        try {
            return json.readValueFromTree(payload, record);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + eventId + " (" + type + ") does not read as " + record.getSimpleName(), e);
        }
    }

    /**
     * A page of the feed; {@code next} is the cursor to pass as {@code after} for the next page. {@code feed} is the
     * feed's identity (a new producer database is a new feed) and {@code afterEventId} the id of the event at seq
     * {@code after} (null when there is none): a consumer that remembers which event it read last sees when the
     * producer no longer has it there (restored from an older backup) instead of skipping what took its place.
     */
    @Serdeable
    public record Page(List<Event> events, long next, @Nullable UUID feed, @Nullable UUID afterEventId) {
    }
}
