package io.teamplay.plays;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.segments.AccountSummary;
import io.teamplay.segments.SegmentFilter;
import io.teamplay.segments.SegmentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Once a day, at the configured time, queues a DAILY event per account. Ids are deterministic
 * ({@code daily:<account>:<date>}), so two instances firing the same schedule queue each tick once. The days ticked
 * are remembered: a day the service missed (down at the daily time) is ticked at the next run, dated that day, up to
 * {@code teamplay.plays.daily-catch-up-days} back.
 */
@ApplicationScoped
public class DailyTicks {

    private static final Logger LOG = Logger.getLogger(DailyTicks.class);
    private static final int PAGE = 500;

    @Inject
    SegmentService segments;
    @Inject
    PlayEventOutbox outbox;
    @Inject
    PlayActivations activations;
    @Inject
    PlaysConfig config;
    @Inject
    LeaveEvents leaves;

    @Scheduled(cron = "{teamplay.plays.daily-cron}", identity = "plays-daily",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyDay() {
        catchUp(LocalDate.now());
    }

    /** Ticks every day since the last one ticked (at most the catch-up days back), through today. */
    public int catchUp(LocalDate today) {
        int queued = 0;
        for (LocalDate day : daysToTick(today)) {
            if (activations.active().isEmpty()) {
                LOG.infof("Daily tick %s: no active play, nothing queued", day);
                QuarkusTransaction.requiringNew().run(() -> ticked(day));
            } else {
                queued += tick(day);
            }
        }
        return queued;
    }

    private List<LocalDate> daysToTick(LocalDate today) {
        LocalDate last = QuarkusTransaction.requiringNew().call(() -> (LocalDate) PlayRun.getEntityManager()
                .createNativeQuery("select max(tick_date) from play_daily_run where tick_date <= :today", LocalDate.class)
                .setParameter("today", today).getSingleResult());
        LocalDate first = last == null ? today : last.plusDays(1);
        LocalDate earliest = today.minusDays(Math.max(0, config.dailyCatchUpDays()));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first.isBefore(earliest) ? earliest : first; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** Remembers the day as ticked (its events are queued, or there was no play to queue them for). */
    private void ticked(LocalDate day) {
        PlayRun.getEntityManager().createNativeQuery(
                        "insert into play_daily_run (tick_date, at) values (:day, :at) on conflict do nothing")
                .setParameter("day", day).setParameter("at", java.time.Instant.now()).executeUpdate();
    }

    /** Queues the day's tick of every account; answers how many were new. */
    public int tick(LocalDate date) {
        int queued = 0;
        for (int page = 0; ; page++) {
            Page<AccountSummary> accounts = segments.search(new SegmentFilter(null, null, null), PageRequest.of(page, PAGE));
            if (accounts.items().isEmpty()) {
                break;
            }
            queued += QuarkusTransaction.requiringNew().call(() -> {
                int n = 0;
                for (AccountSummary account : accounts.items()) {
                    n += outbox.queueDaily(account.id(), date) ? 1 : 0;
                }
                return n;
            });
            if (accounts.items().size() < PAGE) {
                break;
            }
        }
        queued += QuarkusTransaction.requiringNew().call(() -> leaves.queue(date));
        QuarkusTransaction.requiringNew().run(() -> ticked(date));
        LOG.infof("Daily tick %s: %d event(s) queued", date, queued);
        return queued;
    }
}
