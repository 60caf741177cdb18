package io.teamplay.plays;

import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountView;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.TeamMember;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.OpenTask;
import io.teamplay.plays.facts.Situation;
import io.teamplay.tasks.TaskService;
import java.util.HashMap;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the account fact plays see (attributes, team, open tasks, what the plays' memory holds for it) from the
 * services that own them.
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
        return accounts.find(accountId).map(view -> account(view, assignments.teamOf(view.id())));
    }

    /**
     * The account facts of many accounts, in the order of the ids (unknown ids left out): accounts and teams in two
     * queries, each account's open tasks and memory as for one account, so a preview sees what an event would.
     */
    List<Account> accounts(List<String> accountIds) {
        Map<String, List<TeamMember>> teams = assignments.teamsOf(accountIds);
        return accounts.getAll(accountIds).stream()
                .map(view -> account(view, teams.getOrDefault(view.id(), List.of())))
                .toList();
    }

    private Account account(AccountView view, List<TeamMember> members) {
        Map<String, String> team = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (TeamMember member : members) {
            team.put(member.role(), member.email());
            if (member.name() != null) {
                names.put(member.role(), member.name());
            }
        }
        List<OpenTask> open = tasks.openOn(view.id()).stream()
                .map(t -> new OpenTask(t.id(), t.title(), t.assignee(), t.dueDate(), t.role(), t.priority().name()))
                .toList();
        Situation situation = new Situation(open, names, PlayMemory.of(view.id()));
        return new Account(view.id(), view.name(), view.attributes(), team, situation);
    }
}
