package io.teamplay.security;

import io.teamplay.common.ProblemException;
import io.teamplay.users.Permission;
import io.teamplay.users.TokenService;
import io.teamplay.users.UserView;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/** Every /api call needs a valid bearer token: the bootstrap admin token or a user's own. */
public class BearerTokenFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Actor actor;
    @Inject
    AdminTokenBootstrap adminToken;
    @Inject
    TokenService tokens;

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized("An Authorization: Bearer <token> header is required");
        }
        String hash = Tokens.hash(header.substring(BEARER.length()).trim());
        if (adminToken.isAdminToken(hash)) {
            actor.authenticate(Actor.ADMIN_TOKEN_ACTOR, Permission.ADMIN);
            return;
        }
        Optional<UserView> user = tokens.userOfTokenHash(hash);
        if (user.isEmpty() || !user.get().isActive()) {
            throw ProblemException.unauthorized("The bearer token is unknown, revoked, or belongs to a disabled user");
        }
        actor.authenticate(user.get().email(), user.get().permission());
    }
}
