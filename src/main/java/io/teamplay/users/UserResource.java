package io.teamplay.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.common.access.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Users are managed by ADMIN users; anyone may read them; a user may issue their own tokens. */
@Path("/api/users")
public class UserResource {

    public record TokenBody(String token) {
    }

    public record PasswordLinkBody(String url, java.time.Instant expiresAt) {
    }

    @Inject
    UserService users;
    @Inject
    TokenService tokens;
    @Inject
    Actor actor;
    @Inject
    Passwords passwords;

    @POST
    @RolesAllowed(Access.ADMIN)
    public Response create(@Valid @NotNull(message = "{body.required}") NewUser request) {
        return Response.status(Response.Status.CREATED).entity(users.create(request)).build();
    }

    @GET
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Page<UserView> list(@QueryParam("team") String team, @BeanParam PageRequest page) {
        return users.list(team, page.validated());
    }

    @GET
    @Path("{email}")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public UserView get(String email) {
        return users.get(email);
    }

    @PATCH
    @Path("{email}")
    @RolesAllowed(Access.ADMIN)
    public UserView update(String email, @Valid @NotNull(message = "{body.required}") UserPatch patch) {
        return users.update(email, patch);
    }

    @POST
    @Path("{email}/tokens")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    public Response issueToken(String email) {
        UserView user = users.get(email);
        if (!actor.isAdmin() && !actor.is(user.email())) {
            throw ProblemException.forbidden("Only an ADMIN or the user themself may issue a token for " + user.email());
        }
        if (!user.isActive()) {
            throw ProblemException.conflict(user.email() + " is disabled");
        }
        return Response.status(Response.Status.CREATED).entity(new TokenBody(tokens.issue(user.email()))).build();
    }

    /** A disabled user made active again; what was handed over when they were disabled stays where it went. */
    @POST
    @Path("{email}/enable")
    @RolesAllowed(Access.ADMIN)
    public UserView enable(String email) {
        return users.markActive(email);
    }

    /** A one-time link for the user to set their web sign-in password: 201 {url, expiresAt}, shown once. */
    @POST
    @Path("{email}/password-link")
    @RolesAllowed(Access.ADMIN)
    public Response passwordLink(String email, @Context UriInfo uri) {
        Passwords.Link link = passwords.createLink(email, actor.id());
        String url = uri.getBaseUriBuilder().path("password").path(link.token()).build().toString();
        return Response.status(Response.Status.CREATED).entity(new PasswordLinkBody(url, link.expiresAt())).build();
    }
}
