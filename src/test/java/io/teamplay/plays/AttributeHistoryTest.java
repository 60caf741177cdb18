package io.teamplay.plays;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.*;
import static io.teamplay.plays.PlayHttp.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An account's history lists its attribute changes beside its seat changes, whatever path made them. */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class AttributeHistoryTest {

    private final PlayHttp plays = new PlayHttp();

    @AfterEach
    void deactivate() {
        plays.close();
    }

    private static List<Map<String, Object>> history(String accountId) {
        return asAdmin().get("/api/accounts/{id}/history", accountId).then().statusCode(200).extract().path("$");
    }

    @Test
    void editsImportsAndPlaysAreListedNewestFirstWithTheirPath() {
        String accountId = account(Map.of("stage", "adoption", "churn_risk", "low"));
        String sam = user("Sam History", "PRACTITIONER");
        asAdmin().body(Map.of("attributes", Map.of("stage", "onboarding"))).patch("/api/accounts/{id}", accountId)
                .then().statusCode(200);
        assign(accountId, SUCCESS_MANAGER, sam);
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/csv").body("account_id,arr\n" + accountId + ",120000\n")
                .post("/api/imports/accounts").then().statusCode(200);
        plays.activate("churn-risk-stage");
        change(accountId, "churn_risk", "high");
        eventually(() -> attributes(accountId).get("stage"), "at risk"::equals);

        List<Map<String, Object>> history = eventually(() -> history(accountId), h -> h.size() >= 5);
        Map<String, Object> byPlay = history.get(0);
        assertEquals("stage", byPlay.get("attribute"));
        assertEquals("onboarding", byPlay.get("fromValue"));
        assertEquals("at risk", byPlay.get("toValue"));
        assertEquals("PLAY", byPlay.get("source"));
        assertEquals("churn-risk-stage", byPlay.get("play"));
        assertEquals(List.of("churn_risk", "INTEGRATION", "low", "high"), row(history.get(1)));
        assertEquals(List.of("arr", "INTEGRATION", "", "120000"), row(history.get(2)), "the import, set-based");
        assertEquals(SUCCESS_MANAGER, history.get(3).get("role"));
        assertNull(history.get(3).get("attribute"));
        assertEquals(List.of("stage", "API", "adoption", "onboarding"), row(history.get(4)));
        assertEquals("admin-token", history.get(4).get("actor"));
        assertFalse(history.get(4).containsKey("play"));
        assertEquals(5, history.size(), "account creation is no change of an attribute");
    }

    private static List<Object> row(Map<String, Object> entry) {
        return List.of(entry.get("attribute"), entry.get("source"),
                entry.get("fromValue") == null ? "" : entry.get("fromValue"), entry.get("toValue"));
    }
}
