package io.teamplay.plays;

import io.teamplay.common.BatchReads;
import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountView;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.OpenTask;
import io.teamplay.plays.facts.Situation;
import io.teamplay.plays.facts.TeamMember;
import io.teamplay.tasks.TaskService;
import io.teamplay.assignments.AssignmentChanged;
import io.teamplay.assignments.AssignmentsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the account fact plays see (attributes, team and its members' load, open tasks, what the plays' memory holds
 * for it) from the services that own them.
 */
@ApplicationScoped
class PlayFacts {

    @Inject
    AccountService accounts;
    @Inject
    AssignmentService assignments;
    @Inject
    TaskService tasks;
    @Inject
    SegmentMoves segmentMoves;
    @Inject
    TeamRoster roster;
    @Inject
    BatchReads reads;

    Optional<Account> account(String accountId) {
        return accounts.find(accountId).map(view -> account(view, assignments.teamOf(view.id())));
    }

    /**
     * The account fact for handling that event: with the saved segments the event made the account enter or leave,
     * and the members of the teams the active plays name.
     */
    Optional<Account> account(String accountId, io.teamplay.plays.facts.AccountEvent event) {
        return account(accountId).map(account -> forEvent(account, event));
    }

    /** The account fact of a batch, completed for handling that event as {@link #account(String, AccountEvent)}. */
    Account forEvent(Account account, io.teamplay.plays.facts.AccountEvent event) {
        Account moved = segmentMoves.of(event, account);
        List<io.teamplay.plays.facts.Teammate> teammates = roster.on(event.getDate());
        return teammates.isEmpty() ? moved : new Account(moved.getId(), moved.getName(),
                moved.getAttributes(), moved.getTeam(), moved.situation().withTeammates(teammates));
    }

    /**
     * The account facts of many accounts, in the order of the ids (unknown ids left out), from a few set queries, so
     * a preview sees what an event would.
     */
    List<Account> accounts(List<String> accountIds) {
        Batch batch = batch(accountIds);
        return accountIds.stream().map(batch::account).flatMap(Optional::stream).toList();
    }

    /**
     * The facts of the accounts of a batch of events, read in a few set queries (accounts, teams, members' loads,
     * open tasks, memory). Tell it which account an event's decisions {@link Batch#changed changed}: that account is
     * read again for its next event. Members' loads are read once and, inside a batch ({@link BatchReads}), moved by
     * every seat change of its transaction, so a later event sees them as the database would.
     */
    Batch batch(Collection<String> accountIds) {
        Parts parts = new Parts(accountIds);
        reads.kept(Parts.class, () -> parts);
        return parts;
    }

    void seatMoved(@Observes AssignmentChanged seat) {
        reads.<Parts>find(Parts.class).ifPresent(parts -> parts.moved(seat));
    }

    void seatsMoved(@Observes AssignmentsChanged seats) {
        reads.<Parts>find(Parts.class).ifPresent(parts -> seats.changes().forEach(parts::moved));
    }

    /** The account facts of a batch of events. */
    interface Batch {
        Optional<Account> account(String accountId);

        /** An event's decisions changed the account: it is read again for its next event. */
        void changed(String accountId);

        /**
         * An event's decisions changed only the account's seats (or nothing of its facts): inside a batch's
         * transaction its team is already kept current by the seat changes seen, so nothing is read again.
         */
        void seatsChanged(String accountId);

        /** Who holds the role on the account now: from the team kept current, else read. */
        Optional<String> holderOf(String accountId, String role);
    }

    private final class Parts implements Batch {
        private final Map<String, AccountView> views = new HashMap<>();
        private final Map<String, List<io.teamplay.assignments.TeamMember>> teams = new HashMap<>();
        private final Map<String, List<OpenTask>> open = new HashMap<>();
        private final Map<String, Set<String>> memory = new HashMap<>();
        private final Set<String> read = new HashSet<>();
        /** Seats held, by member and role, of the members read so far (every one of them, none left out). */
        private final Map<String, Map<String, Long>> loads = new HashMap<>();
        /** False outside a batch's transaction: no seat change is seen, loads are read again after a change. */
        private boolean loadsCurrent;

        Parts(Collection<String> accountIds) {
            read(accountIds);
            readLoads(teams.values().stream().flatMap(List::stream).map(io.teamplay.assignments.TeamMember::email)
                    .distinct().toList());
            loadsCurrent = true;
        }

        private Map<String, Map<String, Long>> readLoads(List<String> emails) {
            List<String> unread = emails.stream().filter(email -> !loads.containsKey(email)).toList();
            if (!unread.isEmpty()) {
                Map<String, Map<String, Long>> read = assignments.seatCountsOf(unread);
                unread.forEach(email -> loads.put(email, new HashMap<>(read.getOrDefault(email, Map.of()))));
            }
            return loads;
        }

