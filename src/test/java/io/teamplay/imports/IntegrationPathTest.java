package io.teamplay.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.ADMIN_TOKEN;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.assigneeOfTask;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.policy;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.user;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The integration path: the JSON twin of the CSV upload, fields that cannot be resolved left alone while the rest of
 * their row applies, disabled users refused, and the effects of every change (history, events, digest, tasks moved).
 */
@QuarkusTest
class IntegrationPathTest {

    @Inject
    DataSource database;

    private static ValidatableResponse importJson(Object rows) {
        return given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body(rows)
                .post("/api/imports/accounts").then();
    }

    @Test
    void theJsonTwinTakesTheSameRowsAndAnswersTheSameReport() {
        String cs = user("Jo Json", "VIEWER");
        String sales = unique("Sal Json");
        String salesEmail = asAdmin().body(Map.of("email", unique("sal") + "@example.com", "name", sales,
                "license", "CONTRIBUTOR")).post("/api/users").then().statusCode(201).extract().path("email");
        String first = unique("acct");
        String second = unique("acct");

        importJson(List.of(
                Map.of("account_id", first, "name", "First, Inc.", "success_manager___tid", cs.toUpperCase(),
                        "Sales Manager", sales, "arr", 120000, "strategic", true, "stage", "onboarding"),
                Map.of("account_id", second, "success_manager___tid", "not-an-email"),
                Map.of("account_id", second, "zip", "007")))
                .statusCode(200).body("rows", equalTo(3)).body("created", equalTo(2))
                .body("errors.line", contains(2)).body("errors.column", contains("success_manager___tid"))
                .body("id", org.hamcrest.Matchers.startsWith("imp-"));

        asAdmin().get("/api/accounts/{id}", first).then().statusCode(200)
                .body("name", equalTo("First, Inc."))
                .body("attributes.arr", equalTo(120000)).body("attributes.strategic", equalTo(true))
                .body("team.find { it.role == 'success_manager' }.email", equalTo(cs))
                .body("team.find { it.role == 'sales_manager' }.email", equalTo(salesEmail));
        asAdmin().get("/api/accounts/{id}", second).then().statusCode(200).body("attributes.zip", equalTo("007"));
    }

    @Test
    void aJsonBodyNamingAnUnknownRoleOrNotAnArrayIsRefusedBeforeAnythingIsWritten() {
        String id = unique("acct");
        importJson(List.of(Map.of("account_id", id), Map.of("account_id", unique("acct"), "chief_wizard___tid", "a@example.com")))
                .statusCode(400).body("errors[0].field", equalTo("chief_wizard___tid"));
        importJson(Map.of("account_id", id)).statusCode(400).body("errors[0].field", equalTo("body"));
        importJson(List.of(Map.of("account_id", id, "stage", Map.of("nested", 1)))).statusCode(200)
                .body("errors[0].column", equalTo("stage")).body("errors[0].message", containsString("string, a number or a boolean"));
        asAdmin().get("/api/accounts/{id}", id).then().statusCode(404);
    }

    @Test
    void aDisabledUserIsRefusedForThatFieldOnlyAndTheHandOverStands() {
        String leaver = user("Lee Leaver", "PRACTITIONER");
        String cover = user("Cora Cover", "PRACTITIONER");
        String sales = user("Sid Sales", "CONTRIBUTOR");
        String id = account();
        assign(id, "success_manager", leaver);
        asAdmin().body(Map.of("reassignTo", cover)).post("/api/users/{email}/disable", leaver).then().statusCode(200);

        given().auth().oauth2(ADMIN_TOKEN).contentType("text/csv")
                .body("account_id,stage,success_manager___tid,sales_manager___tid\n" + id + ",renewal," + leaver + "," + sales + "\n")
                .post("/api/imports/accounts").then().statusCode(200)
                .body("updated", equalTo(1))
                .body("errors.line", contains(2)).body("errors.column", contains("success_manager___tid"))
                .body("errors[0].message", containsString(leaver + " is disabled"));

        asAdmin().get("/api/accounts/{id}", id).then().statusCode(200)
                .body("attributes.stage", equalTo("renewal"))
                .body("team.find { it.role == 'success_manager' }.email", equalTo(cover))
                .body("team.find { it.role == 'sales_manager' }.email", equalTo(sales));
    }

