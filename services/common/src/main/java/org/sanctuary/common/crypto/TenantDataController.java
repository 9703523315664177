package org.sanctuary.common.crypto;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.validation.constraints.Pattern;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.persistence.Sql;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Header;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.TenantStatusSource;
import java.util.Optional;
import org.sanctuary.common.tenancy.Roles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /internal/v1/tenants/{tenantId}/data-key}: the tenants control plane provisions a tenant's
 * data key here ({@code PUT}) and, when offboarding, destroys it ({@code DELETE}: crypto-shredding),
 * getting back where the tenant's rows lie in this service. Platform administrators only; never routed
 * by the gateway. Every call is audited in the tenant's own chain.
 */
@Requires(beans = DataSource.class)
@Controller("/internal/v1/tenants/{tenantId}/data-key")
@Secured(Roles.PLATFORM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantDataController {


    @Serdeable
    record KeyProvisioned(String service, String tenantId, boolean created) {
    }


    private final TenantKeyring keyring;
    private final Sql sql;
    private final AuditTrail audit;
    private final TransactionOperations<Connection> transactions;
    private final String service;
    private final BeanProvider<TenantStatusSource> registry;

    TenantDataController(TenantKeyring keyring, Sql sql, AuditTrail audit, TransactionOperations<Connection> transactions,
                         @Value("${micronaut.application.name}") String service, BeanProvider<TenantStatusSource> registry) {
        this.registry = registry;
        this.keyring = keyring;
        this.sql = sql;
        this.audit = audit;
        this.transactions = transactions;
        this.service = service;
    }

    @Put
    KeyProvisioned provision(@PathVariable @Pattern(regexp = Caller.TENANT_PATTERN) String tenantId) {
        return transactions.executeWrite(status -> sql.asTenant(Caller.system(tenantId, "provisioning"), () -> {
            boolean created = keyring.ensureCurrentTenantKey();
            audit.record("data-key.provision", "tenant", tenantId, AuditTrail.Outcome.SUCCESS);
            return new KeyProvisioned(service, tenantId, created);
        }));
    }

    /** Only an OFFBOARDED tenant's key is destroyed (409 otherwise, or when the registry cannot confirm it). */
    @Delete
    KeyDestroyed destroy(@PathVariable @Pattern(regexp = Caller.TENANT_PATTERN) String tenantId,
                         @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<String> registered = registry.find(null).flatMap(source ->
                source.registeredStatus(tenantId, authorization.replaceFirst("(?i)^Bearer ", "")));
        if (!registered.map(TenantStatusSource.OFFBOARDED::equals).orElse(false)) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "Only an offboarded tenant's data key is destroyed; "
                    + tenantId + " is " + registered.map(String::toLowerCase).orElse("not confirmed as offboarded by the registry") + ".");
        }
        return transactions.executeWrite(status -> sql.asTenant(Caller.system(tenantId, "offboarding"), () -> {
            boolean destroyed = keyring.destroyCurrentTenantKey();
            audit.record("data-key.destroy", "tenant", tenantId, AuditTrail.Outcome.SUCCESS);
            List<KeyDestroyed.Location> locations = new ArrayList<>();
            for (String table : sql.query("select table_name from information_schema.columns where table_schema = 'public' "
                    + "and column_name = 'tenant_id' order by table_name", rs -> rs.getString(1))) {
                long rows = sql.queryOne("select count(*) from " + quoted(table) + " where tenant_id = ?", rs -> rs.getLong(1),
                        tenantId).orElse(0L);
                if (rows > 0) {
                    locations.add(new KeyDestroyed.Location(table, rows));
                }
            }
            return new KeyDestroyed(service, tenantId, destroyed, locations);
        }));
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
