package io.teamplay.plays;

import io.teamplay.assignments.MovedTask;
import io.teamplay.common.ProblemException;
import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.engine.PlayFiringException;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.EventType;
import io.teamplay.plays.facts.RoleKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Fires one play (active or not, compiled on its own: see {@link PlayLibrary#dryFire}) on an account and an optional
 * event, and answers what it would change: roles (with the tasks the current policy would move), tasks,
 * notifications, or why an action would fail. Each decision goes through the same {@link DecisionPlanner} as when the
 * play handles an event, previewed instead of applied: writes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DryRun {

    private static final Logger LOG = Logger.getLogger(DryRun.class);

    /**
     * One change the play would make, or why it would fail (as the run would record it when the play is active);
     * {@code once}: the key the play's memory would keep, or null.
     */
    public record Change(String rule, String action, String role, String before, String after, String detail,
                         List<MovedTask> tasksMoving, String wouldFail, String once, PlayRun.Outcome outcome) {

        /** True when the play would assign the role over someone who holds it now (that holder loses the seat). */
        @com.fasterxml.jackson.annotation.JsonProperty("overExistingHolder")
        public boolean overExistingHolder() {
            return action.startsWith("ASSIGN") && wouldFail == null && before != null && after != null
                    && !before.equalsIgnoreCase(after);
        }
    }

    public record Result(String play, String accountId, String eventType, List<Change> changes) {
    }

    @Inject
    PlayLibrary library;
    @Inject
    PlayFacts facts;
    @Inject
    DecisionPlanner planner;

    public Result run(String name, String accountId, ExternalEvent given) {
        PlayStatus play = compiledPlay(name);
        if (accountId == null || accountId.isBlank()) {
            throw ProblemException.badRequest("accountId", "accountId is required");
        }
        Account account = facts.account(accountId.trim())
                .orElseThrow(() -> ProblemException.notFound("No account with id " + accountId));
        AccountEvent event = event(account.getId(), given);
        try {
            return new Result(name, account.getId(), event.getType().name(), changes(play, event, account));
        } catch (PlayFiringException e) {
            LOG.infof(e, "Dry run of play %s on account %s failed", play.name(), account.getId());
            throw ProblemException.refused("play", FiringFailure.describe(e));
        }
    }

    /**
     * The play, compiled and checked by the caller, fired on one account: what it would change there.
     *
     * @throws PlayFiringException when a rule of the play fails while firing
     */
    List<Change> changes(PlayStatus play, AccountEvent event, Account account) {
        List<PlayDecision> decisions = library.dryFire(play, event, account);
        RunContext context = new RunContext(event.getId(), account.getId(), event.getDate(), 0);
        List<Change> changes = new ArrayList<>();
        for (PlayDecision decision : decisions) {
            DecisionPlanner.Step step = planner.preview(decision, play, context);
            changes.add(new Change(decision.rule(), DecisionPlanner.action(decision), decision.role(), step.before(),
                    step.after(), step.detail(), step.tasksMoving(), step.reason(), decision.once(), step.outcome()));
        }
        return changes;
    }

    /** The play named, if it compiles: a dry run or a preview of a play that does not is refused (422). */
    PlayStatus compiledPlay(String name) {
        PlayStatus play = library.play(name).orElseThrow(() -> ProblemException.notFound("No play named " + name));
        if (!play.ok()) {
            throw ProblemException.refused("play", "The play " + name + " does not compile: " + play.errors().get(0));
        }
        return play;
    }

    /** The event a dry run fires: the one given, or else the daily tick of its date (today when none). */
    static AccountEvent event(String accountId, ExternalEvent given) {
        if (given == null || given.type() == null) {
            return AccountEvent.daily(accountId, given != null && given.date() != null ? given.date() : LocalDate.now());
        }
        EventType type = PlayEventOutbox.parseType(given.type());
        return AccountEvent.builder(given.id() == null ? "dry-run" : given.id(), type, accountId)
                .attribute(given.attribute(), JsonValues.toJava(JsonValues.toJson(given.oldValue())),
                        JsonValues.toJava(JsonValues.toJson(given.newValue())))
                .assignment(RoleKey.of(given.role()), given.fromEmail(), given.toEmail())
                .userEmail(given.userEmail())
                .date(given.date() == null ? LocalDate.now() : given.date())
                .build();
    }
}
