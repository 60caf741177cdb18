package io.teamplay.plays;

import static io.teamplay.TestFixtures.*;
import static io.teamplay.plays.PlayHttp.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Actions of the sentences the shipped plays do not show, applied and dry-run alike. */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class PlayActionsTest {

    private final PlayHttp plays = new PlayHttp();

    @AfterEach
    void deactivate() {
        plays.close();
    }

    @Test
    void anAssignmentWithinACapSkipsMembersHoldingThatManySeatsAndSaysWhyWhenAllDo() {
        String team = unique("Team");
        String busy = user("Bea Busy", "PRACTITIONER", team);
        String calm = user("Cal Calm", "PRACTITIONER", team);
        assign(account(), SUCCESS_MANAGER, busy);
        assign(account(), SUCCESS_MANAGER, busy);
        assign(account(), SUCCESS_MANAGER, calm);
        String segment = unique("seg");
        String play = unique("capped");
        plays.activate(play, sentences(team, "the account is created and its segment is \"" + segment + "\"",
                "assign the least loaded member of team \"" + team + "\" as \"Success Manager\", at most 2 accounts each"));
        String first = account(Map.of("segment", segment));
        assertEquals(calm, eventually(() -> holder(first, SUCCESS_MANAGER), java.util.Objects::nonNull));
        String second = account(Map.of("segment", segment));
        Map<String, Object> run = eventually(() -> runs(play, second), r -> !r.isEmpty()).get(0);
        assertEquals("FAILED", run.get("outcome"));
        assertEquals("team " + team + " has no active member to pick holding fewer than 2 success_manager seats",
                run.get("reason"));
        Map<String, Object> preview = asAdmin().body(Map.of("accountId", second, "event", Map.of("type", "ACCOUNT_CREATED")))
                .post("/api/plays/{name}/dry-run", play).then().statusCode(200).extract().path("changes[0]");
        assertEquals(run.get("reason"), preview.get("wouldFail"), "the dry run says what the run records");
        assertNull(holder(second, SUCCESS_MANAGER));
    }

    @Test
    void setAndRemoveAnAttributeAsTheDryRunPreviewsIt() {
        String team = unique("Team");
        user("Tia Team", "PRACTITIONER", team);
        String play = unique("stage-setter");
        plays.activate(play, sentences(team, "the risk changes to \"high\"",
                "set the stage to \"at risk\"\nset the risk_score to 80\nremove the churn_reason"));
        String accountId = account(Map.of("stage", "live", "churn_reason", "price", "risk", "low"));
        Map<String, Object> event = Map.of("type", "ATTRIBUTE_CHANGED", "attribute", "risk", "oldValue", "low",
                "newValue", "high");
        List<Map<String, Object>> previewed = asAdmin().body(Map.of("accountId", accountId, "event", event))
                .post("/api/plays/{name}/dry-run", play).then().statusCode(200).extract().path("changes");
        assertEquals(List.of("live", "", "price"), previewed.stream().map(c -> c.get("before")).toList());
        assertEquals(List.of("at risk", "80", ""), previewed.stream().map(c -> c.get("after")).toList());
        assertEquals("live", attributes(accountId).get("stage"), "a dry run writes nothing");
        change(accountId, "risk", "high");
        Map<String, Object> attributes = attributes(accountId);
        assertEquals("at risk", attributes.get("stage"));
        assertEquals(80, attributes.get("risk_score"));
        assertFalse(attributes.containsKey("churn_reason"));
        List<Map<String, Object>> applied = runs(play, accountId);
        assertEquals(List.of("APPLIED", "APPLIED", "APPLIED"), applied.stream().map(r -> r.get("outcome")).toList());
    }

    @Test
    void theLoadOfTheAccountsTeamMembersIsReadFromTheirSeats() {
        String team = unique("Team");
        String sam = user("Sam Loaded", "PRACTITIONER", team);
        String fresh = user("Fay Fresh", "PRACTITIONER", team);
        String sales = user("Sal Load", "PRACTITIONER", team);
        assign(account(), SUCCESS_MANAGER, sam);
        assign(account(), SUCCESS_MANAGER, sam);
        String light = account();
        String heavy = account();
        assign(light, SALES_MANAGER, sales);
        assign(heavy, SALES_MANAGER, sales);
        String play = unique("overloaded");
        plays.activate(play, sentences(team, "a new \"Success Manager\" is assigned\n"
                        + "its \"Success Manager\" holds more than 2 accounts",
                "create a task \"Rebalance {Success Manager}\" for the \"Sales Manager\" due today"));
        assign(light, SUCCESS_MANAGER, fresh);
        assign(heavy, SUCCESS_MANAGER, sam);
        assertEquals(List.of("Rebalance Sam Loaded"), eventually(() -> titles(heavy), t -> !t.isEmpty()));
        assertEquals(List.of(), titles(light));
    }
}
