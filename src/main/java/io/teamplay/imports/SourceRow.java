package io.teamplay.imports;

import java.util.List;

/**
 * A data row as the file gives it: where it starts (a CSV line, or a JSON element's position), its cells in the
 * order of the header, and what was wrong with cells that hold no usable text (a JSON object where a value belongs).
 */
record SourceRow(long line, List<String> cells, List<ImportError> problems) {
}
