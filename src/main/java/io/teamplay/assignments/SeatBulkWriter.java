package io.teamplay.assignments;

import io.teamplay.assignments.AssigneeResolver.Resolution;
import io.teamplay.assignments.AssigneeResolver.Resolved;
import io.teamplay.assignments.AssigneeResolver.Unresolved;
import io.teamplay.assignments.AssignmentResult.Changed;
import io.teamplay.assignments.AssignmentResult.Refused;
import io.teamplay.assignments.AssignmentResult.Unchanged;
import io.teamplay.common.BulkRows;
import io.teamplay.common.Emails;
import io.teamplay.common.ProblemException;
import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleView;
import io.teamplay.tasks.TaskOwnershipPolicy;
import io.teamplay.tasks.TaskService;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The write path for a batch of seats at once ({@link AssignmentService#changeAll}): the same decisions as
 * {@link AssignmentService#change}, taken on the batch's users, roles and seats read in a few queries, and the same
 * writes (seat, history, {@link AssignmentsChanged} for the observers) made with one statement per kind. A seat whose
 * change may move tasks (a hand-over on an account with open tasks, under a policy that moves some) goes through
 * {@link AssignmentService#change} itself, with every other change of its account, in the order given.
 */
@ApplicationScoped
class SeatBulkWriter {

    private static final Logger LOG = Logger.getLogger(SeatBulkWriter.class);
    private static final List<String> SEAT_COLUMNS = List.of("account_id", "role_key", "email", "name", "assigned_at");
    private static final List<String> HISTORY_COLUMNS = List.of("account_id", "at", "role_key", "from_email", "to_email",
            "source", "actor", "play", "rule_name", "tasks_moved");

    @Inject
    EntityManager session;
    @Inject
    RoleService roles;
    @Inject
    UserService users;
    @Inject
    TaskService tasks;
    @Inject
    Event<AssignmentsChanged> changed;

    /** A change and where its seat stands now (null: vacant). */
    private record Seat(String email, String name) {
    }

    /** {@code one} is the one-seat write path, for the accounts where tasks may move. */
    List<AssignmentResult> changeAll(List<AssignmentChange> requested, Set<String> createdNow,
                                     Function<AssignmentChange, AssignmentResult> one) {
        List<AssignmentChange> changes = requested.stream().map(AssignmentChange::trimmed).toList();
        Set<String> seats = new HashSet<>();
        changes.forEach(c -> {
            if (!seats.add(c.accountId() + '\u0000' + c.role())) {
                throw new IllegalArgumentException("seat " + c.accountId() + "/" + c.role() + " twice in one bulk change");
            }
        });
        session.flush();
        List<AssignmentChanged> events = new ArrayList<>();
        AssignmentResult[] results = session.unwrap(Session.class)
                .doReturningWork(connection -> write(BulkRows.on(connection), changes, createdNow, events));
        if (!events.isEmpty()) {
            changed.fire(new AssignmentsChanged(events));
        }
        for (int i = 0; i < changes.size(); i++) {
            if (results[i] == null) {
                results[i] = one.apply(changes.get(i));
            }
        }
        return List.of(results);
    }

    /** Decides and writes; the changes left null are those of accounts where tasks may move. */
    private AssignmentResult[] write(BulkRows bulk, List<AssignmentChange> changes, Set<String> createdNow,
                                     List<AssignmentChanged> events) {
        Map<String, RoleView> roleByKey = roles.all().stream().collect(Collectors.toMap(RoleView::key, Function.identity()));
        AssigneeResolver.Users people = lockedPeople(changes);
        Set<String> accountIds = changes.stream().map(AssignmentChange::accountId).collect(Collectors.toCollection(LinkedHashSet::new));
        AssignmentResult[] results = new AssignmentResult[changes.size()];
        accountIds.removeAll(createdNow); // no seat yet, and no one else sees them before the commit
        Map<String, Seat> current = seatsOf(bulk, accountIds);
        decideAll(changes, roleByKey, people, current, results);
        Set<String> writing = accountsChanging(changes, results);
        writing.removeAll(createdNow);
        if (!writing.isEmpty()) {
            lock(bulk, writing);
            current.keySet().removeIf(seat -> writing.contains(seat.substring(0, seat.indexOf('\u0000'))));
            current.putAll(seatsOf(bulk, writing)); // as committed, now that no one else may change them
            decideAll(changes.stream().map(c -> writing.contains(c.accountId()) ? c : null).toList(), roleByKey, people, current, results);
        }
        Set<String> oneByOne = accountsMovingTasks(changes, results);
        List<Integer> bulkChanged = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (results[i] instanceof Changed && !oneByOne.contains(changes.get(i).accountId())) {
                bulkChanged.add(i);
            }
        }
        writeChanged(bulk, changes, results, bulkChanged, events);
        for (int i = 0; i < changes.size(); i++) {
            if (oneByOne.contains(changes.get(i).accountId())) {
                results[i] = null;
            }
        }
        return results;
    }

    /**
     * The batch's assignees: names resolved first, then every user named by email or by a name that resolved locked
     * (shared) in one query, as {@link AssignmentService#change} locks its assignee's status before deciding.
     */
    private AssigneeResolver.Users lockedPeople(List<AssignmentChange> changes) {
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (AssignmentChange change : changes) {
            Assignee who = change.assignee();
            if (who == null) {
                continue;
            }
            if (who.email() != null && !who.email().isBlank()) {
                if (Emails.isWellFormed(who.email())) {
                    emails.add(Emails.normalise(who.email()));
                }
            } else if (who.name() != null && !who.name().isBlank()) {
                names.add(who.name().trim());
            }
        }
        Map<String, List<UserView>> named = users.namedAll(names);
        named.values().stream().filter(list -> list.size() == 1).forEach(list -> emails.add(list.get(0).email()));
        Map<String, UserView> locked = users.lockAll(emails);
        return new AssigneeResolver.Users() {
            @Override
            public Optional<UserView> byEmail(String email) {
                return Optional.ofNullable(locked.get(email));
            }

            @Override
            public List<UserView> named(String name) {
                return named.getOrDefault(name, List.of()).stream().map(u -> locked.getOrDefault(u.email(), u)).toList();
            }
        };
    }

    /** Decides each change (a null entry is skipped), as {@code AssignmentService.decide} does. */
    private static void decideAll(List<AssignmentChange> changes, Map<String, RoleView> roleByKey,
                                  AssigneeResolver.Users people, Map<String, Seat> current, AssignmentResult[] results) {
        for (int i = 0; i < changes.size(); i++) {
            AssignmentChange change = changes.get(i);
            if (change != null) {
                results[i] = decide(change, roleByKey, people, current);
            }
        }
    }

    private static AssignmentResult decide(AssignmentChange change, Map<String, RoleView> roleByKey,
                                           AssigneeResolver.Users people, Map<String, Seat> current) {
        RoleView role = roleByKey.get(change.role());
        if (role == null) {
            return new Refused(Refused.Kind.UNKNOWN_ROLE, "role", "No account role with key " + change.role());
        }
        Resolved who = null;
        if (!change.clears()) {
            Resolution resolution = AssigneeResolver.resolve(change.assignee(), people);
            if (resolution instanceof Unresolved unresolved) {
                return unresolved.refused();
            }
            who = (Resolved) resolution;
        }
        Optional<Refused> refusal = who == null ? AssignmentService.clearRefusal(change.path(), role)
                : AssignmentService.refusal(change.path(), role, who, change.play(), false);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Seat seat = current.get(key(change.accountId(), role.key()));
        String from = seat == null ? null : seat.email();
        String to = who == null ? null : who.email();
        if (Objects.equals(from, to)) {
            return new Unchanged(change.accountId(), role.key(), from, seat == null ? null : seat.name());
        }
        return new Changed(change.accountId(), role.key(), from, to, who == null ? null : who.name(), List.of());
    }

    private static Set<String> accountsChanging(List<AssignmentChange> changes, AssignmentResult[] results) {
        Set<String> ids = new java.util.TreeSet<>();
        for (int i = 0; i < changes.size(); i++) {
            if (results[i] instanceof Changed) {
                ids.add(changes.get(i).accountId());
            }
        }
        return ids;
    }

    /** Accounts where a hand-over may move open tasks: their changes go through the one-seat path. */
    private Set<String> accountsMovingTasks(List<AssignmentChange> changes, AssignmentResult[] results) {
        if (tasks.policy() == TaskOwnershipPolicy.ACCOUNT_ONLY) {
            return Set.of();
        }
        Set<String> handovers = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            if (results[i] instanceof Changed c && c.fromEmail() != null && c.email() != null) {
                handovers.add(c.accountId());
            }
        }
        return handovers.isEmpty() ? Set.of() : tasks.accountsWithOpenTasks(handovers);
    }

    /** Locks the accounts' rows in id order (the order every bulk change takes them), as the one-seat path does. */
    private static void lock(BulkRows bulk, Set<String> accountIds) {
        Set<String> found = new HashSet<>();
        bulk.select("select id from account where id = any(?) order by id for update", accountIds)
                .forEach(row -> found.add((String) row[0]));
        accountIds.stream().filter(id -> !found.contains(id)).findFirst().ifPresent(id -> {
            throw ProblemException.notFound("No account with id " + id);
        });
    }

    private static Map<String, Seat> seatsOf(BulkRows bulk, Set<String> accountIds) {
        Map<String, Seat> seats = new HashMap<>();
        bulk.select("select account_id, role_key, email, name from assignment where account_id = any(?)", accountIds)
                .forEach(row -> seats.put(key((String) row[0], (String) row[1]), new Seat((String) row[2], (String) row[3])));
        return seats;
    }

    private static void writeChanged(BulkRows bulk, List<AssignmentChange> changes, AssignmentResult[] results,
                                     List<Integer> indexes, List<AssignmentChanged> events) {
        if (indexes.isEmpty()) {
            return;
        }
        Instant at = Instant.now();
        List<Object[]> added = new ArrayList<>();
        List<Object[]> replaced = new ArrayList<>();
        List<Object[]> cleared = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (int i : indexes) {
            AssignmentChange change = changes.get(i);
            Changed done = (Changed) results[i];
            if (done.email() == null) {
                cleared.add(new Object[]{done.accountId(), done.role()});
            } else if (done.fromEmail() == null) {
                added.add(new Object[]{done.accountId(), done.role(), done.email(), done.name(), at});
            } else {
                replaced.add(new Object[]{done.email(), done.name(), at, done.accountId(), done.role()});
            }
            PlayOrigin play = change.play();
            history.add(new Object[]{done.accountId(), at, done.role(), done.fromEmail(), done.email(), change.path().name(),
                    change.actor(), play == null ? null : play.play(), play == null ? null : play.rule(), 0});
            events.add(new AssignmentChanged(done.accountId(), done.role(), done.fromEmail(), done.email(), done.name(),
                    change.path(), change.actor(), play, List.of(), at));
        }
        bulk.batch("delete from assignment where account_id = ? and role_key = ?", cleared);
        bulk.batch("update assignment set email = ?, name = ?, assigned_at = ? where account_id = ? and role_key = ?", replaced);
        bulk.insertWithIds("assignment", "id", "assignment_seq", SEAT_COLUMNS, added);
        bulk.insertWithIds("assignment_history", "id", "assignment_history_seq", HISTORY_COLUMNS, history);
        LOG.debugf("Team changes in bulk: %d seats set, %d replaced, %d cleared", added.size(), replaced.size(), cleared.size());
    }

    private static String key(String accountId, String role) {
        return accountId + '\u0000' + role;
    }
}
