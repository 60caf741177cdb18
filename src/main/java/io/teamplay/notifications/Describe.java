package io.teamplay.notifications;

import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountView;
import io.teamplay.assignments.AssignmentChanged;
import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleView;
import io.teamplay.common.access.Actor;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** How notices and emails name things: accounts and roles by their display names, people by name and email. */
@ApplicationScoped
class Describe {

    @Inject
    AccountService accounts;
    @Inject
    RoleService roles;
    @Inject
    UserService users;
    @Inject
    io.teamplay.common.BatchReads batch;

    /** The key a batch of events remembers an account's name under: plays never rename accounts. */
    private record AccountName(String accountId) {
    }

    String accountName(String accountId) {
        return batch.once(new AccountName(accountId),
                () -> accounts.find(accountId).map(AccountView::name).orElse(accountId));
    }

    String roleName(String role) {
        return roles.find(role).map(RoleView::displayName).orElse(role);
    }

    /** "Ann Lee (ann@example.com)", or the bare email when no user has it yet; "nobody" for null. */
    String person(String email) {
        if (email == null) {
            return "nobody";
        }
        return users.find(email).map(u -> u.name() + " (" + u.email() + ")").orElse(email);
    }

    String person(String email, String knownName) {
        return knownName == null || knownName.isBlank() || email == null ? person(email) : knownName + " (" + email + ")";
    }

    /** Who made a change, as a reader understands it. */
    String changedBy(AssignmentChanged change) {
        if (change.play() != null) {
            return "the play \"" + change.play().play() + "\"";
        }
        return actor(change.actor());
    }

    /** The acting person (or the admin token) of a change made by hand or by an integration. */
    String actor(String actor) {
        return Actor.ADMIN_TOKEN_ACTOR.equals(actor) ? "an administrator (admin token)" : person(actor);
    }

    boolean isActive(String email) {
        return users.find(email).map(UserView::isActive).orElse(true);
    }
}
