package io.teamplay.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.InputStream;

/**
 * Imports for callers outside this package (the web app's import screen): a CSV upload started in the background, as
 * {@code POST /api/imports/accounts} with {@code Prefer: respond-async} does, and its progress and report, as
 * {@code GET /api/imports/{id}} shows them.
 */
@ApplicationScoped
public class ImportUploads {

    @Inject
    AccountImports imports;
    @Inject
    ImportRuns runs;

    /** Checks the header (400 before anything is written), then imports the rows after the answer. */
    public ImportView startCsv(InputStream csv, String actor) {
        return imports.start(csv, ImportFormat.CSV, actor, true).view();
    }

    /** The import, for its importer or an ADMIN; 404 for anyone else, as for an unknown id. */
    public ImportView view(String id, String caller, boolean admin) {
        return runs.view(id, caller, admin);
    }
}
