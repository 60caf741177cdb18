package io.teamplay.security;

import io.teamplay.common.ProblemException;
import io.teamplay.users.Permission;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling: set once per request by {@link BearerTokenFilter}. */
@RequestScoped
public class Actor {

    /** Recorded as the actor of changes made with the bootstrap admin token. */
    public static final String ADMIN_TOKEN_ACTOR = "admin-token";

    private String id;
    private Permission permission;

    void authenticate(String id, Permission permission) {
        this.id = id;
        this.permission = permission;
    }

    /** The acting user's email, or {@value #ADMIN_TOKEN_ACTOR}. */
    public String id() {
        return id;
    }

    public Permission permission() {
        return permission;
    }

    public boolean isAdmin() {
        return permission == Permission.ADMIN;
    }

    public boolean is(String email) {
        return id != null && id.equals(email);
    }

    public void requireChange() {
        if (!permission.mayChange()) {
            throw ProblemException.forbidden("READ_ONLY users cannot change anything");
        }
    }

    public void requireRoleAndPolicyAdmin() {
        if (!permission.mayDefineRolesAndPolicy()) {
            throw ProblemException.forbidden("Only ADMIN or ADVANCED users may change roles and the task-ownership policy");
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw ProblemException.forbidden("Only ADMIN users may do this");
        }
    }
}
