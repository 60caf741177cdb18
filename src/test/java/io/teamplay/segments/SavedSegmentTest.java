package io.teamplay.segments;

import static io.teamplay.TestFixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Saved segments over REST: a named filter, the one GET /api/accounts takes. */
@QuarkusTest
class SavedSegmentTest {

    @Test
    void shouldSaveReadChangeAndDeleteASegment() {
        String name = unique("Enterprise");
        String reader = tokenOf(userWith(unique("reader") + "@example.com", "Rea Der", "VIEWER", "READ_ONLY"));
        asAdmin().body(Map.of("name", name, "filter", Map.of("attributes", Map.of("segment", "enterprise"))))
                .post("/api/segments").then().statusCode(201).body("name", equalTo(name))
                .body("filter.attributes.segment", equalTo("enterprise"));
        as(reader).get("/api/segments/{name}", name).then().statusCode(200)
                .body("filter.attributes.segment", equalTo("enterprise"));
        as(reader).get("/api/segments").then().statusCode(200).body("name", hasItem(name));
        asAdmin().body(Map.of("name", name, "filter", Map.of("role", "SUCCESS_MANAGER")))
                .post("/api/segments").then().statusCode(409);
        asAdmin().body(Map.of("filter", Map.of("role", "success_manager"))).put("/api/segments/{name}", name)
                .then().statusCode(200).body("filter.role", equalTo("success_manager"));
        as(reader).body(Map.of("filter", Map.of("role", "success_manager"))).put("/api/segments/{name}", name)
                .then().statusCode(403);
        asAdmin().delete("/api/segments/{name}", name).then().statusCode(204);
        asAdmin().get("/api/segments/{name}", name).then().statusCode(404);
        asAdmin().get("/api/segments").then().statusCode(200).body("name", not(hasItem(name)));
    }

    @Test
    void aBadFilterIsRefusedNamingTheField() {
        asAdmin().body(Map.of("name", unique("s"), "filter", Map.of("role", "chief_wizard")))
                .post("/api/segments").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("filter.role"));
        asAdmin().body(Map.of("name", unique("s"), "filter", Map.of("assignee", "not-an-email")))
                .post("/api/segments").then().statusCode(400).body("errors[0].field", equalTo("filter.assignee"));
        asAdmin().body(Map.of("name", unique("s"), "filter", Map.of("attributes", Map.of("9 bad", "x"))))
                .post("/api/segments").then().statusCode(400).body("errors[0].field", equalTo("filter.attributes.9 bad"));
        asAdmin().body(Map.of("name", unique("s"))).post("/api/segments").then().statusCode(400)
                .body("errors[0].field", equalTo("filter"));
        asAdmin().body(Map.of("filter", Map.of("role", "success_manager"))).post("/api/segments").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aSegmentOfARoleNobodyHoldsIsSavedAndHoldsAnAccountOnlyWhileTheSeatIsEmpty() {
        String name = unique("empty-seat");
        asAdmin().body(Map.of("name", name, "filter", Map.of("noHolder", "success_manager"))).post("/api/segments")
                .then().statusCode(201).body("filter.noHolder", equalTo("success_manager"));
        asAdmin().body(Map.of("name", unique("s"), "filter", Map.of("noHolder", "chief_wizard")))
                .post("/api/segments").then().statusCode(400).body("errors[0].field", equalTo("filter.noHolder"));
        SegmentFilter filter = new SegmentFilter(null, null, Map.of("tier", "gold"), "success_manager");
        org.junit.jupiter.api.Assertions.assertTrue(SegmentMatch.matches(filter, Map.of("tier", "gold"), Map.of()));
        org.junit.jupiter.api.Assertions.assertFalse(SegmentMatch.matches(filter, Map.of("tier", "gold"),
                Map.of("success_manager", "ann@example.com")));
        asAdmin().delete("/api/segments/{name}", name).then().statusCode(204);
    }
}
