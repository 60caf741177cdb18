package io.teamplay.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code teamplay.imports.*}: how uploads are written. */
@ConfigMapping(prefix = "teamplay.imports")
public interface ImportsConfig {

    /**
     * Rows written per transaction, set-based (a few statements per table and batch). Held in memory: one batch of
     * parsed rows. A failing batch is written again in halves, down to single rows, so a larger batch makes that rarer case dearer.
     */
    @WithDefault("10000")
    int batchSize();

    /**
     * Uploads larger than this many bytes are imported after the answer: 202 with the import's id, progress at
     * {@code GET /api/imports/{id}}. Smaller ones answer 200 with the report (unless the client asks
     * {@code Prefer: respond-async}).
     */
    @WithDefault("1048576")
    long asyncAbove();

    /** How often an instance says, on each import it runs, that it still runs it (and looks for abandoned ones). */
    @WithDefault("10s")
    Duration heartbeat();

    /**
     * An import RUNNING whose heartbeat is older than this was left by an instance that stopped: it is marked FAILED
     * (at start-up and at each heartbeat, by any instance). Several missed heartbeats, so a busy instance is not taken
     * for a dead one.
     */
    @WithDefault("60s")
    Duration staleAfter();
}
