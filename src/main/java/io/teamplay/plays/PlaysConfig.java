package io.teamplay.plays;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /** How long the worker sleeps when there is nothing to do, unless woken by a new event. */
    @WithDefault("500")
    long pollMillis();
}
