package io.teamplay.plays;

import io.teamplay.assignments.AssignmentService;
import io.teamplay.users.AvailabilityService;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a member of a team for a role: in turn (round robin) or the one holding that role on the fewest accounts
 * (least loaded). Only ACTIVE members who are not out of office today are candidates, and with a cap only those holding fewer seats of the role than
 * the cap; ties go to the first email in alphabetical order.
 */
@ApplicationScoped
class TeamPicker {

    @Inject
    UserService users;
    @Inject
    AssignmentService assignments;
    @Inject
    AvailabilityService availability;

    /** The team's active members, less those out of office today. */
    List<String> candidates(String team) {
        List<String> active = users.membersOf(team).stream().filter(UserView::isActive).map(UserView::email).sorted()
                .toList();
        java.util.Set<String> away = availability.awayOn(active, java.time.LocalDate.now());
        return away.isEmpty() ? active : active.stream().filter(m -> !away.contains(m)).toList();
    }

    /** The active members under the cap (0: no cap). */
    private List<String> candidates(String team, String role, int cap) {
        List<String> members = candidates(team);
        if (cap <= 0) {
            return members;
        }
        Map<String, Long> load = assignments.loadOf(role, members);
        return members.stream().filter(m -> load.getOrDefault(m, 0L) < cap).toList();
    }

    /** The next member after the one picked last; advances the turn unless previewing. */
    Optional<String> nextInTurn(String team, String role, int cap, boolean preview) {
        List<String> members = candidates(team, role, cap);
        if (members.isEmpty()) {
            return Optional.empty();
        }
        PlayRotation rotation = preview ? PlayRotation.findById(PlayRotation.slot(team, role))
                : PlayRotation.lockedFor(team, role);
        String last = rotation == null ? null : rotation.lastEmail;
        String next = members.stream().filter(m -> last == null || m.compareTo(last) > 0).findFirst()
                .orElse(members.get(0));
        if (!preview) {
            rotation.lastEmail = next;
        }
        return Optional.of(next);
    }

    Optional<String> leastLoaded(String team, String role, int cap) {
        List<String> members = candidates(team);
        Map<String, Long> load = assignments.loadOf(role, members);
        return members.stream().filter(m -> cap <= 0 || load.getOrDefault(m, 0L) < cap)
                .min(Comparator.comparing((String m) -> load.getOrDefault(m, 0L)).thenComparing(Comparator.naturalOrder()));
    }
}
