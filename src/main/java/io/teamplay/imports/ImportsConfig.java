package io.teamplay.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code teamplay.imports.*}: how CSV uploads are written. */
@ConfigMapping(prefix = "teamplay.imports")
public interface ImportsConfig {

    /**
     * Rows per transaction: each commit costs a round trip and a WAL flush; a failing batch is written again row by
     * row, so a larger batch makes that rarer case dearer. Held in memory: one batch of parsed rows.
     */
    @WithDefault("250")
    int batchSize();
}
