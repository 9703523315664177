package org.sanctuary.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per tenant (Bucket4j), so one tenant's flood empties only its own bucket and
 * never another tenant's.
 */
@Singleton
public class TenantRateLimiter {

    /** The outcome for one request: allowed or not, and what the RateLimit-* headers say. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {
    }

    private final GatewayConfiguration configuration;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TenantRateLimiter(GatewayConfiguration configuration) {
        this.configuration = configuration;
    }

    public Decision tryAcquire(String tenant) {
        int rate = configuration.rateFor(tenant);
        long capacity = Math.max(configuration.burst(), rate);
        Bucket bucket = buckets.computeIfAbsent(tenant, t -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(rate, Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9);
        return new Decision(probe.isConsumed(), capacity, probe.getRemainingTokens(), probe.isConsumed() ? 0 : Math.max(1, reset));
    }
}
