package org.sanctuary.testkit;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests (it replaces the service's Clock bean): real time, plus whatever offset a test moves it by. */
@Singleton
@Replaces(Clock.class)
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void move(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
