package io.teamplay.imports;

import java.io.Closeable;
import java.util.List;

/** The rows of an uploaded file, CSV or JSON: a header of column names, then the rows one at a time. */
interface RowSource extends Closeable {

    /** The column names; a 400 problem when the file is empty or its header cannot be read. */
    List<String> header();

    /**
     * The next row with a cell that is not blank, or null at the end. A file broken from some point on (a quote never
     * closed) ends there: the error is added to {@code errors} and null answered.
     */
    SourceRow next(ImportErrors errors);
}
