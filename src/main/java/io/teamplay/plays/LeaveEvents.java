package io.teamplay.plays;

import io.teamplay.accounts.AccountService;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.Seat;
import io.teamplay.plays.facts.EventType;
import io.teamplay.users.AvailabilityChanged;
import io.teamplay.users.AvailabilityService;
import io.teamplay.users.Leave;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns users' leaves into account events, dated like the daily tick: a leave that has started gives one
 * LEAVE_STARTED per account the user holds a seat on, a leave that is over gives one LEAVE_ENDED listing the accounts
 * their cover took meanwhile (on the first of them; none when the cover took none). Queued for each day the daily run
 * ticks (so a missed day is made up for) and at once when a leave is set or ended; ids are deterministic, so each is
 * queued once.
 */
@ApplicationScoped
class LeaveEvents {

    private static final Logger LOG = Logger.getLogger(LeaveEvents.class);

    @Inject
    AvailabilityService availability;
    @Inject
    AssignmentService assignments;
    @Inject
    AccountService accounts;
    @Inject
    PlayEventOutbox outbox;
    @Inject
    PlaysConfig config;

    /** The leave events of that day and of the days before it the catch-up covers; answers how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    int queue(LocalDate day) {
        int queued = 0;
        for (Leave leave : availability.awayOn(day)) {
            queued += started(leave, day);
        }
        for (Leave leave : availability.returningBetween(day.minusDays(Math.max(0, config.dailyCatchUpDays())), day)) {
            queued += ended(leave) ? 1 : 0;
        }
        return queued;
    }

    void onChanged(@Observes AvailabilityChanged changed) {
        Leave leave = changed.leave();
        LocalDate today = LocalDate.now();
        if (leave.awayOn(today)) {
            started(leave, today);
        } else if (!leave.from().isAfter(today) && !leave.returnDay().isAfter(today)) {
            ended(leave);
        }
    }

    private int started(Leave leave, LocalDate day) {
        List<String> accountIds = assignments.seatsHeldBy(leave.email()).stream().map(Seat::accountId).distinct().toList();
        int queued = 0;
        for (String accountId : accountIds) {
            String id = "leave-start:" + leave.email() + ":" + leave.from() + ":" + accountId;
            queued += outbox.queueLeave(id, EventType.LEAVE_STARTED, accountId, day, leave.email(), leave.cover(), null)
                    ? 1 : 0;
        }
        if (queued > 0) {
            LOG.infof("Leave of %s (from %s): %d account(s) told it started", leave.email(), leave.from(), queued);
        }
        return queued;
    }

    private boolean ended(Leave leave) {
        if (leave.cover() == null) {
            return false;
        }
        ZoneId zone = ZoneId.systemDefault();
        Instant since = leave.from().atStartOfDay(zone).toInstant();
        Instant until = leave.returnDay().atStartOfDay(zone).toInstant();
        if (leave.returnDay().equals(LocalDate.now())) {
            until = Instant.now(); // ended today: what the cover took until now
        }
        List<String> taken = assignments.accountsHandedOver(leave.email(), leave.cover(), since, until);
        if (taken.isEmpty()) {
            return false;
        }
        Map<String, String> names = accounts.namesOf(taken);
        String list = taken.stream().map(id -> names.getOrDefault(id, id) + " (" + id + ")")
                .collect(Collectors.joining(", "));
        boolean queued = outbox.queueLeave("leave-end:" + leave.email() + ":" + leave.from(), EventType.LEAVE_ENDED,
                taken.get(0), leave.returnDay(), leave.email(), leave.cover(), list);
        if (queued) {
            LOG.infof("Leave of %s (from %s) over: their cover %s took %d account(s)", leave.email(), leave.from(),
                    leave.cover(), taken.size());
        }
        return queued;
    }
}
