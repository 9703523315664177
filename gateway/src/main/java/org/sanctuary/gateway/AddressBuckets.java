package org.sanctuary.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets keyed by client address: {@code perMinute} tokens at most, refilled evenly over a
 * minute. Bounded: past {@link #MAX_ADDRESSES} addresses, buckets that are full again (that
 * address has been quiet) are dropped.
 */
final class AddressBuckets {

    static final int MAX_ADDRESSES = 100_000;

    private final long perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    AddressBuckets(long perMinute) {
        this.perMinute = perMinute;
    }

    private Bucket bucket(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= perMinute);
        }
        return buckets.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    /** Takes one token; the seconds to wait when there was none (0 when taken). */
    long take(String address) {
        var probe = bucket(address).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /** The seconds to wait before one token is there again (0 when there is one now), taking none. */
    long waitFor(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    /** Spends one token if there is one (a failure counted against the address). */
    void spend(String address) {
        bucket(address).tryConsume(1);
    }

    private static long seconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
}
