package io.teamplay.plays;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The service answers while its plays load at start; events queued meanwhile wait and are handled with the plays. */
@QuarkusTest
@TestProfile(PlaysLoadingTest.PlaysStillLoading.class)
class PlaysLoadingTest {

    public static class PlaysStillLoading implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(PlaysLoadingHold.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("teamplay.plays.poll-millis", "100");
        }
    }

    @Inject
    PlayLibrary library;
    @Inject
    PlayWorker worker;

    @Test
    void anEventQueuedWhileThePlaysLoadWaitsAndIsHandledWithThemAfterwards() {
        try {
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'plays' }.data.loaded", is(false));
            String accountId = account();
            String eventId = unique("loading");
            asAdmin().body(Map.of("id", eventId, "type", "ATTRIBUTE_CHANGED", "accountId", accountId,
                    "attribute", PlaysLoadingHold.ATTRIBUTE, "newValue", "yes")).post("/api/events").then()
                    .statusCode(202);

            assertFalse(worker.handleNext(), "no event is handled while the plays load");
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> asAdmin()
                    .get("/api/events/{id}", eventId).then().extract().<String>path("event.status"), is("PENDING"));
            assertFalse(library.ready());

            PlaysLoadingHold.RELEASE.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> asAdmin().get("/api/events/{id}", eventId).then()
                    .extract().<String>path("event.status"), is("DONE"));
            List<Map<String, Object>> runs = asAdmin().get("/api/plays/{name}/runs", PlaysLoadingHold.PLAY).then()
                    .statusCode(200).extract().path("$");
            assertEquals(List.of(accountId), runs.stream().map(r -> r.get("accountId")).toList(),
                    "the event was fired with the play loaded after it was queued");
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'plays' }.data.loaded", is(true));
        } finally {
            PlaysLoadingHold.RELEASE.countDown();
        }
    }
}
