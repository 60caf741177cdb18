package io.teamplay.plays;

import static io.teamplay.TestFixtures.*;
import static io.teamplay.plays.PlayHttp.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The events plays react to arrive once and as they happened (defects found by trying the plays as a new user). */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class PlayEventsTest {

    private final PlayHttp plays = new PlayHttp();

    @AfterEach
    void deactivate() {
        plays.close();
    }

    @Test
    void aTeamMemberDisabledFiresOncePerAccountHoweverManySeatsTheyHeld() {
        String team = unique("Team");
        String leaver = user("Lee Leaver", "PRACTITIONER", team);
        String cover = user("Cora Cover", "PRACTITIONER", team);
        String accountId = account();
        assign(accountId, SUCCESS_MANAGER, leaver);
        assign(accountId, SALES_MANAGER, leaver);
        String play = unique("leaver-tasks");
        plays.activate(play, sentences(team, "a team member is disabled",
                "create a task \"Introduce yourself\" for the \"Success Manager\" due today"));
        asAdmin().body(Map.of("reassignTo", cover)).post("/api/users/{email}/disable", leaver).then().statusCode(200);
        eventually(() -> tasks(accountId).size(), n -> n > 0);
        staysAt(() -> tasks(accountId).size(), 1);
        assertEquals(cover, tasks(accountId).get(0).get("assignee"));
        assertEquals(1, runs(play).size());
    }

    @Test
    void anAttributeChangePostedFromOutsideIsStoredSoConditionsSeeTheNewValue() {
        String team = unique("Team");
        String sam = user("Sam Stored", "PRACTITIONER", team);
        String accountId = account(Map.of("health", "green"));
        assign(accountId, SUCCESS_MANAGER, sam);
        String play = unique("stored-health");
        plays.activate(play, sentences(team, "the health changes\nits health is \"red\"",
                "create a task \"Look at the health\" for the \"Success Manager\" due today"));
        String eventId = unique("crm");
        post(Map.of("id", eventId, "type", "ATTRIBUTE_CHANGED", "accountId", accountId, "attribute", "health",
                "oldValue", "green", "newValue", "red"));
        assertEquals("red", attributes(accountId).get("health"));
        assertEquals(1, tasks(accountId).size());
        // the change is the posted event itself: no second event, and a redelivery changes nothing
        assertEquals(1, runs(play).size());
        asAdmin().body(Map.of("accountId", accountId, "attributes", Map.of("health", "amber")))
                .patch("/api/accounts/{id}", accountId).then().statusCode(200);
        asAdmin().body(Map.of("id", eventId, "type", "ATTRIBUTE_CHANGED", "accountId", accountId, "attribute", "health",
                "oldValue", "green", "newValue", "red")).post("/api/events").then().statusCode(202)
                .body("queued", org.hamcrest.Matchers.is(false));
        assertEquals("amber", attributes(accountId).get("health"));
    }
}
