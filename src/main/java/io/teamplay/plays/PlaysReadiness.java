package io.teamplay.plays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The plays' part of readiness. The service is ready to serve HTTP while its plays still compile in the background
 * (events wait for them, nothing is lost), so this check is UP from the start and tells how the plays stand:
 * {@code loaded} false while they load, then how many there are and how many are refused.
 */
@Readiness
@ApplicationScoped
public class PlaysReadiness implements HealthCheck {

    @Inject
    PlayLibrary library;

    @Override
    public HealthCheckResponse call() {
        if (!library.ready()) {
            return HealthCheckResponse.named("plays").up().withData("loaded", false).build();
        }
        long refused = library.plays().stream().filter(p -> !p.ok()).count();
        return HealthCheckResponse.named("plays").up().withData("loaded", true)
                .withData("plays", library.plays().size()).withData("refused", refused).build();
    }
}
