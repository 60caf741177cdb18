package io.teamplay.plays;

import io.teamplay.common.BatchReads;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.plays.facts.Teammate;
import io.teamplay.tasks.TaskService;
import io.teamplay.users.AvailabilityService;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The members of the teams the active plays name in their conditions ({@code team "X" has ...}, or in DRL
 * {@code Teammate( teamIs("X") )} and {@code Account( hasAvailableMember("X") )}), with availability and load, for the {@link Teammate} facts. Nothing is read
 * while no active play names a team this way; otherwise four queries per team named, whatever its size.
 */
@ApplicationScoped
class TeamRoster {

    private static final Pattern NAMED = Pattern.compile(
            "team \"([^\"]+)\" has |(?:teamIs|hasAvailableMember\\w*)\\(\\s*\"([^\"]+)\"");

    @Inject
    PlayLibrary library;
    @Inject
    PlayActivations activations;
    @Inject
    UserService users;
    @Inject
    AvailabilityService availability;
    @Inject
    AssignmentService assignments;
    @Inject
    TaskService tasks;
    @Inject
    BatchReads batch;

    /** The teams named, for the play book and the active plays they were read from. */
    private record Named(PlayBook book, Set<String> active, Set<String> teams) {
    }

    private volatile Named named;

    List<Teammate> on(LocalDate day) {
        List<Teammate> teammates = new ArrayList<>();
        for (String team : teamsNamed()) {
            List<UserView> members = users.membersOf(team);
            List<String> emails = members.stream().map(UserView::email).toList();
            Set<String> away = availability.awayOn(emails, day);
            Map<String, Map<String, Long>> seats = assignments.seatCountsOf(emails);
            Map<String, Long> open = tasks.countOpenOfAll(emails);
            for (UserView member : members) {
                long held = seats.getOrDefault(member.email(), Map.of()).values().stream().mapToLong(Long::longValue).sum();
                teammates.add(new Teammate(team, member.email(), member.name(),
                        member.isActive() && !away.contains(member.email()), held, open.getOrDefault(member.email(), 0L)));
            }
        }
        return teammates;
    }

    private Set<String> teamsNamed() {
        PlayBook book = library.book();
        Set<String> active = batch.once(Named.class, () -> new TreeSet<>(activations.active()));
        Named now = named;
        if (now == null || now.book() != book || !now.active().equals(active)) {
            Set<String> teams = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (String play : active) {
                book.play(play).map(PlayStatus::source).ifPresent(source -> {
                    Matcher m = NAMED.matcher(source);
                    while (m.find()) {
                        teams.add((m.group(1) != null ? m.group(1) : m.group(2)).trim());
                    }
                });
            }
            now = new Named(book, active, teams);
            named = now;
        }
        return now.teams();
    }
}
