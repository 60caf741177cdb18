package io.teamplay.security;

import io.teamplay.common.Emails;
import io.teamplay.common.access.Actor;
import io.teamplay.users.Passwords;
import io.teamplay.users.TokenService;
import io.teamplay.users.Tokens;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The web app's sessions: signing in with an email and that user's API token (or the bootstrap admin token) opens
 * one; the browser keeps its id in a cookie ({@link #COOKIE}), the database only the id's hash. The only writer of
 * {@link WebSession}. Both ways of signing in count refusals per email ({@link SignInAttempts}).
 */
@ApplicationScoped
@Transactional
public class WebSessions {

    public static final String COOKIE = "tp_session";
    /** The identity attribute holding the session's CSRF token, which every form posts back. */
    public static final String CSRF = "csrf";
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final Logger LOG = Logger.getLogger(WebSessions.class);

    /** A session just opened: the cookie value, shown to the browser once. */
    public record Opened(String cookie, String principal) {
    }

    /** A live session: who, and the token its forms carry. */
    record Live(String principal, String csrfToken) {
    }

    @Inject
    AdminTokenBootstrap adminToken;
    @Inject
    TokenService tokens;
    @Inject
    Passwords passwords;
    @Inject
    SignInAttempts attempts;

    /**
     * Opens a session when {@code token} is the admin token, or an active user's token and {@code email} is that
     * user's; otherwise empty (the caller says only that the pair was not accepted).
     */
    public Optional<Opened> signIn(String email, String token) {
        attempts.requireAllowed(email);
        if (token == null || token.isBlank()) {
            attempts.failed(email);
            return Optional.empty();
        }
        String hash = Tokens.hash(token.trim());
        Optional<String> principal = adminToken.isAdminToken(hash) ? Optional.of(Actor.ADMIN_TOKEN_ACTOR)
                : tokens.userOfTokenHash(hash).filter(UserView::isActive)
                        .map(UserView::email).filter(owner -> email != null && owner.equals(Emails.normalise(email)));
        if (principal.isEmpty()) {
            LOG.infof("Web sign-in refused for %s", email);
            attempts.failed(email);
            return Optional.empty();
        }
        attempts.succeeded(email);
        return Optional.of(open(principal.get()));
    }

    /** Opens a session when {@code password} is the password the active user {@code email} set; otherwise empty. */
    public Optional<Opened> signInWithPassword(String email, String password) {
        attempts.requireAllowed(email);
        Optional<UserView> user = passwords.check(email, password);
        if (user.isEmpty()) {
            LOG.infof("Web password sign-in refused for %s", email);
            attempts.failed(email);
            return Optional.empty();
        }
        attempts.succeeded(email);
        return Optional.of(open(user.get().email()));
    }

    private Opened open(String principal) {
        String id = Tokens.generate();
        WebSession session = new WebSession();
        session.idHash = Tokens.hash(id);
        session.principal = principal;
        session.csrfToken = Tokens.generate();
        session.createdAt = Instant.now();
        session.expiresAt = session.createdAt.plus(LIFETIME);
        session.persist();
        LOG.infof("Web session opened for %s", session.principal);
        return new Opened(id, session.principal);
    }

    public void signOut(String cookie) {
        if (cookie != null && WebSession.deleteById(Tokens.hash(cookie))) {
            LOG.info("Web session closed");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Live> live(String cookie) {
        return WebSession.<WebSession>findByIdOptional(Tokens.hash(cookie))
                .filter(session -> session.expiresAt.isAfter(Instant.now()))
                .map(session -> new Live(session.principal, session.csrfToken));
    }
}
