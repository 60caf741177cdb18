package io.teamplay.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.teamplay.common.access.Actor;
import io.teamplay.users.Permission;
import io.teamplay.users.TokenService;
import io.teamplay.users.Tokens;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * A bearer token to an identity: the bootstrap admin token is {@value Actor#ADMIN_TOKEN_ACTOR} with ADMIN; a user's
 * token is that user (principal: their email), with their permission as the one role (see {@link Access}) and their
 * teams as the {@value Actor#TEAMS} attribute. Unknown tokens and tokens of disabled users are refused.
 */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    AdminTokenBootstrap adminToken;
    @Inject
    TokenService tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String hash = Tokens.hash(request.getToken().getToken());
        if (adminToken.isAdminToken(hash)) {
            return Uni.createFrom().item(identity(Actor.ADMIN_TOKEN_ACTOR, Permission.ADMIN, List.of()));
        }
        // a database lookup: off the IO thread
        return context.runBlocking(() -> {
            UserView user = tokens.userOfTokenHash(hash).filter(UserView::isActive).orElseThrow(() ->
                    new AuthenticationFailedException("The bearer token is unknown, revoked, or belongs to a disabled user"));
            return identity(user.email(), user.permission(), user.teams());
        });
    }

    static SecurityIdentity identity(String id, Permission permission, List<String> teams) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(id))
                .addRole(permission.name())
                .addAttribute(Actor.TEAMS, List.copyOf(teams))
                .build();
    }
}
