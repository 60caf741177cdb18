package io.teamplay.imports;

import java.time.Instant;
import java.util.List;

/**
 * An import as {@code GET /api/imports/{id}} shows it: while it runs, the rows done so far, the rate and the errors
 * found so far (the first {@value ImportErrors#KEPT} in line order); once done, the same fields are its report.
 */
public record ImportView(String id, ImportStatus status, String format, String actor, long rows, long created,
                         long updated, long unchanged, long errorCount, List<ImportError> errors, double rowsPerSecond,
                         Instant startedAt, Instant finishedAt, String failure) {
}
