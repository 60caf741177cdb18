package io.teamplay.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.accounts.AccountBulkUpsert;
import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountUpsert;
import io.teamplay.accounts.ImportOutcome;
import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentResult;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.common.Failures;
import io.teamplay.common.ProblemException;
import io.teamplay.roles.RoleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Account uploads (the integration path), CSV or JSON. Rows are read one at a time and written in batches
 * ({@code teamplay.imports.batch-size}, 10,000), set-based: the batch's accounts through
 * {@link AccountBulkUpsert}, its seats through {@link AssignmentService#changeAll}, each batch in one transaction.
 * A bad row is reported with its line and column and skipped; a seat the write path refuses (a name that resolves to
 * nobody or to namesakes, a disabled user) is reported and left alone, and the rest of its row applied.
 */
@ApplicationScoped
public class AccountImportService {

    private static final Logger LOG = Logger.getLogger(AccountImportService.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    @Inject
    ImportsConfig config;
    @Inject
    EntityManager session;
    @Inject
    RoleService roles;
    @Inject
    AccountService accounts;
    @Inject
    AccountBulkUpsert bulkAccounts;
    @Inject
    AssignmentService assignments;
    @Inject
    ImportRuns runs;

    /**
     * Reads the header of the file, refusing it (400) before anything is written when it is wrong: what a request
     * checks before answering, even when the rows are imported after the answer.
     */
    ImportHeader header(RowSource source) {
        return ImportHeader.parse(source.header(), roles.all());
    }

    /** Imports every row of the source (its header read by {@link #header}); answers the report. */
    ImportReport run(String id, RowSource source, ImportHeader header, String actor) {
        ImportTally tally = new ImportTally();
        Progress progress = new Progress(id, tally);
        try (source) {
            ImportRowReader reader = new ImportRowReader(header);
            List<ImportRow> batch = new ArrayList<>(Math.min(config.batchSize(), 10_000));
            SourceRow row;
            while ((row = source.next(tally.errors)) != null) {
                tally.rows++;
                reader.read(row, tally.errors).ifPresent(batch::add);
                if (batch.size() >= config.batchSize()) {
                    apply(batch, actor, tally);
                    batch.clear();
                    progress.batchDone();
                }
                progress.maybeLog();
            }
            apply(batch, actor, tally);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException failed) {
            runs.progress(id, tally, ImportStatus.FAILED, Failures.describe(failed));
            throw failed;
        }
        runs.progress(id, tally, ImportStatus.DONE, null);
        LOG.infof("Import %s by %s: %d rows, %d created, %d updated, %d unchanged, %d error(s), %.0f rows/s",
                id, actor, tally.rows, tally.created, tally.updated, tally.unchanged, tally.errors.count(), progress.rate());
        return new ImportReport(id, tally.rows, tally.created, tally.updated, tally.unchanged,
                tally.errors.firstInLineOrder(), tally.errors.count());
    }

    /**
     * Writes a batch in rounds of distinct accounts (a row repeating an account id of the batch goes to the next
     * round, so each account sees its rows in file order), each round in one transaction. When a round fails, its
     * rows are written again one per transaction, so only the failing row is skipped and reported.
     */
    private void apply(List<ImportRow> batch, String actor, ImportTally tally) {
        for (List<ImportRow> round : rounds(batch)) {
            write(round, actor, tally);
        }
    }

    /**
     * Writes a round set-based; when that fails (a row the database refuses, or the round outliving its transaction
     * on a busy machine), its two halves are written the same way, down to single rows written alone, so that one
     * bad row costs a few more rounds rather than the whole round written one row per transaction. A round holds each
     * account once, so its rows may be written in any grouping.
     */
    private void write(List<ImportRow> round, String actor, ImportTally tally) {
        try {
            List<ImportError> fieldErrors = new ArrayList<>();
            List<Counted> counted = QuarkusTransaction.requiringNew().call(() -> writeRound(round, actor, fieldErrors));
            counted.forEach(c -> tally.count(c.account, c.seatsChanged));
            fieldErrors.forEach(tally.errors::add);
        } catch (RuntimeException roundFailed) {
            LOG.debugf(roundFailed, "Import round of %d rows from line %d failed; writing its halves", round.size(),
                    round.get(0).line());
            if (round.size() == 1) {
                writeAlone(round.get(0), actor, tally);
                return;
            }
            int half = round.size() / 2;
            write(round.subList(0, half), actor, tally);
            write(round.subList(half, round.size()), actor, tally);
        }
    }

    private static List<List<ImportRow>> rounds(List<ImportRow> batch) {
        List<List<ImportRow>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ImportRow row : batch) {
            int round = seen.merge(row.accountId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(row);
        }
        return rounds;
    }

    /** What a written row came to. */
    private record Counted(ImportOutcome account, boolean seatsChanged) {
    }

    private List<Counted> writeRound(List<ImportRow> round, String actor, List<ImportError> fieldErrors) {
        List<ImportOutcome> outcomes = bulkAccounts.upsertAll(round.stream()
                .map(row -> new AccountUpsert(row.accountId(), row.name(), row.attributes())).toList(), actor);
        List<AssignmentChange> changes = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            ImportRow row = round.get(i);
            for (Map.Entry<String, Assignee> seat : row.seats().entrySet()) {
                changes.add(change(row, seat.getKey(), seat.getValue(), actor));
                owners.add(i);
                columns.add(row.seatColumns().get(seat.getKey()));
            }
        }
        java.util.Set<String> created = new java.util.HashSet<>();
        for (int i = 0; i < round.size(); i++) {
            if (outcomes.get(i) == ImportOutcome.CREATED) {
                created.add(round.get(i).accountId());
            }
        }
        List<AssignmentResult> results = assignments.changeAll(changes, created);
        boolean[] seatsChanged = new boolean[round.size()];
        for (int c = 0; c < results.size(); c++) {
            int i = owners.get(c);
            if (results.get(c) instanceof AssignmentResult.Refused refused) {
                fieldErrors.add(new ImportError(round.get(i).line(), columns.get(c), refused.reason()));
            } else {
                seatsChanged[i] |= ((AssignmentResult.Applied) results.get(c)).changed();
            }
        }
        session.flush();
        session.clear();
        List<Counted> counted = new ArrayList<>(round.size());
        for (int i = 0; i < round.size(); i++) {
            counted.add(new Counted(outcomes.get(i), seatsChanged[i]));
        }
        return counted;
    }

    /**
     * Writes one row in its own transaction through the one-row paths ({@link AccountService#upsert},
     * {@link AssignmentService#change}): a row whose round failed, so that a failure is told at its row and column.
     */
    private void writeAlone(ImportRow row, String actor, ImportTally tally) {
        String[] column = {ImportHeader.ACCOUNT_ID};
        List<ImportError> fieldErrors = new ArrayList<>();
        try {
            Counted counted = QuarkusTransaction.requiringNew().call(() -> {
                ImportOutcome account = accounts.upsert(row.accountId(), row.name(), row.attributes(), actor);
                boolean seatsChanged = false;
                for (Map.Entry<String, Assignee> seat : row.seats().entrySet()) {
                    column[0] = row.seatColumns().get(seat.getKey());
                    AssignmentResult result = assignments.change(change(row, seat.getKey(), seat.getValue(), actor));
                    if (result instanceof AssignmentResult.Refused refused) {
                        fieldErrors.add(new ImportError(row.line(), column[0], refused.reason()));
                    } else {
                        seatsChanged |= ((AssignmentResult.Applied) result).changed();
                    }
                }
                return new Counted(account, seatsChanged);
            });
            tally.count(counted.account, counted.seatsChanged);
            fieldErrors.forEach(tally.errors::add);
        } catch (ProblemException refused) {
            tally.errors.add(new ImportError(row.line(), column[0], refused.getMessage()));
        } catch (RuntimeException failed) {
            if (Failures.unexpected(failed)) {
                LOG.warnf(failed, "Import row at line %d (account %s) failed", row.line(), row.accountId());
            }
            tally.errors.add(new ImportError(row.line(), column[0], "the row could not be written: " + Failures.describe(failed)));
        }
    }

    private static AssignmentChange change(ImportRow row, String role, Assignee assignee, String actor) {
        return assignee == null
                ? AssignmentChange.clear(row.accountId(), role, AssignmentPath.INTEGRATION, actor)
                : AssignmentChange.assign(row.accountId(), role, assignee, AssignmentPath.INTEGRATION, actor);
    }

    /** The import's progress: written to its row after each batch, and a log line every 10 seconds. */
    private final class Progress {
        final String id;
        final ImportTally tally;
        final long started = System.nanoTime();
        long lastLog = started;

        Progress(String id, ImportTally tally) {
            this.id = id;
            this.tally = tally;
        }

        void batchDone() {
            runs.progress(id, tally, ImportStatus.RUNNING, null);
            maybeLog();
        }

        void maybeLog() {
            long now = System.nanoTime();
            if (now - lastLog >= LOG_EVERY_NANOS) {
                lastLog = now;
                LOG.infof("Import %s: %d rows read, %d created, %d updated, %d unchanged, %d error(s), %.0f rows/s",
                        id, tally.rows, tally.created, tally.updated, tally.unchanged, tally.errors.count(), rate());
            }
        }

        double rate() {
            return tally.rows / Math.max((System.nanoTime() - started) / 1e9, 0.001);
        }
    }
}
