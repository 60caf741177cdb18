package io.teamplay.plays;

import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.PlayOrigin;
import io.teamplay.common.ProblemException;
import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.actions.PlayDecision.AssignLeastLoaded;
import io.teamplay.plays.actions.PlayDecision.AssignRole;
import io.teamplay.plays.actions.PlayDecision.AssignRoundRobin;
import io.teamplay.plays.actions.PlayDecision.ClearRole;
import io.teamplay.plays.actions.PlayDecision.CreateTask;
import io.teamplay.plays.actions.PlayDecision.NotifyHolder;
import io.teamplay.plays.engine.PlayFiringException;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.EventType;
import io.teamplay.plays.facts.RoleKey;
import io.teamplay.tasks.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires one play (active or not, compiled on its own: see {@link PlayLibrary#dryFire}) on an account and an optional
 * event, and answers what it would change: roles (with the tasks the current policy would move), tasks,
 * notifications, or why an action would fail. Writes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DryRun {

    /** One change the play would make. */
    public record Change(String rule, String action, String role, String before, String after, String detail,
                         List<TaskView> tasksMoving, String wouldFail) {

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
    AssignmentService assignments;
    @Inject
    TeamPicker picker;

    public Result run(String name, String accountId, ExternalEvent given) {
        PlayStatus play = library.play(name).orElseThrow(() -> ProblemException.notFound("No play named " + name));
        if (!play.ok()) {
            throw ProblemException.refused("play", "The play " + name + " does not compile: " + play.errors().get(0));
        }
        if (accountId == null || accountId.isBlank()) {
            throw ProblemException.badRequest("accountId", "accountId is required");
        }
        Account account = facts.account(accountId.trim())
                .orElseThrow(() -> ProblemException.notFound("No account with id " + accountId));
        AccountEvent event = event(account.getId(), given);
        List<PlayDecision> decisions;
        try {
            decisions = library.dryFire(play, event, account);
        } catch (PlayFiringException e) {
            throw ProblemException.refused("play", e.getMessage());
        }
        List<Change> changes = new ArrayList<>();
        for (PlayDecision decision : decisions) {
            changes.add(preview(decision, play, account, event));
        }
        return new Result(name, account.getId(), event.getType().name(), changes);
    }

    private Change preview(PlayDecision decision, PlayStatus play, Account account, AccountEvent event) {
        String action = DecisionApplier.action(decision);
        String before = account.holder(decision.role());
        if (decision instanceof ClearRole) {
            return new Change(decision.rule(), action, decision.role(), before, null, null, List.of(), null);
        }
        if (decision instanceof CreateTask t) {
            return new Change(t.rule(), action, t.role(), null, before,
                    "'" + t.title() + "' due " + event.getDate().plusDays(t.dueInDays()), List.of(),
                    before == null ? "nobody holds the role " + t.role() : null);
        }
        if (decision instanceof NotifyHolder n) {
            return new Change(n.rule(), action, n.role(), null, before, n.message(), List.of(),
                    before == null ? "nobody holds the role " + n.role() : null);
        }
        String to = decision instanceof AssignRole a ? a.email()
                : decision instanceof AssignRoundRobin r ? picker.nextInTurn(r.team(), r.role(), true).orElse(null)
                : picker.leastLoaded(((AssignLeastLoaded) decision).team(), decision.role()).orElse(null);
        if (to == null) {
            return new Change(decision.rule(), action, decision.role(), before, null, null, List.of(),
                    "the team has no active member to pick");
        }
        PlayOrigin origin = new PlayOrigin(play.name(), play.team(), decision.rule(), event.getId(), 0);
        String refusal = assignments.refusal(decision.role(), Assignee.byEmail(to), AssignmentPath.PLAY, origin)
                .orElse(null);
        List<TaskView> moving = refusal == null ? assignments.previewTasksMoving(account.getId(), decision.role(), to)
                : List.of();
        return new Change(decision.rule(), action, decision.role(), before, to, null, moving, refusal);
    }

    private static AccountEvent event(String accountId, ExternalEvent given) {
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
