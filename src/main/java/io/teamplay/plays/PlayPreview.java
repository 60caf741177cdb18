package io.teamplay.plays;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.plays.engine.PlayFiringException;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.segments.SegmentFilter;
import io.teamplay.segments.SegmentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A dry run over a segment: fires one play (active or not) on every account a filter matches, as the daily tick (or
 * the event given) would, and answers per account what it would do. Writes nothing; the facts of the accounts are
 * loaded in batches, and a play failing on one account is reported for that account while the others go on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlayPreview {

    private static final Logger LOG = Logger.getLogger(PlayPreview.class);
    private static final int BATCH = 500;

    /** Body of {@code POST /api/plays/{name}/preview}: the accounts (a filter as bulk assign takes it), an event. */
    public record Request(SegmentFilter filter, ExternalEvent event) {
    }

    /** What the play would do on one account: its changes, or why the play failed there. */
    public record AccountPreview(String accountId, String accountName, List<DryRun.Change> changes, String failure) {
    }

    /**
     * {@code matched}: accounts the filter matched; {@code changing}: those where at least one change would be
     * applied; {@code failing}: those where the play itself failed. {@code changes} lists every account where the
     * play decided something other than "already so".
     */
    public record Result(String play, String eventType, int matched, int changing, int failing,
                         List<AccountPreview> changes) {
    }

    @Inject
    DryRun dryRun;
    @Inject
    SegmentService segments;
    @Inject
    PlayFacts facts;
    @Inject
    PlaysConfig config;
    @Inject
    EntityManager em;

    public Result run(String name, Request request) {
        PlayStatus play = dryRun.compiledPlay(name);
        SegmentFilter filter = request.filter() == null ? new SegmentFilter(null, null, null) : request.filter();
        List<String> ids = segments.matching(filter, config.previewMaxAccounts());
        long started = System.nanoTime();
        List<AccountPreview> previews = new ArrayList<>();
        int changing = 0;
        int failing = 0;
        String eventType = DryRun.event("", request.event()).getType().name();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<AccountPreview> batchPreviews = QuarkusTransaction.requiringNew().call(() -> preview(play, batch, request));
            for (AccountPreview preview : batchPreviews) {
                if (preview.failure() != null) {
                    failing++;
                } else if (preview.changes().stream().anyMatch(c -> c.outcome() == PlayRun.Outcome.APPLIED)) {
                    changing++;
                }
                if (preview.failure() != null
                        || preview.changes().stream().anyMatch(c -> c.outcome() != PlayRun.Outcome.UNCHANGED)) {
                    previews.add(preview);
                }
            }
        }
        LOG.infof("Preview of play %s over %d account(s): %d would change, %d failing, in %d ms", name, ids.size(),
                changing, failing, (System.nanoTime() - started) / 1_000_000);
        return new Result(name, eventType, ids.size(), changing, failing, previews);
    }

    /**
     * One batch in one read-only transaction: its reads share a connection, no transaction runs for minutes, and
     * nothing is flushed (with hundreds of accounts loaded, every query would otherwise dirty-check them all first).
     */
    private List<AccountPreview> preview(PlayStatus play, List<String> batch, Request request) {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        return facts.accounts(batch).stream()
                .map(account -> preview(play, DryRun.event(account.getId(), request.event()), account)).toList();
    }

    private AccountPreview preview(PlayStatus play, AccountEvent event, Account account) {
        try {
            return new AccountPreview(account.getId(), account.getName(), dryRun.changes(play, event, account), null);
        } catch (PlayFiringException e) {
            return new AccountPreview(account.getId(), account.getName(), List.of(), FiringFailure.describe(e));
        }
    }
}
