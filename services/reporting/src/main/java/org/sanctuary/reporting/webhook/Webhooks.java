package org.sanctuary.reporting.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.crypto.FieldCipher;
import org.sanctuary.common.outbox.Event;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.contracts.event.EventType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tenant's webhook subscriptions (its policy administrator's), the events queued for them, and their delivery log.
 * A payload holds ids and statuses only — never a name, a fact or special-category data: an integrator reads the rest
 * with its own token and its own permissions. Every change is recorded in the audit chain.
 */
@Singleton
public class Webhooks {

    /** The events an integrator may subscribe to. */
    public static final Set<String> EVENT_TYPES = EnumSet.of(EventType.APPLICANT_REGISTERED, EventType.APPLICANT_UPDATED,
                    EventType.CLAIM_LODGED, EventType.CLAIM_STATUS_CHANGED, EventType.ASSESSMENT_COMPLETED, EventType.DECISION_ISSUED,
                    EventType.DECISION_APPROVED, EventType.DECISION_RETURNED, EventType.APPEAL_LODGED, EventType.DOCUMENT_ADDED,
                    EventType.DOCUMENT_DELETED).stream().map(EventType::type).collect(Collectors.toCollection(TreeSet::new));

    /** The only fields of an event a payload carries: ids and statuses. */
    static final List<String> PAYLOAD_FIELDS = List.of("applicantId", "claimId", "assessmentId", "decisionId", "appealId",
            "documentId", "status", "from", "to", "stage");

    /** How long a rotated secret still signs beside the new one, so a receiver can switch without losing a delivery. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private static final String RESOURCE = "webhook";

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Destinations destinations;
    private final JsonMapper json;
    private final Clock clock;

    public Webhooks(Sql sql, TransactionOperations<Connection> transactions, FieldCipher cipher, AuditTrail audit,
                    Destinations destinations, JsonMapper json, Clock clock) {
        this.sql = sql;
        this.transactions = transactions;
        this.cipher = cipher;
        this.audit = audit;
        this.destinations = destinations;
        this.json = json;
        this.clock = clock;
    }

    @Serdeable
    public record NewSubscription(@NotBlank @Size(max = 2000) String url, @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes,
                                  @Nullable @Size(max = 200) String description) {
    }

    /** A subscription as its tenant sees it; its secret is shown once, when created or rotated. */
    @Serdeable
    public record Subscription(UUID id, String url, List<String> eventTypes, @Nullable String description, boolean enabled,
                               @Nullable String disabledReason, Instant createdAt, @Nullable Instant previousSecretValidUntil) {
    }

    @Serdeable
    public record Created(Subscription subscription, String secret) {
    }

    @Serdeable
    public record Rotated(String secret, Instant previousSecretValidUntil) {
    }

    /** One event for one subscription, and what became of it. */
    @Serdeable
    public record Delivery(UUID id, UUID eventId, String eventType, String status, int attempts, Instant createdAt,
                           @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt, @Nullable Integer lastStatusCode,
                           @Nullable Integer lastLatencyMs, @Nullable String lastError) {
    }

    public Created create(NewSubscription request) {
        List<String> unknown = request.eventTypes().stream().filter(type -> !EVENT_TYPES.contains(type)).toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Unknown event types " + unknown + "; one of " + EVENT_TYPES + ".");
        }
        destinations.check(request.url());
        UUID id = UUID.randomUUID();
        String secret = Signatures.newSecret();
        Caller caller = Caller.require();
        return transactions.executeWrite(status -> {
            sql.update("insert into webhook_tenant (tenant_id) values (?) on conflict do nothing", caller.tenantId());
            sql.update("insert into webhook_subscription (tenant_id, id, url, event_types, description, secret, created_at, created_by) "
                            + "values (?, ?, ?, ?::text[], ?, ?, ?, ?)", caller.tenantId(), id, request.url(),
                    "{" + String.join(",", new TreeSet<>(request.eventTypes())) + "}", request.description(),
                    cipher.seal(secret, "webhook.secret", id), Instant.now(clock), caller.subject());
            audit.record("webhook.create", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
            return new Created(find(id), secret);
        });
    }

    public List<Subscription> list() {
        return transactions.executeWrite(status -> {
            List<Subscription> all = sql.query(SELECT + " order by created_at, id", Webhooks::subscription);
            audit.record("webhook.list", RESOURCE, "*", AuditTrail.Outcome.SUCCESS);
            return all;
        });
    }

    public Subscription get(UUID id) {
        return transactions.executeRead(status -> find(id));
    }

