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
import org.jboss.logging.Logger;

/**
 * Once a day, at the configured time, queues a DAILY event per account. Ids are deterministic
 * ({@code daily:<account>:<date>}), so two instances firing the same schedule queue each tick once.
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

    @Scheduled(cron = "{teamplay.plays.daily-cron}", identity = "plays-daily",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyDay() {
        if (activations.active().isEmpty()) {
            LOG.info("Daily tick: no active play, nothing queued");
            return;
        }
        tick(LocalDate.now());
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
        LOG.infof("Daily tick %s: %d event(s) queued", date, queued);
        return queued;
    }
}
