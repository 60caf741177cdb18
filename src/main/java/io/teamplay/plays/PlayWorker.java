package io.teamplay.plays;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.teamplay.common.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Claims pending event rows one at a time ({@code FOR UPDATE SKIP LOCKED}, so several instances share the work) and
 * handles each in one transaction. The claim is a transaction of its own that counts the attempt before any play
 * fires: an event whose handling never finished {@code teamplay.plays.limits.attempts} times (it crashed, hung or
 * killed its worker) is marked FAILED instead of being tried again, at start-up or ever (no poison event). A failing
 * event is rolled back, then marked FAILED with its reason in a transaction of its own (a play that passed a limit
 * is counted against it), and the worker goes on with the next one. Woken by new events, else polls.
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
    @Inject
    PlayLimits limits;
    @Inject
    PlayLimitFailures limitFailures;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    /** An event claimed for one handling: its id and the attempt this handling is. */
    private record Claim(String eventId, int attempt) {
    }

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
        if (!library.ready()) {
            return false; // the plays are still loading: the event waits (a row, so nothing is lost)
        }
        if (library.book().runnable().isEmpty()) {
            return QuarkusTransaction.requiringNew().call(this::markPendingDoneWhileNoPlayCanFire) > 0;
        }
        Claim claim = QuarkusTransaction.requiringNew().call(this::claim);
        if (claim == null) {
            return false;
        }
        if (claim.attempt() == 0) {
            return true; // given up: handled before and never finished
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                PlayEventRow row = PlayEventRow.findById(claim.eventId(), LockModeType.PESSIMISTIC_WRITE);
                // another worker may have taken it over meanwhile (this one was too slow): then it is theirs
                if (row != null && row.status == EventStatus.PENDING && row.attempts == claim.attempt()) {
                    handling.handle(row);
                }
            });
        } catch (RuntimeException e) {
            fail(claim.eventId(), e);
        }
        return true;
    }

    /** Handles pending events until none is left (for tests and the benchmark); answers how many. */
    public int drain() {
        library.awaitReady(java.time.Duration.ofMinutes(2));
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

    /**
     * Takes the oldest pending event not being handled by another worker, and counts this attempt (committed before
     * any play fires). One whose handlings never finished too often is marked FAILED instead (attempt 0).
     */
    private Claim claim() {
        if ("postgresql".equals(databaseKind)) {
            // what a claim must survive is the worker's crash, not the database's: no wait for the disk on each event
            PlayEventRow.getEntityManager().createNativeQuery("set local synchronous_commit = off").executeUpdate();
        }
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<String> ids = PlayEventRow.getEntityManager().createNativeQuery("""
                        select id from play_event where status = 'PENDING' and (claimed_until is null or claimed_until < :now)
                        order by created_at, id limit 1 for update skip locked""")
                .setParameter("now", now).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        PlayEventRow row = PlayEventRow.findById(ids.get(0));
        if (row.attempts >= limits.attempts()) {
            row.failed("not handled: its handling was started " + row.attempts + " times and never finished (the worker "
                    + "crashed, hung or was stopped while its plays fired); it is not tried again");
            LOG.errorf("Event %s (%s) on account %s given up after %d unfinished handlings: a poison event", row.id,
                    row.type, row.accountId, row.attempts);
            return new Claim(row.id, 0);
        }
        row.attempts++;
        row.claimedUntil = now.plus(limits.retryAfter());
        return new Claim(row.id, row.attempts);
    }

    private void fail(String eventId, RuntimeException error) {
        EventHandling.EventFailed failed = cause(error);
        // the event's reason is read by callers (GET /api/events/{id}): the cause itself goes to the log only
        String reason = failed != null ? failed.getMessage() : Failures.describe(error);
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
            PlayEventRow row = PlayEventRow.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
            if (row == null || row.status != EventStatus.PENDING) {
                return false; // another worker finished it meanwhile
            }
            row.failed(reason);
            if (failed != null && failed.play != null) {
                PlayRun run = new PlayRun();
                run.play = failed.play;
                run.rule = failed.rule == null ? "(its conditions)" : failed.rule;
                run.eventId = eventId;
                run.accountId = row.accountId;
                run.action = "EVENT";
                run.outcome = PlayRun.Outcome.FAILED;
                run.reason = row.reason;
                run.at = Instant.now();
                run.persist();
                if (failed.limitPassed) {
                    limitFailures.count(failed.play, eventId, row.reason);
                }
            }
            return true;
        });
        if (recorded) {
            LOG.warnf(failed != null ? null : error, "Event %s failed: %s", eventId, reason);
        }
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
