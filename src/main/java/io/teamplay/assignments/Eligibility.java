package io.teamplay.assignments;

import io.teamplay.roles.RoleView;
import io.teamplay.users.License;
import io.teamplay.users.UserView;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Who may be assigned, by path: the table of DOMAIN.md, one rule per row. Each answers the refusal, or empty. */
enum Eligibility {

    /** Account page, segment bulk edit: ACTIVE PRACTITIONER or CONTRIBUTOR users; the role must be editable. */
    TEAM_EDITOR {
        @Override
        Optional<String> refusal(RoleView role, String email, Optional<UserView> user, PlayOrigin play) {
            if (!role.editable()) {
                return Optional.of("role " + role.key() + " is not editable: only integrations and plays may set it");
            }
            return activeWithLicense(email, user, EDITOR_LICENSES);
        }
    },
    /** Disabling a user: as the account page, for the people; forced moves may touch roles integrations own. */
    FORCED_REASSIGNMENT {
        @Override
        Optional<String> refusal(RoleView role, String email, Optional<UserView> user, PlayOrigin play) {
            return activeWithLicense(email, user, EDITOR_LICENSES);
        }
    },
    /**
     * File upload, CRM sync, API: any PRACTITIONER, CONTRIBUTOR or VIEWER user who is not disabled, or an email of no
     * user yet. A disabled user is refused: a CRM still naming a leaver must not undo the hand-over made when they left.
     */
    INTEGRATION {
        @Override
        Optional<String> refusal(RoleView role, String email, Optional<UserView> user, PlayOrigin play) {
            return user.filter(u -> !u.isActive()).map(u -> email + " is disabled: an integration may not give a disabled"
                    + " user a role (their seats were handed over when they were disabled)");
        }
    },
    /** Plays: ACTIVE PRACTITIONER, CONTRIBUTOR or VIEWER users who are members of the team owning the play. */
    PLAY_TEAM_MEMBER {
        @Override
        Optional<String> refusal(RoleView role, String email, Optional<UserView> user, PlayOrigin play) {
            Optional<String> refusal = activeWithLicense(email, user, EnumSet.allOf(License.class));
            if (refusal.isPresent()) {
                return refusal;
            }
            if (play == null || play.team() == null || !user.get().isMemberOf(play.team())) {
                return Optional.of(email + " is not a member of team " + (play == null ? null : play.team())
                        + ", which owns the play");
            }
            return Optional.empty();
        }
    },
    /** Removing every assignment of a role being deleted: nobody is assigned. */
    NOBODY {
        @Override
        Optional<String> refusal(RoleView role, String email, Optional<UserView> user, PlayOrigin play) {
            return Optional.of("nobody can be assigned by this path");
        }
    };

    private static final Set<License> EDITOR_LICENSES = EnumSet.of(License.PRACTITIONER, License.CONTRIBUTOR);

    abstract Optional<String> refusal(RoleView role, String email, Optional<UserView> user, PlayOrigin play);

    /** Clearing a seat: non-editable roles may only be cleared by integrations and plays. */
    Optional<String> clearRefusal(RoleView role) {
        return this == TEAM_EDITOR && !role.editable()
                ? Optional.of("role " + role.key() + " is not editable: only integrations and plays may clear it")
                : Optional.empty();
    }

    private static Optional<String> activeWithLicense(String email, Optional<UserView> user, Set<License> licenses) {
        if (user.isEmpty()) {
            return Optional.of("no user has email " + email);
        }
        if (!user.get().isActive()) {
            return Optional.of(email + " is disabled");
        }
        if (!licenses.contains(user.get().license())) {
            return Optional.of(email + " has a " + user.get().license() + " license; this path needs " + licenses);
        }
        return Optional.empty();
    }
}
