package org.sanctuary.common.runtime;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Every service's one clock (UTC), a bean so tests can move time, e.g. past an appeal deadline (testkit's MovableClock). */
@Factory
class Clocks {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
