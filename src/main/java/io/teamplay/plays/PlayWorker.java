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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Claims pending event rows a batch at a time ({@code FOR UPDATE SKIP LOCKED}, so several instances share the work;
 * one account's events stay with one worker, in order) and handles the batch in one transaction. The claim is a
 * transaction of its own that counts the attempt before any play fires: an event whose handling never finished {@code teamplay.plays.limits.attempts} times (it crashed, hung or
 * killed its worker) is marked FAILED instead of being tried again, at start-up or ever (no poison event). A failing
 * event is rolled back, then marked FAILED with its reason in a transaction of its own (a play that passed a limit
 * is counted against it), and the rest of its batch is handled again without it. Woken by new events (of this
 * instance, or of others through {@link EventWakeUps}), else polls.
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
        wake();
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

    /** Handles the oldest pending events (a batch), if any; answers whether there was one. */
    public boolean handleNext() {
        return handleNextBatch() > 0;
    }

    /** Handles pending events until none is left (for tests and the benchmark); answers how many. */
    public int drain() {
        library.awaitReady(java.time.Duration.ofMinutes(2));
        int handled = 0;
        for (int claimed = handleNextBatch(); claimed > 0; claimed = handleNextBatch()) {
            handled += claimed;
        }
        return handled;
    }

    /** Wakes the workers of this instance (a new event was written, here or on another instance). */
    void wake() {
        wake.release();
    }

    private int handleNextBatch() {
        if (!library.ready()) {
            return 0; // the plays are still loading: the events wait (rows, so nothing is lost)
        }
        if (library.book().runnable().isEmpty()) {
            Integer swept = QuarkusTransaction.requiringNew().call(this::markPendingDoneWhileNoPlayCanFire);
            if (swept != null) {
                return swept;
            }
        }
        List<EventClaim> claims = QuarkusTransaction.requiringNew().call(this::claim);
        List<EventClaim> live = claims.stream().filter(claim -> claim.attempt() > 0).toList();
        if (live.stream().anyMatch(claim -> claim.attempt() > 1)) {
            // a handling of one of these never finished: each alone, so one poison event cannot take others with it
            live.forEach(claim -> handle(List.of(claim)));
        } else if (!live.isEmpty()) {
            handle(live);
        }
        return claims.size();
    }

    /**
     * Handles the claimed events in one transaction. When one fails, everything is rolled back, that one is marked
     * FAILED (as if handled alone) and the others are handled again without it; a failure no event can be blamed
     * for (the commit itself) has them handled one at a time.
     */
    private void handle(List<EventClaim> claims) {
        List<EventClaim> rest = claims;
        while (!rest.isEmpty()) {
            List<EventClaim> batch = rest;
            try {
                QuarkusTransaction.requiringNew().run(() -> handling.handleAll(batch));
                return;
            } catch (RuntimeException e) {
                EventHandling.FailedInBatch failed = failedInBatch(e);
                if (failed == null && batch.size() == 1) {
                    fail(batch.get(0).eventId(), e);
                    return;
                }
                if (failed == null) {
                    LOG.warnf(e, "A batch of %d events failed as a whole; handling them one at a time", batch.size());
                    batch.forEach(claim -> handle(List.of(claim)));
                    return;
                }
                fail(failed.eventId, (RuntimeException) failed.getCause());
                rest = batch.stream().filter(claim -> !claim.eventId().equals(failed.eventId)).toList();
            }
        }
    }

    /**
     * With no play in force an event has nothing to fire, so pending events are marked done a batch at a time
     * (a 100,000-row import queues 300,000 of them) instead of one transaction each. Answers null, marking nothing,
     * when a play came in force meanwhile: these events are then claimed and fired as usual.
     */
    private Integer markPendingDoneWhileNoPlayCanFire() {
        @SuppressWarnings("unchecked")
        List<String> ids = PlayEventRow.getEntityManager().createNativeQuery(
                        "select id from play_event where status = 'PENDING' order by created_at, id limit "
                                + NO_PLAY_BATCH + " for update skip locked")
                .getResultList();
        // looked at again once the rows are read: a play comes in force before an event queued after it commits, so
        // an event read here was queued while the book was as seen now (the look before may be older than the event)
        if (!library.book().runnable().isEmpty()) {
            return null;
        }
        if (!ids.isEmpty()) {
            PlayEventRow.update("status = ?1, handledAt = ?2 where id in ?3", EventStatus.DONE, Instant.now(), ids);
        }
        return ids.size();
    }

    /**
     * Takes up to {@code batch-size} of the oldest pending events not being handled by another worker, and counts
     * this attempt of each (committed before any play fires). An account whose earlier event is pending but not in
     * this claim (another worker holds or is claiming it) is left out, so one account's events are handled in order
     * by one worker at a time. One whose handlings never finished too often is marked FAILED instead (attempt 0).
     */
    private List<EventClaim> claim() {
        var em = PlayEventRow.getEntityManager();
        if ("postgresql".equals(databaseKind)) {
            // what a claim must survive is the worker's crash, not the database's: no wait for the disk on each claim
            em.createNativeQuery("set local synchronous_commit = off").executeUpdate();
        }
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<String> candidates = em.createNativeQuery("""
                        select id from play_event where status = 'PENDING' and (claimed_until is null or claimed_until < :now)
                        order by created_at, id limit %d for update skip locked""".formatted(config.batchSize()))
                .setParameter("now", now).getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select e.id, e.attempts from play_event e where e.id in (:ids) and not exists (
                            select 1 from play_event o where o.account_id = e.account_id and o.status = 'PENDING'
                            and o.id not in (:ids)
                            and (o.created_at < e.created_at or (o.created_at = e.created_at and o.id < e.id)))
                        order by e.created_at, e.id""")
                .setParameter("ids", candidates).getResultList();
        List<EventClaim> claims = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        for (Object[] row : rows) {
            String id = (String) row[0];
            int attempts = ((Number) row[1]).intValue();
            if (attempts >= limits.attempts()) {
                giveUp(id, attempts);
                claims.add(new EventClaim(id, 0));
            } else {
                counted.add(id);
                claims.add(new EventClaim(id, attempts + 1));
            }
        }
        if (!counted.isEmpty()) {
            PlayEventRow.update("attempts = attempts + 1, claimedUntil = ?1 where id in ?2",
                    now.plus(limits.retryAfter()), counted);
        }
        return claims;
    }

    private void giveUp(String eventId, int attempts) {
        PlayEventRow row = PlayEventRow.findById(eventId);
        row.failed("not handled: its handling was started " + attempts + " times and never finished (the worker "
                + "crashed, hung or was stopped while its plays fired); it is not tried again");
        LOG.errorf("Event %s (%s) on account %s given up after %d unfinished handlings: a poison event", row.id,
                row.type, row.accountId, attempts);
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

    private static EventHandling.FailedInBatch failedInBatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EventHandling.FailedInBatch failed) {
                return failed;
            }
        }
        return null;
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
