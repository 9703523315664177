package org.sanctuary.common.testing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import org.sanctuary.contracts.event.EventType;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract test of a feed: every event a producer really wrote (its {@code /internal/v1/events} answer) is of a
 * type the contracts know, and its payload is exactly that type's record — each field the record requires is there,
 * none it does not know, and it reads and writes back as the same JSON. A producer that renames, drops or adds a field
 * fails here, not silently in a consumer.
 */
public final class FeedContract {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private FeedContract() {
    }

    /** Checks every event of {@code feed}; the types seen, for the caller to assert which it expected. */
    public static Set<String> assertEventsKeepTheirContracts(ApiClient.Response feed) {
        assertEquals(200, feed.status(), feed.body());
        Set<String> seen = new TreeSet<>();
        for (Map<String, Object> event : feed.jsonList("events")) {
            String type = (String) event.get("type");
            EventType known = EventType.of(type).orElseThrow(() -> new AssertionError("an event type the contracts do not name: " + type));
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = (Map<String, Object>) event.get("payload");
            assertPayload(known, payload);
            seen.add(type);
        }
        return seen;
    }

    static void assertPayload(EventType type, Map<String, Object> payload) {
        Class<? extends Record> record = type.payload();
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            fields.add(component.getName());
            if (!nullable(record, component)) {
                assertTrue(payload.containsKey(component.getName()) && payload.get(component.getName()) != null,
                        type.type() + " lacks " + component.getName() + ": " + payload);
            }
        }
        for (String field : payload.keySet()) {
            assertTrue(fields.contains(field), type.type() + " carries " + field + ", which " + record.getSimpleName() + " does not name");
        }
        try {
            Object read = JSON.readValue(JSON.writeValueAsBytes(payload), record);
            @SuppressWarnings("unchecked")
            Map<String, Object> written = JSON.readValue(JSON.writeValueAsBytes(read), Map.class);
            assertEquals(withoutNulls(payload), withoutNulls(written), type.type() + " does not read and write back as itself");
        } catch (IOException e) {
            fail(type.type() + " does not read as " + record.getSimpleName() + ": " + payload, e);
        }
    }

    private static boolean nullable(Class<? extends Record> record, RecordComponent component) {
        return component.isAnnotationPresent(Nullable.class) || component.getAccessor().isAnnotationPresent(Nullable.class);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.values().removeIf(v -> v == null);
        return copy;
    }
}
