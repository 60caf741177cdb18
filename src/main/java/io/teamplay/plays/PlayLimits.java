package io.teamplay.plays;

import io.teamplay.plays.engine.FiringLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** The limits of plays as configured ({@code teamplay.plays.limits.*}), read by every firing. */
@ApplicationScoped
public class PlayLimits {

    @Inject
    PlaysConfig config;

    private FiringLimits firing;

    @PostConstruct
    void read() {
        PlaysConfig.Limits limits = config.limits();
        firing = new FiringLimits(limits.wallTime(), limits.cpuTime(), limits.firings(), limits.decisions(),
                limits.memory().asLongValue());
    }

    /** What one event's firing (or a dry run) may use. */
    public FiringLimits firing() {
        return firing;
    }

    /** Limit failures after which a play is deactivated. */
    public int deactivateAfter() {
        return config.limits().deactivateAfter();
    }

    /** Started handlings of one event, none finished, after which it is FAILED instead of tried again. */
    public int attempts() {
        return config.limits().attempts();
    }

    /** How long a started event stays with its worker before another may try it again. */
    public Duration retryAfter() {
        return config.limits().retryAfter();
    }
}
