package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.teamplay.assignments.UserOffboarding;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.users.License;
import io.teamplay.users.NewUser;
import io.teamplay.users.Passwords;
import io.teamplay.users.Permission;
import io.teamplay.users.UserPatch;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;

/**
 * Settings, users: the list (anyone reads it, as the API allows) and, for ADMIN users, creating one, changing their
 * license, permission and teams, disabling them with the required reassignment, re-enabling them, and a one-time link
 * to set their password. The same services as {@code /api/users} and {@code POST /api/users/{email}/disable}.
 */
@Path("/settings/users")
@Produces(MediaType.TEXT_HTML)
public class UserPages {

    static final int LISTED = 100;
    static final int PICKED = 50;
    private static final Logger LOG = Logger.getLogger(UserPages.class);

    /** The create form as posted, shown back when refused. */
    public record UserForm(String email, String name, String license, String permission, String teams) {

        static final UserForm EMPTY = new UserForm("", "", License.PRACTITIONER.name(), Permission.STANDARD.name(), "");
    }

    /** A one-time password link just made, shown once. */
    public record LinkShown(String url, String expiresAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(Page<UserView> users, String search, String previous, String next,
                                             UserForm form, SettingsPages.Outcome outcome, List<License> licenses,
                                             List<Permission> permissions);

        static native TemplateInstance user(UserView user, List<UserView> takers, SettingsPages.Outcome outcome,
                                            LinkShown link, List<License> licenses, List<Permission> permissions);

        static native TemplateInstance takers(List<UserView> takers);
    }

    @Inject
    UserService users;
    @Inject
    UserOffboarding offboarding;
    @Inject
    Passwords passwords;
    @Inject
    Viewer viewer;
    @Inject
    WebErrors errors;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance list(@QueryParam("q") String search, @QueryParam("page") @DefaultValue("0") int page) {
        return listPage(Formats.blankToNull(search), Math.max(page, 0), UserForm.EMPTY, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Access.ADMIN)
    public TemplateInstance create(@FormParam("email") String email, @FormParam("name") String name,
                                   @FormParam("license") License license, @FormParam("permission") Permission permission,
                                   @FormParam("teams") String teams, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        UserForm form = new UserForm(email, name, license == null ? null : license.name(),
                permission == null ? null : permission.name(), teams);
        if (license == null) {
            return listPage(null, 0, form, new SettingsPages.Outcome("Pick a license.", true, "license"));
        }
        try {
            UserView created = users.create(new NewUser(email, name, license, permission, teamList(teams)));
            return listPage(created.email(), 0, UserForm.EMPTY, new SettingsPages.Outcome("User " + created.name() + " (" + created.email()
                    + ") created.", false, null));
        } catch (ProblemException refused) {
            return listPage(null, 0, form, SettingsPages.refusal(refused, refused.status() == 409 ? "email" : "name"));
        }
    }

    @GET
    @Path("{email}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance show(String email) {
        return userPage(email, null, null);
    }

    @POST
    @Path("{email}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Access.ADMIN)
    public TemplateInstance change(String email, @FormParam("license") License license,
                                   @FormParam("permission") Permission permission, @FormParam("teams") String teams,
                                   @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        try {
            users.update(email, new UserPatch(null, license, permission, teamList(teams)));
            return userPage(email, new SettingsPages.Outcome("License, permission and teams saved.", false, null), null);
        } catch (ProblemException refused) {
            return userPage(email, SettingsPages.refusal(refused, "teams"), null);
        }
    }

    @POST
    @Path("{email}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Access.ADMIN)
    public TemplateInstance disable(String email, @FormParam("reassignTo") String reassignTo, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        try {
            UserOffboarding.Result moved = offboarding.disable(email, Formats.blankToNull(reassignTo), viewer.id());
            return userPage(email, new SettingsPages.Outcome("Disabled. " + moved.assignmentsMoved() + " assignment"
                    + plural(moved.assignmentsMoved()) + " and " + moved.tasksMoved() + " open task"
                    + plural(moved.tasksMoved()) + " moved" + (reassignTo == null || reassignTo.isBlank() ? "."
                    : " to " + reassignTo.trim() + "."), false, null), null);
        } catch (ProblemException refused) {
            LOG.infof("Web disable of %s by %s refused (%d): %s", email, viewer.id(), refused.status(), refused.getMessage());
            return userPage(email, SettingsPages.refusal(refused, "reassignTo"), null);
        }
    }

    @POST
    @Path("{email}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Access.ADMIN)
    public TemplateInstance enable(String email, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        users.markActive(email);
        return userPage(email, new SettingsPages.Outcome("Active again. Seats handed over when they were disabled stay "
                + "where they went.", false, null), null);
    }

    @POST
    @Path("{email}/password-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Access.ADMIN)
    public TemplateInstance passwordLink(String email, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        try {
            Passwords.Link link = passwords.createLink(email, viewer.id());
            String url = uri.getBaseUriBuilder().path("password").path(link.token()).build().toString();
            return userPage(email, new SettingsPages.Outcome("One-time link created: give it to " + link.email()
                    + " (it works once).", false, null), new LinkShown(url, Formats.shown(link.expiresAt())));
        } catch (ProblemException refused) {
            return userPage(email, SettingsPages.refusal(refused, "password-link"), null);
        }
    }

    /** The picker's options for a name typed so far: who may take over the user's seats and tasks. */
    @GET
    @Path("{email}/takers")
    @RolesAllowed(Access.ADMIN)
    public TemplateInstance takers(String email, @QueryParam("q") String search) {
        return Templates.takers(takers(users.get(email), search));
    }

    private TemplateInstance listPage(String search, int page, UserForm form, SettingsPages.Outcome outcome) {
        Page<UserView> found = users.search(search, PageRequest.of(page, LISTED));
        String query = "q=" + java.net.URLEncoder.encode(search == null ? "" : search, java.nio.charset.StandardCharsets.UTF_8);
        return Templates.users(found, search, page > 0 ? query + "&page=" + (page - 1) : null,
                (long) (page + 1) * LISTED < found.total() ? query + "&page=" + (page + 1) : null,
                form, outcome, List.of(License.values()), List.of(Permission.values()));
    }

    /** Active PRACTITIONER and CONTRIBUTOR users other than this one, found by name or email. */
    private List<UserView> takers(UserView user, String search) {
        return users.searchActive(search, LISTED).stream()
                .filter(u -> u.license() != License.VIEWER && !u.email().equals(user.email())).limit(PICKED).toList();
    }

    private TemplateInstance userPage(String email, SettingsPages.Outcome outcome, LinkShown link) {
        UserView user = users.get(email);
        List<UserView> takers = viewer.canManageUsers() ? takers(user, "") : List.of();
        return Templates.user(user, takers, outcome, link, List.of(License.values()), List.of(Permission.values()));
    }

    private static List<String> teamList(String teams) {
        return teams == null || teams.isBlank() ? List.of()
                : Arrays.stream(teams.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }

    @ServerExceptionMapper
    Response signedOut(UnauthorizedException e) {
        return errors.signIn(uri);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return errors.forbidden(e);
    }

    @ServerExceptionMapper
    Response problem(ProblemException e) {
        return errors.problem(e);
    }
}
