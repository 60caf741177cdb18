package io.teamplay.web;

import io.quarkus.test.junit.QuarkusTest;
import io.teamplay.TestFixtures.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.signIn;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The play studio over HTTP: the same checks and permissions as the plays API, CSRF on every form, nothing lost. */
@QuarkusTest
class PlayStudioPagesTest {

    private final List<String> activated = new ArrayList<>();

    @AfterEach
    void deactivate() {
        activated.forEach(play -> asAdmin().post("/api/plays/{name}/deactivate", play));
    }

    /** A play of one rule; line 7 holds the trigger. */
    static String play(String team, String trigger, String action) {
        return "// team: " + team + "\n// description: studio test\nexpander plays.dsl\n\nrule \"studio rule\"\nwhen\n    "
                + trigger + "\nthen\n    " + action + "\nend\n";
    }

    private static String author(String team) {
        return userWith(unique("author") + "@example.com", "Studio Author", "PRACTITIONER", "ADVANCED", team);
    }

    @Test
    void shouldCheckATextAsYouTypeShowingTheErrorAtItsLineAndSaveNothing() {
        String team = unique("Studio");
        String author = author(team);
        WebSession session = signIn(author, tokenOf(author));
        String name = unique("typo-play");

        session.given().formParam("name", name).formParam("csrf", session.csrf())
                .formParam("source", play(team, "the account is creatd", "set the stage to \"onboarding\""))
                .post("/plays/check").then().statusCode(200)
                .body(containsString("1 error."))
                .body(containsString("data-line=\"7\""))
                .body(containsString("Line 7, column"))
                .body(containsString("<span class=\"wrong\">✖ 7</span>"))
                .body(containsString("hx-swap-oob=\"true\""));
        session.given().formParam("name", name).formParam("csrf", session.csrf())
                .formParam("source", play(team, "the account is created", "set the stage to \"onboarding\""))
                .post("/plays/check").then().statusCode(200)
                .body(containsString("No errors.")).body(not(containsString("class=\"wrong\"")));
        asAdmin().get("/api/plays/{name}/versions", name).then().statusCode(404);
    }

    @Test
    void shouldSaveANewVersionAndShowARefusedSaveWithItsErrorsKeptAsAnErrorVersion() {
        String team = unique("Studio");
        String author = author(team);
        WebSession session = signIn(author, tokenOf(author));
        String name = unique("saved-play");

        session.given().redirects().follow(false).formParam("name", name).formParam("csrf", session.csrf())
                .formParam("source", play(team, "the account is created", "set the stage to \"onboarding\""))
                .post("/plays/save").then().statusCode(303).header("Location", endsWith("/plays/" + name + "?saved=1"));
        session.given().get("/plays/{name}?saved=1", name).then().statusCode(200)
                .body(containsString("Saved as version 1")).body(containsString("Team <strong>" + team + "</strong>"))
                .body(containsString("<strong id=\"play-active\">Inactive</strong>"));

        session.given().formParam("name", name).formParam("csrf", session.csrf())
                .formParam("source", play(team, "the account is deleted", "set the stage to \"onboarding\""))
                .post("/plays/save").then().statusCode(422).contentType(startsWith("text/html"))
                .body(containsString("Refused:")).body(containsString("Line 7, column"))
                .body(containsString("the account is deleted"));
        asAdmin().get("/api/plays/{name}/versions", name).then().statusCode(200)
                .body("$", hasSize(2)).body("[0].status", equalTo("ERROR")).body("[1].status", equalTo("OK"));
        asAdmin().get("/api/plays/{name}", name).then().body("source", containsString("the account is created"));

        String refused = unique("refused-play");
        session.given().formParam("name", refused).formParam("csrf", session.csrf())
                .formParam("source", play(team, "the account is deleted", "set the stage to \"onboarding\""))
                .post("/plays/save").then().statusCode(422);
        String list = session.given().get("/plays").then().statusCode(200).extract().asString();
        String row = list.substring(list.indexOf("<tr id=\"play-" + refused + "\">"));
        org.hamcrest.MatcherAssert.assertThat(row.substring(0, row.indexOf("</tr>")),
                allOf(containsString("✖ Error"), containsString("Inactive"), not(containsString("activate"))));
        session.given().get("/plays/{name}", refused).then().statusCode(200)
                .body(containsString("the account is deleted")).body(containsString("Line 7, column"));
    }

