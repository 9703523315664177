package org.sanctuary.tenants.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import jakarta.inject.Singleton;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Computes RFC 6902 patches between two pack versions (zjsonpatch) with the CPU one tenant may take
 * bounded: its documents are within {@link PackLimits} (checked by the caller), move and copy
 * operations are not searched for (that search is quadratic in the number of changes), and only a
 * few comparisons run at once — {@code per-tenant} for each tenant, {@code concurrency} in all (half
 * the cores by default, so requests of other tenants keep a core). A comparison that cannot start
 * within {@code wait} is refused with 429; it never holds a database connection (docs/decisions.md).
 */
@Singleton
public class PackComparison {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_VALUE_ON_REMOVE,
            DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION);

    private final Semaphore all;
    private final int perTenant;
    private final Duration wait;
    private final Map<String, Semaphore> tenants = new ConcurrentHashMap<>();

    public PackComparison(DiffLimits limits) {
        this.all = new Semaphore(limits.concurrency() > 0 ? limits.concurrency()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        this.perTenant = Math.max(1, limits.perTenant());
        this.wait = limits.queueWait();
    }

    /** The patch turning {@code source} into {@code target}, both JSON texts within {@link PackLimits}. */
    public String patch(String tenantId, String source, String target) {
        Semaphore own = tenants.computeIfAbsent(tenantId, t -> new Semaphore(perTenant));
        acquire(own, "Your organization already has " + perTenant + " comparison(s) of policy packs running; retry shortly.");
        try {
            acquire(all, "Comparisons of policy packs are busy; retry shortly.");
            try {
                JsonNode from = JACKSON.readTree(source);
                JsonNode to = JACKSON.readTree(target);
                return JACKSON.writeValueAsString(JsonDiff.asJson(from, to, FLAGS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                all.release();
            }
        } finally {
            own.release();
        }
    }

    private void acquire(Semaphore permits, String refusal) {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, refusal);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.UNAVAILABLE, "The comparison was interrupted; retry shortly.");
        }
    }
}
