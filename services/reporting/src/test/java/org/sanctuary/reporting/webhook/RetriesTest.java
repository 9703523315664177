package org.sanctuary.reporting.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetriesTest {

    @Test
    void eightAttemptsOverMoreThanADayWithGrowingWaits() {
        Retries retries = new Retries(1);
        assertEquals(Optional.of(Duration.ofSeconds(5)), retries.after(1));
        assertEquals(Optional.of(Duration.ofHours(10)), retries.after(7));
        assertEquals(Optional.empty(), retries.after(8), "the eighth attempt is the last");
        assertTrue(Retries.span().compareTo(Duration.ofHours(24)) > 0, Retries.span().toString());
        for (int attempt = 2; attempt <= 7; attempt++) {
            assertTrue(retries.after(attempt).orElseThrow().compareTo(retries.after(attempt - 1).orElseThrow()) >= 0);
        }
    }
}
