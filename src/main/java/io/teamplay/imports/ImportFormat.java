package io.teamplay.imports;

/** How an upload is written: CSV with a header row, or its JSON twin (an array of rows). */
enum ImportFormat {
    CSV, JSON
}
