package io.teamplay.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.teamplay.common.access.Actor;
import io.teamplay.users.Permission;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * A session cookie to the same identity a bearer token gives (principal, permission as the one role, teams), plus the
 * session's CSRF token ({@value WebSessions#CSRF}). An unknown or expired session, or a user disabled since sign-in,
 * is refused; the mechanism then treats the browser as signed out.
 */
@ApplicationScoped
public class WebSessionIdentityProvider implements IdentityProvider<WebSessionRequest> {

    @Inject
    WebSessions sessions;
    @Inject
    UserService users;

    @Override
    public Class<WebSessionRequest> getRequestType() {
        return WebSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(WebSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            WebSessions.Live session = sessions.live(request.cookie)
                    .orElseThrow(() -> new AuthenticationFailedException("The web session is unknown or expired"));
            SecurityIdentity identity = session.principal().equals(Actor.ADMIN_TOKEN_ACTOR)
                    ? BearerTokenIdentityProvider.identity(Actor.ADMIN_TOKEN_ACTOR, Permission.ADMIN, List.of())
                    : users.find(session.principal()).filter(UserView::isActive)
                            .map(user -> BearerTokenIdentityProvider.identity(user.email(), user.permission(), user.teams()))
                            .orElseThrow(() -> new AuthenticationFailedException("The session's user is disabled"));
            return QuarkusSecurityIdentity.builder(identity).addAttribute(WebSessions.CSRF, session.csrfToken()).build();
        });
    }
}
