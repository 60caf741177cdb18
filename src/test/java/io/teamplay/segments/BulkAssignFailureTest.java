package io.teamplay.segments;

import static io.teamplay.TestFixtures.*;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.teamplay.SeatWriteFault;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkAssignFailureTest {

    private static final String SM = "success_manager";

    @Inject
    DataSource database;

    @Test
    void anAccountThatFailsIsReportedAndTheOthersAreStillWritten() {
        String cohort = unique("cohort");
        String ann = user("Ann", "PRACTITIONER");
        String prefix = unique("bulk");
        List<String> ids = List.of(prefix + "-1", prefix + "-2", prefix + "-3");
        ids.forEach(id -> asAdmin().body(Map.of("id", id, "name", id, "attributes", Map.of("cohort", cohort)))
                .post("/api/accounts").then().statusCode(201));

        try (SeatWriteFault fault = new SeatWriteFault(database, ids.get(1))) {
            asAdmin().body(Map.of("filter", Map.of("attributes", Map.of("cohort", cohort)), "role", SM, "email", ann))
                    .post("/api/accounts/bulk-assign").then().statusCode(200)
                    .body("matched", is(3))
                    .body("changed", is(2))
                    .body("errors.field", contains("account " + ids.get(1)))
                    .body("errors[0].message", allOf(not(containsString(SeatWriteFault.SECRET)), not(containsString("ERROR")),
                            containsString("unexpected error")));
        }
        asAdmin().get("/api/accounts/{id}", ids.get(0)).then().body("team.email", contains(ann));
        asAdmin().get("/api/accounts/{id}", ids.get(1)).then().body("team", empty());
        asAdmin().get("/api/accounts/{id}", ids.get(2)).then().body("team.email", contains(ann));
    }
}
