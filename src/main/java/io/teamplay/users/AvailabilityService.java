package io.teamplay.users;

import io.teamplay.common.Emails;
import io.teamplay.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The only writer of users' out-of-office periods. A user has at most one: setting a new one replaces it. Ending a
 * leave that has started keeps it, marked ended today (what the cover took while it lasted stays answerable); ending
 * one that has not started removes it.
 */
@ApplicationScoped
@Transactional
public class AvailabilityService {

    private static final Logger LOG = Logger.getLogger(AvailabilityService.class);

    @Inject
    Event<AvailabilityChanged> changed;

    public Leave set(String email, AvailabilityRequest request, String actor) {
        User user = user(email);
        if (request.from() == null) {
            throw ProblemException.badRequest("from", "from is required: the first day away (yyyy-MM-dd)");
        }
        if (request.to() == null) {
            throw ProblemException.badRequest("to", "to is required: the last day away (yyyy-MM-dd)");
        }
        if (request.to().isBefore(request.from())) {
            throw ProblemException.badRequest("to", "to (" + request.to() + ") is before from (" + request.from() + ")");
        }
        String cover = cover(user.email, request.cover());
        Availability row = Availability.findById(user.email);
        if (row == null) {
            row = new Availability();
            row.email = user.email;
        }
        row.firstDay = request.from();
        row.lastDay = request.to();
        row.cover = cover;
        row.endedOn = null;
        row.updatedAt = Instant.now();
        row.updatedBy = actor;
        row.persist();
        LOG.infof("Leave of %s set: %s to %s, cover %s (by %s)", user.email, row.firstDay, row.lastDay, cover, actor);
        changed.fire(new AvailabilityChanged(row.leave()));
        return row.leave();
    }

    /** The user's leave unless it is over (today is past it); empty when none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Leave> current(String email, LocalDate today) {
        User user = user(email);
        return Availability.<Availability>findByIdOptional(user.email).map(Availability::leave)
                .filter(leave -> leave.returnDay().isAfter(today));
    }

    /** Ends the user's leave today (or drops it when it has not started); 404 when there is none. */
    public void end(String email, LocalDate today, String actor) {
        Leave leave = current(email, today).orElseThrow(() -> ProblemException.notFound(
                "No current or coming leave for " + Emails.normalise(email)));
        Availability row = Availability.findById(leave.email());
        if (leave.from().isAfter(today) || leave.from().equals(today)) {
            row.delete();
            LOG.infof("Leave of %s from %s removed before it started (by %s)", leave.email(), leave.from(), actor);
            if (leave.from().equals(today)) {
                // it had started today: it ends today, so its end is answered like any other
                changed.fire(new AvailabilityChanged(new Leave(leave.email(), leave.from(), leave.to(), leave.cover(), today)));
            }
            return;
        }
        row.endedOn = today;
        row.updatedAt = Instant.now();
        row.updatedBy = actor;
        LOG.infof("Leave of %s ended on %s (by %s)", leave.email(), today, actor);
        changed.fire(new AvailabilityChanged(row.leave()));
    }

    /** Of these users, those out of office on that day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> awayOn(Collection<String> emails, LocalDate day) {
        if (emails.isEmpty()) {
            return Set.of();
        }
        return Availability.<Availability>list("email in ?1 and firstDay <= ?2 and lastDay >= ?2", emails, day).stream()
                .map(Availability::leave).filter(leave -> leave.awayOn(day)).map(Leave::email)
                .collect(Collectors.toSet());
    }

    /** The leaves in force on that day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Leave> awayOn(LocalDate day) {
        return Availability.<Availability>list("firstDay <= ?1 and lastDay >= ?1 order by email", day).stream()
                .map(Availability::leave).filter(leave -> leave.awayOn(day)).toList();
    }

    /** The leaves whose return day lies between the two days, both included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Leave> returningBetween(LocalDate first, LocalDate last) {
        return Availability.<Availability>list("lastDay >= ?1 and firstDay < ?2 order by email", first.minusDays(1), last).stream()
                .map(Availability::leave)
                .filter(leave -> !leave.returnDay().isBefore(first) && !leave.returnDay().isAfter(last)).toList();
    }

    private static User user(String email) {
        return User.<User>findByIdOptional(Emails.normalise(email))
                .orElseThrow(() -> ProblemException.notFound("No user with email " + Emails.normalise(email)));
    }

    private static String cover(String email, String cover) {
        if (cover == null || cover.isBlank()) {
            return null;
        }
        String normalised = Emails.normalise(cover);
        if (normalised.equals(email)) {
            throw ProblemException.refused("cover", "a user cannot cover for themself: name another user");
        }
        User user = User.findById(normalised);
        if (user == null) {
            throw ProblemException.refused("cover", "no user with email " + normalised + " to cover");
        }
        if (user.status != UserStatus.ACTIVE) {
            throw ProblemException.refused("cover", normalised + " is disabled and cannot cover");
        }
        return normalised;
    }
}
