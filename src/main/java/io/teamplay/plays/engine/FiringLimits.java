package io.teamplay.plays.engine;

import java.time.Duration;

/**
 * What one event's firing may use, whatever the plays say: wall time, CPU time of the firing thread, rule firings,
 * decisions (actions taken), and memory (bytes the firing thread allocates). {@link #DEFAULTS} are the defaults of
 * {@code teamplay.plays.limits.*}.
 */
public record FiringLimits(Duration wallTime, Duration cpuTime, int firings, int decisions, long memoryBytes) {

    public static final FiringLimits DEFAULTS =
            new FiringLimits(Duration.ofMillis(200), Duration.ofMillis(200), 1_000, 100, 64L * 1024 * 1024);

    public FiringLimits {
        if (wallTime.isNegative() || wallTime.isZero() || cpuTime.isNegative() || cpuTime.isZero() || firings < 1
                || decisions < 1 || memoryBytes < 1) {
            throw new IllegalArgumentException("every firing limit must be positive: " + wallTime + ", " + cpuTime
                    + ", " + firings + ", " + decisions + ", " + memoryBytes);
        }
    }

    /** What passing this limit means, in the words a play's author reads. */
    String passed(Limit limit) {
        return switch (limit) {
            case WALL_TIME -> "the event's firing took longer than " + wallTime.toMillis() + " ms (the wall-time limit)";
            case CPU_TIME -> "the event's firing used more than " + cpuTime.toMillis() + " ms of CPU (the CPU-time limit)";
            case FIRINGS -> "the event caused more than " + firings + " rule firings (the firings limit)";
            case DECISIONS -> "the event took more than " + decisions + " actions (the decisions limit)";
            case MEMORY -> "the event's firing allocated more than " + megabytes(memoryBytes) + " (the memory limit)";
        };
    }

    String ranOutOfMemory() {
        return "the heap ran out of memory while the event fired (the memory limit is " + megabytes(memoryBytes) + ")";
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /** The limits one firing can pass. */
    public enum Limit { WALL_TIME, CPU_TIME, FIRINGS, DECISIONS, MEMORY }
}
