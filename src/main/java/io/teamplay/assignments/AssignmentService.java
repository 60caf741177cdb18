package io.teamplay.assignments;

import io.teamplay.accounts.AccountService;
import io.teamplay.common.ProblemException;
import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleView;
import io.teamplay.tasks.Handover;
import io.teamplay.tasks.TaskService;
import io.teamplay.tasks.TaskView;
import io.teamplay.users.UserService;
import io.teamplay.users.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one write path for team changes, whatever their source: checks eligibility, writes the seat, applies the
 * task-ownership policy, records history and fires {@link AssignmentChanged}, all in the caller's transaction.
 */
@ApplicationScoped
@Transactional
public class AssignmentService {

    private static final Logger LOG = Logger.getLogger(AssignmentService.class);

    @Inject
    AccountService accounts;
    @Inject
    RoleService roles;
    @Inject
    TaskService tasks;
    @Inject
    AssigneeResolver resolver;
    @Inject
    UserService users;
    @Inject
    Event<AssignmentChanged> changed;

    public AssignmentOutcome change(AssignmentChange requested) {
        // the account is looked up (and locked) by its trimmed id: the seat must be written under the same id
        AssignmentChange change = requested.accountId() == null ? requested
                : new AssignmentChange(requested.accountId().trim(), requested.role(), requested.assignee(),
                requested.path(), requested.actor(), requested.play());
        RoleView role = roles.find(change.role())
                .orElseThrow(() -> ProblemException.notFound("No account role with key " + change.role()));
        AssigneeResolver.Resolved who = change.clears() ? null : resolver.resolve(change.assignee());
        // before the account lock, in the order disabling takes them: user, then accounts
        boolean disabledMeanwhile = who != null && who.user().isPresent()
                && users.lockStatus(who.email(), false).filter(status -> status == UserStatus.DISABLED).isPresent();
        accounts.lock(change.accountId());
        Optional<Assignment> current = Assignment.of(change.accountId(), role.key());
        return change.clears() ? clear(change, role, current) : assign(change, role, current, who, disabledMeanwhile);
    }

    private AssignmentOutcome assign(AssignmentChange change, RoleView role, Optional<Assignment> current,
                                     AssigneeResolver.Resolved who, boolean disabledMeanwhile) {
        change.path().eligibility.refusal(role, who.email(), who.user(), change.play()).ifPresent(reason -> {
            throw ProblemException.refused("email", "Cannot assign " + who.email() + " as " + role.key() + ": " + reason);
        });
        if (disabledMeanwhile && change.path().eligibility != Eligibility.INTEGRATION) {
            throw ProblemException.refused("email", "Cannot assign " + who.email() + " as " + role.key() + ": "
                    + who.email() + " was disabled meanwhile");
        }
        String from = current.map(a -> a.email).orElse(null);
        if (who.email().equals(from)) {
            return new AssignmentOutcome(change.accountId(), role.key(), from, from, current.get().name, false, List.of());
        }
        Assignment seat = current.orElseGet(Assignment::new);
        seat.accountId = change.accountId();
        seat.role = role.key();
        seat.email = who.email();
        seat.name = who.name();
        seat.assignedAt = Instant.now();
        seat.persistAndFlush();
        List<MovedTask> moved = from == null ? List.of() : handOverTasks(change.accountId(), role.key(), from, who.email());
        return record(change, role.key(), from, seat.email, seat.name, moved);
    }

    private AssignmentOutcome clear(AssignmentChange change, RoleView role, Optional<Assignment> current) {
        change.path().eligibility.clearRefusal(role).ifPresent(reason -> {
            throw ProblemException.refused("role", "Cannot clear " + role.key() + ": " + reason);
        });
        if (current.isEmpty()) {
            return new AssignmentOutcome(change.accountId(), role.key(), null, null, null, false, List.of());
        }
        String from = current.get().email;
        current.get().delete();
        return record(change, role.key(), from, null, null, List.of());
    }

    private List<MovedTask> handOverTasks(String accountId, String role, String from, String to) {
        List<TaskView> moved = tasks.handOver(handover(accountId, role, from, to));
        return moved.stream().map(t -> new MovedTask(t.id(), t.title(), t.assignee())).toList();
    }

