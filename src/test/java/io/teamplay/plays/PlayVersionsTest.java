package io.teamplay.plays;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.teamplay.plays.engine.PlayFile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plays live in the database with versions: list, diff, rollback, export, the rules directory, other instances. */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class PlayVersionsTest {

    @Inject
    PlayLibrary library;
    @Inject
    RulesDirectoryLoader loader;
    @Inject
    RulesDirectory directory;
    @Inject
    DataSource dataSource;

    private final List<String> activated = new ArrayList<>();

    @AfterEach
    void deactivateWhatThisTestActivated() {
        activated.forEach(name -> asAdmin().post("/api/plays/{name}/deactivate", name).then().statusCode(200));
    }

    private static ValidatableResponse putPlay(String token, String name, String source) {
        return given().auth().oauth2(token).contentType("text/plain").body(source).put("/api/plays/{name}", name).then();
    }

    /** A play telling the Success Manager {@code message} whenever {@code attribute} changes. */
    private static String notifying(String team, String attribute, String message) {
        return "// team: " + team + "\n// description: versions test\nexpander plays.dsl\n\nrule \"tell\"\nwhen\n    the "
                + attribute + " changes\nthen\n    notify the \"Success Manager\" that \"" + message + "\"\nend\n";
    }

    private static List<Map<String, Object>> versions(String play) {
        return asAdmin().get("/api/plays/{name}/versions", play).then().statusCode(200).extract().path("$");
    }

    /** Changes the attribute on the account and answers the message the play's notification carried. */
    private static String messageOnChange(String play, String accountId, String attribute) {
        int before = runs(play).size();
        asAdmin().body(Map.of("attributes", Map.of(attribute, unique("v")))).patch("/api/accounts/{id}", accountId)
                .then().statusCode(200);
        List<Map<String, Object>> runs = await().atMost(Duration.ofSeconds(20))
                .until(() -> runs(play), r -> r.size() == before + 1);
        assertEquals("APPLIED", runs.get(0).get("outcome"));
        return (String) runs.get(0).get("detail");
    }

    private static List<Map<String, Object>> runs(String play) {
        return asAdmin().get("/api/plays/{name}/runs", play).then().statusCode(200).extract().path("$");
    }

    private void activate(String play) {
        asAdmin().post("/api/plays/{name}/activate", play).then().statusCode(200).body("active", is(true));
        activated.add(play);
    }

    /** A team with an active member holding the Success Manager seat of a new account; answers {team, account}. */
    private static String[] teamAndAccount() {
        String team = unique("Team");
        String sam = user("Sam Version", "PRACTITIONER", team);
        String accountId = account();
        assign(accountId, "success_manager", sam);
        return new String[] {team, accountId};
    }

    @Test
    void everySaveIsAVersionListedNewestFirstWithItsAuthorAndStatus() {
        String team = unique("Team");
        String author = userWith(unique("author") + "@example.com", "Ann Author", "PRACTITIONER", "ADVANCED", team);
        String attribute = "ver_" + unique("a").replace('-', '_');
        String play = "versions-" + attribute;
        putPlay(ADMIN_TOKEN, play, notifying(team, attribute, "one")).statusCode(201).body("version", is(1));
        putPlay(tokenOf(author), play, notifying(team, attribute, "two")).statusCode(200).body("version", is(2));
        putPlay(ADMIN_TOKEN, play, notifying(team, attribute, "two")).statusCode(200).body("version", is(2));
        putPlay(ADMIN_TOKEN, play, notifying(team, attribute, "three").replace("notify the", "notfy the"))
                .statusCode(422);

        List<Map<String, Object>> versions = versions(play);
        assertEquals(List.of(3, 2, 1), versions.stream().map(v -> v.get("version")).toList(),
                "the same text saved again is no new version");
        assertEquals(List.of("ERROR", "OK", "OK"), versions.stream().map(v -> v.get("status")).toList());
        assertEquals(List.of("admin-token", author, "admin-token"), versions.stream().map(v -> v.get("author")).toList());
        assertTrue(versions.stream().noneMatch(v -> (Boolean) v.get("active")), "nothing is active yet");
        assertNotNull(versions.get(0).get("at"));
        // the play shows its latest OK version; the refused one keeps its errors
        asAdmin().get("/api/plays/{name}", play).then().statusCode(200).body("version", is(2))
                .body("status", is("OK")).body("source", containsString("\"two\""));
        asAdmin().get("/api/plays/{name}/versions/3", play).then().statusCode(200)
                .body("status", is("ERROR"))
                .body("errors[0].line", is(9))
                .body("source", containsString("notfy the"));
        asAdmin().get("/api/plays/{name}/versions/4", play).then().statusCode(404);
    }

    @Test
    void aRefusedSaveIsAnErrorVersionAndTheRunningPlayGoesOn() {
        String[] fixture = teamAndAccount();
        String attribute = "run_" + unique("a").replace('-', '_');
        String play = "running-" + attribute;
        putPlay(ADMIN_TOKEN, play, notifying(fixture[0], attribute, "running")).statusCode(201);
        activate(play);
        putPlay(ADMIN_TOKEN, play, notifying(fixture[0], attribute, "broken") + "rule \"half\"\nwhen\n")
                .statusCode(422)
                .body("detail", containsString("kept as version 2"));

        assertEquals("ERROR", versions(play).get(0).get("status"));
        asAdmin().get("/api/plays/{name}/versions", play).then().body("find { it.version == 1 }.active", is(true));
        asAdmin().get("/api/plays/{name}", play).then().body("active", is(true)).body("version", is(1))
                .body("status", is("OK"));
        assertTrue(library.book().runnable().contains(play));
        assertEquals("running", messageOnChange(play, fixture[1], attribute));
    }

    @Test
    void aDiffShowsWhatChangedBetweenTwoVersions() {
        String team = unique("Team");
        user("Dee Diff", "PRACTITIONER", team);
        String attribute = "diff_" + unique("a").replace('-', '_');
        String play = "diff-" + attribute;
        putPlay(ADMIN_TOKEN, play, notifying(team, attribute, "before")).statusCode(201);
        putPlay(ADMIN_TOKEN, play, notifying(team, attribute, "after")).statusCode(200);

        String diff = asAdmin().get("/api/plays/{name}/versions/2/diff?against=1", play).then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertThat(diff, startsWith("--- " + play + ".dslr (version 1)\n+++ " + play + ".dslr (version 2)\n@@ -"));
        assertThat(diff, containsString("\n-    notify the \"Success Manager\" that \"before\"\n"));
        assertThat(diff, containsString("\n+    notify the \"Success Manager\" that \"after\"\n"));
        assertThat(diff, not(containsString("+// team")));
        // against defaults to the version before; the other way round swaps the signs
        assertEquals(diff, asAdmin().get("/api/plays/{name}/versions/2/diff", play).then().extract().asString());
        assertThat(asAdmin().get("/api/plays/{name}/versions/1/diff?against=2", play).then().extract().asString(),
                containsString("\n+    notify the \"Success Manager\" that \"before\"\n"));
        asAdmin().get("/api/plays/{name}/versions/2/diff?against=7", play).then().statusCode(404);
    }

    @Test
    void rollingBackPutsTheOldVersionInForce() {
        String[] fixture = teamAndAccount();
        String attribute = "back_" + unique("a").replace('-', '_');
        String play = "rollback-" + attribute;
        putPlay(ADMIN_TOKEN, play, notifying(fixture[0], attribute, "first")).statusCode(201);
        putPlay(ADMIN_TOKEN, play, notifying(fixture[0], attribute, "second")).statusCode(200);
        activate(play);
        assertEquals("second", messageOnChange(play, fixture[1], attribute));

        asAdmin().post("/api/plays/{name}/versions/1/activate", play).then().statusCode(200)
                .body("active", is(true)).body("version", is(1));
        asAdmin().get("/api/plays/{name}/versions", play).then()
                .body("find { it.version == 1 }.active", is(true))
                .body("find { it.version == 2 }.active", is(false));
        asAdmin().get("/api/plays/{name}", play).then().body("source", containsString("\"first\""));
        assertEquals("first", messageOnChange(play, fixture[1], attribute));

        // a save of the running play puts the new version in force, as before versions
        putPlay(ADMIN_TOKEN, play, notifying(fixture[0], attribute, "third")).statusCode(200).body("version", is(3));
        assertEquals("third", messageOnChange(play, fixture[1], attribute));
        asAdmin().post("/api/plays/{name}/versions/9/activate", play).then().statusCode(404);
    }

    @Test
    void aRefusedVersionCannotBeRolledBackTo() {
        String team = unique("Team");
        user("Rob Refused", "PRACTITIONER", team);
        String play = "refused-" + unique("p");
        putPlay(ADMIN_TOKEN, play, notifying(team, "stage", "ok")).statusCode(201);
        putPlay(ADMIN_TOKEN, play, notifying(team, "stage", "ok").replace("notify the", "notfy the")).statusCode(422);
        asAdmin().post("/api/plays/{name}/versions/2/activate", play).then().statusCode(422)
                .body("detail", containsString("does not compile"));
        asAdmin().get("/api/plays/{name}", play).then().body("active", is(false));
    }

    @Test
    void filesOfTheRulesDirectoryAreLoadedAsVersionsOnce() {
        String team = unique("Team");
        user("Fay File", "PRACTITIONER", team);
        String play = "file-" + unique("p").substring(2);
        // the files as the directory reads them (not written there, so that the scan does not load them first)
        PlayFile shipped = PlayFile.of(play + ".dslr", notifying(team, "stage", "from the file"));
        assertEquals(1, loader.load(List.of(shipped)));
        assertEquals(0, loader.load(List.of(shipped)), "loading the same file again (a restart) adds no version");
        List<Map<String, Object>> versions = versions(play);
        assertEquals(1, versions.size());
        assertEquals("rules/" + play + ".dslr", versions.get(0).get("author"));
        asAdmin().get("/api/plays/{name}/versions/1", play).then().body("origin", is("FILE"));

        // edited over the API: the unchanged file does not overwrite the edit on the next start
        putPlay(ADMIN_TOKEN, play, notifying(team, "stage", "edited")).statusCode(200).body("version", is(2));
        assertEquals(0, loader.load(List.of(shipped)));
        // the file changed (in git, then deployed): a new version
        assertEquals(1, loader.load(List.of(PlayFile.of(play + ".dslr", notifying(team, "stage", "changed in git")))));
        assertEquals(List.of(3, 2, 1), versions(play).stream().map(v -> v.get("version")).toList());

        // every shipped play was loaded once, at start, and a reload as at start adds none
        library.reload();
        asAdmin().get("/api/plays/{name}/versions", "onboarding-handover").then().statusCode(200)
                .body("size()", is(1)).body("[0].author", is("rules/onboarding-handover.dslr"));
    }

    @Test
    void anExportedPlayWrittenToTheRulesDirectoryAddsNoVersion() throws Exception {
        String team = unique("Team");
        user("Eve Export", "PRACTITIONER", team);
        String play = "export-" + unique("p").substring(2);
        String source = notifying(team, "stage", "exported");
        putPlay(ADMIN_TOKEN, play, source).statusCode(201);

        var response = asAdmin().get("/api/plays/{name}/export", play).then().statusCode(200)
                .contentType(containsString("text/plain"))
                .header("Content-Disposition", is("attachment; filename=\"" + play + ".dslr\""));
        String exported = response.extract().asString();
        assertEquals(source, exported);
        asAdmin().get("/api/plays/{name}/export?version=1", play).then().statusCode(200).body(is(source));

        Files.writeString(PlaysRulesDirectory.dir.resolve(play + ".dslr"), exported);
        assertEquals(0, loader.load(directory.plays().stream().filter(f -> f.name().equals(play)).toList()));
        assertEquals(1, versions(play).size(), "a file equal to the latest version is no new version");
        asAdmin().get("/api/plays/{name}/export", "no-such-play").then().statusCode(404);
    }

    @Test
    void anActivationMadeByAnotherInstanceIsInForceWithinSeconds() throws Exception {
        String[] fixture = teamAndAccount();
        String attribute = "other_" + unique("a").replace('-', '_');
        String play = "elsewhere-" + attribute;
        putPlay(ADMIN_TOKEN, play, notifying(fixture[0], attribute, "mine")).statusCode(201);
        activated.add(play);

        // what another instance writes when one of its users saves version 2 and activates it: rows, and the revision
        String theirs = notifying(fixture[0], attribute, "theirs");
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("update play_revision set revision = revision + 1");
                 PreparedStatement version = db.prepareStatement("insert into play_version (id, play, version, file_name, "
                         + "team, description, author, origin, created_at, source, source_hash, status, errors, warnings) "
                         + "values (nextval('play_version_seq'), ?, 2, ?, ?, 'versions test', 'other@example.com', 'API', "
                         + "now(), ?, ?, 'OK', '[]', '[]')");
                 PreparedStatement activation = db.prepareStatement("insert into play_activation (play, active, version, "
                         + "changed_at, changed_by) values (?, true, 2, now(), 'other@example.com')")) {
                lock.executeUpdate();
                version.setString(1, play);
                version.setString(2, play + ".dslr");
                version.setString(3, fixture[0]);
                version.setString(4, theirs);
                version.setString(5, PlaySources.hash(theirs));
                version.executeUpdate();
                activation.setString(1, play);
                activation.executeUpdate();
            }
            db.commit();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> library.book().runnable().contains(play));
        asAdmin().get("/api/plays/{name}", play).then().body("active", is(true)).body("version", is(2))
                .body("source", containsString("\"theirs\""));
        assertEquals("theirs", messageOnChange(play, fixture[1], attribute));
    }

    @Test
    void namesAreCheckedAgainstTheServiceWhenAPlayIsSaved() {
        String team = unique("Team");
        user("Nia Names", "PRACTITIONER", team);
        String play = "names-" + unique("p");
        putPlay(ADMIN_TOKEN, play, "// team: " + team + "\nexpander plays.dsl\n\nrule \"r\"\nwhen\n"
                + "    the account is created\nthen\n    assign the least loaded member of team \"Nobodies\" as "
                + "\"Chief Wizard\"\nend\n").statusCode(422)
                .body("errors.size()", is(2))
                .body("errors[0].line", is(8))
                .body("errors[0].column", is(44))
                .body("errors[0].message", containsString("no user belongs to the team \"Nobodies\""))
                .body("errors[1].line", is(8))
                .body("errors[1].column", is(58))
                .body("errors[1].message", containsString("there is no account role \"Chief Wizard\""));
        asAdmin().get("/api/plays/{name}/versions/1", play).then().body("status", is("ERROR"));

        putPlay(ADMIN_TOKEN, play + "-drl", "// team: Nowhere " + unique("x") + "\nrule \"r\"\nwhen\n"
                + "    $e : AccountEvent( type == EventType.ASSIGNMENT_CHANGED, role == \"no_such_role\" )\n"
                + "then\nend\n").statusCode(422)
                .body("errors[0].line", is(1))
                .body("errors[0].column", is(10))
                .body("errors[0].message", containsString("no user belongs to the team"))
                .body("errors[1].line", is(4))
                .body("errors[1].column", is(70));
    }

    @Test
    void anUnknownAttributeOrATeamWithNoActiveMemberIsAWarning() {
        String team = unique("Team");
        String gone = user("Gil Gone", "PRACTITIONER", team);
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", gone).then().statusCode(200);
        String attribute = "never_" + unique("a").replace('-', '_');
        String play = "warned-" + unique("p");
        putPlay(ADMIN_TOKEN, play, "// team: " + team + "\nexpander plays.dsl\n\nrule \"r\"\nwhen\n"
                + "    the account is created and its " + attribute + " is \"x\"\nthen\n"
                + "    clear the \"Sales Manager\"\nend\n").statusCode(201)
                .body("status", is("OK"))
                .body("warnings.size()", is(2))
                .body("warnings[0].line", is(1))
                .body("warnings[0].message", containsString("has no active member"))
                .body("warnings[1].line", is(6))
                .body("warnings[1].column", is(36))
                .body("warnings[1].message", containsString("no account has the attribute \"" + attribute + "\""));
        asAdmin().get("/api/plays/{name}", play).then().body("warnings.size()", is(2));
        asAdmin().get("/api/plays/{name}/versions/1", play).then().body("warnings[1].line", is(6));
    }

    @Test
    void aDryRunSaysWhenAPlayWouldAssignOverAnExistingHolder() {
        String team = unique("Team");
        String member = user("Dora Dry", "PRACTITIONER", team);
        String holder = user("Hal Holder", "PRACTITIONER", team);
        String held = account();
        assign(held, "success_manager", holder);
        String empty = account();
        String play = "over-" + unique("p");
        putPlay(ADMIN_TOKEN, play, "// team: " + team + "\nexpander plays.dsl\n\nrule \"r\"\nwhen\n"
                + "    the account is created\nthen\n    assign \"" + member + "\" as \"Success Manager\"\nend\n")
                .statusCode(201);
        asAdmin().body(Map.of("accountId", held, "event", Map.of("type", "ACCOUNT_CREATED")))
                .post("/api/plays/{name}/dry-run", play).then().statusCode(200)
                .body("changes[0].before", is(holder))
                .body("changes[0].overExistingHolder", is(true));
        asAdmin().body(Map.of("accountId", empty, "event", Map.of("type", "ACCOUNT_CREATED")))
                .post("/api/plays/{name}/dry-run", play).then().statusCode(200)
                .body("changes[0].overExistingHolder", is(false));
    }
}
