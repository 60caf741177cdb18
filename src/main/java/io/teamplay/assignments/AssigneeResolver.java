package io.teamplay.assignments;

import io.teamplay.common.Emails;
import io.teamplay.common.ProblemException;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The identity rules: the email is the key. An email is kept even when no user has it yet; a bare name resolves only
 * when exactly one user (active or disabled) bears it.
 */
@ApplicationScoped
class AssigneeResolver {

    /** The resolved assignee: its email, and the user when one exists (empty while pending). */
    record Resolved(String email, Optional<UserView> user) {
        String name() {
            return user.map(UserView::name).orElse(null);
        }
    }

    @Inject
    UserService users;

    Resolved resolve(Assignee assignee) {
        if (assignee.isEmpty()) {
            throw ProblemException.badRequest("email", "email or name is required");
        }
        if (assignee.email() != null && !assignee.email().isBlank()) {
            if (!Emails.isWellFormed(assignee.email())) {
                throw ProblemException.badRequest("email", "'" + assignee.email().trim() + "' is not a valid email address");
            }
            String email = Emails.normalise(assignee.email());
            return new Resolved(email, users.find(email));
        }
        String name = assignee.name().trim();
        List<UserView> named = users.named(name);
        if (named.isEmpty()) {
            throw ProblemException.refused("name", "No user is named '" + name + "'; give their email instead");
        }
        if (named.size() > 1) {
            String emails = named.stream().map(u -> u.email() + (u.isActive() ? "" : " (disabled)")).collect(Collectors.joining(", "));
            throw ProblemException.refused("name", named.size() + " users are named '" + name + "' (" + emails
                    + "); give the email of the one you mean");
        }
        return new Resolved(named.get(0).email(), Optional.of(named.get(0)));
    }
}
