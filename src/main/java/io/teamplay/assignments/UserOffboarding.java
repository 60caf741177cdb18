package io.teamplay.assignments;

import io.teamplay.common.Emails;
import io.teamplay.common.ProblemException;
import io.teamplay.tasks.TaskService;
import io.teamplay.tasks.TaskView;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Disabling a user: everything they own (seats and open tasks) moves to an eligible user first, in one transaction,
 * each seat through the one write path so the policy applies per account.
 */
@ApplicationScoped
public class UserOffboarding {

    /** The answer of a disable: how much moved, and the tasks that moved (each as it was before). */
    public record Result(int assignmentsMoved, int tasksMoved, List<MovedTask> movedTasks) {
    }

    private static final Logger LOG = Logger.getLogger(UserOffboarding.class);

    @Inject
    AssignmentService assignments;
    @Inject
    AssigneeResolver resolver;
    @Inject
    TaskService tasks;
    @Inject
    UserService users;
    @Inject
    Event<UserDisabled> disabled;
    @Inject
    Event<TasksHandedOver> handedOver;

    @Transactional
    public Result disable(String email, String reassignTo, String actor) {
        users.lockStatus(email, true);
        UserView user = users.get(email);
        List<Seat> seats = assignments.seatsHeldBy(user.email());
        long openTasks = tasks.countOpenOf(user.email());
        boolean ownsSomething = !seats.isEmpty() || openTasks > 0;
        if (ownsSomething && (reassignTo == null || reassignTo.isBlank())) {
            throw ProblemException.conflict(user.email() + " still owns " + seats.size() + " assignment(s) and "
                    + openTasks + " open task(s): give reassignTo, an eligible user to take them");
        }
        AssigneeResolver.Resolved eligible = ownsSomething ? eligibleTarget(user.email(), reassignTo) : null;
        String target = eligible == null ? null : eligible.email();
        List<MovedTask> moved = new ArrayList<>();
        for (Seat seat : seats) {
            // the target was resolved and checked once, above; a refusal now is a race (disabled meanwhile)
            AssignmentResult.Applied outcome = assignments.change(AssignmentChange.assign(seat.accountId(), seat.role(),
                    Assignee.byEmail(target), AssignmentPath.USER_DISABLE, actor), eligible).requireApplied("reassignTo");
            moved.addAll(outcome.movedTasks());
        }
        if (target != null) {
            moved.addAll(handOverRemainingTasks(user.email(), target, actor));
        }
        users.markDisabled(user.email());
        disabled.fire(new UserDisabled(user.email(), target, seats.size(), moved.size(), actor));
        LOG.infof("User %s disabled by %s: %d assignment(s) and %d task(s) moved to %s",
                user.email(), actor, seats.size(), moved.size(), target);
        return new Result(seats.size(), moved.size(), moved);
    }

    /** Open tasks the policy left with the user follow them too, told per account. */
    private List<MovedTask> handOverRemainingTasks(String email, String target, String actor) {
        Map<String, List<MovedTask>> byAccount = new TreeMap<>();
        for (TaskView task : tasks.reassignAllOpen(email, target)) {
            byAccount.computeIfAbsent(task.accountId(), id -> new ArrayList<>())
                    .add(new MovedTask(task.id(), task.title(), task.assignee()));
        }
        Instant now = Instant.now();
        byAccount.forEach((accountId, moved) -> handedOver.fire(
                new TasksHandedOver(accountId, email, target, moved, AssignmentPath.USER_DISABLE, actor, now)));
        return byAccount.values().stream().flatMap(List::stream).toList();
    }

    /** The one who takes everything over, resolved and checked once: every seat and task goes to them. */
    private AssigneeResolver.Resolved eligibleTarget(String email, String reassignTo) {
        if (!Emails.isWellFormed(reassignTo)) {
            throw ProblemException.badRequest("reassignTo", "'" + reassignTo + "' is not a valid email address");
        }
        AssigneeResolver.Resolved target = resolver.byEmail(reassignTo);
        if (target.email().equals(email)) {
            throw ProblemException.refused("reassignTo", "reassignTo must be another user than the one being disabled");
        }
        if (target.user().isEmpty()) {
            throw ProblemException.refused("reassignTo", "No user has email " + target.email());
        }
        Eligibility.FORCED_REASSIGNMENT.refusal(null, target.email(), target.user(), null).ifPresent(reason -> {
            throw ProblemException.refused("reassignTo", "Cannot reassign to " + target.email() + ": " + reason);
        });
        return target;
    }
}
