package io.teamplay.notifications;

import java.time.Duration;

/** Exponential backoff for failed sends: base, 2 x base, 4 x base... never more than max. */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int attempts, Duration base, Duration max) {
        if (attempts <= 0 || base.isZero() || base.isNegative()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempts - 1, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
