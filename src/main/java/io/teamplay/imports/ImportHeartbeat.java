package io.teamplay.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the imports this instance runs marked as alive, and fails those an instance abandoned: an import RUNNING
 * whose heartbeat is older than {@code teamplay.imports.stale-after} was left by an instance that stopped mid-import
 * (crash, kill, deploy). Its rows written so far stay (each batch is its own transaction); it is marked FAILED with
 * the reason, visible at {@code GET /api/imports/{id}}, and can be imported again (unchanged rows cost little).
 * Safe with several instances: a live instance's imports are refreshed every heartbeat, far inside the limit.
 */
@ApplicationScoped
class ImportHeartbeat {

    /** This process: a new id at each start, so a restarted instance never takes its predecessor's imports for its own. */
    static final String INSTANCE = UUID.randomUUID().toString();
    private static final Logger LOG = Logger.getLogger(ImportHeartbeat.class);

    @Inject
    EntityManager em;
    @Inject
    ImportsConfig config;

    void onStart(@Observes StartupEvent start) {
        try {
            failAbandoned();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not look for imports abandoned by a stopped instance; trying again at the next heartbeat");
        }
    }

    @Scheduled(identity = "import-heartbeat", every = "{teamplay.imports.heartbeat}", delayed = "{teamplay.imports.heartbeat}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update account_import set heartbeat_at = :now where owner = :me and status = 'RUNNING'")
                .setParameter("now", now).setParameter("me", INSTANCE).executeUpdate());
        failAbandoned();
    }

    /** Marks FAILED every import RUNNING on another instance whose heartbeat is stale; returns their ids. */
    List<String> failAbandoned() {
        Instant now = Instant.now();
        Instant staleBefore = now.minus(config.staleAfter());
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> abandoned = em.createNativeQuery("select id, owner, coalesce(heartbeat_at, updated_at) "
                            + "from account_import where status = 'RUNNING' and coalesce(owner, '') <> :me "
                            + "and coalesce(heartbeat_at, updated_at) < :staleBefore for update skip locked")
                    .setParameter("me", INSTANCE).setParameter("staleBefore", staleBefore).getResultList();
            for (Object[] row : abandoned) {
                String reason = "the instance running this import (" + (row[1] == null ? "unknown" : row[1])
                        + ") stopped before it finished: no heartbeat since " + row[2] + "; the rows counted here were "
                        + "written, the rest were not: import the file again";
                em.createNativeQuery("update account_import set status = 'FAILED', failure = :reason, finished_at = :now, "
                                + "updated_at = :now where id = :id")
                        .setParameter("reason", reason).setParameter("now", now).setParameter("id", row[0]).executeUpdate();
                LOG.warnf("Import %s marked FAILED: %s", row[0], reason);
            }
            return abandoned.stream().map(row -> (String) row[0]).toList();
        });
    }
}
