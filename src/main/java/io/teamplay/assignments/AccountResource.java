package io.teamplay.assignments;

import io.teamplay.accounts.AccountRequest;
import io.teamplay.accounts.AccountService;
import io.teamplay.accounts.AccountView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * An account as the account page shows it: with its team. It lives with the seats because the answer carries them;
 * the team's seats and history are {@link TeamResource}, the search over accounts is {@code segments.SegmentResource}.
 */
@Path("/api/accounts")
public class AccountResource {

    public record AccountWithTeam(String id, String name, Map<String, Object> attributes, List<TeamMember> team) {
    }

    @Inject
    AccountService accounts;
    @Inject
    AssignmentService assignments;
    @Inject
    Actor actor;

    @POST
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD})
    public Response create(@Valid @NotNull(message = "{body.required}") AccountRequest request) {
        AccountView account = accounts.create(request, actor.id());
        return Response.status(Response.Status.CREATED).entity(withTeam(account)).build();
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

    private AccountWithTeam withTeam(AccountView account) {
        return new AccountWithTeam(account.id(), account.name(), account.attributes(), assignments.teamOf(account.id()));
    }
}
