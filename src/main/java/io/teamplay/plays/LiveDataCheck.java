package io.teamplay.plays;

import io.teamplay.accounts.AccountService;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayReference;
import io.teamplay.plays.facts.RoleKey;
import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleView;
import io.teamplay.segments.SavedSegments;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the names a play uses against the service's data: an unknown role, team or saved segment is an error; an attribute no
 * account has, or a team with no active member, is a warning. Each finding names the line and column of the name.
 */
@ApplicationScoped
class LiveDataCheck {

    private static final int ROLES_LISTED = 10;

    @Inject
    RoleService roles;
    @Inject
    UserService users;
    @Inject
    AccountService accounts;
    @Inject
    SavedSegments segments;

    record Findings(List<PlayError> errors, List<PlayError> warnings) {
    }

    /** What is wrong with a name: an error (the play is refused) or a warning. */
    private record Verdict(boolean error, String message) {
        static final Verdict KNOWN = new Verdict(false, null);
    }

    Findings check(PlayFile file, List<PlayReference> references) {
        List<PlayError> errors = new ArrayList<>();
        List<PlayError> warnings = new ArrayList<>();
        Map<String, Verdict> verdicts = new HashMap<>();
        for (PlayReference reference : references) {
            Verdict verdict = verdicts.computeIfAbsent(reference.kind() + "/" + reference.name(), k -> verdict(reference));
            if (verdict != Verdict.KNOWN) {
                PlayError finding = new PlayError(file.fileName(), reference.line(), reference.column(), verdict.message());
                (verdict.error() ? errors : warnings).add(finding);
            }
        }
        return new Findings(errors, warnings);
    }

    private Verdict verdict(PlayReference reference) {
        String name = reference.name();
        return switch (reference.kind()) {
            case ROLE -> {
                String key = RoleKey.of(name);
                yield roles.find(key).isPresent() ? Verdict.KNOWN : new Verdict(true, "there is no account role \""
                        + name + "\" (key " + key + "): create it first, or use one of: " + knownRoles());
            }
            case TEAM -> {
                List<UserView> members = users.membersOf(name);
                if (members.isEmpty()) {
                    yield new Verdict(true, "no user belongs to the team \"" + name
                            + "\": check its spelling, or add members to it first");
                }
                yield members.stream().anyMatch(UserView::isActive) ? Verdict.KNOWN : new Verdict(false, "the team \""
                        + name + "\" has no active member: assignments to its members will fail until it has one");
            }
            case ATTRIBUTE -> accounts.anyHasAttribute(name) ? Verdict.KNOWN : new Verdict(false,
                    "no account has the attribute \"" + name + "\": check its spelling (attribute names are written as "
                            + "they are stored)");
            case SEGMENT -> segments.exists(name) ? Verdict.KNOWN : new Verdict(true, "there is no saved segment \""
                    + name + "\": save it first (POST /api/segments)");
        };
    }

    private String knownRoles() {
        List<RoleView> all = roles.all();
        String listed = all.stream().limit(ROLES_LISTED).map(RoleView::key).collect(Collectors.joining(", "));
        return all.size() > ROLES_LISTED ? listed + " (and " + (all.size() - ROLES_LISTED) + " more)" : listed;
    }
}
