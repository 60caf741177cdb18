package io.teamplay.plays;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AttributeValues;
import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentResult;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.MovedTask;
import io.teamplay.assignments.PlayOrigin;
import io.teamplay.notifications.HolderNotified;
import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.actions.PlayDecision.AssignCover;
import io.teamplay.plays.actions.PlayDecision.AssignLeastLoaded;
import io.teamplay.plays.actions.PlayDecision.AssignRole;
import io.teamplay.plays.actions.PlayDecision.AssignRoundRobin;
import io.teamplay.plays.actions.PlayDecision.ClearRole;
import io.teamplay.plays.actions.PlayDecision.CreateTask;
import io.teamplay.plays.actions.PlayDecision.CreateTaskForUser;
import io.teamplay.plays.actions.PlayDecision.EmailHolder;
import io.teamplay.plays.actions.PlayDecision.NotifyHolder;
import io.teamplay.plays.actions.PlayDecision.SetAttribute;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.roles.RoleService;
import io.teamplay.tasks.NewTask;
import io.teamplay.tasks.TaskPriority;
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

    /** An attribute set (value null: removed) through the accounts service, as every attribute change is. */
    private record AttributeChange(String attribute, JsonNode value, String before, String after) implements Plan {
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
    @Inject
    AccountService accounts;

    /** Applies the decision through the services that own the data (in the caller's transaction). */
    Step apply(PlayDecision decision, PlayStatus play, RunContext context) {
        Plan plan = plan(decision, play, context, false);
        if (plan instanceof SeatChange seat) {
            return step(seat.change(), assignments.change(seat.change()), false, context);
        }
        if (plan instanceof NewTaskFor task) {
            TaskView created = tasks.create(task.task());
            return Step.applied(null, task.holder(), "task " + created.id() + " '" + created.title() + "' due " + created.dueDate());
        }
        if (plan instanceof Notice notice) {
            notified.fire(notice.notice());
            return Step.applied(null, notice.notice().email(), notice.notice().message());
        }
        if (plan instanceof AttributeChange set) {
            PlayOrigin origin = origin(decision, play, context);
            boolean changed = AttributeWrites.byPlay(origin, () -> accounts.setAttribute(context.accountId(),
                    set.attribute(), set.value(), "play:" + play.name())).isPresent();
            return attributeStep(set, changed);
        }
        Refusal refusal = (Refusal) plan;
        return Step.failed(refusal.before(), refusal.after(), refusal.reason());
    }

    /** What {@link #apply} would do now; locks nothing, writes nothing, does not take a round robin's turn. */
    Step preview(PlayDecision decision, PlayStatus play, RunContext context) {
        Plan plan = plan(decision, play, context, true);
        if (plan instanceof SeatChange seat) {
            return step(seat.change(), assignments.preview(seat.change()), true, context);
        }
        if (plan instanceof NewTaskFor task) {
            return Step.applied(null, task.holder(), "'" + task.task().title() + "' due " + task.task().dueDate());
        }
        if (plan instanceof Notice notice) {
            return Step.applied(null, notice.notice().email(), notice.notice().message());
        }
        if (plan instanceof AttributeChange set) {
            return attributeStep(set, !set.before().equals(set.after()));
        }
        Refusal refusal = (Refusal) plan;
        return Step.failed(refusal.before(), refusal.after(), refusal.reason());
    }

    private static Step attributeStep(AttributeChange set, boolean changed) {
        String detail = set.attribute() + ": '" + set.before() + "' -> '" + set.after() + "'";
        return new Step(changed ? PlayRun.Outcome.APPLIED : PlayRun.Outcome.UNCHANGED, set.before(), set.after(),
                detail, List.of(), null);
    }

    private Plan plan(PlayDecision decision, PlayStatus play, RunContext context, boolean preview) {
        if (decision instanceof SetAttribute set) {
            return attributeChange(set, context);
        }
        if (decision instanceof CreateTaskForUser task) {
            return taskForUser(task, context);
        }
        String role = decision.role();
        if (decision instanceof ClearRole) {
            return new SeatChange(change(decision, play, context, null));
        }
        if (decision instanceof AssignRole assign) {
            return new SeatChange(change(decision, play, context, Assignee.byEmail(assign.email())));
        }
        if (decision instanceof AssignCover cover) {
            return cover.email() == null ? new Refusal(null, null, "the event names no cover: the user on leave named none")
                    : new SeatChange(change(decision, play, context, Assignee.byEmail(cover.email())));
        }
        if (decision instanceof AssignRoundRobin pick) {
            return picked(decision, play, context, pick.team(), picker.nextInTurn(pick.team(), role, pick.cap(), preview),
                    pick.cap());
        }
        if (decision instanceof AssignLeastLoaded pick) {
            return picked(decision, play, context, pick.team(), picker.leastLoaded(pick.team(), role, pick.cap()),
                    pick.cap());
        }
        if (roles.find(role).isEmpty()) {
            return new Refusal(null, null, "there is no account role with key " + role);
        }
        Optional<String> holder = holderOf(context, role);
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
            TaskPriority priority = task.priority() == null ? TaskPriority.NORMAL : TaskPriority.valueOf(task.priority());
            return new NewTaskFor(holder.get(), new NewTask(context.accountId(), task.title(), holder.get(), role,
                    TaskSource.PLAY, due, priority));
        }
        boolean byEmail = decision instanceof EmailHolder;
        String message = byEmail ? ((EmailHolder) decision).message() : ((NotifyHolder) decision).message();
        return new Notice(new HolderNotified(context.accountId(), role, holder.get(), message, decision.play(),
                decision.rule(), context.eventId(), byEmail));
    }

    private Plan picked(PlayDecision decision, PlayStatus play, RunContext context, String team, Optional<String> member,
                        int cap) {
        return member.<Plan>map(email -> new SeatChange(change(decision, play, context, Assignee.byEmail(email))))
                .orElseGet(() -> new Refusal(null, null, "team " + team + " has no active member to pick"
                        + (cap > 0 ? " holding fewer than " + cap + " " + decision.role() + " seats" : "")));
    }

    private Plan taskForUser(CreateTaskForUser task, RunContext context) {
        if (task.email() == null) {
            return new Refusal(null, null, "the event names no user to give the task to");
        }
        Optional<UserView> user = users.find(task.email());
        if (user.isEmpty() || !user.get().isActive()) {
            return new Refusal(null, task.email(), task.email() + " is not an active user: no task given");
        }
        return new NewTaskFor(user.get().email(), new NewTask(context.accountId(), task.title(), user.get().email(), null,
                TaskSource.PLAY, context.date().plusDays(task.dueInDays()), TaskPriority.NORMAL));
    }

    private Plan attributeChange(SetAttribute set, RunContext context) {
        if (!AttributeValues.isName(set.attribute())) {
            return new Refusal(null, set.value(), "'" + set.attribute() + "' is not an attribute name: names start "
                    + "with a letter and hold only letters, digits and underscores");
        }
        String before = accounts.find(context.accountId()).map(a -> a.attributes().get(set.attribute()))
                .map(JsonValues::text).orElse("");
        JsonNode value = set.value().isEmpty() ? null : AttributeValues.fromCell(set.value());
        if (value != null && value.isTextual() && value.textValue().length() > 4000) {
            return new Refusal(before, null, "a value of " + set.attribute() + " holds at most 4000 characters");
        }
        return new AttributeChange(set.attribute(), value, before, value == null ? "" : JsonValues.text(value));
    }

    /** The seat change a decision asks for; a null assignee clears the role. */
    private static AssignmentChange change(PlayDecision decision, PlayStatus play, RunContext context, Assignee assignee) {
        return new AssignmentChange(context.accountId(), decision.role(), assignee, AssignmentPath.PLAY,
                "play:" + play.name(), origin(decision, play, context));
    }

    private static PlayOrigin origin(PlayDecision decision, PlayStatus play, RunContext context) {
        return new PlayOrigin(decision.play(), play.team(), decision.rule(), context.eventId(), context.depth());
    }

    /** Who holds the role now: from the batch's facts (kept current by its seat changes), else read. */
    private Optional<String> holderOf(RunContext context, String role) {
        return context.facts() == null ? assignments.holderOf(context.accountId(), role)
                : context.facts().holderOf(context.accountId(), role);
    }

    private Step step(AssignmentChange change, AssignmentResult result, boolean preview, RunContext context) {
        if (result instanceof AssignmentResult.Refused refused) {
            String before = holderOf(context, change.role()).orElse(null);
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
        } else if (decision instanceof AssignCover) {
            return "ASSIGN_COVER";
        } else if (decision instanceof CreateTaskForUser) {
            return "CREATE_TASK";
        } else if (decision instanceof AssignRoundRobin) {
            return "ASSIGN_ROUND_ROBIN";
        } else if (decision instanceof AssignLeastLoaded) {
            return "ASSIGN_LEAST_LOADED";
        } else if (decision instanceof ClearRole) {
            return "CLEAR";
        } else if (decision instanceof CreateTask) {
            return "CREATE_TASK";
        } else if (decision instanceof EmailHolder) {
            return "EMAIL";
        } else if (decision instanceof SetAttribute) {
            return "SET_ATTRIBUTE";
        }
        return "NOTIFY";
    }
}
