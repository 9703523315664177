package org.sanctuary.common.crypto;

import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.TenantStatusSource;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's data key in this service, as the tenants control plane provisions it on creation and destroys it on
 * offboarding (crypto-shredding), with where the tenant's rows lie. Every change is audited in the tenant's own chain.
 */
@Singleton
public class TenantDataKeys {

    @Serdeable
    public record KeyProvisioned(String service, String tenantId, boolean created) {
    }

    private final TenantKeyring keyring;
    private final Sql sql;
    private final AuditTrail audit;
    private final TransactionOperations<Connection> transactions;
    private final String service;
    private final BeanProvider<TenantStatusSource> registry;

    TenantDataKeys(TenantKeyring keyring, Sql sql, AuditTrail audit, TransactionOperations<Connection> transactions,
                   ApplicationConfiguration application, BeanProvider<TenantStatusSource> registry) {
        this.registry = registry;
        this.keyring = keyring;
        this.sql = sql;
        this.audit = audit;
        this.transactions = transactions;
        this.service = application.getName().orElseThrow(() -> new IllegalStateException("micronaut.application.name is not set"));
    }

    public KeyProvisioned provision(String tenantId) {
        return transactions.executeWrite(status -> sql.asTenant(Caller.system(tenantId, "provisioning"), () -> {
            boolean created = keyring.ensureCurrentTenantKey();
            audit.record("data-key.provision", "tenant", tenantId, AuditTrail.Outcome.SUCCESS);
            return new KeyProvisioned(service, tenantId, created);
        }));
    }

    /**
     * Only an OFFBOARDED tenant's key is destroyed (409 otherwise, or when the registry, asked with {@code bearerToken},
     * cannot confirm it).
     */
    public KeyDestroyed destroy(String tenantId, String bearerToken) {
        Optional<String> registered = registry.find(null).flatMap(source -> source.registeredStatus(tenantId, bearerToken));
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