    public void delete(UUID id) {
        transactions.executeWrite(status -> {
            if (sql.update("delete from webhook_subscription where id = ?", id) == 0) {
                throw notFound();
            }
            audit.record("webhook.delete", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
            return null;
        });
    }

    /** A new secret, shown once; the previous one signs beside it for {@link #ROTATION_OVERLAP}. */
    public Rotated rotate(UUID id) {
        String secret = Signatures.newSecret();
        Instant until = Instant.now(clock).plus(ROTATION_OVERLAP);
        return transactions.executeWrite(status -> {
            if (sql.update("update webhook_subscription set previous_secret = secret, previous_until = ?, secret = ? where id = ?",
                    java.sql.Timestamp.from(until), cipher.seal(secret, "webhook.secret", id), id) == 0) {
                throw notFound();
            }
            audit.record("webhook.rotate", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
            return new Rotated(secret, until);
        });
    }

    /** Enables a subscription again (after it was disabled for failing); events from now on are delivered. */
    public Subscription enable(UUID id) {
        return transactions.executeWrite(status -> {
            if (sql.update("update webhook_subscription set enabled = true, disabled_reason = null where id = ?", id) == 0) {
                throw notFound();
            }
            audit.record("webhook.enable", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
            return find(id);
        });
    }

    /** The subscription's deliveries, newest first. */
    public List<Delivery> deliveries(UUID id, int limit) {
        return transactions.executeRead(status -> {
            find(id);
            return sql.query("select * from webhook_delivery where subscription_id = ? order by seq desc limit ?", Webhooks::delivery, id, limit);
        });
    }

    /** Sends a delivery again, whatever became of it, with a fresh schedule of attempts. */
    public Delivery redeliver(UUID id, UUID deliveryId) {
        return transactions.executeWrite(status -> {
            if (sql.update("update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, delivered_at = null "
                    + "where subscription_id = ? and id = ?", java.sql.Timestamp.from(Instant.now(clock)), id, deliveryId) == 0) {
                throw notFound();
            }
            audit.record("webhook.redeliver", RESOURCE, id + ":" + deliveryId, AuditTrail.Outcome.SUCCESS);
            return sql.queryOne("select * from webhook_delivery where id = ?", Webhooks::delivery, deliveryId).orElseThrow();
        });
    }

    /**
     * Queues {@code event} for each enabled subscription of its tenant that wants its type and existed when it happened,
     * once (a feed read again queues nothing twice); the caller's transaction is the feed's, as the event's tenant.
     */
    void enqueue(Event event) {
        if (event.type().equals("tenant.offboarded")) { // nothing of a tenant that left is sent on
            sql.update("delete from webhook_subscription where tenant_id = ?", event.tenantId());
            sql.update("delete from webhook_tenant where tenant_id = ?", event.tenantId());
            return;
        }
        if (!EVENT_TYPES.contains(event.type())) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (String field : PAYLOAD_FIELDS) {
            JsonNode value = event.payload().get(field);
            if (value != null && value.isString()) {
                data.put(field, value.getStringValue());
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", event.type());
        payload.put("timestamp", event.occurredAt().toString());
        payload.put("data", data);
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object key = data.getOrDefault("claimId", event.aggregateId());
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now(clock));
        sql.update("insert into webhook_delivery (tenant_id, id, subscription_id, event_id, event_type, ordering_key, payload, status, "
                        + "next_attempt_at, created_at) select tenant_id, gen_random_uuid(), id, ?, ?, ?, ?, 'PENDING', ?, ? "
                        + "from webhook_subscription where tenant_id = ? and enabled and ? = any(event_types) and created_at <= ? "
                        + "on conflict do nothing", event.eventId(), event.type(), String.valueOf(key), body,
                now, now, event.tenantId(), event.type(),
                java.sql.Timestamp.from(event.occurredAt()));
    }

    private static final String SELECT = "select id, url, event_types, description, enabled, disabled_reason, created_at, previous_until "
            + "from webhook_subscription";

    private Subscription find(UUID id) {
        return sql.queryOne(SELECT + " where id = ?", Webhooks::subscription, id).orElseThrow(Webhooks::notFound);
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such webhook subscription.");
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(Sql.uuid(rs, "id"), rs.getString("url"), List.of((String[]) rs.getArray("event_types").getArray()),
                rs.getString("description"), rs.getBoolean("enabled"), rs.getString("disabled_reason"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "previous_until"));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(Sql.uuid(rs, "id"), Sql.uuid(rs, "event_id"), rs.getString("event_type"), rs.getString("status"),
                rs.getInt("attempts"), Sql.instant(rs, "created_at"), Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "delivered_at"),
                (Integer) rs.getObject("last_status_code"), (Integer) rs.getObject("last_latency_ms"), rs.getString("last_error"));
    }
}
