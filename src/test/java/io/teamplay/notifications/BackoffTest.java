package io.teamplay.notifications;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Failed sends wait base, 2 x base, 4 x base... up to max before the next try. */
class BackoffTest {

    private static final Duration BASE = Duration.ofMinutes(5);
    private static final Duration MAX = Duration.ofHours(6);

    @Test
    void shouldDoubleTheWaitWithEachFailureUpToTheMaximum() {
        assertEquals(Duration.ZERO, Backoff.after(0, BASE, MAX));
        assertEquals(Duration.ofMinutes(5), Backoff.after(1, BASE, MAX));
        assertEquals(Duration.ofMinutes(10), Backoff.after(2, BASE, MAX));
        assertEquals(Duration.ofMinutes(40), Backoff.after(4, BASE, MAX));
        assertEquals(MAX, Backoff.after(8, BASE, MAX));
        assertEquals(MAX, Backoff.after(1_000, BASE, MAX));
    }

    @Test
    void shouldRetryAtOnceWithNoBase() {
        assertEquals(Duration.ZERO, Backoff.after(3, Duration.ZERO, MAX));
    }
}
