package io.teamplay.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentResult;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.HistoryView;
import io.teamplay.assignments.TeamMember;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.security.Access;
import io.teamplay.security.Actor;
import io.teamplay.segments.AccountSummary;
import io.teamplay.segments.BulkAssignResult;
import io.teamplay.segments.BulkAssignment;
import io.teamplay.segments.SegmentFilter;
import io.teamplay.segments.SegmentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Accounts, their team (the account page's team widget), history, and segments over them. */
@Path("/api/accounts")
public class AccountResource {

    public record AccountWithTeam(String id, String name, Map<String, Object> attributes, List<TeamMember> team) {
    }

    public record SeatBody(String email, String name) {
    }

    public record SeatAnswer(Seat assignment, int tasksMoved) {
    }

    public record Seat(String role, String email, String name) {
    }

    private static final String ATTRIBUTE_FILTER_PREFIX = "attr.";

    @Inject
    AccountService accounts;
    @Inject
    AssignmentService assignments;
    @Inject
    SegmentService segments;
    @Inject
    Actor actor;

    @POST
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response create(@Valid @NotNull(message = "{body.required}") AccountRequest request) {
        AccountView account = accounts.create(request, actor.id());
        return Response.status(Response.Status.CREATED).entity(withTeam(account)).build();
    }

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Page<AccountSummary> search(@QueryParam("role") String role, @QueryParam("assignee") String assignee,
                                       @BeanParam PageRequest page, @Context UriInfo uri) {
        Map<String, String> attributes = new HashMap<>();
        uri.getQueryParameters().forEach((key, values) -> {
            if (key.startsWith(ATTRIBUTE_FILTER_PREFIX) && !values.isEmpty()) {
                attributes.put(key.substring(ATTRIBUTE_FILTER_PREFIX.length()), values.get(0));
            }
        });
        return segments.search(new SegmentFilter(role, assignee, attributes), page.validated());
    }

    @POST
    @Path("bulk-assign")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public BulkAssignResult bulkAssign(@Valid @NotNull(message = "{body.required}") BulkAssignment request) {
        return segments.bulkAssign(request, actor.id());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public AccountWithTeam get(String id) {
        return withTeam(accounts.get(id));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public AccountWithTeam update(String id, @Valid @NotNull(message = "{body.required}") AccountRequest request) {
        return withTeam(accounts.update(id, request, actor.id()));
    }

    @PUT
    @Path("{id}/team/{role}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public SeatAnswer assign(String id, String role, @Valid @NotNull(message = "{body.required}") SeatBody body) {
        SeatBody seat = body;
        AssignmentResult.Applied outcome = assignments.change(AssignmentChange.assign(id, role,
                new Assignee(seat.email(), seat.name()), AssignmentPath.ACCOUNT_PAGE, actor.id())).requireApplied();
        return new SeatAnswer(new Seat(outcome.role(), outcome.email(), outcome.name()), outcome.tasksMoved());
    }

    @DELETE
    @Path("{id}/team/{role}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response clear(String id, String role) {
        assignments.change(AssignmentChange.clear(id, role, AssignmentPath.ACCOUNT_PAGE, actor.id())).requireApplied();
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public List<HistoryView> history(String id) {
        accounts.get(id);
        return assignments.historyOf(id);
    }

    private AccountWithTeam withTeam(AccountView account) {
        return new AccountWithTeam(account.id(), account.name(), account.attributes(), assignments.teamOf(account.id()));
    }
}
