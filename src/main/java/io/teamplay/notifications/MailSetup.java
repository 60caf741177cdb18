package io.teamplay.notifications;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Says once, at start, where digest emails go: to the log (no SMTP configured) or to which SMTP server. */
@ApplicationScoped
class MailSetup {

    private static final Logger LOG = Logger.getLogger(MailSetup.class);

    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mock;
    @ConfigProperty(name = "quarkus.mailer.host")
    Optional<String> host;
    @ConfigProperty(name = "quarkus.mailer.port")
    Optional<Integer> port;
    @Inject
    DigestConfig digest;

    void onStart(@Observes StartupEvent start) {
        if (mock) {
            LOG.warnf("Digest emails (every %s) are written to this log, not sent: quarkus.mailer.mock=true. "
                    + "To send them set QUARKUS_MAILER_MOCK=false and QUARKUS_MAILER_HOST (see docs/notifications.md)", digest.every());
        } else {
            LOG.infof("Digest emails (every %s) go to SMTP %s:%s", digest.every(), host.orElse("localhost"),
                    port.map(String::valueOf).orElse("default port"));
        }
    }
}
