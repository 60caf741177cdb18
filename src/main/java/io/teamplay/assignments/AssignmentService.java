package io.teamplay.assignments;

import io.teamplay.accounts.AccountService;
import io.teamplay.assignments.AssigneeResolver.Resolution;
import io.teamplay.assignments.AssigneeResolver.Resolved;
import io.teamplay.assignments.AssigneeResolver.Unresolved;
import io.teamplay.assignments.AssignmentResult.Changed;
import io.teamplay.assignments.AssignmentResult.Refused;
import io.teamplay.assignments.AssignmentResult.Unchanged;
import io.teamplay.assignments.BatchSeats.SeatRow;
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
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one write path for team changes, whatever their source: decides (resolves the assignee, checks eligibility,
 * locks), then writes the seat, applies the task-ownership policy, records history and fires
 * {@link AssignmentChanged}, all in the caller's transaction. Answers an {@link AssignmentResult}.
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
    SeatHolders holders;
    @Inject
    UserService users;
    @Inject
    Event<AssignmentChanged> changed;
    @Inject
    SeatBulkWriter bulk;
    @Inject
    BatchSeats seats;

    /**
     * Changes one seat: the role and the assignee are resolved once and the path's eligibility checked, with the
     * assignee's status and the account locked, before anything is written. A refusal writes nothing and is answered
     * as a {@link Refused} value: the caller's transaction stays usable.
     */
    public AssignmentResult change(AssignmentChange requested) {
        AssignmentChange change = requested.trimmed();
        return write(change, decide(change, null, true));
    }

    /**
     * Changes many seats (distinct account and role each) with the same decisions and effects as {@link #change}, in
     * a few set-based statements ({@link SeatBulkWriter}); answers each change's result, in the order given.
     */
    public List<AssignmentResult> changeAll(List<AssignmentChange> changes) {
        return changeAll(changes, java.util.Set.of());
    }

    /**
     * As {@link #changeAll(List)}, knowing which accounts the caller's transaction created: no one else sees them
     * before it commits and they hold no seat yet, so they are neither read nor locked.
     */
    public List<AssignmentResult> changeAll(List<AssignmentChange> changes, java.util.Set<String> createdNow) {
        // the set-based path writes seats without telling the batch's remembered ones
        seats.forget();
        return bulk.changeAll(changes, createdNow, this::change);
    }

    /** As {@link #change(AssignmentChange)}, to an assignee already resolved (a disable moves many seats to one user). */
    AssignmentResult change(AssignmentChange requested, Resolved assignee) {
        AssignmentChange change = requested.trimmed();
        return write(change, decide(change, assignee, true));
    }

    /**
     * What {@link #change} would answer now, with the tasks the current policy would move; locks and writes nothing
     * (dry runs). Decided by the same code as the change itself.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AssignmentResult preview(AssignmentChange requested) {
        AssignmentChange change = requested.trimmed();
        AssignmentResult result = decide(change, null, false).result();
        if (result instanceof Changed planned && planned.fromEmail() != null && planned.email() != null) {
            List<TaskView> moving = tasks.previewHandOver(handover(change.accountId(), planned.role(), planned.fromEmail(), planned.email()));
            return planned.withMovedTasks(moving.stream().map(t -> new MovedTask(t.id(), t.title(), t.assignee())).toList());
        }
        return result;
    }

    /**
     * A change decided, nothing written yet: the answer, the seat it replaces (empty when the role is vacant), and
     * whether that seat came from the batch's remembered seats (then it is written by statement, not as an entity).
     */
    private record Decision(AssignmentResult result, Optional<SeatRow> current, boolean remembered) {
    }

    private Decision decide(AssignmentChange change, Resolved given, boolean lock) {
        Optional<RoleView> found = roles.find(change.role());
        if (found.isEmpty()) {
            return refused(new Refused(Refused.Kind.UNKNOWN_ROLE, "role", "No account role with key " + change.role()));
        }
        RoleView role = found.get();
        Resolved who = null;
        if (!change.clears()) {
            Resolution resolution = given != null ? given : resolver.resolve(change.assignee());
            if (resolution instanceof Unresolved unresolved) {
                return refused(unresolved.refused());
            }
            who = (Resolved) resolution;
        }
        boolean disabledMeanwhile = lock && who != null && lockStatusIsDisabled(who);
        if (lock) {
            accounts.lock(change.accountId());
        }
        Optional<Refused> refusal = who == null ? clearRefusal(change.path(), role)
                : refusal(change.path(), role, who, change.play(), disabledMeanwhile);
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        Optional<Optional<SeatRow>> remembered = seats.of(change.accountId(), role.key());
        Optional<SeatRow> current = remembered.orElseGet(() -> Assignment.of(change.accountId(), role.key()).map(SeatRow::of));
        String from = current.map(SeatRow::email).orElse(null);
        String to = who == null ? null : who.email();
        if (Objects.equals(from, to)) {
            return new Decision(new Unchanged(change.accountId(), role.key(), from, current.map(SeatRow::name).orElse(null)),
                    current, remembered.isPresent());
        }
        return new Decision(new Changed(change.accountId(), role.key(), from, to, who == null ? null : who.name(), List.of()),
                current, remembered.isPresent());
    }

    private static Decision refused(Refused refused) {
        return new Decision(refused, Optional.empty(), false);
    }

    /**
     * Takes a shared lock on the assignee's status before the account lock, in the order disabling takes them (user,
     * then accounts): a disable running now either sees this seat or makes this change a refusal.
     */
    private boolean lockStatusIsDisabled(Resolved who) {
        return who.user().isPresent()
                && users.lockStatus(who.email(), false).filter(status -> status == UserStatus.DISABLED).isPresent();
    }

    /** Why this path may not give the role to this assignee, or empty when it may. */
    static Optional<Refused> refusal(AssignmentPath path, RoleView role, Resolved who, PlayOrigin play,
                                             boolean disabledMeanwhile) {
        Optional<String> reason = path.eligibility.refusal(role, who.email(), who.user(), play);
        if (reason.isEmpty() && disabledMeanwhile) {
            reason = Optional.of(who.email() + " was disabled meanwhile");
        }
        return reason.map(why -> Refused.notAllowed("email", "Cannot assign " + who.email() + " as " + role.key() + ": " + why));
    }

    static Optional<Refused> clearRefusal(AssignmentPath path, RoleView role) {
        return path.eligibility.clearRefusal(role).map(why -> Refused.notAllowed("role", "Cannot clear " + role.key() + ": " + why));
    }

    private AssignmentResult write(AssignmentChange change, Decision decision) {
        if (!(decision.result() instanceof Changed planned)) {
            return decision.result();
        }
        if (decision.remembered()) {
            writeRemembered(change, planned, decision.current());
        } else if (planned.email() == null) {
            Assignment.<Assignment>findById(decision.current().orElseThrow().id()).delete();
            return record(change, planned);
        } else {
            Assignment seat = decision.current().map(row -> Assignment.<Assignment>findById(row.id())).orElseGet(Assignment::new);
            fill(seat, change, planned);
            seat.persistAndFlush();
        }
        if (planned.email() == null) {
            return record(change, planned);
        }
        List<MovedTask> moved = planned.fromEmail() == null || !tasks.mayMoveOn(change.accountId()) ? List.of()
                : handOverTasks(change.accountId(), planned.role(), planned.fromEmail(), planned.email());
        return record(change, planned.withMovedTasks(moved));
    }

    private static void fill(Assignment seat, AssignmentChange change, Changed planned) {
        seat.accountId = change.accountId();
        seat.role = planned.role();
        seat.email = planned.email();
        seat.name = planned.name();
        seat.assignedAt = Instant.now();
    }

    /**
     * A seat of the batch's remembered ones, written by one statement (an update or a delete, executed now, after the
     * pending writes to seats) or a new row to insert with the batch's next flush; the remembered seat follows.
     */
    private void writeRemembered(AssignmentChange change, Changed planned, Optional<SeatRow> current) {
        current.ifPresent(row -> forgetManaged(row.id()));
        if (planned.email() == null) {
            Assignment.delete("id", current.orElseThrow().id());
            seats.changed(change.accountId(), planned.role(), null);
        } else if (current.isPresent()) {
            Assignment.update("email = ?1, name = ?2, assignedAt = ?3 where id = ?4", planned.email(), planned.name(),
                    Instant.now(), current.get().id());
            seats.changed(change.accountId(), planned.role(), new SeatRow(current.get().id(), planned.email(), planned.name()));
        } else {
            Assignment seat = new Assignment();
            fill(seat, change, planned);
            seat.persist();
            seats.changed(change.accountId(), planned.role(), SeatRow.of(seat));
        }
    }

    /** The statement bypasses the persistence context: a copy of the seat held there would be stale, so it goes. */
    private static void forgetManaged(long id) {
        var session = Assignment.getEntityManager().unwrap(org.hibernate.engine.spi.SessionImplementor.class);
        var persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(Assignment.class);
        Object managed = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
        if (managed != null) {
            session.detach(managed);
        }
    }

    private List<MovedTask> handOverTasks(String accountId, String role, String from, String to) {
        List<TaskView> moved = tasks.handOver(handover(accountId, role, from, to));
        return moved.stream().map(t -> new MovedTask(t.id(), t.title(), t.assignee())).toList();
    }

    /** The role changing hands, and whether the previous holder keeps another role on the account. */
    private Handover handover(String accountId, String role, String from, String to) {
        boolean stillHoldsAnother = seats.holdsAnother(accountId, from, role).orElseGet(() ->
                Assignment.count("accountId = ?1 and email = ?2 and role <> ?3", accountId, from, role) > 0);
        return new Handover(accountId, role, from, to, stillHoldsAnother);
    }

    private Changed record(AssignmentChange change, Changed done) {
        String role = done.role();
        String from = done.fromEmail();
        String to = done.email();
        List<MovedTask> moved = done.movedTasks();
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
        changed.fire(new AssignmentChanged(change.accountId(), role, from, to, done.name(), change.path(), change.actor(),
                change.play(), moved, entry.at));
        if (change.path() == AssignmentPath.INTEGRATION) {
            LOG.debugf("Team changed: account=%s role=%s %s -> %s via %s by %s, tasks moved %d",
                    change.accountId(), role, from, to, change.path(), change.actor(), moved.size());
        } else {
            LOG.infof("Team changed: account=%s role=%s %s -> %s via %s by %s, tasks moved %d",
                    change.accountId(), role, from, to, change.path(), change.actor(), moved.size());
        }
        return done;
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
        List<Assignment> rows = Assignment.list("accountId in ?1 order by accountId, role", accountIds);
        // inside a batch, its seat changes decide on these seats rather than reading each again
        seats.read(accountIds, rows);
        return rows.stream()
                .collect(Collectors.groupingBy(a -> a.accountId, Collectors.mapping(
                        a -> new TeamMember(a.role, roleNames.get(a.role), a.email, a.name), Collectors.toList())));
    }

    public Optional<String> holderOf(String accountId, String role) {
        return holders.holderOf(accountId, role);
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

    /** How many accounts each of these people holds each role on, in one query: email -> role -> accounts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Map<String, Long>> seatCountsOf(Collection<String> emails) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        if (!emails.isEmpty()) {
            Assignment.getEntityManager()
                    .createQuery("select a.email, a.role, count(a) from Assignment a where a.email in ?1 "
                            + "group by a.email, a.role", Object[].class)
                    .setParameter(1, emails)
                    .getResultList()
                    .forEach(row -> counts.computeIfAbsent((String) row[0], e -> new HashMap<>())
                            .put((String) row[1], (Long) row[2]));
        }
        return counts;
    }

    /** The seats one person holds, as (account, role) pairs, ordered by account. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Seat> seatsHeldBy(String email) {
        return Assignment.<Assignment>list("email = ?1 order by accountId, role", email).stream()
                .map(a -> new Seat(a.accountId, a.role))
                .toList();
    }

    /** The accounts on which seats went from one person to another between the two moments, ordered by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> accountsHandedOver(String fromEmail, String toEmail, Instant since, Instant until) {
        return HistoryEntry.getEntityManager().createQuery("select distinct h.accountId from HistoryEntry h "
                        + "where h.fromEmail = ?1 and h.toEmail = ?2 and h.at >= ?3 and h.at < ?4 order by h.accountId",
                        String.class)
                .setParameter(1, fromEmail).setParameter(2, toEmail).setParameter(3, since).setParameter(4, until)
                .getResultList();
    }
}
