package io.teamplay.segments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code teamplay.segments.*}: how far a page's count goes, and how long one segment query may run. */
@ConfigMapping(prefix = "teamplay.segments")
public interface SegmentsConfig {

    /**
     * {@code GET /api/accounts} counts matches up to this many (then answers "N or more"), unless {@code count=true}.
     * The count reads accounts until it has this many matches: a filter matching one account in 15 reads 15 times
     * this many (bench/RESULTS.md), so it stays a few pages' worth.
     */
    @WithDefault("200")
    int countLimit();

    /** The longest one segment query (page, count) may run before it is cancelled and answered with a problem. */
    @WithDefault("2s")
    Duration statementTimeout();
}
