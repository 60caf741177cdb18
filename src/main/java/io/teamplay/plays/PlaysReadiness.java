package io.teamplay.plays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the plays are compiled; reports how many compiled and how many are refused. */
@Readiness
@ApplicationScoped
public class PlaysReadiness implements HealthCheck {

    @Inject
    PlayLibrary library;

    @Override
    public HealthCheckResponse call() {
        long refused = library.plays().stream().filter(p -> !p.ok()).count();
        return HealthCheckResponse.named("plays").status(library.ready())
                .withData("plays", library.plays().size()).withData("refused", refused).build();
    }
}
