package io.teamplay.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code teamplay.imports.*}: how uploads are written. */
@ConfigMapping(prefix = "teamplay.imports")
public interface ImportsConfig {

    /**
     * Rows written per transaction, set-based (a few statements per table and batch). Held in memory: one batch of
     * parsed rows. A failing batch is written again row by row, so a larger batch makes that rarer case dearer.
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
}
