package io.teamplay.imports;

import io.teamplay.common.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a CSV file (RFC 4180, Commons CSV), streamed record by record. Lines are physical lines: a quoted value
 * spanning several lines counts them all. A UTF-8 byte-order mark is dropped.
 */
final class CsvRows implements RowSource {

    private static final char BOM = '\uFEFF';

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRows(Reader csv) {
        try {
            this.parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get().parse(withoutBom(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
    }

    @Override
    public List<String> header() {
        CSVRecord first;
        try {
            first = records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException malformed) {
            throw ProblemException.badRequest("account_id", "the header row is malformed CSV: " + reason(malformed));
        }
        if (first == null) {
            throw ProblemException.badRequest("account_id", "the file is empty: the first row must be a header with account_id");
        }
        return first.toList();
    }

    @Override
    public SourceRow next(ImportErrors errors) {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                record = records.hasNext() ? records.next() : null;
            } catch (UncheckedIOException | IllegalStateException malformed) {
                errors.add(new ImportError(line, null, "malformed CSV from this line on (" + reason(malformed)
                        + "); the rest of the file was not read"));
                return null;
            }
            if (record == null) {
                return null;
            }
            if (!isBlank(record)) {
                return new SourceRow(line, record.toList(), List.of());
            }
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** An empty line, or a row of empty cells (",,,", as spreadsheets export): skipped, not counted as a row. */
    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String reason(RuntimeException malformed) {
        return malformed.getCause() == null ? malformed.getMessage() : malformed.getCause().getMessage();
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BOM) {
            pushback.unread(first);
        }
        return pushback;
    }
}
