package io.teamplay.plays;

import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountView;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.TeamMember;
import io.teamplay.plays.facts.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
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
}
