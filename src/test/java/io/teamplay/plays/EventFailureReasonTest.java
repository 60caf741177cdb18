package io.teamplay.plays;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.teamplay.SeatWriteFault;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** An event that fails is recorded with a reason its reader can use, never with the database's own message. */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class EventFailureReasonTest {

    @Inject
    DataSource database;

    @Test
    void anEventTheDatabaseFailsTellsWhyWithoutItsInsides() {
        String team = unique("Team");
        String member = user("Mia Member", "PRACTITIONER", team);
        String accountId = account();
        String attribute = "fault_" + unique("a").replace('-', '_');
        String play = "fault-" + attribute.replace('_', '-');
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain")
                .body("// team: " + team + "\n// description: test play\nexpander plays.dsl\n\nrule \"test rule\"\nwhen\n"
                        + "    the " + attribute + " changes\nthen\n    assign \"" + member + "\" as \"Success Manager\"\nend\n")
                .put("/api/plays/{name}", play + ".dslr").then().statusCode(201);
        String eventId = "ext-" + attribute;
        try (SeatWriteFault fault = new SeatWriteFault(database, accountId)) {
            asAdmin().post("/api/plays/{name}/activate", play).then().statusCode(200);
            asAdmin().body(Map.of("id", eventId, "type", "ATTRIBUTE_CHANGED", "accountId", accountId,
                    "attribute", attribute, "oldValue", 1, "newValue", 2)).post("/api/events").then().statusCode(202);
            String status = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> asAdmin().get("/api/events/{id}", eventId).then().statusCode(200)
                            .extract().<String>path("event.status"), s -> !"PENDING".equals(s));
            assertEquals("FAILED", status);
        } finally {
            asAdmin().post("/api/plays/{name}/deactivate", play).then().statusCode(200);
        }
        asAdmin().get("/api/events/{id}", eventId).then().statusCode(200)
                .body("event.reason", allOf(containsString("unexpected error"), not(containsString(SeatWriteFault.SECRET)),
                        not(containsString("Exception")), not(containsString("ERROR"))));
        asAdmin().get("/api/accounts/{id}", accountId).then().body("team", empty());
    }
}
