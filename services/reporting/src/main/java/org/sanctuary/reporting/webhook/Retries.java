package org.sanctuary.reporting.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the schedule Standard Webhooks' reference implementation (Svix) uses — at
 * once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h — eight attempts over 27 h 35 min. After the last one
 * fails the delivery has failed for good, and its subscription is disabled with the reason. {@code scale} shortens the
 * schedule for tests only.
 */
record Retries(double scale) {

    static final List<Duration> AFTER_ATTEMPT = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    /** How long to wait after attempt number {@code attempts} (1 = the first) failed; empty when there is no next one. */
    Optional<Duration> after(int attempts) {
        if (attempts < 1 || attempts > AFTER_ATTEMPT.size()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(AFTER_ATTEMPT.get(attempts - 1).toMillis() * scale)));
    }

    /** The time from the first attempt to the last. */
    static Duration span() {
        return AFTER_ATTEMPT.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
