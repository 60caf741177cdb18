package io.teamplay.segments;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.user;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Segments on PostgreSQL: "nobody holds", bulk clear, bounded counts, keyset pages, the filters' cap, the timeout. */
@QuarkusTest
class SegmentScaleTest {

    private static final String SM = "success_manager";
    private static final String SALES = "sales_manager";

    @Inject
    DataSource database;

    @Test
    void noHolderFindsTheAccountsWhereNobodyHoldsTheRoleAlsoWithSeveralAttributes() {
        String cohort = unique("cohort");
        String ann = user("Ann", "PRACTITIONER");
        String held = account(Map.of("cohort", cohort, "tier", "gold", "region", "emea"));
        String free = account(Map.of("cohort", cohort, "tier", "gold", "region", "emea"));
        String freeElsewhere = account(Map.of("cohort", cohort, "tier", "gold", "region", "apac"));
        String salesOnly = account(Map.of("cohort", cohort, "tier", "silver", "region", "emea"));
        assign(held, SM, ann);
        assign(salesOnly, SALES, ann);

        asAdmin().queryParam("attr.cohort", cohort).queryParam("noHolder", SM).get("/api/accounts").then()
                .statusCode(200).body("items.id", containsInAnyOrder(free, freeElsewhere, salesOnly));
        asAdmin().queryParam("attr.cohort", cohort).queryParam("attr.tier", "gold").queryParam("attr.region", "emea")
                .queryParam("noHolder", SM).get("/api/accounts").then()
                .body("items.id", contains(free)).body("total", equalTo(1)).body("totalExact", equalTo(true));
        asAdmin().body(Map.of("filter", Map.of("noHolder", SM, "attributes", Map.of("cohort", cohort, "tier", "gold")),
                        "role", SM, "email", ann))
                .post("/api/accounts/bulk-assign").then().statusCode(200).body("matched", equalTo(2)).body("changed", equalTo(2));
        asAdmin().queryParam("attr.cohort", cohort).queryParam("noHolder", SM).get("/api/accounts").then()
                .body("items.id", contains(salesOnly));
    }

    @Test
    void bulkClearEmptiesTheRoleOnEveryMatchThroughTheWritePath() {
        String cohort = unique("cohort");
        String ann = user("Ann", "PRACTITIONER");
        String first = account(Map.of("cohort", cohort));
        String second = account(Map.of("cohort", cohort));
        String empty = account(Map.of("cohort", cohort));
        String elsewhere = account(Map.of("cohort", unique("other")));
        assign(first, SM, ann);
        assign(second, SM, ann);
        assign(second, SALES, ann);
        assign(elsewhere, SM, ann);

        asAdmin().body(Map.of("filter", Map.of("attributes", Map.of("cohort", cohort)), "role", SM))
                .post("/api/accounts/bulk-clear").then().statusCode(200)
                .body("matched", equalTo(3)).body("changed", equalTo(2)).body("tasksMoved", equalTo(0));

        asAdmin().queryParam("attr.cohort", cohort).queryParam("noHolder", SM).get("/api/accounts").then()
                .body("items.id", containsInAnyOrder(first, second, empty));
        asAdmin().get("/api/accounts/{id}", second).then().body("team.role", contains(SALES));
        asAdmin().get("/api/accounts/{id}", elsewhere).then().body("team.role", contains(SM));
        asAdmin().get("/api/accounts/{id}/history", first).then().body("[0].source", equalTo("BULK_EDIT"))
                .body("[0].toEmail", nullValue());
        asAdmin().body(Map.of("filter", Map.of("attributes", Map.of("cohort", cohort))))
                .post("/api/accounts/bulk-clear").then().statusCode(400).body("errors[0].field", equalTo("role"));
    }

    @Test
    void theCountStopsAtItsLimitUnlessAskedAndKeysetPagesFollowOneAnother() throws SQLException {
        String cohort = unique("cohort");
        insertAccounts(cohort, 205);

        asAdmin().queryParam("attr.cohort", cohort).queryParam("size", 10).get("/api/accounts").then().statusCode(200)
                .body("items", hasSize(10)).body("total", equalTo(200)).body("totalExact", equalTo(false))
                .body("nextAfter", equalTo(cohort + "-0009"));
        asAdmin().queryParam("attr.cohort", cohort).queryParam("count", true).get("/api/accounts").then()
                .body("total", equalTo(205)).body("totalExact", equalTo(true));
        asAdmin().queryParam("attr.cohort", cohort).queryParam("size", 3).queryParam("after", cohort + "-0009")
                .get("/api/accounts").then()
                .body("items.id", contains(cohort + "-0010", cohort + "-0011", cohort + "-0012"));
        asAdmin().queryParam("attr.cohort", cohort).queryParam("size", 10).queryParam("after", cohort + "-0200")
                .get("/api/accounts").then().body("items", hasSize(4)).body("nextAfter", nullValue());
        // a page past the limit counts at least to its own end
        asAdmin().queryParam("attr.cohort", cohort).queryParam("page", 20).queryParam("size", 10).get("/api/accounts").then()
                .body("items", hasSize(5)).body("total", equalTo(205)).body("totalExact", equalTo(true));
    }

    @Test
    void moreThanTenAttributeFiltersAreRefusedNamingTheField() {
        Map<String, String> eleven = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("a" + i, "x");
        }
        var request = asAdmin();
        eleven.forEach((key, value) -> request.queryParam("attr." + key, value));
        request.get("/api/accounts").then().statusCode(400).body("errors[0].field", equalTo("attr"))
                .body("errors[0].message", containsString("at most 10"));
        asAdmin().body(Map.of("filter", Map.of("attributes", eleven), "role", SM, "email", user("Ann", "PRACTITIONER")))
                .post("/api/accounts/bulk-assign").then().statusCode(400)
                .body("errors[0].field", equalTo("filter.attributes"));
        asAdmin().body(Map.of("filter", Map.of("attributes", eleven), "role", SM))
                .post("/api/accounts/bulk-clear").then().statusCode(400)
                .body("errors[0].field", equalTo("filter.attributes"));
    }

    @Test
    void aSegmentQueryThatRunsPastTheTimeoutIsCancelledWithAProblem() throws SQLException {
        try (Connection blocker = database.getConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("lock table account_attribute in access exclusive mode");
            asAdmin().queryParam("attr.cohort", "anything").get("/api/accounts").then().statusCode(422)
                    .contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo("filter"))
                    .body("detail", containsString("longer than 2000 ms"));
            blocker.rollback();
        }
        asAdmin().queryParam("attr.cohort", "anything").get("/api/accounts").then().statusCode(200);
    }

    private void insertAccounts(String prefix, int count) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement account = connection.prepareStatement(
                     "insert into account (id, name, created_at) values (?, ?, now())");
             PreparedStatement attribute = connection.prepareStatement(
                     "insert into account_attribute (account_id, name, json_value) values (?, 'cohort', ?)")) {
            for (int i = 0; i < count; i++) {
                String id = prefix + "-" + String.format("%04d", i);
                account.setString(1, id);
                account.setString(2, id);
                account.addBatch();
                attribute.setString(1, id);
                attribute.setString(2, "\"" + prefix + "\"");
                attribute.addBatch();
            }
            account.executeBatch();
            attribute.executeBatch();
        }
    }
}
