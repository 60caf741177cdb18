package io.teamplay.plays;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.accounts.AccountService;
import io.teamplay.segments.SegmentFilter;
import io.teamplay.segments.SegmentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Backfill at activation ({@code applyToExisting}): queues, for every account there is now (or every account a
 * segment filter matches), a daily tick that fires the one play. The worker handles them like any event (history, runs and the digest show what the play did); the
 * play's own conditions decide which accounts it acts on.
 */
@ApplicationScoped
class PlayBackfill {

    private static final Logger LOG = Logger.getLogger(PlayBackfill.class);
    private static final int PAGE = 1000;

    @Inject
    AccountService accounts;
    @Inject
    PlayEventOutbox outbox;
    @Inject
    SegmentService segments;

    /**
     * Queues the play's backfill events on every account, or on those the filter matches, a page of accounts per
     * transaction; answers how many were queued.
     */
    int queue(String play, SegmentFilter filter, String actor) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now();
        int queued = 0;
        if (filter != null) {
            List<String> matching = segments.matching(filter, Integer.MAX_VALUE);
            for (int from = 0; from < matching.size(); from += PAGE) {
                List<String> ids = matching.subList(from, Math.min(matching.size(), from + PAGE));
                queued += QuarkusTransaction.requiringNew().call(() -> outbox.queueBackfill(play, run, ids, today));
            }
        } else {
            String after = null;
            while (true) {
                List<String> ids = accounts.idsAfter(after, PAGE);
                if (ids.isEmpty()) {
                    break;
                }
                queued += QuarkusTransaction.requiringNew().call(() -> outbox.queueBackfill(play, run, ids, today));
                after = ids.get(ids.size() - 1);
            }
        }
        LOG.infof("Play %s activated by %s with applyToExisting: backfill %s queued %d event(s)", play, actor, run, queued);
        return queued;
    }
}
