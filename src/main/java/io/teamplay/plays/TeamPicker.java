package io.teamplay.plays;

import io.teamplay.common.BatchReads;
import io.teamplay.assignments.AssignmentChanged;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.AssignmentsChanged;
import io.teamplay.users.AvailabilityService;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks a member of a team for a role: in turn (round robin) or the one holding that role on the fewest accounts
 * (least loaded). Only ACTIVE members who are not out of office today are candidates, and with a cap only those holding fewer seats of the role than
 * the cap; ties go to the first email in alphabetical order.
 * <p>
 * Inside a batch of events ({@link BatchReads}) the candidates, their loads and the rotations are
 * read once per transaction instead of once per decision; every seat change of the transaction
 * ({@link AssignmentChanged}, {@link AssignmentsChanged}) moves the remembered loads, so a later pick sees them.
 */
@ApplicationScoped
class TeamPicker {

    @Inject
    UserService users;
    @Inject
    AssignmentService assignments;
    @Inject
    AvailabilityService availability;
    @Inject
    BatchReads batch;

    /** What a batch's transaction has read: candidates by team, loads by role and member, rotations locked. */
    private static final class Remembered {
        final Map<String, List<String>> candidates = new HashMap<>();
        final Map<String, Map<String, Long>> loads = new HashMap<>();
        final Map<String, Optional<String>> lastInTurn = new HashMap<>();

        void moved(AssignmentChanged seat) {
            Map<String, Long> load = loads.get(seat.role());
            if (load != null) {
                load.computeIfPresent(seat.fromEmail() == null ? "" : seat.fromEmail(), (m, n) -> n - 1);
                load.computeIfPresent(seat.toEmail() == null ? "" : seat.toEmail(), (m, n) -> n + 1);
            }
        }
    }

    private Remembered remembered() {
        return batch.kept(Remembered.class, Remembered::new).orElse(null);
    }

    void seatMoved(@Observes AssignmentChanged seat) {
        Remembered batched = remembered();
        if (batched != null) {
            batched.moved(seat);
        }
    }

    void seatsMoved(@Observes AssignmentsChanged seats) {
        Remembered batched = remembered();
        if (batched != null) {
            seats.changes().forEach(batched::moved);
        }
    }

    /** The team's active members, less those out of office today. */
    List<String> candidates(String team) {
        Remembered batched = remembered();
        if (batched == null) {
            return readCandidates(team);
        }
        return batched.candidates.computeIfAbsent(team.trim().toLowerCase(java.util.Locale.ROOT), t -> readCandidates(team));
    }

    private List<String> readCandidates(String team) {
        List<String> active = users.membersOf(team).stream().filter(UserView::isActive).map(UserView::email).sorted()
                .toList();
        Set<String> away = availability.awayOn(active, LocalDate.now());
        return away.isEmpty() ? active : active.stream().filter(m -> !away.contains(m)).toList();
    }

    /** How many seats of the role each member holds; inside a batch read once and moved by its seat changes. */
    private Map<String, Long> loadOf(String role, List<String> members) {
        Remembered batched = remembered();
        if (batched == null) {
            return assignments.loadOf(role, members);
        }
        Map<String, Long> load = batched.loads.computeIfAbsent(role, r -> new HashMap<>());
        Collection<String> unread = members.stream().filter(m -> !load.containsKey(m)).toList();
        if (!unread.isEmpty()) {
            load.putAll(assignments.loadOf(role, unread));
        }
        return load;
    }

    /** The active members under the cap (0: no cap). */
    private List<String> candidates(String team, String role, int cap) {
        List<String> members = candidates(team);
        if (cap <= 0) {
            return members;
        }
        Map<String, Long> load = loadOf(role, members);
        return members.stream().filter(m -> load.getOrDefault(m, 0L) < cap).toList();
    }

    /** The next member after the one picked last; advances the turn unless previewing. */
    Optional<String> nextInTurn(String team, String role, int cap, boolean preview) {
        List<String> members = candidates(team, role, cap);
        if (members.isEmpty()) {
            return Optional.empty();
        }
        Remembered batched = preview ? null : remembered();
        String slot = PlayRotation.slot(team, role);
        String last;
        if (batched != null && batched.lastInTurn.containsKey(slot)) {
            last = batched.lastInTurn.get(slot).orElse(null);
        } else {
            PlayRotation rotation = preview ? PlayRotation.findById(slot) : PlayRotation.lockedFor(team, role);
            last = rotation == null ? null : rotation.lastEmail;
        }
        String next = members.stream().filter(m -> last == null || m.compareTo(last) > 0).findFirst()
                .orElse(members.get(0));
        if (batched != null) {
            // the row stays locked (lockedFor) until the batch commits: its turns are written once, by writeTurns
            batched.lastInTurn.put(slot, Optional.of(next));
        } else if (!preview) {
            PlayRotation.update("lastEmail = ?1 where slot = ?2", next, slot);
        }
        return Optional.of(next);
    }

    /** Writes the turns a batch took (the last one of each team and role); call before its transaction commits. */
    void writeTurns() {
        Remembered batched = remembered();
        if (batched != null) {
            batched.lastInTurn.forEach((slot, last) -> last.ifPresent(email ->
                    PlayRotation.update("lastEmail = ?1 where slot = ?2", email, slot)));
        }
    }

    Optional<String> leastLoaded(String team, String role, int cap) {
        List<String> members = candidates(team);
        Map<String, Long> load = loadOf(role, members);
        return members.stream().filter(m -> cap <= 0 || load.getOrDefault(m, 0L) < cap)
                .min(Comparator.comparing((String m) -> load.getOrDefault(m, 0L)).thenComparing(Comparator.naturalOrder()));
    }
}
