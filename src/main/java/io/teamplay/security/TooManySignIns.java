package io.teamplay.security;

import java.time.Duration;

/** Sign-in refused without checking the credentials: too many recent failures for this email. */
public class TooManySignIns extends RuntimeException {

    private final Duration retryAfter;

    TooManySignIns(String email, Duration retryAfter) {
        super("Too many failed sign-ins for " + email);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
