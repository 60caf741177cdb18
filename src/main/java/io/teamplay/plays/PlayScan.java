package io.teamplay.plays;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps this instance's plays current: at start and every {@code teamplay.plays.scan-every}, loads the changed files
 * of the rules directory as versions, and rebuilds the play book when the plays' revision in the database moved (a
 * save, activation or rollback here or on another instance) or plays.dsl changed.
 */
@ApplicationScoped
class PlayScan {

    private static final Logger LOG = Logger.getLogger(PlayScan.class);

    @Inject
    RulesDirectory directory;
    @Inject
    RulesDirectoryLoader loader;
    @Inject
    PlayCompilers compilers;
    @Inject
    PlayVersions versions;
    @Inject
    PlaysInForce inForce;

    /**
     * The service answers HTTP at once; the plays are loaded and compiled in the background (events wait for them:
     * they are rows, so none is lost, and the readiness check tells when the plays are loaded).
     */
    void onStart(@Observes StartupEvent start) {
        Thread loading = new Thread(() -> {
            ManagedContext request = Arc.container().requestContext();
            request.activate();
            try {
                scan();
            } finally {
                request.terminate();
            }
        }, "plays-loader");
        loading.setDaemon(true);
        loading.start();
    }

    @Scheduled(every = "{teamplay.plays.scan-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void scan() {
        RulesDirectory.Changes changes = directory.changes();
        if (changes.dsl()) {
            compilers.reload();
        }
        try {
            if (!changes.plays().isEmpty()) {
                LOG.infof("Rules directory %s: %d file(s) new or changed", directory.dir().toAbsolutePath(),
                        changes.plays().size());
                loader.load(changes.plays());
            }
            directory.taken(changes);
            if (!inForce.ready() || !inForce.builtWith(compilers.current())
                    || versions.revision() != inForce.revision()) {
                inForce.refresh();
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment: the files are looked at again on the next scan
            LOG.warnf("Cannot bring the plays up to date (%s): the play book in force stays", e.getMessage());
        }
    }
}
