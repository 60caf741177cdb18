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

/**
 * "the account enters segment" and "leaves segment": a saved segment's membership before and after each change of
 * an account (created, attribute changed, seat changed), on the database through the event path.
 */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class SegmentTriggerTest {

    private final PlayHttp plays = new PlayHttp();

    @AfterEach
    void deactivate() {
        plays.close();
    }

    private static void segment(String name, Map<String, Object> filter) {
        asAdmin().body(Map.of("name", name, "filter", filter)).post("/api/segments").then().statusCode(201);
    }

    @Test
    void aPlayFiresWhenAnAccountEntersOrLeavesASavedSegmentAndNotOtherwise() {
        String team = unique("Seg");
        user("Sue Segment", "PRACTITIONER", team);
        String tier = "tier" + unique("t").replace("-", "");
        String big = unique("Big");
        segment(big, Map.of("attributes", Map.of(tier, "gold")));
        String enters = unique("enters");
        plays.activate(enters, sentences(team, "the account enters segment \"" + big.toUpperCase() + "\"",
                "set the " + tier + "_seen to \"in\""));
        plays.activate(unique("leaves"), sentences(team, "the account leaves segment \"" + big + "\"",
                "set the " + tier + "_seen to \"out\""));

        String createdIn = account(Map.of(tier, "gold"));
        String createdOut = account(Map.of(tier, "silver"));
        String moving = account(Map.of(tier, "silver"));
        change(moving, tier, "gold");
        assertEquals("in", eventually(() -> attributes(createdIn).get(tier + "_seen"), "in"::equals));
        assertEquals("in", attributes(moving).get(tier + "_seen"));
        change(moving, "other", "x");
        change(moving, tier, "silver");
        assertEquals("out", attributes(moving).get(tier + "_seen"));
        change(createdOut, tier, "bronze");
        assertNull(attributes(createdOut).get(tier + "_seen"), "never in it");
        List<String> enteredRuns = runs(enters, moving).stream()
                .map(r -> (String) r.get("action")).toList();
        assertEquals(List.of("SET_ATTRIBUTE"), enteredRuns, "entered once, not again on another change");
    }

    @Test
    void aSeatChangeMovesAnAccountInAndOutOfASegmentOnARole() {
        String team = unique("Seg");
        String ann = user("Ann Book", "PRACTITIONER", team);
        String bob = user("Bob Book", "PRACTITIONER", team);
        String book = unique("Anns book");
        segment(book, Map.of("role", "success_manager", "assignee", ann));
        String mark = "book" + unique("m").replace("-", "");
        plays.activate(unique("book-in"), sentences(team, "the account enters segment \"" + book + "\"",
                "set the " + mark + " to \"ann\""));
        plays.activate(unique("book-out"), sentences(team, "the account leaves segment \"" + book + "\"",
                "set the " + mark + " to \"gone\""));
        String accountId = account();
        assign(accountId, SUCCESS_MANAGER, ann);
        assertEquals("ann", eventually(() -> attributes(accountId).get(mark), "ann"::equals));
        assign(accountId, SUCCESS_MANAGER, bob);
        assertEquals("gone", eventually(() -> attributes(accountId).get(mark), "gone"::equals));
    }

    @Test
    void aPlayNamingAnUnknownSegmentIsRefusedWithTheLine() {
        String team = unique("Seg");
        user("Sam Unknown", "PRACTITIONER", team);
        put(unique("unknown-segment"), sentences(team, "the account enters segment \"No such segment\"",
                "set the stage to \"x\"")).statusCode(422)
                .body("errors[0].line", org.hamcrest.Matchers.equalTo(7))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("No such segment"));
    }
}
