package io.teamplay.plays;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/plays/{name}/preview: a dry run over a segment, writing nothing. */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class PlayPreviewTest {

    private static String play(String team, String tier, String member) {
        return "// team: " + team + "\n// description: preview test\nexpander plays.dsl\n\nrule \"gold accounts\"\nwhen\n"
                + "    a new day starts\n    its tier is \"" + tier + "\"\nthen\n"
                + "    assign \"" + member + "\" as \"Success Manager\"\nend\n";
    }

    private static String holder(String accountId) {
        List<Map<String, Object>> team = asAdmin().get("/api/accounts/{id}", accountId).then().statusCode(200)
                .extract().path("team");
        return team.stream().filter(m -> "success_manager".equals(m.get("role"))).map(m -> (String) m.get("email"))
                .findFirst().orElse(null);
    }

    @Test
    void shouldPreviewEveryAccountOfTheSegmentAndWriteNothing() {
        String team = unique("Team");
        String member = user("Preview Member", "PRACTITIONER", team);
        String other = user("Other Holder", "PRACTITIONER", team);
        String region = unique("region");
        String tier = unique("tier");
        String free = account(Map.of("region", region, "tier", tier));
        String heldByMember = account(Map.of("region", region, "tier", tier));
        String heldByOther = account(Map.of("region", region, "tier", tier));
        String otherTier = account(Map.of("region", region, "tier", "silver"));
        String outside = account(Map.of("region", "elsewhere", "tier", tier));
        assign(heldByMember, "success_manager", member);
        assign(heldByOther, "success_manager", other);
        String name = "preview-" + tier;
        asAdmin().contentType("text/plain").body(play(team, tier, member)).put("/api/plays/{name}", name)
                .then().statusCode(201);

        Map<String, Object> filter = Map.of("attributes", Map.of("region", region));
        asAdmin().body(Map.of("filter", filter)).post("/api/plays/{name}/preview", name).then().statusCode(200)
                .body("play", is(name))
                .body("eventType", is("DAILY"))
                .body("matched", is(4))
                .body("changing", is(2))
                .body("failing", is(0))
                .body("changes.accountId", containsInAnyOrder(free, heldByOther))
                .body("changes.find { it.accountId == '" + free + "' }.changes[0].after", is(member))
                .body("changes.find { it.accountId == '" + free + "' }.changes[0].overExistingHolder", is(false))
                .body("changes.find { it.accountId == '" + heldByOther + "' }.changes[0].before", is(other))
                .body("changes.find { it.accountId == '" + heldByOther + "' }.changes[0].overExistingHolder", is(true));

        assertNull(holder(free));
        assertEquals(other, holder(heldByOther));
        assertNull(holder(otherTier));
        assertNull(holder(outside));
        asAdmin().get("/api/accounts/{id}/history", free).then().statusCode(200).body("size()", is(0));
        asAdmin().get("/api/plays/{name}/runs", name).then().statusCode(200).body("size()", is(0));
    }

    @Test
    void shouldPreviewTheEventGivenOnTheSegment() {
        String team = unique("Team");
        String member = user("Preview Member", "PRACTITIONER", team);
        String region = unique("region");
        String account = account(Map.of("region", region, "tier", "gold"));
        String name = "preview-event-" + region;
        asAdmin().contentType("text/plain").body(play(team, "gold", member).replace("a new day starts",
                "the account is created")).put("/api/plays/{name}", name).then().statusCode(201);

        Map<String, Object> filter = Map.of("attributes", Map.of("region", region));
        asAdmin().body(Map.of("filter", filter)).post("/api/plays/{name}/preview", name).then().statusCode(200)
                .body("matched", is(1)).body("changing", is(0)).body("changes", empty());
        asAdmin().body(Map.of("filter", filter, "event", Map.of("type", "ACCOUNT_CREATED")))
                .post("/api/plays/{name}/preview", name).then().statusCode(200)
                .body("eventType", is("ACCOUNT_CREATED")).body("changing", is(1))
                .body("changes[0].accountId", is(account));
    }

    @Test
    void shouldRefuseAPlayThatIsMissingOrABodyThatIsMissing() {
        asAdmin().body(Map.of("filter", Map.of())).post("/api/plays/{name}/preview", "no-such-play").then()
                .statusCode(404);
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json")
                .post("/api/plays/{name}/preview", "red-health-daily").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", is("body"));
    }

    @Test
    void shouldRunThePlayOnceOnTheExistingAccountsWhenActivatedWithApplyToExisting() {
        String team = unique("Team");
        String member = user("Backfill Member", "PRACTITIONER", team);
        String region = unique("region");
        String tier = unique("tier");
        String first = account(Map.of("region", region, "tier", tier));
        String second = account(Map.of("region", region, "tier", tier));
        String silver = account(Map.of("region", region, "tier", "silver"));
        String backfilled = "backfill-" + tier;
        String bystander = "bystander-" + tier;
        asAdmin().contentType("text/plain").body(play(team, tier, member)).put("/api/plays/{name}", backfilled)
                .then().statusCode(201);
        asAdmin().contentType("text/plain").body(play(team, tier, member)
                        .replace("assign \"" + member + "\" as \"Success Manager\"", "notify the \"Sales Manager\" that \"hi\""))
                .put("/api/plays/{name}", bystander).then().statusCode(201);
        asAdmin().post("/api/plays/{name}/activate", bystander).then().statusCode(200);

        asAdmin().body(Map.of("applyToExisting", true, "filter", Map.of("attributes", Map.of("region", region))))
                .post("/api/plays/{name}/activate", backfilled).then().statusCode(200)
                .body("active", is(true)).body("existingAccountsQueued", is(3));

        await().atMost(Duration.ofSeconds(20)).until(() -> member.equals(holder(first)) && member.equals(holder(second)));
        assertNull(holder(silver));
        await().atMost(Duration.ofSeconds(20)).until(() -> asAdmin().get("/api/plays/{name}/runs", backfilled)
                .then().extract().<List<?>>path("$").size() == 2);
        asAdmin().get("/api/accounts/{id}/history", first).then().body("[0].play", is(backfilled));
        // the backfill fires the one play activated: the other active play, on the same daily condition, does not run
        asAdmin().get("/api/plays/{name}/runs", bystander).then().body("size()", is(0));
        asAdmin().post("/api/plays/{name}/deactivate", backfilled).then().statusCode(200);
        asAdmin().post("/api/plays/{name}/deactivate", bystander).then().statusCode(200);
    }

    @Test
    void shouldRefuseOutsideEventsWithTheIdsOfBackfills() {
        String account = account(Map.of("tier", "gold"));
        asAdmin().body(Map.of("id", "backfill:x:y:" + account, "type", "DAILY", "accountId", account))
                .post("/api/events").then().statusCode(400).body("errors[0].field", is("id"));
    }
}
