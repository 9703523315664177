package org.sanctuary.common.outbox;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.contracts.event.EventType;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Writes a domain event in the same transaction as the change it reports (ARCHITECTURE.md §4). */
@Singleton
public class Outbox {

    private final Sql sql;
    private final Clock clock;

    public Outbox(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Call as the transaction's last write: the advisory lock, held until commit, makes {@code seq}
     * order equal commit order, so a consumer's cursor never skips an event that commits late.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID publish(EventType type, Object aggregateId, Record payload) {
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries a " + type.payload().getSimpleName() + ", not a "
                    + payload.getClass().getSimpleName());
        }
        UUID eventId = UUID.randomUUID();
        sql.query("select pg_advisory_xact_lock(hashtext('sanctuary.outbox'))", rs -> null);
        sql.update("insert into outbox (tenant_id, event_id, type, aggregate_id, payload, occurred_at) "
                        + "values (?, ?, ?, ?, ?, ?)",
                Caller.require().tenantId(), eventId, type.type(), String.valueOf(aggregateId), sql.jsonb(payload),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return eventId;
    }
}
