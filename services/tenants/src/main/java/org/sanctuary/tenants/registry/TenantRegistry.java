package org.sanctuary.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.outbox.Outbox;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;
import org.sanctuary.contracts.event.EventType;
import org.sanctuary.contracts.event.TenantEvents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant registry, for platform administrators. Each change publishes its event in the
 * tenant's own stream and is recorded in the tenant's own audit chain, in the same transaction.
 * A platform administrator belongs to no tenant, so the entry is written as the acting
 * administrator ({@code sub}) into the chain of the tenant acted on (docs/security.md). Keycloak
 * provisioning, data keys and offboarding follow (docs/decisions.md).
 */
@Singleton
public class TenantRegistry {

    @Serdeable
    public record NewTenant(@NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{1,62}$", message = "must be a lower-case alias") String id,
                            @NotBlank @Size(max = 200) String name,
                            @NotNull Tenant.Kind kind,
                            @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code") String jurisdiction,
                            @Nullable @Pattern(regexp = "^[a-z][a-z0-9-]{0,62}$") String cell,
                            @Nullable @Pattern(regexp = "^[a-z]{2,3}(-[A-Z]{2})?$") String locale,
                            @Nullable @Size(max = 64) String timezone,
                            @Nullable @Email @Size(max = 254) String adminEmail) {
    }

    private static final String COLUMNS = "id, name, kind, jurisdiction, status, cell, locale, timezone, version, created_at, updated_at";
    private static final String SELECT = COLUMNS + ", provisioning::text as provisioning";

    private final Sql sql;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public TenantRegistry(Sql sql, Outbox outbox, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.sql = sql;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public Tenant create(NewTenant request, String admin) {
        String timezone = request.timezone() == null ? "UTC" : request.timezone();
        if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
            throw ProblemException.invalid("timezone", "must be an IANA time zone such as Europe/Berlin");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        int inserted = sql.update("insert into tenant (" + COLUMNS + ") values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, 1, ?, ?) "
                        + "on conflict (id) do nothing", request.id(), request.name(), request.kind(), request.jurisdiction(),
                request.cell() == null ? "default" : request.cell(), request.locale() == null ? "en" : request.locale(),
                timezone, now, now);
        if (inserted == 0) {
            throw new ProblemException(ProblemType.CONFLICT, "A tenant with id " + request.id() + " exists.");
        }
        publish(request.id(), admin, EventType.TENANT_CREATED, "tenant.create", Tenant.Status.ACTIVE);
        return find(request.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return sql.query("select " + SELECT + " from tenant order by id", this::map);
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> find(String id) {
        return sql.queryOne("select " + SELECT + " from tenant where id = ?", this::map, id);
    }

    /** ACTIVE ⇄ SUSPENDED, either to OFFBOARDED; an offboarded tenant never changes again. */
    @Transactional
    public Tenant setStatus(String id, Tenant.Status to, String admin) {
        Tenant current = find(id).orElseThrow(() -> ProblemException.notFound("Tenant"));
        Set<Tenant.Status> from = switch (to) {
            case SUSPENDED -> Set.of(Tenant.Status.ACTIVE);
            case ACTIVE -> Set.of(Tenant.Status.SUSPENDED);
            case OFFBOARDED -> Set.of(Tenant.Status.ACTIVE, Tenant.Status.SUSPENDED);
        };
        if (!from.contains(current.status())) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "A " + current.status() + " tenant cannot become " + to + ".");
        }
        sql.update("update tenant set status = ?, version = version + 1, updated_at = ? where id = ? and version = ?",
                to, Instant.now(clock).truncatedTo(ChronoUnit.MICROS), id, current.version());
        publish(id, admin, switch (to) {
            case SUSPENDED -> EventType.TENANT_SUSPENDED;
            case ACTIVE -> EventType.TENANT_REACTIVATED;
            case OFFBOARDED -> EventType.TENANT_OFFBOARDED;
        }, switch (to) {
            case SUSPENDED -> "tenant.suspend";
            case ACTIVE -> "tenant.reactivate";
            case OFFBOARDED -> "tenant.offboard";
        }, to);
        return find(id).orElseThrow();
    }

    /** Events travel in the tenant's own stream, and the act in its audit chain, written as the platform administrator who acted. */
    private void publish(String tenantId, String admin, EventType type, String action, Tenant.Status status) {
        asAdmin(tenantId, admin, () -> {
            outbox.publish(type, tenantId, new TenantEvents.TenantChanged(tenantId, status.name()));
            audit.record(action, "tenant", tenantId, AuditTrail.Outcome.SUCCESS);
        });
    }

    private void asAdmin(String tenantId, String admin, Runnable work) {
        sql.asTenant(new Caller(tenantId, admin, Set.of(Roles.PLATFORM_ADMIN)), () -> {
            work.run();
            return null;
        });
    }

    /**
     * Records what provisioning (or, on offboarding, the destruction of the data keys) did — the
     * latest run's steps — and the run itself in the tenant's audit chain, each step with its outcome
     * ({@code tenant.provision} / {@code tenant.shred-keys}, resource {@code <tenant>:<step>=<status>,…}).
     */
    @Transactional
    public Tenant recordProvisioning(String id, List<Provisioning.Step> steps, String admin, String action) {
        sql.update("update tenant set provisioning = ?, updated_at = ? where id = ?", sql.jsonb(steps),
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS), id);
        String outcome = steps.stream().map(s -> s.name() + "=" + s.status()).collect(java.util.stream.Collectors.joining(","));
        asAdmin(id, admin, () -> audit.record(action, "tenant", id + ":" + outcome, AuditTrail.Outcome.SUCCESS));
        return find(id).orElseThrow();
    }

    private Tenant map(ResultSet rs) throws SQLException {
        return new Tenant(rs.getString("id"), rs.getString("name"), Tenant.Kind.valueOf(rs.getString("kind")),
                rs.getString("jurisdiction"), Tenant.Status.valueOf(rs.getString("status")), rs.getString("cell"),
                rs.getString("locale"), rs.getString("timezone"), rs.getLong("version"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"), sql.read(rs.getString("provisioning"), STEPS), null);
    }

    private static final Argument<List<Provisioning.Step>> STEPS = Argument.listOf(Provisioning.Step.class);
}
