package io.teamplay.common.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Who is calling, read from the request's {@link SecurityIdentity}. Permissions are checked by {@code @RolesAllowed};
 * this answers only what checks depending on data need: is the caller ADMIN, a given user, a member of a team.
 */
@RequestScoped
public class Actor {

    /** Recorded as the actor of changes made with the bootstrap admin token. */
    public static final String ADMIN_TOKEN_ACTOR = "admin-token";
    /** The identity attribute holding the caller's teams. */
    public static final String TEAMS = "teams";

    @Inject
    SecurityIdentity identity;

    /** The acting user's email, or {@value #ADMIN_TOKEN_ACTOR}. */
    public String id() {
        return identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Access.ADMIN);
    }

    public boolean is(String email) {
        return id().equals(email);
    }

    public boolean belongsTo(String team) {
        List<String> teams = identity.getAttribute(TEAMS);
        return team != null && teams != null && teams.stream().anyMatch(team::equalsIgnoreCase);
    }
}
