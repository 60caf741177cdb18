package io.teamplay.imports;

import java.util.List;

/**
 * The answer of an import: its id, rows read, how the applied ones changed, the first {@value ImportErrors#KEPT}
 * errors in line order and {@code errorCount}, how many errors there were in all.
 */
public record ImportReport(String id, long rows, long created, long updated, long unchanged, List<ImportError> errors,
                           long errorCount) {
}
