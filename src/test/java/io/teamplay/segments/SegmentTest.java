package io.teamplay.segments;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.assigneeOfTask;
import static io.teamplay.TestFixtures.policy;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.user;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SegmentTest {

    private static final String SM = "success_manager";
    private static final String SALES = "sales_manager";

    @Test
    void shouldFilterByRoleAssigneeBothAndAttributes() {
        String cohort = unique("cohort");
        String ann = user("Ann", "PRACTITIONER");
        String bob = user("Bob", "PRACTITIONER");
        String annSm = account(Map.of("cohort", cohort, "segment", "enterprise", "arr", 100));
        String annSales = account(Map.of("cohort", cohort, "segment", "smb", "arr", 100));
        String bobSm = account(Map.of("cohort", cohort, "segment", "enterprise", "arr", 200));
        String nobody = account(Map.of("cohort", cohort, "segment", "enterprise"));
        assign(annSm, SM, ann);
        assign(annSales, SALES, ann);
        assign(bobSm, SM, bob);

        asAdmin().queryParam("attr.cohort", cohort).get("/api/accounts").then()
                .body("total", equalTo(4)).body("items.id", containsInAnyOrder(annSm, annSales, bobSm, nobody));
        asAdmin().queryParam("attr.cohort", cohort).queryParam("role", SM).get("/api/accounts").then()
                .body("items.id", containsInAnyOrder(annSm, bobSm));
        asAdmin().queryParam("assignee", ann).get("/api/accounts").then()
                .body("items.id", containsInAnyOrder(annSm, annSales));
        asAdmin().queryParam("assignee", ann).queryParam("role", SM).get("/api/accounts").then()
                .body("items.id", containsInAnyOrder(annSm));
        asAdmin().queryParam("attr.cohort", cohort).queryParam("attr.segment", "enterprise").queryParam("attr.arr", "100")
                .get("/api/accounts").then().body("items.id", containsInAnyOrder(annSm));
        asAdmin().queryParam("assignee", ann).get("/api/accounts").then()
                .body("items.find { it.id == '" + annSm + "' }.team[0].name", equalTo("Ann"));
    }

    @Test
    void shouldShowEachAccountOfAPageWithItsNameAttributesAndTeamInRoleOrder() {
        String cohort = unique("cohort");
        String ann = user("Ann", "PRACTITIONER");
        String bob = user("Bob", "PRACTITIONER");
        String staffed = account(Map.of("cohort", cohort, "segment", "enterprise", "arr", 120000, "active", true));
        String empty = account(Map.of("cohort", cohort));
        assign(staffed, SM, bob);
        assign(staffed, SALES, ann);

        asAdmin().queryParam("attr.cohort", cohort).get("/api/accounts").then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(empty, staffed))
                .body("items.find { it.id == '" + staffed + "' }.name", equalTo("Account " + staffed))
                .body("items.find { it.id == '" + staffed + "' }.attributes.segment", equalTo("enterprise"))
                .body("items.find { it.id == '" + staffed + "' }.attributes.arr", equalTo(120000))
                .body("items.find { it.id == '" + staffed + "' }.attributes.active", equalTo(true))
                .body("items.find { it.id == '" + staffed + "' }.team.role", contains(SALES, SM))
                .body("items.find { it.id == '" + staffed + "' }.team.roleName", contains("Sales Manager", "Success Manager"))
                .body("items.find { it.id == '" + staffed + "' }.team.email", contains(ann, bob))
                .body("items.find { it.id == '" + staffed + "' }.team.name", contains("Ann", "Bob"))
                .body("items.find { it.id == '" + empty + "' }.attributes.keySet()", contains("cohort"))
                .body("items.find { it.id == '" + empty + "' }.team", hasSize(0));
    }

    @Test
    void shouldPage() {
        String cohort = unique("cohort");
        for (int i = 0; i < 5; i++) {
            account(Map.of("cohort", cohort));
        }
        asAdmin().queryParam("attr.cohort", cohort).queryParam("page", 1).queryParam("size", 2).get("/api/accounts").then()
                .body("total", equalTo(5)).body("items", hasSize(2));
        asAdmin().queryParam("attr.cohort", cohort).queryParam("page", 2).queryParam("size", 2).get("/api/accounts").then()
                .body("items", hasSize(1));
        asAdmin().queryParam("size", 5000).get("/api/accounts").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void shouldBulkAssignOverAFilterThroughTheWritePath() {
        policy("ALL_OPEN_TASKS");
        try {
            String cohort = unique("cohort");
            String ann = user("Ann", "PRACTITIONER");
            String bob = user("Bob", "CONTRIBUTOR");
            String first = account(Map.of("cohort", cohort));
            String second = account(Map.of("cohort", cohort));
            String alreadyBobs = account(Map.of("cohort", cohort));
            String elsewhere = account(Map.of("cohort", unique("other")));
            assign(first, SM, ann);
            assign(alreadyBobs, SM, bob);
            long annsTask = task(first, "QBR", null, SM, "MANUAL");

            asAdmin().body(Map.of("filter", Map.of("attributes", Map.of("cohort", cohort)), "role", SM, "email", bob))
                    .post("/api/accounts/bulk-assign").then().statusCode(200)
                    .body("matched", equalTo(3))
                    .body("changed", equalTo(2))
                    .body("tasksMoved", equalTo(1));

            asAdmin().queryParam("attr.cohort", cohort).queryParam("assignee", bob).queryParam("role", SM)
                    .get("/api/accounts").then().body("total", equalTo(3));
            asAdmin().get("/api/accounts/{id}", elsewhere).then().body("team", hasSize(0));
            asAdmin().get("/api/accounts/{id}/history", first).then().body("[0].source", equalTo("BULK_EDIT"));
            assertEquals(bob, assigneeOfTask(annsTask));
        } finally {
            policy("ACCOUNT_ONLY");
        }
    }
}
