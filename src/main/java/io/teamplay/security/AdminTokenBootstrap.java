package io.teamplay.security;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.teamplay.users.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * The bootstrap admin token: TEAMPLAY_ADMIN_TOKEN when configured (at least {@value #MIN_LENGTH} characters, or the
 * service refuses to start); otherwise one generated on the first start, printed once, and kept only as its hash.
 */
@ApplicationScoped
public class AdminTokenBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminTokenBootstrap.class);
    static final int MIN_LENGTH = 32;

    @Inject
    AdminTokenConfig config;

    private volatile String adminHash;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        Optional<String> configuredToken = config.adminToken().filter(t -> !t.isBlank());
        if (configuredToken.isPresent()) {
            String token = configuredToken.get().trim();
            if (token.length() < MIN_LENGTH) {
                LOG.errorf("Refusing to start: TEAMPLAY_ADMIN_TOKEN (teamplay.admin-token) has %d characters; it must "
                        + "have at least %d (e.g. the output of: openssl rand -base64 32)", token.length(), MIN_LENGTH);
                Quarkus.asyncExit(1);
                return;
            }
            adminHash = Tokens.hash(token);
            LOG.info("Admin token taken from configuration (TEAMPLAY_ADMIN_TOKEN)");
            return;
        }
        AdminToken row = AdminToken.findById(AdminToken.ONLY_ROW);
        if (row == null) {
            String token = Tokens.generate();
            row = new AdminToken();
            row.tokenHash = Tokens.hash(token);
            row.createdAt = Instant.now();
            row.persist();
            LOG.warnf("Generated the admin token, shown this once (only its hash is kept): %s", token);
        }
        adminHash = row.tokenHash;
    }

    /** False for every token until the admin token is known (and always, when a too-short one stops the start). */
    boolean isAdminToken(String tokenHash) {
        return tokenHash.equals(adminHash);
    }
}
