package io.teamplay.plays;

import io.teamplay.accounts.AccountService;
import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.engine.PlayLimitExceeded;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Handles one event row inside the caller's transaction: locks the account (so events of one account, and team
 * changes by other paths, never interleave), builds the facts, fires the active plays, applies every
 * decision through the services and records what each did. Throws when the event cannot be handled; the caller then
 * rolls everything back and marks the event failed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class EventHandling {

    private static final Logger LOG = Logger.getLogger(EventHandling.class);

    @Inject
    PlaysConfig config;
    @Inject
    PlayLibrary library;
    @Inject
    PlayActivations activations;
    @Inject
    PlayFacts facts;
    @Inject
    DecisionApplier applier;
    @Inject
    AccountService accounts;
    @Inject
    PlayLimits limits;

    /** Why an event was not handled (recorded on the event and as a failed run of the play at fault). */
    static final class EventFailed extends RuntimeException {
        final String play;
        final String rule;
        /** True when the play's firing passed a limit (counted against the play). */
        final boolean limitPassed;

        EventFailed(String play, String rule, String reason) {
            this(play, rule, reason, false);
        }

        EventFailed(String play, String rule, String reason, boolean limitPassed) {
            super(reason);
            this.play = play;
            this.rule = rule;
            this.limitPassed = limitPassed;
        }
    }

    void handle(PlayEventRow row) {
        if (row.depth > config.maxDepth()) {
            String last = row.chain == null ? "?" : row.chain.substring(row.chain.lastIndexOf(" -> ") + 4);
            int slash = last.indexOf('/');
            throw new EventFailed(slash < 0 ? last : last.substring(0, slash), slash < 0 ? "?" : last.substring(slash + 1),
                    "cascade stopped: plays caused events " + row.depth + " deep (the limit is " + config.maxDepth()
                            + "); chain: " + row.chain);
        }
        Set<String> active = new HashSet<>(activations.active());
        active.retainAll(library.book().runnable());
        if (row.onlyPlay != null) {
            active.retainAll(Set.of(row.onlyPlay));
        }
        if (active.isEmpty()) {
            row.done();
            return;
        }
        if (!accounts.exists(row.accountId)) {
            throw new EventFailed(null, null, "no account with id " + row.accountId);
        }
        accounts.lock(row.accountId);
        AccountEvent event = row.fact();
        Account account = facts.account(row.accountId, event)
                .orElseThrow(() -> new EventFailed(null, null, "no account with id " + row.accountId));
        List<PlayDecision> decisions;
        try {
            decisions = library.engine().fire(event, account, active, limits.firing());
        } catch (PlayLimitExceeded e) {
            throw new EventFailed(e.play(), e.rule(), FiringFailure.describe(e), true);
        } catch (io.teamplay.plays.engine.PlayFiringException e) {
            LOG.warnf(e, "Event %s on account %s: a play failed while firing", row.id, row.accountId);
            throw new EventFailed(e.play(), e.rule(), FiringFailure.describe(e));
        }
        RunContext context = new RunContext(row.id, row.accountId, row.date, row.depth);
        for (PlayDecision decision : decisions) {
            PlayStatus play = library.play(decision.play()).orElseThrow();
            applier.apply(decision, play, context);
        }
        row.done();
        LOG.infof("Event %s (%s) on account %s handled: %d decision(s) by active plays", row.id, row.type,
                row.accountId, decisions.size());
    }
}
