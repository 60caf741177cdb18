package io.teamplay.plays;

import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountView;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.OpenTask;
import io.teamplay.plays.facts.Situation;
import io.teamplay.plays.facts.TeamMember;
import io.teamplay.tasks.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    Optional<Account> account(String accountId) {
        return accounts.find(accountId).map(view -> account(view, assignments.teamOf(view.id())));
    }

    /**
     * The account fact for handling that event: with the saved segments the event made the account enter or leave,
     * and the members of the teams the active plays name.
     */
    Optional<Account> account(String accountId, io.teamplay.plays.facts.AccountEvent event) {
        return account(accountId).map(account -> segmentMoves.of(event, account)).map(account -> {
            List<io.teamplay.plays.facts.Teammate> teammates = roster.on(event.getDate());
            return teammates.isEmpty() ? account : new Account(account.getId(), account.getName(),
                    account.getAttributes(), account.getTeam(), account.situation().withTeammates(teammates));
        });
    }

    /**
     * The account facts of many accounts, in the order of the ids (unknown ids left out): accounts and teams in two
     * queries, each account's open tasks, loads and memory as for one account, so a preview sees what an event would.
     */
    List<Account> accounts(List<String> accountIds) {
        Map<String, List<io.teamplay.assignments.TeamMember>> teams = assignments.teamsOf(accountIds);
        return accounts.getAll(accountIds).stream()
                .map(view -> account(view, teams.getOrDefault(view.id(), List.of())))
                .toList();
    }

    private Account account(AccountView view, List<io.teamplay.assignments.TeamMember> seats) {
        Map<String, Map<String, Long>> loads = assignments.seatCountsOf(seats.stream()
                .map(io.teamplay.assignments.TeamMember::email).distinct().toList());
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
        List<OpenTask> open = tasks.openOn(view.id()).stream()
                .map(t -> new OpenTask(t.id(), t.title(), t.assignee(), t.dueDate(), t.role(), t.priority().name()))
                .toList();
        Situation situation = new Situation(open, members, names, PlayMemory.of(view.id()));
        return new Account(view.id(), view.name(), view.attributes(), team, situation);
    }
}