    /** The role changing hands, and whether the previous holder keeps another role on the account. */
    private static Handover handover(String accountId, String role, String from, String to) {
        boolean stillHoldsAnother = Assignment.count("accountId = ?1 and email = ?2 and role <> ?3", accountId, from, role) > 0;
        return new Handover(accountId, role, from, to, stillHoldsAnother);
    }

    private AssignmentOutcome record(AssignmentChange change, String role, String from, String to, String toName,
                                     List<MovedTask> moved) {
        HistoryEntry entry = new HistoryEntry();
        entry.accountId = change.accountId();
        entry.at = Instant.now();
        entry.role = role;
        entry.fromEmail = from;
        entry.toEmail = to;
        entry.source = change.path().name();
        entry.actor = change.actor();
        entry.play = change.play() == null ? null : change.play().play();
        entry.rule = change.play() == null ? null : change.play().rule();
        entry.tasksMoved = moved.size();
        entry.persist();
        changed.fire(new AssignmentChanged(change.accountId(), role, from, to, toName, change.path(), change.actor(),
                change.play(), moved, entry.at));
        if (change.path() == AssignmentPath.INTEGRATION) {
            LOG.debugf("Team changed: account=%s role=%s %s -> %s via %s by %s, tasks moved %d",
                    change.accountId(), role, from, to, change.path(), change.actor(), moved.size());
        } else {
            LOG.infof("Team changed: account=%s role=%s %s -> %s via %s by %s, tasks moved %d",
                    change.accountId(), role, from, to, change.path(), change.actor(), moved.size());
        }
        return new AssignmentOutcome(change.accountId(), role, from, to, toName, true, moved);
    }

    /**
     * Why this assignee could not be given the role by this path, or empty when they could. Throws nothing, so
     * callers batching many changes in one transaction can skip a bad one without spoiling the rest.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> refusal(String role, Assignee assignee, AssignmentPath path, PlayOrigin play) {
        try {
            RoleView known = roles.find(role).orElseThrow(() -> ProblemException.notFound("No account role with key " + role));
            AssigneeResolver.Resolved who = resolver.resolve(assignee);
            return path.eligibility.refusal(known, who.email(), who.user(), play);
        } catch (ProblemException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** Would-be effect of a change, for dry runs: the tasks the current policy would move. Writes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskView> previewTasksMoving(String accountId, String role, String toEmail) {
        return holderOf(accountId, role)
                .filter(from -> !from.equals(toEmail))
                .map(from -> tasks.previewHandOver(handover(accountId, role, from, toEmail)))
                .orElse(List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TeamMember> teamOf(String accountId) {
        return teamsOf(List.of(accountId)).getOrDefault(accountId, List.of());
    }

    /** The teams of several accounts in one query, by account id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<TeamMember>> teamsOf(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> roleNames = roles.all().stream()
                .collect(Collectors.toMap(RoleView::key, RoleView::displayName));
        return Assignment.<Assignment>list("accountId in ?1 order by accountId, role", accountIds).stream()
                .collect(Collectors.groupingBy(a -> a.accountId, Collectors.mapping(
                        a -> new TeamMember(a.role, roleNames.get(a.role), a.email, a.name), Collectors.toList())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> holderOf(String accountId, String role) {
        return Assignment.of(accountId, role).map(a -> a.email);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryView> historyOf(String accountId) {
        return HistoryEntry.<HistoryEntry>list("accountId = ?1 order by at desc, id desc", accountId).stream()
                .map(HistoryEntry::view).toList();
    }

    /** How many accounts each of these people holds this role on (the load used by "least loaded"). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> loadOf(String role, Collection<String> emails) {
        Map<String, Long> load = new HashMap<>();
        emails.forEach(email -> load.put(email, 0L));
        if (!emails.isEmpty()) {
            Assignment.getEntityManager()
                    .createQuery("select a.email, count(a) from Assignment a where a.role = ?1 and a.email in ?2 group by a.email", Object[].class)
                    .setParameter(1, role).setParameter(2, emails)
                    .getResultList()
                    .forEach(row -> load.put((String) row[0], (Long) row[1]));
        }
        return load;
    }

    /** The seats one person holds, as (account, role) pairs, ordered by account. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Seat> seatsHeldBy(String email) {
        return Assignment.<Assignment>list("email = ?1 order by accountId, role", email).stream()
                .map(a -> new Seat(a.accountId, a.role))
                .toList();
    }
}
