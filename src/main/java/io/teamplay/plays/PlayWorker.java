package io.teamplay.plays;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.teamplay.common.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Claims pending event rows one at a time ({@code FOR UPDATE SKIP LOCKED}, so several instances share the work) and
 * handles each in one transaction. A failing event is rolled back, then marked FAILED with its reason in a
 * transaction of its own, and the worker goes on with the next one. Woken by new events, else polls.
 */
@ApplicationScoped
public class PlayWorker {

    private static final Logger LOG = Logger.getLogger(PlayWorker.class);

    private static final int NO_PLAY_BATCH = 500;

    @Inject
    PlaysConfig config;
    @Inject
    EventHandling handling;
    @Inject
    PlayLibrary library;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

    void start(@Observes StartupEvent start) {
        if (!config.worker()) {
            return;
        }
        running = true;
        for (int i = 0; i < config.workers(); i++) {
            Thread thread = new Thread(this::loop, "plays-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        wake.release(threads.size());
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlayEventQueued queued) {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                if (!library.ready() || !handleNext()) {
                    wake.tryAcquire(config.pollMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // an Error here (one a play threw while its transaction ran) must not end the worker for good
                LOG.error("Plays worker hiccup; going on", e);
                sleepQuietly();
            }
        }
    }

    /** Handles the oldest pending event, if any; answers whether there was one. */
    public boolean handleNext() {
        if (library.book().runnable().isEmpty()) {
            return QuarkusTransaction.requiringNew().call(this::markPendingDoneWhileNoPlayCanFire) > 0;
        }
        String[] claimed = new String[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                PlayEventRow row = claim();
                if (row == null) {
                    return false;
                }
                claimed[0] = row.id;
                handling.handle(row);
                return true;
            });
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            fail(claimed[0], e);
            return true;
        }
    }

    /** Handles pending events until none is left (for tests and the benchmark); answers how many. */
    public int drain() {
        int handled = 0;
        while (handleNext()) {
            handled++;
        }
        return handled;
    }

    /**
     * With no play in force an event has nothing to fire, so pending events are marked done a batch at a time
     * (a 100,000-row import queues 300,000 of them) instead of one transaction each.
     */
    private int markPendingDoneWhileNoPlayCanFire() {
        @SuppressWarnings("unchecked")
        List<String> ids = PlayEventRow.getEntityManager().createNativeQuery(
                        "select id from play_event where status = 'PENDING' order by created_at, id limit "
                                + NO_PLAY_BATCH + " for update skip locked")
                .getResultList();
        if (!ids.isEmpty()) {
            PlayEventRow.update("status = ?1, handledAt = ?2 where id in ?3", EventStatus.DONE, Instant.now(), ids);
        }
        return ids.size();
    }

    private PlayEventRow claim() {
        @SuppressWarnings("unchecked")
        List<String> ids = PlayEventRow.getEntityManager().createNativeQuery(
                        "select id from play_event where status = 'PENDING' order by created_at, id limit 1 for update skip locked")
                .getResultList();
        return ids.isEmpty() ? null : PlayEventRow.findById(ids.get(0));
    }

    private void fail(String eventId, RuntimeException error) {
        EventHandling.EventFailed failed = cause(error);
        // the event's reason is read by callers (GET /api/events/{id}): the cause itself goes to the log only
        String reason = failed != null ? failed.getMessage() : Failures.describe(error);
        QuarkusTransaction.requiringNew().run(() -> {
            PlayEventRow row = PlayEventRow.findById(eventId);
            row.status = EventStatus.FAILED;
            row.reason = reason.length() > 3900 ? reason.substring(0, 3900) : reason;
            row.handledAt = Instant.now();
            if (failed != null && failed.play != null) {
                PlayRun run = new PlayRun();
                run.play = failed.play;
                run.rule = failed.rule;
                run.eventId = eventId;
                run.accountId = row.accountId;
                run.action = "EVENT";
                run.outcome = PlayRun.Outcome.FAILED;
                run.reason = row.reason;
                run.at = Instant.now();
                run.persist();
            }
        });
        LOG.warnf(failed != null ? null : error, "Event %s failed: %s", eventId, reason);
    }

    private static EventHandling.EventFailed cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EventHandling.EventFailed failed) {
                return failed;
            }
        }
        return null;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