    @Test
    void shouldRefuseEveryFormWithoutTheSessionsCsrfToken() {
        String team = unique("Studio");
        String author = author(team);
        WebSession session = signIn(author, tokenOf(author));
        String name = unique("csrf-play");
        String source = play(team, "the account is created", "set the stage to \"onboarding\"");

        session.given().formParam("name", name).formParam("csrf", "forged").formParam("source", source)
                .post("/plays/save").then().statusCode(403).contentType(startsWith("text/html"));
        session.given().formParam("name", name).formParam("source", source)
                .post("/plays/check").then().statusCode(403);
        asAdmin().get("/api/plays/{name}/versions", name).then().statusCode(404);

        asAdmin().contentType("text/plain").body(source).put("/api/plays/{name}", name).then().statusCode(201);
        session.given().formParam("csrf", "forged").post("/plays/{name}/activate", name).then().statusCode(403);
        asAdmin().get("/api/plays/{name}", name).then().body("active", equalTo(false));
    }

    @Test
    void shouldShowAReadOnlyUserAndAnOutsiderNoEditControlsAndRefuseTheirForgedPosts() {
        String team = unique("Studio");
        String name = unique("guarded-play");
        String source = play(team, "the account is created", "set the stage to \"onboarding\"");
        author(team);
        asAdmin().contentType("text/plain").body(source).put("/api/plays/{name}", name).then().statusCode(201);
        String reader = userWith(unique("reader") + "@example.com", "Rita Plays", "PRACTITIONER", "READ_ONLY", team);
        String outsider = userWith(unique("outsider") + "@example.com", "Otto Plays", "PRACTITIONER", "ADVANCED",
                unique("Elsewhere"));

        for (String email : List.of(reader, outsider)) {
            WebSession session = signIn(email, tokenOf(email));
            session.given().get("/plays").then().statusCode(200).body(containsString(name))
                    .body(not(containsString("/plays/" + name + "/activate")));
            session.given().get("/plays/{name}", name).then().statusCode(200)
                    .body(containsString("the account is created")).body(not(containsString("<textarea")))
                    .body(not(containsString("/plays/save")));
            session.given().get("/plays/{name}/try", name).then().statusCode(200)
                    .body(not(containsString("dry-run-form")));
            session.given().formParam("csrf", session.csrf()).post("/plays/{name}/activate", name).then()
                    .statusCode(403).contentType(startsWith("text/html"));
            session.given().formParam("csrf", session.csrf()).formParam("name", name)
                    .formParam("source", source.replace("onboarding", "hijacked"))
                    .post("/plays/save").then().statusCode(403);
            session.given().formParam("csrf", session.csrf()).formParam("accountId", account())
                    .post("/plays/{name}/dry-run", name).then().statusCode(403);
            session.given().get("/plays/{name}/versions/1/rollback", name).then().statusCode(403);
            session.given().formParam("csrf", session.csrf()).post("/plays/{name}/versions/1/rollback", name).then()
                    .statusCode(403);
        }
        WebSession readerSession = signIn(reader, tokenOf(reader));
        readerSession.given().formParam("csrf", readerSession.csrf()).formParam("name", name).formParam("source", source)
                .post("/plays/check").then().statusCode(403);
        asAdmin().get("/api/plays/{name}", name).then().body("active", equalTo(false))
                .body("source", not(containsString("hijacked")));
        asAdmin().get("/api/plays/{name}/versions", name).then().body("$", hasSize(1));
    }

    @Test
    void shouldShowTheDiffBetweenVersionsAndRollBackOnlyAfterConfirming() {
        String team = unique("Studio");
        String author = author(team);
        WebSession session = signIn(author, tokenOf(author));
        String name = unique("versioned-play");
        String segment = unique("never");
        String first = play(team, "the account is created and its segment is \"" + segment + "\"",
                "set the stage to \"onboarding\"");
        save(session, name, first);
        save(session, name, first.replace("\"onboarding\"", "\"kick-off\""));
        session.given().redirects().follow(false).formParam("csrf", session.csrf())
                .post("/plays/{name}/activate", name).then().statusCode(303);
        activated.add(name);

        session.given().get("/plays/{name}/versions", name).then().statusCode(200)
                .body(containsString("Version 2")).body(containsString("In force"))
                .body(containsString("Roll back to version 1…"));
        session.given().get("/plays/{name}/versions/2", name).then().statusCode(200)
                .body(containsString("Changes from version 1 to version 2"))
                .body(containsString("<span class=\"removed\">-    set the stage to &quot;onboarding&quot;</span>"))
                .body(containsString("<span class=\"added\">+    set the stage to &quot;kick-off&quot;</span>"));
        session.given().get("/plays/{name}/versions/compare?against=2&to=1", name).then().statusCode(200)
                .body(containsString("Changes from version 2 to version 1"));

        session.given().get("/plays/{name}/versions/1/rollback", name).then().statusCode(200)
                .body(containsString("Roll back to version 1?")).body(containsString("version 2, which runs now"));
        asAdmin().get("/api/plays/{name}/versions", name).then().body("[0].active", equalTo(true));

        session.given().redirects().follow(false).formParam("csrf", "forged")
                .post("/plays/{name}/versions/1/rollback", name).then().statusCode(403);
        session.given().redirects().follow(false).formParam("csrf", session.csrf())
                .post("/plays/{name}/versions/1/rollback", name).then().statusCode(303)
                .header("Location", containsString("done=rolled-back"));
        session.given().get("/plays/{name}/versions?done=rolled-back&version=1", name).then().statusCode(200)
                .body(containsString("Version 1 is in force; the play is active."));
        asAdmin().get("/api/plays/{name}/versions", name).then()
                .body("[0].active", equalTo(false)).body("[1].active", equalTo(true));
    }

