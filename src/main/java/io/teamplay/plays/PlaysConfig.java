package io.teamplay.plays;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the plays feature, {@code teamplay.plays.*}. */
@ConfigMapping(prefix = "teamplay.plays")
public interface PlaysConfig {

    /** The directory of the play files and of plays.dsl; watched for changes. */
    @WithDefault("rules")
    String dir();

    /** Deepest cascade followed: an event caused by plays this many times over is stopped and recorded failed. */
    @WithDefault("5")
    int maxDepth();

    /** How often the rules directory is looked at for changed files (used by the scheduler). */
    @WithDefault("2s")
    String scanEvery();

    /** When the daily ticks are queued (Quartz-style cron, used by the scheduler). */
    @WithDefault("0 0 6 * * ?")
    String dailyCron();

    /**
     * How many days back the daily run makes up for days it missed (the service was down at the daily time): each
     * missed day gets its tick, dated that day, so time-based plays see every day once.
     */
    @WithDefault("7")
    int dailyCatchUpDays();

    /** Whether this instance runs the event worker. */
    @WithDefault("true")
    boolean worker();

    /**
     * Worker threads of this instance. 1 keeps the events of an instance in order; more (or more instances) raise
     * throughput, events of one account still never interleave (the account is locked while its event is handled).
     */
    @WithDefault("1")
    int workers();

    /**
     * Most events a worker claims and handles in one transaction (one account's pending events stay together, in
     * order); an event that fails is set apart and the others are handled again without it.
     */
    @WithDefault("200")
    int batchSize();

    /**
     * How long the worker sleeps when there is nothing to do, unless woken by a new event (of this instance, or on
     * PostgreSQL of any instance, by NOTIFY): a safety net.
     */
    @WithDefault("500")
    long pollMillis();

    /** Most accounts a preview over a segment fires the play on; a wider filter is refused, naming the count. */
    @WithDefault("50000")
    int previewMaxAccounts();

    /** What one event's firing may use, and what happens to plays and events past it ({@code teamplay.plays.limits.*}). */
    Limits limits();

    interface Limits {

        /** Longest one event's firing may take (rules only: not the facts before, nor applying the decisions after). */
        @WithDefault("200ms")
        Duration wallTime();

        /** Most CPU time the firing thread may use for one event's firing. */
        @WithDefault("200ms")
        Duration cpuTime();

        /** Most rule firings one event may cause. */
        @WithDefault("1000")
        int firings();

        /** Most decisions (actions) the plays may take on one event. */
        @WithDefault("100")
        int decisions();

        /** Most memory the firing thread may allocate for one event's firing. */
        @WithDefault("64M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize memory();

        /** A play whose firings passed a limit this many times since it was activated is deactivated. */
        @WithDefault("3")
        int deactivateAfter();

        /**
         * Times the handling of one event may be started without finishing (its worker crashed, hung or was killed)
         * before the event is recorded FAILED instead of being tried again.
         */
        @WithDefault("3")
        int attempts();

        /** How long an event being handled stays with its worker; after that another worker tries it again. */
        @WithDefault("2m")
        Duration retryAfter();
    }
}
