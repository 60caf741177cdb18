package io.teamplay.plays;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Who may run plays (API.md, Plays): saving, activating, deactivating and dry runs run the play, so they take an
 * ADMIN user, or an ADVANCED user of the play's team; a save may not hand a play to a team its author is not in.
 * Replaying a daily tick through POST /api/events is ADMIN only.
 */
@QuarkusTest
class PlayPermissionsTest {

    private static String play(String team, String attribute) {
        return "// team: " + team + "\nexpander plays.dsl\n\nrule \"p\"\nwhen\n    the " + attribute
                + " changes to \"never\"\nthen\n    notify the \"Success Manager\" that \"hello\"\nend\n";
    }

    private static ValidatableResponse put(String token, String name, String source) {
        return given().auth().oauth2(token).contentType("text/plain").body(source).put("/api/plays/{name}", name).then();
    }

    private static String attribute() {
        return "attr" + unique("a").replace("-", "");
    }

    private static String tokenWith(String permission, String... teams) {
        return tokenOf(userWith(unique(permission.toLowerCase().replace('_', '-')) + "@example.com", "Player " + permission,
                "PRACTITIONER", permission, teams));
    }

    @Test
    void shouldLetOnlyAdvancedUsersOfThePlaysTeamRunIt() {
        String team = unique("Reds");
        String name = unique("reds-play") + ".dslr";
        String playName = name.replace(".dslr", "");
        String member = tokenWith("ADVANCED", team);
        String outsider = tokenWith("ADVANCED", unique("Blues"));
        String standardMember = tokenWith("STANDARD", team);
        String readOnlyMember = tokenWith("READ_ONLY", team);
        String accountId = account();
        Map<String, Object> dryRun = Map.of("accountId", accountId);

        put(member, name, play(team, attribute())).statusCode(201).body("team", is(team));
        put(outsider, name, play(team, attribute())).statusCode(403)
                .contentType(startsWith("application/problem+json"));
        put(standardMember, name, play(team, attribute())).statusCode(403);

        // a dry run runs the play's code: READ_ONLY and STANDARD users got 200 here before
        given().auth().oauth2(readOnlyMember).contentType("application/json").body(dryRun)
                .post("/api/plays/{name}/dry-run", playName).then().statusCode(403);
        given().auth().oauth2(standardMember).contentType("application/json").body(dryRun)
                .post("/api/plays/{name}/dry-run", playName).then().statusCode(403);
        given().auth().oauth2(outsider).contentType("application/json").body(dryRun)
                .post("/api/plays/{name}/dry-run", playName).then().statusCode(403);
        given().auth().oauth2(member).contentType("application/json").body(dryRun)
                .post("/api/plays/{name}/dry-run", playName).then().statusCode(200).body("play", is(playName));
        Map<String, Object> preview = Map.of("filter", Map.of("attributes", Map.of("id-of", accountId)));
        given().auth().oauth2(outsider).contentType("application/json").body(preview)
                .post("/api/plays/{name}/preview", playName).then().statusCode(403);
        given().auth().oauth2(standardMember).contentType("application/json").body(preview)
                .post("/api/plays/{name}/preview", playName).then().statusCode(403);
        given().auth().oauth2(member).contentType("application/json").body(preview)
                .post("/api/plays/{name}/preview", playName).then().statusCode(200).body("play", is(playName));

        given().auth().oauth2(outsider).post("/api/plays/{name}/activate", playName).then().statusCode(403);
        given().auth().oauth2(standardMember).post("/api/plays/{name}/activate", playName).then().statusCode(403);
        asAdmin().get("/api/plays/{name}", playName).then().body("active", is(false));
        given().auth().oauth2(member).post("/api/plays/{name}/activate", playName).then().statusCode(200)
                .body("active", is(true));
        given().auth().oauth2(outsider).post("/api/plays/{name}/deactivate", playName).then().statusCode(403);
        given().auth().oauth2(member).post("/api/plays/{name}/deactivate", playName).then().statusCode(200)
                .body("active", is(false));

        // anyone reads plays and their runs
        given().auth().oauth2(readOnlyMember).get("/api/plays/{name}", playName).then().statusCode(200);
        given().auth().oauth2(outsider).get("/api/plays/{name}/runs", playName).then().statusCode(200);
    }

    @Test
    void shouldRefuseASaveThatHandsThePlayToAnotherTeam() {
        String team = unique("Greens");
        String otherTeam = unique("Yellows");
        String name = unique("greens-play") + ".dslr";
        String playName = name.replace(".dslr", "");
        String member = tokenWith("ADVANCED", team);
        String attribute = attribute();
        put(member, name, play(team, attribute)).statusCode(201);

        put(member, name, play(otherTeam, attribute())).statusCode(403)
                .body("detail", containsString(otherTeam));
        asAdmin().get("/api/plays/{name}", playName).then().statusCode(200)
                .body("team", is(team))
                .body("source", containsString(attribute));

        // nor can a new play be written for a team its author is not in
        String stray = unique("stray-play") + ".dslr";
        put(member, stray, play(otherTeam, attribute())).statusCode(403);
        asAdmin().get("/api/plays/{name}", stray.replace(".dslr", "")).then().statusCode(404);

        // a member of both teams may move it; an ADMIN may move any play
        String both = tokenWith("ADVANCED", team, otherTeam);
        put(both, name, play(otherTeam, attribute())).statusCode(200).body("team", is(otherTeam));
        String admin = tokenWith("ADMIN");
        String purples = unique("Purples");
        tokenWith("STANDARD", purples); // a team is known once someone belongs to it
        put(admin, name, play(purples, attribute())).statusCode(200).body("team", is(purples));
    }

    @Test
    void shouldLetOnlyAdminUsersReplayADailyTick() {
        String accountId = account();
        String standard = tokenWith("STANDARD");
        String admin = tokenWith("ADMIN");
        Map<String, Object> daily = Map.of("type", "DAILY", "accountId", accountId, "date", LocalDate.now().toString());
        given().auth().oauth2(standard).contentType("application/json").body(daily).post("/api/events").then()
                .statusCode(403).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(tokenWith("ADVANCED")).contentType("application/json").body(daily).post("/api/events")
                .then().statusCode(403);
        given().auth().oauth2(admin).contentType("application/json").body(daily).post("/api/events").then()
                .statusCode(202);
        // other events stay open to STANDARD users
        Map<String, Object> created = Map.of("id", unique("ext"), "type", "ACCOUNT_CREATED", "accountId", accountId);
        given().auth().oauth2(standard).contentType("application/json").body(created).post("/api/events").then()
                .statusCode(202);
    }
}
