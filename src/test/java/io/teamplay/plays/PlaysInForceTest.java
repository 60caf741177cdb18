package io.teamplay.plays;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.teamplay.plays.engine.CompiledPlay;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One play's change compiles that play alone and swaps it into the book in force; the others stay as compiled. */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class PlaysInForceTest {

    @Inject
    PlayLibrary library;

    private final List<String> activated = new ArrayList<>();

    @AfterEach
    void deactivateWhatThisTestActivated() {
        activated.forEach(name -> asAdmin().post("/api/plays/{name}/deactivate", name));
    }

    private static ValidatableResponse putPlay(String name, String source) {
        return given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain").body(source).put("/api/plays/{name}", name)
                .then();
    }

    private static String notifying(String team, String attribute, String message) {
        return "// team: " + team + "\n// description: in force test\nexpander plays.dsl\n\nrule \"tell\"\nwhen\n    the "
                + attribute + " changes\nthen\n    notify the \"Success Manager\" that \"" + message + "\"\nend\n";
    }

    private void activate(String play) {
        asAdmin().post("/api/plays/{name}/activate", play).then().statusCode(200);
        activated.add(play);
    }

    private CompiledPlay compiled(String play) {
        return library.book().compiled(play).orElseThrow(() -> new AssertionError(play + " is not in the book"));
    }

    /** Changes the attribute on the account and answers the message of the play's new run. */
    private static String messageOnChange(String play, String accountId, String attribute) {
        int before = runs(play).size();
        asAdmin().body(Map.of("attributes", Map.of(attribute, unique("v")))).patch("/api/accounts/{id}", accountId)
                .then().statusCode(200);
        List<Map<String, Object>> runs = await().atMost(Duration.ofSeconds(20))
                .until(() -> runs(play), r -> r.size() == before + 1);
        return (String) runs.get(0).get("detail");
    }

    private static List<Map<String, Object>> runs(String play) {
        return asAdmin().get("/api/plays/{name}/runs", play).then().statusCode(200).extract().path("$");
    }

    private static String[] teamAndAccount() {
        String team = unique("Team");
        String sam = user("Sam Force", "PRACTITIONER", team);
        String accountId = account();
        assign(accountId, "success_manager", sam);
        return new String[] {team, accountId};
    }

    @Test
    void savingOnePlayCompilesItAloneAndLeavesTheOthersAsTheyWereCompiled() {
        String[] fixture = teamAndAccount();
        String attribute = "force_" + unique("a").replace('-', '_');
        String first = "first-" + attribute;
        String second = "second-" + attribute;
        putPlay(first, notifying(fixture[0], attribute, "first")).statusCode(201);
        putPlay(second, notifying(fixture[0], attribute, "second one")).statusCode(201);
        activate(first);
        activate(second);
        CompiledPlay firstBefore = compiled(first);
        CompiledPlay secondBefore = compiled(second);

        putPlay(second, notifying(fixture[0], attribute, "second two")).statusCode(200).body("version", is(2));

        assertSame(firstBefore, compiled(first), "the play that was not saved was not compiled again");
        assertNotSame(secondBefore, compiled(second));
        assertTrue(compiled(second).file().text().contains("second two"));
        assertEquals("second two", messageOnChange(second, fixture[1], attribute));
        assertEquals("first", runs(first).get(0).get("detail"), "the same event fired the untouched play too");

        asAdmin().post("/api/plays/{name}/deactivate", second).then().statusCode(200);
        assertTrue(library.book().compiled(second).isEmpty());
        assertFalse(library.book().runnable().contains(second));
        assertSame(firstBefore, compiled(first), "taking one play out leaves the others' rules alone");
    }

    @Test
    void aVersionThatDoesNotCompileLeavesThePreviousOneInForce() {
        String[] fixture = teamAndAccount();
        String attribute = "keep_" + unique("a").replace('-', '_');
        String play = "kept-" + attribute;
        putPlay(play, notifying(fixture[0], attribute, "kept")).statusCode(201);
        activate(play);
        CompiledPlay before = compiled(play);

        putPlay(play, notifying(fixture[0], attribute, "broken").replace("\"broken\"", "\"broken\" + 1 +"))
                .statusCode(422);

        assertSame(before, compiled(play), "the version in force was neither compiled again nor replaced");
        asAdmin().get("/api/plays/{name}", play).then().body("version", is(1)).body("status", is("OK"));
        assertEquals("kept", messageOnChange(play, fixture[1], attribute));
    }
}
