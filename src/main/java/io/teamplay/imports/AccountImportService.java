package io.teamplay.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AttributeValues;
import io.teamplay.accounts.ImportOutcome;
import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.common.Emails;
import io.teamplay.common.ProblemException;
import io.teamplay.roles.EmptyValueBehavior;
import io.teamplay.roles.RoleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV account uploads (the integration path). The file is streamed and written in batches, each in its own
 * transaction; a bad row is reported with its line and column and skipped, every other row is applied.
 */
@ApplicationScoped
public class AccountImportService {

    private static final Logger LOG = Logger.getLogger(AccountImportService.class);
    private static final int BATCH_SIZE = 250;
    private static final char BOM = '\uFEFF';
    private static final int MAX_ID = 200;
    private static final int MAX_NAME = 500;

    @Inject
    RoleService roles;
    @Inject
    AccountService accounts;
    @Inject
    AssignmentService assignments;

    public ImportReport importAccounts(Reader csv, String actor) {
        Tally tally = new Tally();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get().parse(withoutBom(csv))) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord first = nextRecord(records, 1, tally);
            if (first == null) {
                throw ProblemException.badRequest("account_id", "the file is empty: the first row must be a header with account_id");
            }
            ImportHeader header = ImportHeader.parse(first.toList(), roles.all());
            List<ImportRow> batch = new ArrayList<>(BATCH_SIZE);
            long startLine = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            while ((record = nextRecord(records, startLine, tally)) != null) {
                tally.rows++;
                read(header, record, startLine, tally).ifPresent(batch::add);
                startLine = parser.getCurrentLineNumber() + 1;
                if (batch.size() == BATCH_SIZE) {
                    apply(batch, actor, tally);
                    batch.clear();
                }
            }
            apply(batch, actor, tally);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("Account import by %s: %d rows, %d created, %d updated, %d unchanged, %d skipped",
                actor, tally.rows, tally.created, tally.updated, tally.unchanged, tally.errors.size());
        return new ImportReport(tally.rows, tally.created, tally.updated, tally.unchanged, tally.errors);
    }

    /** Reads and checks one row; a bad row is recorded and skipped. */
    private java.util.Optional<ImportRow> read(ImportHeader header, CSVRecord record, long line, Tally tally) {
        List<ImportError> errors = new ArrayList<>();
        String accountId = cell(record, header.accountIdColumn());
        if (accountId.isEmpty()) {
            errors.add(new ImportError(line, header.columnName(header.accountIdColumn()), "account_id is empty"));
        } else if (accountId.length() > MAX_ID) {
            errors.add(new ImportError(line, header.columnName(header.accountIdColumn()),
                    "account_id is longer than " + MAX_ID + " characters"));
        }
        String name = header.nameColumn() < 0 ? null : cell(record, header.nameColumn());
        if (name != null && name.length() > MAX_NAME) {
            errors.add(new ImportError(line, header.columnName(header.nameColumn()), "name is longer than " + MAX_NAME + " characters"));
        }
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        header.attributes().forEach((index, attribute) -> {
            String value = cell(record, index);
            if (!value.isEmpty()) {
                JsonNode typed = AttributeValues.fromCell(value);
                try {
                    AttributeValues.toJson(attribute, typed);
                    attributes.put(attribute, typed);
                } catch (ProblemException invalid) {
                    errors.add(new ImportError(line, header.columnName(index), invalid.getMessage()));
                }
            }
        });
        Map<String, Assignee> seats = new HashMap<>();
        header.roles().forEach((role, columns) -> {
            String email = cell(record, columns.emailColumn());
            String nameOrEmail = cell(record, columns.nameOrEmailColumn());
            int column = email.isEmpty() ? columns.nameOrEmailColumn() : columns.emailColumn();
            if (email.isEmpty() && nameOrEmail.isEmpty()) {
                if (columns.role().emptyValueBehavior() == EmptyValueBehavior.CLEAR) {
                    seats.put(role, null);
                }
                return;
            }
            if (!email.isEmpty() && !Emails.isWellFormed(email)) {
                errors.add(new ImportError(line, header.columnName(column), "'" + email + "' is not a valid email address"));
                return;
            }
            Assignee assignee = email.isEmpty() ? Assignee.byNameOrEmail(nameOrEmail) : Assignee.byEmail(email);
            assignments.refusal(role, assignee, AssignmentPath.INTEGRATION, null).ifPresentOrElse(
                    reason -> errors.add(new ImportError(line, header.columnName(column), reason)),
                    () -> seats.put(role, assignee));
        });
        if (!errors.isEmpty()) {
            tally.errors.addAll(errors);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ImportRow(line, accountId, name, attributes, seats));
    }

    /** Writes a batch in one transaction; if anything in it fails, each row again on its own. */
    private void apply(List<ImportRow> batch, String actor, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Boolean> changed = QuarkusTransaction.requiringNew().call(() -> batch.stream().map(row -> write(row, actor)).toList());
            tally.count(changed);
        } catch (RuntimeException batchFailed) {
            for (ImportRow row : batch) {
                try {
                    List<Boolean> changed = new ArrayList<>();
                    changed.add(QuarkusTransaction.requiringNew().call(() -> write(row, actor)));
                    tally.count(changed);
                } catch (ProblemException refused) {
                    String column = refused.errors().isEmpty() ? ImportHeader.ACCOUNT_ID : refused.errors().get(0).field();
                    tally.errors.add(new ImportError(row.line(), column, refused.getMessage()));
                } catch (RuntimeException failed) {
                    LOG.warnf(failed, "Import row at line %d (account %s) failed", row.line(), row.accountId());
                    tally.errors.add(new ImportError(row.line(), ImportHeader.ACCOUNT_ID, "the row could not be written: " + failed.getMessage()));
                }
            }
        }
    }

    /** Answers whether the row changed anything; counts a created account separately. */
    private Boolean write(ImportRow row, String actor) {
        ImportOutcome account = accounts.upsert(row.accountId(), row.name(), row.attributes(), actor);
        boolean seatsChanged = false;
        for (Map.Entry<String, Assignee> seat : row.seats().entrySet()) {
            AssignmentChange change = seat.getValue() == null
                    ? AssignmentChange.clear(row.accountId(), seat.getKey(), AssignmentPath.INTEGRATION, actor)
                    : AssignmentChange.assign(row.accountId(), seat.getKey(), seat.getValue(), AssignmentPath.INTEGRATION, actor);
            seatsChanged |= assignments.change(change).changed();
        }
        if (account == ImportOutcome.CREATED) {
            return null;
        }
        return account == ImportOutcome.UPDATED || seatsChanged;
    }

    /**
     * The next record, or null at the end of the file. A CSV syntax error (e.g. a quote never closed) ends the
     * reading: it is reported at the line where the broken record starts, and the rows before it are still applied.
     * Only the parser's own failures land here, so a failing write is never mistaken for a malformed file.
     */
    private static CSVRecord nextRecord(Iterator<CSVRecord> records, long line, Tally tally) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException malformed) {
            if (line == 1) {
                throw ProblemException.badRequest("account_id", "the header row is malformed CSV: " + reason(malformed));
            }
            tally.errors.add(new ImportError(line, null, "malformed CSV from this line on (" + reason(malformed)
                    + "); the rest of the file was not read"));
            return null;
        }
    }

    private static String reason(RuntimeException malformed) {
        return malformed.getCause() == null ? malformed.getMessage() : malformed.getCause().getMessage();
    }

    private static String cell(CSVRecord record, int index) {
        return index < 0 || index >= record.size() ? "" : record.get(index).trim();
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BOM) {
            pushback.unread(first);
        }
        return pushback;
    }

    /** Running counts of one import. */
    private static final class Tally {
        long rows;
        long created;
        long updated;
        long unchanged;
        final List<ImportError> errors = new ArrayList<>();

        /** {@code changed}: null = account created, true = updated, false = unchanged. */
        void count(List<Boolean> changed) {
            for (Boolean outcome : changed) {
                if (outcome == null) {
                    created++;
                } else if (outcome) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
        }
    }
}
