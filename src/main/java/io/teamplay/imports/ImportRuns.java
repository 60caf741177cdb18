package io.teamplay.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The imports' progress and reports, kept in the database ({@code account_import}) so that any instance answers
 * {@code GET /api/imports/{id}}. Each write is a transaction of its own, apart from the rows being imported.
 */
@ApplicationScoped
class ImportRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    String start(String actor, String format) {
        AccountImport run = new AccountImport();
        run.id = "imp-" + UUID.randomUUID();
        run.actor = actor;
        run.format = format;
        run.status = ImportStatus.RUNNING.name();
        run.startedAt = Instant.now();
        run.updatedAt = run.startedAt;
        run.owner = ImportHeartbeat.INSTANCE;
        run.heartbeatAt = run.startedAt;
        QuarkusTransaction.requiringNew().run(run::persist);
        return run.id;
    }

    void progress(String id, ImportTally tally, ImportStatus status, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            AccountImport run = AccountImport.findById(id);
            run.status = status.name();
            run.rowsDone = tally.rows;
            run.created = tally.created;
            run.updated = tally.updated;
            run.unchanged = tally.unchanged;
            run.errorCount = tally.errors.count();
            run.errors = json(tally.errors.firstInLineOrder());
            run.failure = failure;
            run.updatedAt = Instant.now();
            run.heartbeatAt = run.updatedAt;
            if (status != ImportStatus.RUNNING) {
                run.finishedAt = run.updatedAt;
            }
        });
    }

    /** The import, for its importer or an ADMIN; 404 for anyone else, as for an unknown id. */
    ImportView view(String id, String caller, boolean admin) {
        AccountImport run = QuarkusTransaction.requiringNew().call(() -> AccountImport.<AccountImport>findById(id));
        if (run == null || !(admin || run.actor.equals(caller))) {
            throw ProblemException.notFound("No import with id " + id);
        }
        Instant until = run.finishedAt != null ? run.finishedAt : Instant.now();
        double seconds = Math.max(Duration.between(run.startedAt, until).toMillis(), 1) / 1000.0;
        return new ImportView(run.id, ImportStatus.valueOf(run.status), run.format, run.actor, run.rowsDone, run.created,
                run.updated, run.unchanged, run.errorCount, errors(run.errors), Math.round(run.rowsDone / seconds * 10) / 10.0,
                run.startedAt, run.finishedAt, run.failure);
    }

    private static String json(List<ImportError> errors) {
        try {
            return JSON.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ImportError> errors(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<ImportError>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
