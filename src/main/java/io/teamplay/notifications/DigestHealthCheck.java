package io.teamplay.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;

/**
 * {@code /q/health/well}: the digest outbox. DOWN while an item waits after a failed send (SMTP unreachable or
 * refusing), with the counts; not part of readiness, so a mail outage never takes the service out of rotation.
 */
@Wellness
@ApplicationScoped
public class DigestHealthCheck implements HealthCheck {

    @Inject
    DigestItems items;

    @Override
    public HealthCheckResponse call() {
        DigestItems.Backlog backlog = items.backlog();
        return HealthCheckResponse.named("digest-emails")
                .status(backlog.failing() == 0)
                .withData("waiting", backlog.waiting())
                .withData("failing", backlog.failing())
                .withData("dropped", backlog.dropped())
                .withData("oldestWaiting", backlog.oldestWaiting() == null ? "-" : backlog.oldestWaiting().toString())
                .build();
    }
}