        void moved(AssignmentChanged seat) {
            List<io.teamplay.assignments.TeamMember> team = teams.get(seat.accountId());
            if (team != null) {
                if (!seat.movedTasks().isEmpty()) {
                    forget(seat.accountId()); // its open tasks changed hands: read again
                } else {
                    teams.put(seat.accountId(), seated(team, seat));
                }
            }
            if (seat.fromEmail() != null) {
                loads.computeIfPresent(seat.fromEmail(), (email, held) -> {
                    held.computeIfPresent(seat.role(), (role, n) -> n > 1 ? n - 1 : null);
                    return held;
                });
            }
            if (seat.toEmail() != null) {
                loads.computeIfPresent(seat.toEmail(), (email, held) -> {
                    held.merge(seat.role(), 1L, Long::sum);
                    return held;
                });
            }
        }

        private void read(Collection<String> accountIds) {
            List<String> ids = List.copyOf(new LinkedHashSet<>(accountIds));
            accounts.getAll(ids).forEach(view -> views.put(view.id(), view));
            teams.putAll(assignments.teamsOf(ids));
            ids.forEach(id -> teams.putIfAbsent(id, List.of())); // no seat yet: a team all the same, kept current
            tasks.openOnAll(ids).forEach((account, list) -> open.put(account, list.stream()
                    .map(t -> new OpenTask(t.id(), t.title(), t.assignee(), t.dueDate(), t.role(), t.priority().name()))
                    .toList()));
            memory.putAll(PlayMemory.ofAll(ids));
            read.addAll(ids);
        }

        @Override
        public Optional<Account> account(String accountId) {
            if (!read.contains(accountId)) {
                read(List.of(accountId));
            }
            AccountView view = views.get(accountId);
            if (view == null) {
                return Optional.empty();
            }
            List<io.teamplay.assignments.TeamMember> seats = teams.getOrDefault(accountId, List.of());
            List<String> holders = seats.stream().map(io.teamplay.assignments.TeamMember::email).distinct().toList();
            Map<String, Map<String, Long>> seatCounts = loadsCurrent ? readLoads(holders)
                    : assignments.seatCountsOf(holders);
            return Optional.of(PlayFacts.account(view, seats, seatCounts, open.getOrDefault(accountId, List.of()),
                    memory.getOrDefault(accountId, Set.of())));
        }

        @Override
        public void changed(String accountId) {
            forget(accountId);
            if (!seatsKeptCurrent()) {
                loadsCurrent = false;
            }
        }

        @Override
        public void seatsChanged(String accountId) {
            if (!seatsKeptCurrent()) {
                changed(accountId);
            }
        }

        @Override
        public Optional<String> holderOf(String accountId, String role) {
            List<io.teamplay.assignments.TeamMember> team = seatsKeptCurrent() ? teams.get(accountId) : null;
            if (team == null) {
                return assignments.holderOf(accountId, role);
            }
            return team.stream().filter(seat -> seat.role().equals(role)).map(io.teamplay.assignments.TeamMember::email)
                    .findFirst();
        }

        /** Inside the batch's transaction every seat change is seen ({@link #moved}); outside, none is. */
        private boolean seatsKeptCurrent() {
            return reads.find(Parts.class).orElse(null) == this;
        }

        private void forget(String accountId) {
            read.remove(accountId);
            views.remove(accountId);
            teams.remove(accountId);
            open.remove(accountId);
            memory.remove(accountId);
        }
    }

    /** The team with the seat as it is after the change, in the order of roles (as read). */
    private static List<io.teamplay.assignments.TeamMember> seated(List<io.teamplay.assignments.TeamMember> team,
                                                                   AssignmentChanged seat) {
        List<io.teamplay.assignments.TeamMember> after = new ArrayList<>();
        String roleName = null;
        for (io.teamplay.assignments.TeamMember member : team) {
            if (member.role().equals(seat.role())) {
                roleName = member.roleName();
            } else {
                after.add(member);
            }
        }
        if (seat.toEmail() != null) {
            after.add(new io.teamplay.assignments.TeamMember(seat.role(), roleName, seat.toEmail(), seat.toName()));
            after.sort(java.util.Comparator.comparing(io.teamplay.assignments.TeamMember::role));
        }
        return after;
    }

    private Account account(AccountView view, List<io.teamplay.assignments.TeamMember> seats) {
        Map<String, Map<String, Long>> loads = assignments.seatCountsOf(seats.stream()
                .map(io.teamplay.assignments.TeamMember::email).distinct().toList());
        List<OpenTask> open = tasks.openOn(view.id()).stream()
                .map(t -> new OpenTask(t.id(), t.title(), t.assignee(), t.dueDate(), t.role(), t.priority().name()))
                .toList();
        return account(view, seats, loads, open, PlayMemory.of(view.id()));
    }

    private static Account account(AccountView view, List<io.teamplay.assignments.TeamMember> seats,
                                   Map<String, Map<String, Long>> loads, List<OpenTask> open, Set<String> memory) {
        Map<String, String> team = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        List<TeamMember> members = new ArrayList<>();
        for (io.teamplay.assignments.TeamMember seat : seats) {
            team.put(seat.role(), seat.email());
            if (seat.name() != null) {
                names.put(seat.role(), seat.name());
            }
            members.add(new TeamMember(seat.role(), seat.email(), seat.name(),
                    loads.getOrDefault(seat.email(), Map.of()).getOrDefault(seat.role(), 0L)));
        }
        Situation situation = new Situation(open, members, names, memory);
        return new Account(view.id(), view.name(), view.attributes(), team, situation);
    }
}
