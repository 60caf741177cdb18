package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountView;
import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentResult;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.TeamCandidates;
import io.teamplay.assignments.TeamMember;
import io.teamplay.common.PageRequest;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.plays.PlayRuns;
import io.teamplay.roles.RoleService;
import io.teamplay.roles.RoleView;
import io.teamplay.tasks.TaskService;
import io.teamplay.tasks.TaskStatus;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The account page (the digest's links land here): the team widget, open tasks, history and the plays' runs. Team
 * changes go through the write path as the API's account page does (path ACCOUNT_PAGE, the caller as actor), so the
 * same eligibility, task-ownership policy, history and notices apply.
 */
@Path("/accounts/{id}")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    static final int PICKER_SIZE = 50;
    static final int LISTED = 100;
    private static final Logger LOG = Logger.getLogger(AccountPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(AccountPage page);

        static native TemplateInstance candidates(List<UserView> candidates);
    }

    @Inject
    AccountService accounts;
    @Inject
    AssignmentService assignments;
    @Inject
    TeamCandidates candidates;
    @Inject
    RoleService roles;
    @Inject
    TaskService tasks;
    @Inject
    PlayRuns runs;
    @Inject
    Viewer viewer;
    @Inject
    WebErrors errors;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public TemplateInstance show(String id) {
        return Templates.account(page(id, null));
    }

    @POST
    @Path("team/{role}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public TemplateInstance assign(String id, String role, @FormParam("email") String email, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        if (email == null || email.isBlank()) {
            return Templates.account(page(id, new AccountPage.Outcome(role, "Pick a user first.", true)));
        }
        AssignmentResult result = assignments.change(AssignmentChange.assign(id, role, new Assignee(email, null),
                AssignmentPath.ACCOUNT_PAGE, viewer.id()));
        return Templates.account(page(id, outcome(role, result)));
    }

    @POST
    @Path("team/{role}/clear")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public TemplateInstance clear(String id, String role, @FormParam("csrf") String csrf) {
        viewer.requireCsrf(csrf);
        AssignmentResult result = assignments.change(AssignmentChange.clear(id, role, AssignmentPath.ACCOUNT_PAGE, viewer.id()));
        return Templates.account(page(id, outcome(role, result)));
    }

    /** The picker's options for a name typed so far: only users this path may assign. */
    @GET
    @Path("team/{role}/candidates")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public TemplateInstance candidates(String id, String role, @QueryParam("q") String search) {
        return Templates.candidates(candidates.eligible(role, AssignmentPath.ACCOUNT_PAGE, search, PICKER_SIZE));
    }

    private AccountPage page(String id, AccountPage.Outcome outcome) {
        AccountView account = accounts.get(id);
        Map<String, TeamMember> holders = assignments.teamOf(account.id()).stream()
                .collect(Collectors.toMap(TeamMember::role, Function.identity()));
        List<RoleView> all = roles.all();
        List<AccountPage.SeatRow> seats = all.stream()
                .map(role -> new AccountPage.SeatRow(role, holders.get(role.key()), viewer.canEdit()
                        ? candidates.eligible(role.key(), AssignmentPath.ACCOUNT_PAGE, "", PICKER_SIZE) : List.of()))
                .toList();
        return new AccountPage(account, seats,
                tasks.list(account.id(), null, TaskStatus.OPEN, PageRequest.of(0, LISTED)).items(),
                assignments.historyOf(account.id()), runs.onAccount(account.id(), LISTED),
                all.stream().collect(Collectors.toMap(RoleView::key, RoleView::displayName)), outcome);
    }

    private AccountPage.Outcome outcome(String role, AssignmentResult result) {
        if (result instanceof AssignmentResult.Refused refused) {
            LOG.infof("Account page change of %s refused for %s: %s", role, viewer.id(), refused.reason());
            return new AccountPage.Outcome(role, "Not changed: " + refused.reason(), true);
        }
        AssignmentResult.Applied applied = (AssignmentResult.Applied) result;
        String roleName = roles.find(applied.role()).map(RoleView::displayName).orElse(applied.role());
        if (!applied.changed()) {
            return new AccountPage.Outcome(role, roleName + " was already so: nothing changed.", false);
        }
        String holder = applied.email() == null ? "nobody" : applied.name() + " (" + applied.email() + ")";
        int moved = applied.tasksMoved();
        return new AccountPage.Outcome(role, "%s is now %s. %d open task%s moved.".formatted(roleName, holder, moved,
                moved == 1 ? "" : "s"), false);
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
