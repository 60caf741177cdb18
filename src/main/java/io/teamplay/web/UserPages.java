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
import io.teamplay.users.AvailabilityRequest;
import io.teamplay.users.AvailabilityService;
import io.teamplay.users.Leave;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Settings, users: the list (anyone reads it, as the API allows) and, for ADMIN users, creating one, changing their
 * license, permission and teams, disabling them with the required reassignment, re-enabling them, and a one-time link
 * to set their password; the out-of-office period (with its cover), which the user themself also sets ("My
 * availability"). The same services as {@code /api/users}, {@code POST /api/users/{email}/disable} and
 * {@code PUT/DELETE /api/users/{email}/availability}.
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

    /** The out-of-office form as posted, shown back when refused. */
    public record LeaveForm(String from, String to, String cover) {

        static final LeaveForm EMPTY = new LeaveForm("", "", "");
    }

    /** A one-time password link just made, shown once. */
    public record LinkShown(String url, String expiresAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(Page<UserView> users, String search, String previous, String next,
                                             UserForm form, SettingsPages.Outcome outcome, List<License> licenses,
                                             List<Permission> permissions, Map<String, Leave> away);

        static native TemplateInstance user(UserView user, List<UserView> takers, SettingsPages.Outcome outcome,
                                            LinkShown link, List<License> licenses, List<Permission> permissions,
                                            Leave leave, boolean awayNow, List<UserView> covers, LeaveForm leaveForm);

        static native TemplateInstance takers(List<UserView> takers);

        static native TemplateInstance covers(List<UserView> covers, String chosen);
    }

    @Inject
    UserService users;
    @Inject
    UserOffboarding offboarding;
    @Inject
    Passwords passwords;
    @Inject
    AvailabilityService availability;
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

    /** "My availability": the signed-in user's own page, at its out-of-office section. */
    @GET
    @Path("me")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Response me() {
        return Response.seeOther(uri.getBaseUriBuilder().path("settings/users").path(viewer.id())
                .fragment("availability-heading").build()).build();
    }

    /** Sets the user's out-of-office period (replacing any): the user themself or an ADMIN, as the API allows. */
    @POST
    @Path("{email}/availability")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Response setAvailability(String email, @FormParam("from") String from, @FormParam("to") String to,
                                    @FormParam("cover") String cover, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        UserView user = mayChangeAvailability(email);
        LeaveForm form = new LeaveForm(from, to, cover);
        try {
            Leave leave = availability.set(user.email(), new AvailabilityRequest(day(from, "from"), day(to, "to"),
                    Formats.blankToNull(cover)), viewer.id());
            return Response.ok(userPage(email, new SettingsPages.Outcome("Out of office from " + leave.from() + " to "
                    + leave.to() + (leave.cover() == null ? ", no cover." : ", covered by " + leave.cover() + "."),
                    false, null), null, LeaveForm.EMPTY)).build();
        } catch (ProblemException refused) {
            return Response.status(refused.status())
                    .entity(userPage(email, SettingsPages.refusal(refused, "from"), null, form)).build();
        }
    }

    @POST
    @Path("{email}/availability/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance endAvailability(String email, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        UserView user = mayChangeAvailability(email);
        availability.end(user.email(), LocalDate.now(), viewer.id());
        return userPage(email, new SettingsPages.Outcome("Out of office ended: " + user.name() + " is back.", false, null),
                null, LeaveForm.EMPTY);
    }

    /** The picker's options for a name typed so far: who may take over the user's seats and tasks. */
    @GET
    @Path("{email}/takers")
    @RolesAllowed(Access.ADMIN)
    public TemplateInstance takers(String email, @QueryParam("q") String search) {
        return Templates.takers(takers(users.get(email), search));
    }

    /** The cover picker's options for a name typed so far: active users other than the one going away. */
    @GET
    @Path("{email}/covers")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance covers(String email, @QueryParam("q") String search) {
        return Templates.covers(covers(mayChangeAvailability(email), search, null), null);
    }

    /**
     * Active users other than this one, found by name or email (a page of them: an organisation has more users than a
     * list can show), with the cover already chosen first so a re-shown form keeps it.
     */
    private List<UserView> covers(UserView user, String search, String chosen) {
        List<UserView> found = new java.util.ArrayList<>(users.searchActive(search, LISTED).stream()
                .filter(u -> !u.email().equals(user.email())).limit(PICKED).toList());
        if (chosen != null && found.stream().noneMatch(u -> u.email().equalsIgnoreCase(chosen))) {
            users.find(chosen).ifPresent(picked -> found.add(0, picked));
        }
        return found;
    }

    private TemplateInstance listPage(String search, int page, UserForm form, SettingsPages.Outcome outcome) {
        Page<UserView> found = users.search(search, PageRequest.of(page, LISTED));
        Map<String, Leave> away = availability.awayOn(LocalDate.now()).stream()
                .collect(Collectors.toMap(Leave::email, leave -> leave));
        String query = "q=" + java.net.URLEncoder.encode(search == null ? "" : search, java.nio.charset.StandardCharsets.UTF_8);
        return Templates.users(found, search, page > 0 ? query + "&page=" + (page - 1) : null,
                (long) (page + 1) * LISTED < found.total() ? query + "&page=" + (page + 1) : null,
                form, outcome, List.of(License.values()), List.of(Permission.values()), away);
    }

    /** Active PRACTITIONER and CONTRIBUTOR users other than this one, found by name or email. */
    private List<UserView> takers(UserView user, String search) {
        return users.searchActive(search, LISTED).stream()
                .filter(u -> u.license() != License.VIEWER && !u.email().equals(user.email())).limit(PICKED).toList();
    }

    private TemplateInstance userPage(String email, SettingsPages.Outcome outcome, LinkShown link) {
        return userPage(email, outcome, link, LeaveForm.EMPTY);
    }

    private TemplateInstance userPage(String email, SettingsPages.Outcome outcome, LinkShown link, LeaveForm leaveForm) {
        UserView user = users.get(email);
        List<UserView> takers = viewer.canManageUsers() ? takers(user, "") : List.of();
        Leave leave = availability.current(user.email(), LocalDate.now()).orElse(null);
        String chosen = leaveForm.cover() != null && !leaveForm.cover().isBlank() ? leaveForm.cover().trim()
                : leave == null ? null : leave.cover();
        List<UserView> covers = viewer.canChangeAvailabilityOf(user.email()) ? covers(user, "", chosen) : List.of();
        return Templates.user(user, takers, outcome, link, List.of(License.values()), List.of(Permission.values()),
                leave, leave != null && leave.awayOn(LocalDate.now()), covers, leaveForm);
    }

    private UserView mayChangeAvailability(String email) {
        UserView user = users.get(email);
        if (!viewer.canChangeAvailabilityOf(user.email())) {
            throw new ForbiddenException("Only an ADMIN or " + user.email() + " may change their availability");
        }
        return user;
    }

    /** A day as the date field sends it; a malformed one is refused at its field. */
    private static LocalDate day(String text, String field) {
        String day = Formats.blankToNull(text);
        try {
            return day == null ? null : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "'" + day + "' is not a day: yyyy-MM-dd, e.g. 2026-12-24");
        }
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
