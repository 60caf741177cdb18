package io.teamplay.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AttributeValues;
import io.teamplay.accounts.ImportOutcome;
import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentResult;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.common.Emails;
import io.teamplay.common.Failures;
import io.teamplay.common.ProblemException;
import io.teamplay.roles.EmptyValueBehavior;
import io.teamplay.roles.RoleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CSV account uploads (the integration path). The file is streamed and written in batches, each in its own
 * transaction; a bad row is reported with its line and column and skipped, every other row is applied.
 */
@ApplicationScoped
public class AccountImportService {

    private static final Logger LOG = Logger.getLogger(AccountImportService.class);
    private static final char BOM = '\uFEFF';
    private static final int MAX_ID = 200;
    private static final int MAX_NAME = 500;

    @Inject
    ImportsConfig config;
    /** Rows written between two clears of the persistence context (see {@link #writeAll}). */
    static final int RUN = 25;
    @Inject
    EntityManager session;
    @Inject
    RoleService roles;
    @Inject
    AccountService accounts;
    @Inject
    AssignmentService assignments;

    public ImportReport importAccounts(Reader csv, String actor) {
        Tally tally = new Tally();
        AssigneeChecks refusals = new AssigneeChecks();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get().parse(withoutBom(csv))) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord first = nextRecord(records, 1, tally);
            if (first == null) {
                throw ProblemException.badRequest("account_id", "the file is empty: the first row must be a header with account_id");
            }
            ImportHeader header = ImportHeader.parse(first.toList(), roles.all());
            List<ImportRow> batch = new ArrayList<>(config.batchSize());
            long startLine = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            while ((record = nextRecord(records, startLine, tally)) != null) {
                if (isBlank(record)) {
                    startLine = parser.getCurrentLineNumber() + 1;
                    continue;
                }
                tally.rows++;
                read(header, record, startLine, tally, refusals).ifPresent(batch::add);
                startLine = parser.getCurrentLineNumber() + 1;
                if (batch.size() >= config.batchSize()) {
                    apply(batch, actor, tally, refusals);
                    batch.clear();
                }
            }
            apply(batch, actor, tally, refusals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("Account import by %s: %d rows, %d created, %d updated, %d unchanged, %d error(s)"
                        + " (%d refused from memory)",
                actor, tally.rows, tally.created, tally.updated, tally.unchanged, tally.errors.count(), refusals.hits());
        return new ImportReport(tally.rows, tally.created, tally.updated, tally.unchanged,
                tally.errors.firstInLineOrder(), tally.errors.count());
    }

    /** Reads and checks one row; a bad row is recorded and skipped. */
    private Optional<ImportRow> read(ImportHeader header, CSVRecord record, long line, Tally tally,
                                     AssigneeChecks refusals) {
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
        Map<String, Assignee> seats = new LinkedHashMap<>();
        Map<String, String> seatColumns = new HashMap<>();
        header.roles().forEach((role, columns) -> {
            String email = cell(record, columns.emailColumn());
            String nameOrEmail = cell(record, columns.nameOrEmailColumn());
            int column = !email.isEmpty() || columns.nameOrEmailColumn() < 0 ? columns.emailColumn() : columns.nameOrEmailColumn();
            seatColumns.put(role, header.columnName(column));
            if (email.isEmpty() && nameOrEmail.isEmpty()) {
                if (columns.role().emptyValueBehavior() == EmptyValueBehavior.CLEAR) {
                    seats.put(role, null);
                }
                return;
            }
            Assignee assignee = email.isEmpty() ? Assignee.byNameOrEmail(nameOrEmail) : Assignee.byEmail(email);
            if (assignee.email() != null && !Emails.isWellFormed(assignee.email())) {
                errors.add(new ImportError(line, header.columnName(column), "'" + assignee.email() + "' is not a valid email address"));
                return;
            }
            Optional<String> refused = refusals.refusal(role, assignee);
            if (refused.isPresent()) {
                errors.add(new ImportError(line, header.columnName(column), refused.get()));
            } else {
                seats.put(role, assignee);
            }
        });
        if (!errors.isEmpty()) {
            errors.forEach(tally.errors::add);
            return Optional.empty();
        }
        return Optional.of(new ImportRow(line, accountId, name, attributes, seats, seatColumns));
    }

    /**
     * Writes a batch in one transaction. A seat the write path refuses rolls the batch back: the rows naming that
     * assignee for that role are reported and skipped, and the rest of the batch is written again. If anything else
     * fails, each row is written again in its own transaction, so only the failing row is reported and skipped.
     */
    private void apply(List<ImportRow> batch, String actor, Tally tally, AssigneeChecks refusals) {
        List<ImportRow> rows = new ArrayList<>(batch);
        while (!rows.isEmpty()) {
            try {
                tally.count(QuarkusTransaction.requiringNew().call(() -> writeAll(rows, actor)));
                return;
            } catch (SeatRefused refused) {
                refusals.remember(refused.role, refused.assignee, refused.getMessage());
                int before = rows.size();
                rows.removeIf(row -> skippedAsRefused(row, refusals, tally));
                if (rows.size() == before) {
                    writeOneByOne(rows, actor, tally, refusals);
                    return;
                }
            } catch (RuntimeException batchFailed) {
                LOG.debugf(batchFailed, "Import batch of lines %d-%d failed; writing its rows one by one",
                        rows.get(0).line(), rows.get(rows.size() - 1).line());
                writeOneByOne(rows, actor, tally, refusals);
                return;
            }
        }
    }

