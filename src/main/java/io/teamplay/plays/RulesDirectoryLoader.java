package io.teamplay.plays;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.plays.engine.PlayFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads files of the rules directory as versions of their plays. A file is loaded when its content changed since it
 * was last loaded (by any instance: the database remembers each file's content) and differs from its play's latest
 * version: a restart adds no version, and a play edited over the API is not overwritten by the unchanged file it
 * started from. A new OK version of an active play is put in force, as a save is.
 */
@ApplicationScoped
class RulesDirectoryLoader {

    private static final Logger LOG = Logger.getLogger(RulesDirectoryLoader.class);

    /** Author of the versions loaded from files: the directory and the file ({@code rules/welcome.dslr}). */
    static final String AUTHOR_PREFIX = "rules/";

    @Inject
    PlayChecks checks;
    @Inject
    PlayVersions versions;

    private enum Seen { ALREADY, SAME_AS_LATEST, NEW }

    /** Loads the files; answers how many versions were added. */
    int load(List<PlayFile> files) {
        int added = 0;
        for (PlayFile file : files) {
            if (file.text().length() > PlayEditor.MAX_SOURCE) {
                LOG.errorf("The play file %s is longer than %d characters: not loaded", file.fileName(),
                        PlayEditor.MAX_SOURCE);
                continue;
            }
            added += load(file) ? 1 : 0;
        }
        return added;
    }

    private boolean load(PlayFile file) {
        String hash = PlaySources.hash(file.text());
        Seen seen = QuarkusTransaction.requiringNew().call(() -> seen(file, hash));
        if (seen == Seen.ALREADY) {
            return false;
        }
        // compiled before the transaction, so that the lock on the plays' revision is held only to write
        PlayChecks.Verdict verdict = seen == Seen.NEW ? checks.check(file, false) : null;
        if (verdict != null) {
            verdict.close();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            PlayRevision lock = PlayRevision.lock();
            Seen now = seen(file, hash);
            if (now == Seen.ALREADY) {
                return false;
            }
            remember(file, hash);
            if (now == Seen.SAME_AS_LATEST || verdict == null) {
                return false;
            }
            PlayVersion version = versions.add(file, verdict.status(), verdict.warnings(),
                    AUTHOR_PREFIX + file.fileName(), PlayVersion.Origin.FILE, true, lock);
            LOG.infof("Loaded %s as version %d of the play %s (%s)", file.fileName(), version.version, version.play,
                    version.status);
            return true;
        });
    }

    private static Seen seen(PlayFile file, String hash) {
        PlayFileSeen row = PlayFileSeen.findById(file.fileName());
        if (row != null && row.sourceHash.equals(hash)) {
            return Seen.ALREADY;
        }
        return PlayVersion.latest(file.name()).filter(v -> v.holds(file)).isPresent() ? Seen.SAME_AS_LATEST : Seen.NEW;
    }

    private static void remember(PlayFile file, String hash) {
        PlayFileSeen row = PlayFileSeen.findById(file.fileName());
        if (row == null) {
            row = new PlayFileSeen();
            row.fileName = file.fileName();
        }
        row.sourceHash = hash;
        row.loadedAt = Instant.now();
        row.persist();
    }
}
