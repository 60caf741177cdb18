package io.teamplay.plays;

import io.teamplay.common.BatchReads;
import io.teamplay.accounts.AccountService;
import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.engine.PlayLimitExceeded;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Handles a batch of event rows, in their order, inside the caller's transaction: locks their accounts (so events of
 * one account, and team changes by other paths, never interleave), builds the facts, fires the active plays, applies
 * every decision through the services and records what each did. Throws when an event cannot be handled, naming it;
 * the caller then rolls everything back, marks that event failed and handles the others again.
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
    @Inject
    BatchReads reads;
    @Inject
    TeamPicker picker;

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

    /**
     * The event that failed inside a batch; the caller rolls the batch back, records this one as failed (with the
     * {@link #getCause() cause}, as for an event handled alone) and handles the others again without it.
     */
    static final class FailedInBatch extends RuntimeException {
        final String eventId;

        FailedInBatch(String eventId, RuntimeException cause) {
            super("event " + eventId + " failed", cause, false, false);
            this.eventId = eventId;
        }
    }

    /**
     * Handles the claimed events in their order: locks their rows and accounts, reads the accounts' facts in a few
     * set queries, fires each event's plays and applies its decisions, then marks them all done in one statement.
     * An event another worker took over meanwhile is left alone. The first event that fails is thrown as
     * {@link FailedInBatch}. Answers how many were handled.
     */
    int handleAll(List<EventClaim> claims) {
        reads.begin();
        Map<String, Integer> attempts = new HashMap<>();
        claims.forEach(claim -> attempts.put(claim.eventId(), claim.attempt()));
        Map<String, PlayEventRow> byId = new HashMap<>();
        PlayEventRow.<PlayEventRow>find("id in ?1", attempts.keySet()).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(row -> byId.put(row.id, row));
        // another worker may have taken one over meanwhile (this one was too slow): then it is theirs
        List<PlayEventRow> rows = claims.stream().map(claim -> byId.get(claim.eventId()))
                .filter(row -> row != null && row.status == EventStatus.PENDING
                        && row.attempts == attempts.get(row.id))
                .toList();
        // the rows are marked done together at the end, not one by one as each is flushed
        rows.forEach(PlayEventRow.getEntityManager()::detach);
        reads.<Map<String, Optional<String>>>kept(PlayEventOutbox.EventChains.class, HashMap::new).ifPresent(chains ->
                rows.forEach(row -> chains.put(row.id, Optional.ofNullable(row.chain))));
        Set<String> active = new HashSet<>(activations.active());
        active.retainAll(library.book().runnable());
        Set<String> existing = accounts.lockAll(rows.stream().map(row -> row.accountId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new)));
        PlayFacts.Batch batch = facts.batch(existing);
        var entities = PlayEventRow.getEntityManager();
        // every query flushes first, checking each entity the transaction holds: without clearing, a batch costs n²
        entities.clear();
        List<PlayRun> runs = new ArrayList<>();
        for (PlayEventRow row : rows) {
            try {
                int decisions = handle(row, active, existing, batch, runs);
                if (decisions > 0) {
                    entities.flush();
                    entities.clear();
                }
            } catch (RuntimeException e) {
                throw new FailedInBatch(row.id, e);
            }
        }
        picker.writeTurns();
        // the runs written together, in JDBC batches, rather than one insert per decision
        PlayRun.persist(runs);
        if (!rows.isEmpty()) {
            PlayEventRow.update("status = ?1, handledAt = ?2 where id in ?3", EventStatus.DONE, Instant.now(),
                    rows.stream().map(row -> row.id).toList());
            LOG.infof("%d event(s) handled, %s to %s: %d decision(s) by active plays", rows.size(), rows.get(0).id,
                    rows.get(rows.size() - 1).id, runs.size());
        }
        return rows.size();
    }

    /**
     * Whether the decision changes nothing of the account's facts but its seats (a notice changes nothing of them):
     * those the batch keeps current as they change, so the account need not be read again.
     */
    private static boolean movesSeatsOnly(PlayDecision decision) {
        return decision.once() == null && (decision instanceof PlayDecision.AssignRole
                || decision instanceof PlayDecision.AssignCover || decision instanceof PlayDecision.AssignRoundRobin
                || decision instanceof PlayDecision.AssignLeastLoaded || decision instanceof PlayDecision.ClearRole
                || decision instanceof PlayDecision.NotifyHolder || decision instanceof PlayDecision.EmailHolder);
    }

    /** Handles one event of a batch; answers how many decisions its plays took. */
    private int handle(PlayEventRow row, Set<String> activePlays, Set<String> existing, PlayFacts.Batch batch,
                       List<PlayRun> runs) {
        if (row.depth > config.maxDepth()) {
            String last = row.chain == null ? "?" : row.chain.substring(row.chain.lastIndexOf(" -> ") + 4);
            int slash = last.indexOf('/');
            throw new EventFailed(slash < 0 ? last : last.substring(0, slash), slash < 0 ? "?" : last.substring(slash + 1),
                    "cascade stopped: plays caused events " + row.depth + " deep (the limit is " + config.maxDepth()
                            + "); chain: " + row.chain);
        }
        Set<String> active = activePlays;
        if (row.onlyPlay != null) {
            active = new HashSet<>(activePlays);
            active.retainAll(Set.of(row.onlyPlay));
        }
        if (active.isEmpty()) {
            return 0;
        }
        if (!existing.contains(row.accountId)) {
            throw new EventFailed(null, null, "no account with id " + row.accountId);
        }
        AccountEvent event = row.fact();
        Account account = batch.account(row.accountId).map(found -> facts.forEvent(found, event))
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
        if (decisions.isEmpty()) {
            return 0;
        }
        RunContext context = new RunContext(row.id, row.accountId, row.date, row.depth, batch);
        for (PlayDecision decision : decisions) {
            PlayStatus play = library.play(decision.play()).orElseThrow();
            runs.add(applier.applyUnsaved(decision, play, context));
        }
        if (decisions.stream().allMatch(EventHandling::movesSeatsOnly)) {
            batch.seatsChanged(row.accountId);
        } else {
            batch.changed(row.accountId);
        }
        LOG.infof("Event %s (%s) on account %s handled: %d decision(s) by active plays", row.id, row.type,
                row.accountId, decisions.size());
        return decisions.size();
    }
}
