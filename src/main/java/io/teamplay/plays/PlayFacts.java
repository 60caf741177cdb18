package io.teamplay.plays;

import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountView;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.TeamMember;
import io.teamplay.plays.facts.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the account fact plays see (attributes and team) from the services that own them. */
@ApplicationScoped
class PlayFacts {

    @Inject
    AccountService accounts;
    @Inject
    AssignmentService assignments;

    Optional<Account> account(String accountId) {
        Optional<AccountView> view = accounts.find(accountId);
        if (view.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> team = new LinkedHashMap<>();
        for (TeamMember member : assignments.teamOf(accountId)) {
            team.put(member.role(), member.email());
        }
        return Optional.of(new Account(view.get().id(), view.get().name(), view.get().attributes(), team));
    }

    /** The account facts of many accounts in two queries, in the order of the ids (unknown ids left out). */
    List<Account> accounts(List<String> accountIds) {
        Map<String, List<TeamMember>> teams = assignments.teamsOf(accountIds);
        List<Account> found = new ArrayList<>();
        for (AccountView view : accounts.getAll(accountIds)) {
            Map<String, String> team = new LinkedHashMap<>();
            for (TeamMember member : teams.getOrDefault(view.id(), List.of())) {
                team.put(member.role(), member.email());
            }
            found.add(new Account(view.id(), view.name(), view.attributes(), team));
        }
        return found;
    }
}
