package io.teamplay.assignments;

import io.teamplay.assignments.AssignmentResult.Refused;
import io.teamplay.common.Emails;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The identity rules: the email is the key. An email is kept even when no user has it yet; a bare name resolves only
 * when exactly one user (active or disabled) bears it. Answers the assignee resolved, or why it could not be.
 */
@ApplicationScoped
class AssigneeResolver {

    sealed interface Resolution {
    }

    /** The resolved assignee: its email, and the user when one exists (empty while pending). */
    record Resolved(String email, Optional<UserView> user) implements Resolution {
        String name() {
            return user.map(UserView::name).orElse(null);
        }
    }

    record Unresolved(Refused refused) implements Resolution {
    }

    /** Where users are looked up: the users' service one by one, or what a batch read beforehand. */
    interface Users {
        Optional<UserView> byEmail(String email);

        List<UserView> named(String name);
    }

    @Inject
    UserService users;

    Resolution resolve(Assignee assignee) {
        return resolve(assignee, new Users() {
            @Override
            public Optional<UserView> byEmail(String email) {
                return users.find(email);
            }

            @Override
            public List<UserView> named(String name) {
                return users.named(name);
            }
        });
    }

    static Resolution resolve(Assignee assignee, Users users) {
        if (assignee.isEmpty()) {
            return malformed("email or name is required");
        }
        if (assignee.email() != null && !assignee.email().isBlank()) {
            if (!Emails.isWellFormed(assignee.email())) {
                return malformed("'" + assignee.email().trim() + "' is not a valid email address");
            }
            String email = Emails.normalise(assignee.email());
            return new Resolved(email, users.byEmail(email));
        }
        String name = assignee.name().trim();
        List<UserView> named = users.named(name);
        if (named.isEmpty()) {
            return unresolvedName("No user is named '" + name + "'; give their email instead");
        }
        if (named.size() > 1) {
            String emails = named.stream().map(u -> u.email() + (u.isActive() ? "" : " (disabled)")).collect(Collectors.joining(", "));
            return unresolvedName(named.size() + " users are named '" + name + "' (" + emails
                    + "); give the email of the one you mean");
        }
        return new Resolved(named.get(0).email(), Optional.of(named.get(0)));
    }

    /** A well-formed email always resolves: to the user who has it, or to nobody yet. */
    Resolved byEmail(String wellFormedEmail) {
        String email = Emails.normalise(wellFormedEmail);
        return new Resolved(email, users.find(email));
    }

    private static Unresolved malformed(String reason) {
        return new Unresolved(new Refused(Refused.Kind.MALFORMED, "email", reason));
    }

    private static Unresolved unresolvedName(String reason) {
        return new Unresolved(Refused.notAllowed("name", reason));
    }
}
