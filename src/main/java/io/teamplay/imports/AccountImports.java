package io.teamplay.imports;

import io.teamplay.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts an upload: the body is first copied whole to a temporary file (so a slow client never holds a transaction
 * open, and a large import can answer before it is done), its header checked (400 before anything is written), then
 * the rows imported: at once for a small file (200 and the report), after the answer for a large one (202 and the
 * import's id). The temporary file is deleted when the import ends.
 */
@ApplicationScoped
class AccountImports {

    private static final Logger LOG = Logger.getLogger(AccountImports.class);

    /** A report when the import ran before the answer, else the import as it starts. */
    record Started(ImportReport report, ImportView view) {
    }

    @Inject
    AccountImportService service;
    @Inject
    ImportRuns runs;
    @Inject
    ImportsConfig config;
    @Inject
    ManagedExecutor executor;

    Started start(InputStream body, ImportFormat format, String actor, boolean respondAsync) {
        Path file = spool(body);
        boolean handedOver = false;
        try {
            long size = Files.size(file);
            RowSource source = open(file, format);
            ImportHeader header;
            try {
                header = service.header(source);
            } catch (RuntimeException refused) {
                close(source);
                throw refused;
            }
            String id = runs.start(actor, format.name());
            LOG.infof("Import %s by %s: %s, %d bytes", id, actor, format, size);
            if (!respondAsync && size <= config.asyncAbove()) {
                return new Started(run(id, source, header, actor, file), null);
            }
            executor.execute(() -> run(id, source, header, actor, file));
            handedOver = true;
            return new Started(null, runs.view(id, actor, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!handedOver) {
                delete(file);
            }
        }
    }

    private ImportReport run(String id, RowSource source, ImportHeader header, String actor, Path file) {
        try {
            return service.run(id, source, header, actor);
        } catch (RuntimeException failed) {
            LOG.errorf(failed, "Import %s failed", id);
            throw failed;
        } finally {
            delete(file);
        }
    }

    private static RowSource open(Path file, ImportFormat format) throws IOException {
        return format == ImportFormat.CSV
                ? new CsvRows(new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)))
                : new JsonRows(file);
    }

    private static Path spool(InputStream body) {
        try (body) {
            Path file = Files.createTempFile("teamplay-import-", ".upload");
            try {
                Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                delete(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            LOG.infof("An upload could not be read to its end: %s", e.getMessage());
            throw ProblemException.badRequest("body", "the upload could not be read to its end (was the connection lost?)");
        }
    }

    private static void close(RowSource source) {
        try {
            source.close();
        } catch (IOException e) {
            LOG.debug("Closing an import source failed", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the upload %s: %s", file, e.getMessage());
        }
    }
}