    private void writeOneByOne(List<ImportRow> rows, String actor, Tally tally, AssigneeChecks refusals) {
        for (ImportRow row : rows) {
            if (skippedAsRefused(row, refusals, tally)) {
                continue;
            }
            String[] column = {ImportHeader.ACCOUNT_ID};
            try {
                tally.count(QuarkusTransaction.requiringNew().call(() -> List.of(Optional.ofNullable(
                        writeSeats(row, accounts.upsert(row.accountId(), row.name(), row.attributes(), actor), actor, column)))));
            } catch (SeatRefused refused) {
                refusals.remember(refused.role, refused.assignee, refused.getMessage());
                tally.errors.add(new ImportError(row.line(), refused.column, refused.getMessage()));
            } catch (ProblemException refused) {
                tally.errors.add(new ImportError(row.line(), column[0], refused.getMessage()));
            } catch (RuntimeException failed) {
                if (Failures.unexpected(failed)) {
                    LOG.warnf(failed, "Import row at line %d (account %s) failed", row.line(), row.accountId());
                }
                tally.errors.add(new ImportError(row.line(), column[0], "the row could not be written: " + Failures.describe(failed)));
            }
        }
    }

    /** Reports and skips the row when it names an assignee the write path refused earlier in this import. */
    private static boolean skippedAsRefused(ImportRow row, AssigneeChecks refusals, Tally tally) {
        for (Map.Entry<String, Assignee> seat : row.seats().entrySet()) {
            Optional<String> refused = seat.getValue() == null ? Optional.empty() : refusals.refusal(seat.getKey(), seat.getValue());
            if (refused.isPresent()) {
                tally.errors.add(new ImportError(row.line(), row.seatColumns().get(seat.getKey()), refused.get()));
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the rows of a batch in runs of at most {@value #RUN} rows with distinct account ids: first the accounts
     * of the run, then their seats, so the account inserts go to the database in JDBC batches instead of being
     * flushed one by one by each seat's account lock. A row repeating an account id of the run starts the next run,
     * so every account still sees its rows in file order. After each run the persistence context is flushed and
     * cleared: every seat change flushes, and a flush walks every entity (and attribute map) the session holds, so
     * without this the cost of a batch grows with the square of its size. Nothing is held across runs; the
     * transaction (and its atomicity) is still the whole batch. Answers, per row, empty = account created,
     * true = updated, false = unchanged.
     */
    private List<Optional<Boolean>> writeAll(List<ImportRow> batch, String actor) {
        List<Optional<Boolean>> outcomes = new ArrayList<>(batch.size());
        int from = 0;
        while (from < batch.size()) {
            Set<String> ids = new HashSet<>();
            int to = from;
            while (to < batch.size() && to - from < RUN && ids.add(batch.get(to).accountId())) {
                to++;
            }
            List<ImportOutcome> upserted = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                ImportRow row = batch.get(i);
                upserted.add(accounts.upsert(row.accountId(), row.name(), row.attributes(), actor));
            }
            String[] column = new String[1];
            for (int i = from; i < to; i++) {
                outcomes.add(Optional.ofNullable(writeSeats(batch.get(i), upserted.get(i - from), actor, column)));
            }
            session.flush();
            session.clear();
            from = to;
        }
        return outcomes;
    }

    /**
     * Sets the row's seats through the one write path; answers whether the row changed anything (null when its
     * account was created). {@code column[0]} tells, should a write fail, which column it was writing.
     */
    private Boolean writeSeats(ImportRow row, ImportOutcome account, String actor, String[] column) {
        boolean seatsChanged = false;
        for (Map.Entry<String, Assignee> seat : row.seats().entrySet()) {
            column[0] = row.seatColumns().get(seat.getKey());
            AssignmentChange change = seat.getValue() == null
                    ? AssignmentChange.clear(row.accountId(), seat.getKey(), AssignmentPath.INTEGRATION, actor)
                    : AssignmentChange.assign(row.accountId(), seat.getKey(), seat.getValue(), AssignmentPath.INTEGRATION, actor);
            AssignmentResult result = assignments.change(change);
            if (result instanceof AssignmentResult.Refused refused) {
                // the row's account is already written in this transaction: undo the whole batch, see apply
                throw new SeatRefused(seat.getKey(), seat.getValue(), column[0], refused.reason());
            }
            seatsChanged |= ((AssignmentResult.Applied) result).changed();
        }
        column[0] = ImportHeader.ACCOUNT_ID;
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

    /** An empty line, or a row of empty cells (",,,", as spreadsheets export): skipped, not counted as a row. */
    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
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

    /** A seat the write path refused, ending the transaction that wrote the rest of its row. */
    private static final class SeatRefused extends RuntimeException {
        final String role;
        final Assignee assignee;
        final String column;

        SeatRefused(String role, Assignee assignee, String column, String reason) {
            super(reason, null, false, false);
            this.role = role;
            this.assignee = assignee;
            this.column = column;
        }
    }

    /** Running counts of one import. */
    private static final class Tally {
        long rows;
        long created;
        long updated;
        long unchanged;
        final ImportErrors errors = new ImportErrors();

        /** Per row: empty = account created, true = updated, false = unchanged. */
        void count(List<Optional<Boolean>> changed) {
            for (Optional<Boolean> outcome : changed) {
                if (outcome.isEmpty()) {
                    created++;
                } else if (outcome.get()) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
        }
    }
}
