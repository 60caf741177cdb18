package io.teamplay.assignments;

import io.teamplay.accounts.AccountService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** An account's team (the account page's team widget) and the history of its seats. */
@Path("/api/accounts/{id}")
public class TeamResource {

    public record SeatBody(String email, String name) {
    }

    public record SeatAnswer(Seat assignment, int tasksMoved) {
    }

    public record Seat(String role, String email, String name) {
    }

    @Inject
    AccountService accounts;
    @Inject
    AssignmentService assignments;
    @Inject
    Actor actor;

    @PUT
    @Path("team/{role}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public SeatAnswer assign(String id, String role, @Valid @NotNull(message = "{body.required}") SeatBody body) {
        SeatBody seat = body;
        AssignmentResult.Applied outcome = assignments.change(AssignmentChange.assign(id, role,
                new Assignee(seat.email(), seat.name()), AssignmentPath.ACCOUNT_PAGE, actor.id())).requireApplied();
        return new SeatAnswer(new Seat(outcome.role(), outcome.email(), outcome.name()), outcome.tasksMoved());
    }

    @DELETE
    @Path("team/{role}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response clear(String id, String role) {
        assignments.change(AssignmentChange.clear(id, role, AssignmentPath.ACCOUNT_PAGE, actor.id())).requireApplied();
        return Response.noContent().build();
    }

    @GET
    @Path("history")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public List<HistoryView> history(String id) {
        accounts.get(id);
        List<HistoryView> history = new java.util.ArrayList<>(assignments.historyOf(id));
        accounts.attributeHistoryOf(id).stream().map(HistoryView::of).forEach(history::add);
        history.sort(java.util.Comparator.comparing(HistoryView::at).reversed()); // stable: each list is newest first
        return history;
    }
}
