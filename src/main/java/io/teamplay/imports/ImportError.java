package io.teamplay.imports;

/** A skipped row: its line in the file (the header is line 1), the column at fault, and why. */
public record ImportError(long line, String column, String message) {
}
