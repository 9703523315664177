package org.sanctuary.common.outbox;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * Reads the outbox across tenants for trusted consumers (role {@code platform-service}). The RLS
 * policy {@code outbox_feed_reader} admits reads only inside a transaction that set
 * {@code sanctuary.feed = 'on'}, which nothing but this class does.
 */
@Singleton
public class EventFeed {

    private final Sql sql;
    private final JsonMapper json;

    public EventFeed(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Event.Page after(long after, int limit) {
        sql.query("select set_config('sanctuary.feed', 'on', true)", rs -> null);
        List<Event> events = sql.query("select seq, event_id, tenant_id, type, aggregate_id, payload::text as payload, "
                        + "occurred_at from outbox where seq > ? order by seq limit ?",
                rs -> new Event(rs.getLong("seq"), Sql.uuid(rs, "event_id"), rs.getString("tenant_id"),
                        rs.getString("type"), rs.getString("aggregate_id"), parse(rs.getString("payload")),
                        Sql.instant(rs, "occurred_at")),
                after, limit);
        long next = events.isEmpty() ? after : events.get(events.size() - 1).seq();
        UUID feed = sql.queryOne("select id from feed_identity", rs -> Sql.uuid(rs, "id")).orElse(null);
        UUID afterEventId = after == 0 ? null
                : sql.queryOne("select event_id from outbox where seq = ?", rs -> Sql.uuid(rs, "event_id"), after).orElse(null);
        return new Event.Page(events, next, feed, afterEventId);
    }

    private JsonNode parse(String payload) {
        try {
            return json.readValue(payload, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
