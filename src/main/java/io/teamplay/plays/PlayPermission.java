package io.teamplay.plays;

import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may change or run a play, beyond the permission {@code @RolesAllowed} checks (ADMIN or ADVANCED): an ADMIN any
 * play, an ADVANCED user only the plays of a team they belong to. The API and the play studio ask the same bean.
 */
@RequestScoped
public class PlayPermission {

    @Inject
    Actor actor;
    @Inject
    PlayVersions versions;

    /** The team owning the play now (its latest version's), or null for a play not saved yet. */
    public String teamOf(String play) {
        return versions.latest(play).map(v -> v.team).orElse(null);
    }

    public boolean mayRunPlaysOf(String team) {
        return actor.isAdmin() || actor.belongsTo(team);
    }

    /** True when the caller may save, activate and run this play (a play not saved yet: anyone who gets here). */
    public boolean mayRun(String play) {
        String team = teamOf(play);
        return team == null || mayRunPlaysOf(team);
    }

    /** Refuses (403) a caller who may not change or run the play. */
    public void requireMayRun(String play) {
        String team = teamOf(play);
        if (team != null && !mayRunPlaysOf(team)) {
            throw ProblemException.forbidden("Only ADMIN users, or ADVANCED users of the team " + team
                    + ", may change or run the play " + play);
        }
    }

    /** Refuses (403) a save that would hand the play to a team the caller is not in. */
    public void requireMayHandTo(String newTeam, String play) {
        if (newTeam != null && !mayRunPlaysOf(newTeam)) {
            throw ProblemException.forbidden("The play " + play + " names the team " + newTeam
                    + ", which you do not belong to");
        }
    }
}
