package io.teamplay.plays;

import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentResult;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.MovedTask;
import io.teamplay.assignments.PlayOrigin;
import io.teamplay.notifications.HolderNotified;
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
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Turns one decision of a play into a plan, then applies it (an event being handled) or previews it (a dry run):
 * the same checks either way (someone to pick, the role exists, the assignee is eligible by the play path, a holder
 * who is a user, and not a disabled one, for a task), the preview only writing nothing. A refused decision is a
 * {@link Step} with outcome FAILED and its reason, never an exception: the event's other decisions go on.
 */
@ApplicationScoped
class DecisionPlanner {

    /**
     * What one decision came to (applied) or would come to (previewed): the outcome a run records, the role holder
     * before and after, a detail (the task, the message, the tasks moving with a role), and why it failed.
     */
    record Step(PlayRun.Outcome outcome, String before, String after, String detail, List<MovedTask> tasksMoving,
                String reason) {

        static Step failed(String before, String after, String reason) {
            return new Step(PlayRun.Outcome.FAILED, before, after, null, List.of(), reason);
        }

        static Step applied(String before, String after, String detail) {
            return new Step(PlayRun.Outcome.APPLIED, before, after, detail, List.of(), null);
        }
    }

    /** A decision checked and ready to apply or preview, or refused. */
    private sealed interface Plan {
    }

    private record Refusal(String before, String after, String reason) implements Plan {
    }

    /** A seat change: eligibility is decided by the assignment write path itself, for real or as a preview. */
    private record SeatChange(AssignmentChange change) implements Plan {
    }

    private record NewTaskFor(String holder, NewTask task) implements Plan {
    }

    private record Notice(HolderNotified notice) implements Plan {
    }

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

    /** Applies the decision through the services that own the data (in the caller's transaction). */
    Step apply(PlayDecision decision, PlayStatus play, RunContext context) {
        Plan plan = plan(decision, play, context, false);
        if (plan instanceof SeatChange seat) {
            return step(seat.change(), assignments.change(seat.change()), false);
        }
        if (plan instanceof NewTaskFor task) {
            TaskView created = tasks.create(task.task());
            return Step.applied(null, task.holder(), "task " + created.id() + " '" + created.title() + "' due " + created.dueDate());
        }
        if (plan instanceof Notice notice) {
            notified.fire(notice.notice());
            return Step.applied(null, notice.notice().email(), notice.notice().message());
        }
        Refusal refusal = (Refusal) plan;
        return Step.failed(refusal.before(), refusal.after(), refusal.reason());
    }

    /** What {@link #apply} would do now; locks nothing, writes nothing, does not take a round robin's turn. */
    Step preview(PlayDecision decision, PlayStatus play, RunContext context) {
        Plan plan = plan(decision, play, context, true);
        if (plan instanceof SeatChange seat) {
            return step(seat.change(), assignments.preview(seat.change()), true);
        }
        if (plan instanceof NewTaskFor task) {
            return Step.applied(null, task.holder(), "'" + task.task().title() + "' due " + task.task().dueDate());
        }
        if (plan instanceof Notice notice) {
            return Step.applied(null, notice.notice().email(), notice.notice().message());
        }
        Refusal refusal = (Refusal) plan;
        return Step.failed(refusal.before(), refusal.after(), refusal.reason());
    }

    private Plan plan(PlayDecision decision, PlayStatus play, RunContext context, boolean preview) {
        String role = decision.role();
        if (decision instanceof ClearRole) {
            return new SeatChange(change(decision, play, context, null));
        }
        if (decision instanceof AssignRole assign) {
            return new SeatChange(change(decision, play, context, Assignee.byEmail(assign.email())));
        }
        if (decision instanceof AssignRoundRobin pick) {
            return picked(decision, play, context, pick.team(), picker.nextInTurn(pick.team(), role, preview));
        }
        if (decision instanceof AssignLeastLoaded pick) {
            return picked(decision, play, context, pick.team(), picker.leastLoaded(pick.team(), role));
        }
        if (roles.find(role).isEmpty()) {
            return new Refusal(null, null, "there is no account role with key " + role);
        }
        Optional<String> holder = assignments.holderOf(context.accountId(), role);
        if (holder.isEmpty()) {
            return new Refusal(null, null, "nobody holds the role " + role + " on account " + context.accountId());
        }
        Optional<UserView> user = users.find(holder.get());
        if (user.isEmpty()) {
            return new Refusal(null, holder.get(), holder.get() + ", who holds " + role + ", is not a user yet");
        }
        if (decision instanceof CreateTask task) {
            if (!user.get().isActive()) {
                return new Refusal(null, holder.get(), holder.get() + ", who holds " + role
                        + ", is disabled: tasks are not given to disabled users");
            }
            LocalDate due = context.date().plusDays(task.dueInDays());
            return new NewTaskFor(holder.get(), new NewTask(context.accountId(), task.title(), holder.get(), role, TaskSource.PLAY, due));
        }
        NotifyHolder notify = (NotifyHolder) decision;
        return new Notice(new HolderNotified(context.accountId(), role, holder.get(), notify.message(), decision.play(),
                decision.rule(), context.eventId()));
    }

    private Plan picked(PlayDecision decision, PlayStatus play, RunContext context, String team, Optional<String> member) {
        return member.<Plan>map(email -> new SeatChange(change(decision, play, context, Assignee.byEmail(email))))
                .orElseGet(() -> new Refusal(null, null, "team " + team + " has no active member to pick"));
    }

    /** The seat change a decision asks for; a null assignee clears the role. */
    private static AssignmentChange change(PlayDecision decision, PlayStatus play, RunContext context, Assignee assignee) {
        PlayOrigin origin = new PlayOrigin(decision.play(), play.team(), decision.rule(), context.eventId(), context.depth());
        return new AssignmentChange(context.accountId(), decision.role(), assignee, AssignmentPath.PLAY,
                "play:" + play.name(), origin);
    }

    private Step step(AssignmentChange change, AssignmentResult result, boolean preview) {
        if (result instanceof AssignmentResult.Refused refused) {
            String before = assignments.holderOf(change.accountId(), change.role()).orElse(null);
            return Step.failed(before, change.assignee() == null ? null : change.assignee().email(), refused.reason());
        }
        AssignmentResult.Applied applied = (AssignmentResult.Applied) result;
        if (!applied.changed()) {
            return new Step(PlayRun.Outcome.UNCHANGED, applied.fromEmail(), applied.email(), null, List.of(), null);
        }
        String detail = applied.tasksMoved() == 0 ? null
                : applied.tasksMoved() + " open task(s) " + (preview ? "would move" : "moved") + " with the role";
        return new Step(PlayRun.Outcome.APPLIED, applied.fromEmail(), applied.email(), detail, applied.movedTasks(), null);
    }

    /** The name of a decision's action, as runs and dry runs show it. */
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
}