    @Test
    void shouldDryRunOnOneAccountAndPreviewOverASegmentWritingNothing() {
        String team = unique("Studio");
        String author = author(team);
        WebSession session = signIn(author, tokenOf(author));
        String name = unique("tried-play");
        String segment = unique("seg");
        String id = account(Map.of("segment", segment));
        account(Map.of("segment", segment));
        save(session, name, play(team, "the account is created and its segment is \"" + segment + "\"",
                "set the stage to \"onboarding\""));

        session.given().formParam("csrf", session.csrf()).formParam("accountId", id)
                .formParam("eventType", "ACCOUNT_CREATED").post("/plays/{name}/dry-run", name).then().statusCode(200)
                .body(containsString("event ACCOUNT_CREATED")).body(containsString("Would change"))
                .body(containsString("onboarding"));
        session.given().formParam("csrf", session.csrf()).formParam("accountId", id)
                .post("/plays/{name}/dry-run", name).then().statusCode(200)
                .body(containsString("The play would do nothing on this account"));
        session.given().formParam("csrf", session.csrf()).formParam("accountId", "no-such-account")
                .post("/plays/{name}/dry-run", name).then().statusCode(200)
                .body(containsString("Refused:")).body(containsString("No account with id no-such-account"));

        session.given().formParam("csrf", session.csrf()).formParam("attribute", "segment")
                .formParam("value", segment).formParam("eventType", "ACCOUNT_CREATED")
                .post("/plays/{name}/preview", name).then().statusCode(200)
                .body(containsString("<strong>2</strong> accounts matched · <strong>2</strong> would change · "
                        + "<strong>0</strong> where the play would fail"))
                .body(containsString("/accounts/" + id));
        asAdmin().get("/api/accounts/{id}", id).then().body("attributes.stage", equalTo(null));
    }

    @Test
    void shouldListEachPlayWithTeamStatusActiveStateAndRecentRunsAndLetATeamMemberToggleIt() {
        String team = unique("Studio");
        String author = author(team);
        WebSession session = signIn(author, tokenOf(author));
        String name = unique("listed-play");
        String segment = unique("seg");
        save(session, name, play(team, "the account is created and its segment is \"" + segment + "\"",
                "set the stage to \"onboarding\""));
        session.given().get("/plays").then().statusCode(200)
                .body(containsString("<a href=\"/plays/" + name + "\">" + name + "</a>"))
                .body(containsString("/plays/" + name + "/activate"));

        session.given().redirects().follow(false).formParam("csrf", session.csrf())
                .post("/plays/{name}/activate", name).then().statusCode(303)
                .header("Location", allOf(containsString("/plays?play=" + name), containsString("done=activated")));
        activated.add(name);
        String id = account(Map.of("segment", segment));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                "onboarding".equals(asAdmin().get("/api/accounts/{id}", id).then().extract().path("attributes.stage")));

        String row = session.given().get("/plays?play={name}&done=activated", name).then().statusCode(200)
                .body(containsString("The play " + name + " is active")).extract().asString();
        String mine = row.substring(row.indexOf("<tr id=\"play-" + name + "\">"));
        mine = mine.substring(0, mine.indexOf("</tr>"));
        org.hamcrest.MatcherAssert.assertThat(mine, allOf(containsString(team), containsString("<strong>Active</strong>"),
                containsString("Deactivate"), containsString(">1<span class=\"visually-hidden\"> runs of")));
        session.given().get("/plays/{name}/runs", name).then().statusCode(200)
                .body(containsString("/accounts/" + id)).body(containsString("Applied"));
        session.given().get("/accounts/{id}", id).then().statusCode(200)
                .body(containsString("Plays that touched this account"))
                .body(containsString("<a href=\"/plays/" + name + "/runs\">" + name + "</a>"));
    }

    private static void save(WebSession session, String name, String source) {
        session.given().redirects().follow(false).formParam("name", name).formParam("csrf", session.csrf())
                .formParam("source", source).post("/plays/save").then().statusCode(303);
    }
}