    @Test
    void everyChangeOfABulkImportLeavesItsHistoryEventsAndDigestItem() throws SQLException {
        String cs = user("Eve Effects", "PRACTITIONER");
        String id = unique("acct");
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/csv")
                .body("account_id,stage,success_manager___tid\n" + id + ",onboarding," + cs + "\n")
                .post("/api/imports/accounts").then().statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/csv")
                .body("account_id,stage\n" + id + ",adoption\n")
                .post("/api/imports/accounts").then().statusCode(200).body("updated", equalTo(1));

        asAdmin().get("/api/accounts/{id}/history", id).then().statusCode(200)
                .body("findAll { it.role != null }.toEmail", contains(cs))
                .body("findAll { it.role != null }.source", contains("INTEGRATION"))
                .body("findAll { it.role != null }.actor", contains("admin-token"));
        assertEquals(List.of("ACCOUNT_CREATED", "ASSIGNMENT_CHANGED", "ATTRIBUTE_CHANGED"), eventsOf(id));
        asAdmin().queryParam("recipient", cs).get("/api/digests/items").then().statusCode(200)
                .body("items.accountId", hasItem(id)).body("items.find { it.accountId == '" + id + "' }.roleName",
                        equalTo("Success Manager"))
                .body("items.find { it.accountId == '" + id + "' }.changedBy", equalTo("an administrator (admin token)"));
    }

    @Test
    void namesAndValuesBeyondAsciiWithQuotesAreWrittenAsGiven() {
        String id = unique("acct");
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/csv; charset=UTF-8")
                .body(("account_id,name,city\n" + id + ",\"Caf\u00e9 \"\"Z\u00fcrich\"\", \uD83D\uDE00 AG\",\"S\u00e3o \"\"Paulo\"\"\"\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/imports/accounts").then().statusCode(200).body("created", equalTo(1)).body("errors", empty());

        asAdmin().get("/api/accounts/{id}", id).then().statusCode(200)
                .body("name", equalTo("Caf\u00e9 \"Z\u00fcrich\", \uD83D\uDE00 AG"))
                .body("attributes.city", equalTo("S\u00e3o \"Paulo\""));
    }

    @Test
    void theEventsOfAnImportHaveIdsInTheOrderTheyWereQueued() throws SQLException {
        String cs = user("Ida Ordered", "PRACTITIONER");
        String prefix = unique("ordered");
        StringBuilder csv = new StringBuilder("account_id,stage,success_manager___tid\n");
        for (int i = 0; i < 20; i++) {
            csv.append(prefix).append('-').append(i).append(",onboarding,").append(cs).append('\n');
        }
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/csv").body(csv.toString())
                .post("/api/imports/accounts").then().statusCode(200).body("created", equalTo(20));

        // ids that sort as they are written: a bulk write appends to the events' primary key instead of scattering
        List<String> ids = new java.util.ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select id from play_event where account_id like ? order by created_at")) {
            query.setString(1, prefix + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        assertEquals(40, ids.size());
        assertEquals(ids.stream().sorted().toList(), ids);
        ids.forEach(id -> org.junit.jupiter.api.Assertions.assertTrue(id.startsWith("evt:"), id));
    }

    @Test
    void aHandOverByImportMovesTasksAsThePolicySaysAndTellsTheImporter() {
        String before = user("Bo Before", "PRACTITIONER");
        String after = user("Al After", "PRACTITIONER");
        String id = account();
        String untouched = account();
        assign(id, "success_manager", before);
        long open = task(id, "Call them", null, "success_manager", "PLAY");
        policy("ALL_OPEN_TASKS");
        try {
            given().auth().oauth2(ADMIN_TOKEN).contentType("text/csv")
                    .body("account_id,success_manager___tid\n" + id + "," + after + "\n" + untouched + "," + after + "\n")
                    .post("/api/imports/accounts").then().statusCode(200).body("updated", equalTo(2)).body("errors", empty());
        } finally {
            policy("ACCOUNT_ONLY");
        }
        assertEquals(after, assigneeOfTask(open));
        asAdmin().get("/api/accounts/{id}/history", id).then().body("[0].tasksMoved", equalTo(1));
        asAdmin().get("/api/notifications").then().statusCode(200)
                .body("items.message", hasItem(containsString("1 task moved on Account " + id)));
    }

    private List<String> eventsOf(String accountId) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select type from play_event where account_id = ? order by created_at, id")) {
            query.setString(1, accountId);
            List<String> types = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }
}
