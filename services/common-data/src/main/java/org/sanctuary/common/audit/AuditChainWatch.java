package org.sanctuary.common.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verifies every tenant's audit chains on a schedule ({@code sanctuary.audit.verify-interval}, hourly) and
 * reports a broken one: an ERROR log line naming the tenant, chain and entry, and the gauge
 * {@code sanctuary.audit.chains.broken} (tenants whose chains are broken now), for alerting.
 */
@Singleton
public class AuditChainWatch {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainWatch.class);

    private final AuditChainVerifier verifier;
    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, AuditChainVerifier.Result> broken = new ConcurrentHashMap<>();
    private final AtomicInteger brokenCount;

    public AuditChainWatch(AuditChainVerifier verifier, Sql sql, TransactionOperations<Connection> transactions,
                           MeterRegistry meters) {
        this.verifier = verifier;
        this.sql = sql;
        this.transactions = transactions;
        this.brokenCount = meters.gauge("sanctuary.audit.chains.broken", new AtomicInteger());
    }

    @Scheduled(fixedDelay = "${sanctuary.audit.verify-interval:1h}", initialDelay = "${sanctuary.audit.verify-initial-delay:5m}")
    void scheduled() {
        try {
            verifyAll();
        } catch (RuntimeException e) {
            LOG.warn("audit chain verification did not run: {}", e.getMessage());
        }
    }

    /** Verifies each tenant's chains; the tenants whose chains are broken, with the first broken link of each. */
    public Map<String, AuditChainVerifier.Result> verifyAll() {
        List<String> tenants = transactions.executeRead(status ->
                sql.query("select tenant_id from audit_tenant order by tenant_id", rs -> rs.getString(1)));
        for (String tenant : tenants) {
            AuditChainVerifier.Result result = Caller.callAs(Caller.system(tenant, "audit-verification"), verifier::verifyCurrentTenant);
            if (result.intact()) {
                broken.remove(tenant);
            } else {
                broken.put(tenant, result);
                LOG.error("AUDIT CHAIN BROKEN: tenant {} chain {} at entry {}: {}", tenant, result.brokenChain(),
                        result.firstBrokenSeq(), result.reason());
            }
        }
        brokenCount.set(broken.size());
        return Map.copyOf(broken);
    }
}
