package io.teamplay.plays;

import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountView;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.OpenTask;
import io.teamplay.plays.facts.Situation;
import io.teamplay.plays.facts.TeamMember;
import java.util.ArrayList;
import io.teamplay.tasks.TaskService;
import java.util.HashMap;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
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

    Optional<Account> account(String accountId) {
        Optional<AccountView> view = accounts.find(accountId);
        if (view.isEmpty()) {
            return Optional.empty();
        }
        List<io.teamplay.assignments.TeamMember> seats = assignments.teamOf(accountId);
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
        List<OpenTask> open = tasks.openOn(view.get().id()).stream()
                .map(t -> new OpenTask(t.id(), t.title(), t.assignee(), t.dueDate(), t.role(), t.priority().name()))
                .toList();
        Situation situation = new Situation(open, members, names, PlayMemory.of(view.get().id()));
        return Optional.of(new Account(view.get().id(), view.get().name(), view.get().attributes(), team, situation));
    }
}
