package io.teamplay.imports;

import java.util.List;

public record ImportReport(long rows, long created, long updated, long unchanged, List<ImportError> errors) {
}
