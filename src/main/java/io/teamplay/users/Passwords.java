package io.teamplay.users;

import io.teamplay.common.Emails;
import io.teamplay.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Passwords for the web app's sign-in. An ADMIN creates a one-time link for a user ({@link #createLink}); the user
 * opens it and sets a password ({@link #setPassword}), which then signs them in with their email ({@link #check}).
 * The only writer of {@link PasswordLink} and {@link UserPassword}.
 */
@ApplicationScoped
@Transactional
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    public static final Duration LINK_LIFETIME = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(Passwords.class);
    private static final String NO_PASSWORD = PasswordHash.of(Tokens.generate());

    /** A link just created: its token (shown once, never stored) and when it stops working. */
    public record Link(String token, String email, Instant expiresAt) {
    }

    public Link createLink(String email, String actor) {
        User user = User.<User>findByIdOptional(Emails.normalise(email))
                .orElseThrow(() -> ProblemException.notFound("No user with email " + Emails.normalise(email)));
        if (user.status != UserStatus.ACTIVE) {
            throw ProblemException.conflict(user.email + " is disabled: re-enable them first");
        }
        String token = Tokens.generate();
        PasswordLink link = new PasswordLink();
        link.tokenHash = Tokens.hash(token);
        link.email = user.email;
        link.createdBy = actor;
        link.createdAt = Instant.now();
        link.expiresAt = link.createdAt.plus(LINK_LIFETIME);
        link.persist();
        LOG.infof("Password link created for %s by %s, expires %s", user.email, actor, link.expiresAt);
        return new Link(token, user.email, link.expiresAt);
    }

    /** Whose link this is, while it still works (not used, not expired, its user active). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> linkOwner(String token) {
        return usable(token, false).map(link -> link.email);
    }

    /**
     * Sets the password of the link's user and uses the link up, or refuses: 404 for a link that does not work (any
     * more), 400 naming {@code password} for one too short or too long.
     */
    public String setPassword(String token, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ProblemException.badRequest("password", "a password has at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.badRequest("password", "a password has at most " + MAX_LENGTH + " characters");
        }
        PasswordLink link = usable(token, true)
                .orElseThrow(() -> ProblemException.notFound("This link does not work any more: it was used, or it expired"));
        link.usedAt = Instant.now();
        UserPassword stored = UserPassword.<UserPassword>findByIdOptional(link.email).orElseGet(() -> {
            UserPassword created = new UserPassword();
            created.email = link.email;
            return created;
        });
        stored.hash = PasswordHash.of(password);
        stored.setAt = link.usedAt;
        stored.persist();
        LOG.infof("Password set for %s through a one-time link", link.email);
        return link.email;
    }

    /** The active user with this email, when this is their password. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserView> check(String email, String password) {
        if (email == null || password == null || password.isEmpty() || password.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String normalised = Emails.normalise(email);
        Optional<UserPassword> stored = UserPassword.findByIdOptional(normalised);
        // an email without a password costs the same hashing, so the answer's time does not tell who has one
        boolean matches = PasswordHash.matches(password, stored.map(found -> found.hash).orElse(NO_PASSWORD));
        return stored.filter(found -> matches)
                .flatMap(found -> User.<User>findByIdOptional(normalised)).map(User::view).filter(UserView::isActive);
    }

    private Optional<PasswordLink> usable(String token, boolean lock) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token.trim());
        Optional<PasswordLink> found = lock
                ? PasswordLink.<PasswordLink>findByIdOptional(hash, LockModeType.PESSIMISTIC_WRITE)
                : PasswordLink.findByIdOptional(hash);
        Instant now = Instant.now();
        return found.filter(link -> link.usableAt(now))
                .filter(link -> User.<User>findByIdOptional(link.email).map(u -> u.status == UserStatus.ACTIVE).orElse(false));
    }
}
