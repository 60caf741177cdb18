package io.teamplay.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * The bootstrap admin token: TEAMPLAY_ADMIN_TOKEN when configured; otherwise one generated on the first start,
 * printed once, and kept only as its hash.
 */
@ApplicationScoped
public class AdminTokenBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminTokenBootstrap.class);

    @ConfigProperty(name = "teamplay.admin-token")
    Optional<String> configuredToken;

    private volatile String adminHash;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (configuredToken.filter(t -> !t.isBlank()).isPresent()) {
            adminHash = Tokens.hash(configuredToken.get().trim());
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

    boolean isAdminToken(String tokenHash) {
        return tokenHash.equals(adminHash);
    }
}
