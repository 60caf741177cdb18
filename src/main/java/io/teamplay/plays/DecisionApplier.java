package io.teamplay.plays;

import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentOutcome;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.PlayOrigin;
import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.actions.PlayDecision.AssignLeastLoaded;
import io.teamplay.plays.actions.PlayDecision.AssignRole;
import io.teamplay.plays.actions.PlayDecision.AssignRoundRobin;
import io.teamplay.plays.actions.PlayDecision.ClearRole;
import io.teamplay.plays.actions.PlayDecision.CreateTask;
import io.teamplay.plays.actions.PlayDecision.NotifyHolder;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.roles.RoleService;
import io.teamplay.tasks.NewTask;
import io.teamplay.tasks.TaskService;
import io.teamplay.tasks.TaskSource;
import io.teamplay.tasks.TaskView;
import io.teamplay.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Applies one decision of a play through the services that own the data: team changes through the one assignment
 * write path (path PLAY, the play's team decides who is eligible), tasks through the task service. Everything is
 * checked first, so a refused action writes nothing, spoils nothing else of the event, and is recorded FAILED with
 * its reason.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class DecisionApplier {

    private static final Logger LOG = Logger.getLogger(DecisionApplier.class);

    @Inject
    AssignmentService assignments;
    @Inject
    RoleService roles;
    @Inject
    TaskService tasks;
    @Inject
    UserService users;
    @Inject
    TeamPicker picker;
    @Inject
    Event<HolderNotified> notified;

    PlayRun apply(PlayDecision decision, PlayStatus play, RunContext context) {
        PlayRun run = run(decision, context);
        try {
            if (decision instanceof AssignRole a) {
                assign(run, play, context, a.email(), null);
            } else if (decision instanceof AssignRoundRobin a) {
                assign(run, play, context, picker.nextInTurn(a.team(), a.role(), false).orElse(null), "team " + a.team());
            } else if (decision instanceof AssignLeastLoaded a) {
                assign(run, play, context, picker.leastLoaded(a.team(), a.role()).orElse(null), "team " + a.team());
            } else if (decision instanceof ClearRole) {
                clear(run, play, context);
            } else if (decision instanceof CreateTask t) {
                createTask(run, context, t);
            } else if (decision instanceof NotifyHolder n) {
                notifyHolder(run, context, n);
            }
        } catch (Refused refused) {
            run.outcome = PlayRun.Outcome.FAILED;
            run.reason = refused.getMessage();
        }
        run.persist();
        LOG.infof("Play %s rule '%s' on event %s account %s: %s %s %s -> %s %s%s", run.play, run.rule, run.eventId,
                run.accountId, run.action, run.role, run.before, run.after, run.outcome,
                run.reason == null ? "" : " (" + run.reason + ")");
        return run;
    }

    private void assign(PlayRun run, PlayStatus play, RunContext context, String email, String pool) {
        if (email == null) {
            throw new Refused(pool + " has no active member to pick");
        }
        PlayOrigin origin = origin(run, play, context);
        requireRole(run.role);
        assignments.refusal(run.role, Assignee.byEmail(email), AssignmentPath.PLAY, origin).ifPresent(reason -> {
            throw new Refused(reason);
        });
        AssignmentOutcome outcome = assignments.change(new AssignmentChange(context.accountId(), run.role,
                Assignee.byEmail(email), AssignmentPath.PLAY, actor(play), origin));
        record(run, outcome);
    }

    private void clear(PlayRun run, PlayStatus play, RunContext context) {
        requireRole(run.role);
        AssignmentOutcome outcome = assignments.change(new AssignmentChange(context.accountId(), run.role, null,
                AssignmentPath.PLAY, actor(play), origin(run, play, context)));
        record(run, outcome);
    }

    private void createTask(PlayRun run, RunContext context, CreateTask task) {
        String holder = holder(run, context);
        if (users.find(holder).filter(u -> !u.isActive()).isPresent()) {
            throw new Refused(holder + ", who holds " + run.role + ", is disabled: tasks are not given to disabled users");
        }
        TaskView created = tasks.create(new NewTask(context.accountId(), task.title(), holder, run.role,
                TaskSource.PLAY, context.date().plusDays(task.dueInDays())));
        run.after = holder;
        run.detail = "task " + created.id() + " '" + task.title() + "' due " + created.dueDate();
        run.outcome = PlayRun.Outcome.APPLIED;
    }

    private void notifyHolder(PlayRun run, RunContext context, NotifyHolder notify) {
        run.after = holder(run, context);
        run.detail = notify.message();
        run.outcome = PlayRun.Outcome.APPLIED;
        notified.fire(new HolderNotified(context.accountId(), run.role, run.after, notify.message(), run.play,
                run.rule, context.eventId()));
    }

    private String holder(PlayRun run, RunContext context) {
        requireRole(run.role);
        String holder = assignments.holderOf(context.accountId(), run.role)
                .orElseThrow(() -> new Refused("nobody holds the role " + run.role + " on account " + context.accountId()));
        if (users.find(holder).isEmpty()) {
            throw new Refused(holder + ", who holds " + run.role + ", is not a user yet");
        }
        return holder;
    }

    private void requireRole(String role) {
        if (roles.find(role).isEmpty()) {
            throw new Refused("there is no account role with key " + role);
        }
    }

    private static void record(PlayRun run, AssignmentOutcome outcome) {
        run.before = outcome.fromEmail();
        run.after = outcome.email();
        run.outcome = outcome.changed() ? PlayRun.Outcome.APPLIED : PlayRun.Outcome.UNCHANGED;
        if (outcome.tasksMoved() > 0) {
            run.detail = outcome.tasksMoved() + " open task(s) moved with the role";
        }
    }

    private static PlayOrigin origin(PlayRun run, PlayStatus play, RunContext context) {
        return new PlayOrigin(run.play, play.team(), run.rule, context.eventId(), context.depth());
    }

    private static String actor(PlayStatus play) {
        return "play:" + play.name();
    }

    static String action(PlayDecision decision) {
        if (decision instanceof AssignRole) {
            return "ASSIGN";
        } else if (decision instanceof AssignRoundRobin) {
            return "ASSIGN_ROUND_ROBIN";
        } else if (decision instanceof AssignLeastLoaded) {
            return "ASSIGN_LEAST_LOADED";
        } else if (decision instanceof ClearRole) {
            return "CLEAR";
        } else if (decision instanceof CreateTask) {
            return "CREATE_TASK";
        }
        return "NOTIFY";
    }

    private static PlayRun run(PlayDecision decision, RunContext context) {
        PlayRun run = new PlayRun();
        run.play = decision.play();
        run.rule = decision.rule();
        run.eventId = context.eventId();
        run.accountId = context.accountId();
        run.action = action(decision);
        run.role = decision.role();
        run.at = Instant.now();
        return run;
    }

    /** A decision that cannot be applied: nothing was written for it. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }
}
