package io.teamplay.web;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import io.teamplay.notifications.NotificationService;
import io.teamplay.security.WebSessions;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who is looking at a page ({@code {inject:viewer...}} in the templates): their name for the header, their unread
 * notices, whether they may change teams (edit controls are shown only then; the server checks anyway), and the
 * session's CSRF token every form carries.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    @Inject
    SecurityIdentity identity;
    @Inject
    Actor actor;
    @Inject
    UserService users;
    @Inject
    NotificationService notifications;

    private UserView user;
    private boolean userLooked;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String id() {
        return actor.id();
    }

    public String name() {
        if (Actor.ADMIN_TOKEN_ACTOR.equals(id())) {
            return "Admin (bootstrap token)";
        }
        return user() == null ? id() : user().name() + " (" + id() + ")";
    }

    public String permission() {
        return identity.getRoles().stream().findFirst().orElse("");
    }

    /** May change teams: the permissions the team endpoints allow. */
    public boolean canEdit() {
        return identity.hasRole(Access.ADMIN) || identity.hasRole(Access.ADVANCED) || identity.hasRole(Access.STANDARD);
    }

    /** May define roles and the task-ownership policy: ADMIN and ADVANCED, as the settings endpoints allow. */
    public boolean canManageSettings() {
        return identity.hasRole(Access.ADMIN) || identity.hasRole(Access.ADVANCED);
    }

    /** May manage users (create, change, disable, re-enable, password links): ADMIN only, as the users API allows. */
    public boolean canManageUsers() {
        return identity.hasRole(Access.ADMIN);
    }

    /** May set and end this user's out-of-office period: the user themself or an ADMIN, as the availability API allows. */
    public boolean canChangeAvailabilityOf(String email) {
        return actor.isAdmin() || actor.is(email);
    }

    public long unread() {
        return notifications.unreadCount(id());
    }

    public String csrf() {
        String token = identity.getAttribute(WebSessions.CSRF);
        return token == null ? "" : token;
    }

    /** Refuses a form whose CSRF token is missing or not this session's (403). */
    public void requireCsrf(String submitted) {
        String expected = identity.getAttribute(WebSessions.CSRF);
        if (expected == null || submitted == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("The form's CSRF token is missing or stale: reload the page and try again");
        }
    }

    private UserView user() {
        if (!userLooked) {
            user = users.find(id()).orElse(null);
            userLooked = true;
        }
        return user;
    }
}
