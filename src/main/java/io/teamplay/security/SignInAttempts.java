package io.teamplay.security;

import io.teamplay.common.Emails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Limits guessing at the sign-in form: after {@code teamplay.sign-in.max-failures} refusals for one email within
 * {@code teamplay.sign-in.window}, further sign-ins for that email are refused without checking the credentials
 * (a password check costs a PBKDF2 hash, so this also keeps guessing from eating the CPU) until the oldest refusal
 * ages out. A successful sign-in clears the email's refusals.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SignInAttempts {

    private static final int MAX_EMAIL = 320;
    private static final Logger LOG = Logger.getLogger(SignInAttempts.class);

    @Inject
    SignInConfig config;

    /** Throws {@link TooManySignIns} when this email has used up its attempts. */
    public void requireAllowed(String email) {
        int maxFailures = config.maxFailures();
        Duration window = config.window();
        String key = key(email);
        Instant since = Instant.now().minus(window);
        List<SignInFailure> recent = SignInFailure.<SignInFailure>find(
                "email = ?1 and failedAt > ?2 order by failedAt desc", key, since).page(0, maxFailures).list();
        if (recent.size() >= maxFailures) {
            Instant oldest = recent.get(maxFailures - 1).failedAt;
            Duration retryAfter = Duration.between(Instant.now(), oldest.plus(window));
            LOG.infof("Web sign-in for %s refused unchecked: %d or more failures within %s", key, maxFailures, window);
            throw new TooManySignIns(key, retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        }
    }

    public void failed(String email) {
        String key = key(email);
        SignInFailure.delete("email = ?1 and failedAt <= ?2", key, Instant.now().minus(config.window()));
        SignInFailure failure = new SignInFailure();
        failure.email = key;
        failure.failedAt = Instant.now();
        failure.persist();
    }

    public void succeeded(String email) {
        SignInFailure.delete("email", key(email));
    }

    private static String key(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        String normalised = Emails.normalise(email);
        return normalised.length() > MAX_EMAIL ? normalised.substring(0, MAX_EMAIL) : normalised;
    }
}
