package io.teamplay.web;

import io.quarkus.test.junit.QuarkusTest;
import io.teamplay.TestFixtures.WebSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.SALES_MANAGER;
import static io.teamplay.TestFixtures.SUCCESS_MANAGER;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.signIn;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The screens of issue 11 over HTTP: bulk edits over a filter, roles, users, imports and passwords set through a
 * one-time link; CSRF on every form and the API's permissions (READ_ONLY and the like refused).
 */
@QuarkusTest
class ScreensWebTest {

    @Test
    void shouldSayHowManyAccountsABulkAssignWillChangeWriteNothingThenAssignOnConfirm() {
        String segment = unique("seg");
        String tier = unique("tier");
        String ann = person("Ann Bulk", "STANDARD");
        String bob = person("Bob Bulk", "STANDARD");
        String first = account(Map.of("segment", segment, "tier", tier));
        String second = account(Map.of("segment", segment, "tier", tier));
        account(Map.of("segment", segment, "tier", "other"));
        assign(second, SALES_MANAGER, bob);
        WebSession session = signIn(ann, tokenOf(ann));

        session.given().queryParam("attribute", "segment", "tier").queryParam("value", segment, tier)
                .get("/accounts").then().statusCode(200).body(containsString("2 accounts match."))
                .body(containsString("Review the bulk assign"));
        session.given().formParams(bulkForm(segment, tier, "assign", bob)).formParam("csrf", session.csrf())
                .post("/accounts/bulk/preview").then().statusCode(200)
                .body(containsString("1 account will change</strong>\n  of 2 matched; 1 already is so"))
                .body(containsString("Nothing has been written yet."));
        asAdmin().get("/api/accounts/{id}", first).then().body("team", org.hamcrest.Matchers.empty());

        session.given().formParams(bulkForm(segment, tier, "assign", bob)).formParam("csrf", "forged")
                .post("/accounts/bulk/apply").then().statusCode(403);
        session.given().formParams(bulkForm(segment, tier, "assign", bob)).formParam("csrf", session.csrf())
                .post("/accounts/bulk/apply").then().statusCode(200)
                .body(containsString("2 accounts matched,\n  1 changed, 0 open tasks moved."));
        asAdmin().get("/api/accounts/{id}/history", first).then()
                .body("[0].toEmail", equalTo(bob)).body("[0].source", equalTo("BULK_EDIT")).body("[0].actor", equalTo(ann));
    }

    @Test
    void shouldClearARoleOverTheFilterAfterConfirmingAndRefuseAReadOnlyUser() {
        String segment = unique("seg");
        String ann = person("Ann Clear", "STANDARD");
        String reader = person("Rita Clear", "READ_ONLY");
        String id = account(Map.of("segment", segment));
        assign(id, SUCCESS_MANAGER, ann);

        WebSession readOnly = signIn(reader, tokenOf(reader));
        readOnly.given().queryParam("attribute", "segment").queryParam("value", segment).get("/accounts").then()
                .statusCode(200).body(not(containsString("/accounts/bulk/preview")));
        readOnly.given().formParams(bulkForm(segment, null, "clear", null)).formParam("csrf", readOnly.csrf())
                .post("/accounts/bulk/apply").then().statusCode(403);
        asAdmin().get("/api/accounts/{id}", id).then().body("team[0].email", equalTo(ann));

        WebSession session = signIn(ann, tokenOf(ann));
        session.given().formParams(bulkForm(segment, null, "clear", null)).formParam("csrf", session.csrf())
                .post("/accounts/bulk/preview").then().statusCode(200).body(containsString("1 account will change"));
        session.given().formParams(bulkForm(segment, null, "clear", null)).formParam("csrf", session.csrf())
                .post("/accounts/bulk/apply").then().statusCode(200).body(containsString("1 changed"));
        asAdmin().get("/api/accounts/{id}/history", id).then()
                .body("[0].fromEmail", equalTo(ann)).body("[0].toEmail", nullValue()).body("[0].source", equalTo("BULK_EDIT"));
    }

    @Test
    void shouldEditARoleShowingARefusedNameAtItsFieldThenDeleteItAfterSayingHowManySeatsGo() {
        String advanced = person("Ada Role", "ADVANCED");
        String standard = person("Sam Role", "STANDARD");
        String name = "Renewal Owner " + unique("r").substring(2);
        String key = asAdmin().body(Map.of("displayName", name)).post("/api/roles").then().statusCode(201).extract().path("key");
        String id = account();
        assign(id, key, standard);
        WebSession session = signIn(advanced, tokenOf(advanced));

        session.given().formParam("displayName", "Renewal Owner!").formParam("source", "API").formParam("emptyValue", "CLEAR")
                .formParam("csrf", session.csrf()).post("/settings/roles/{key}", key).then().statusCode(200)
                .body(containsString("id=\"displayName-error\"")).body(containsString("aria-invalid=\"true\""))
                // the refused form comes back as typed
                .body(containsString("value=\"API\" selected")).body(containsString("value=\"CLEAR\" selected"));
        session.given().formParam("displayName", name + " Renamed").formParam("description", "Owns the renewal")
                .formParam("source", "API").formParam("emptyValue", "CLEAR").formParam("csrf", session.csrf())
                .post("/settings/roles/{key}", key).then().statusCode(200).body(containsString("saved (its key stays " + key));
        asAdmin().get("/api/roles/{key}", key).then().body("displayName", equalTo(name + " Renamed"))
                .body("source", equalTo("API")).body("editable", equalTo(false)).body("emptyValueBehavior", equalTo("CLEAR"));

        session.given().get("/settings/roles/{key}/delete", key).then().statusCode(200)
                .body(containsString("<strong>1 account</strong> has a " + name + " Renamed"));
        WebSession other = signIn(standard, tokenOf(standard));
        other.given().get("/settings/roles/{key}", key).then().statusCode(403);
        other.given().formParam("csrf", other.csrf()).post("/settings/roles/{key}/delete", key).then().statusCode(403);
        session.given().formParam("csrf", "forged").post("/settings/roles/{key}/delete", key).then().statusCode(403);
        session.given().formParam("csrf", session.csrf()).post("/settings/roles/{key}/delete", key).then().statusCode(303)
                .header("Location", containsString("/settings?deleted="));
        asAdmin().get("/api/roles/{key}", key).then().statusCode(404);
        asAdmin().get("/api/accounts/{id}/history", id).then().body("[0].source", equalTo("ROLE_DELETED"));
    }

    @Test
    void shouldCreateChangeDisableWithReassignmentAndReEnableAUserAsAnAdminOnly() {
        String admin = person("Adam Users", "ADMIN");
        String advanced = person("Ada Users", "ADVANCED");
        String leaver = person("Lea Leaver", "STANDARD");
        String taker = person("Tom Taker", "STANDARD");
        String viewerLicensed = userWith(unique("vic") + "@example.com", "Vic Viewer", "VIEWER", "STANDARD");
        String id = account();
        assign(id, SUCCESS_MANAGER, leaver);
        task(id, "Call", leaver, SUCCESS_MANAGER, "MANUAL");
        WebSession session = signIn(admin, tokenOf(admin));

        String created = unique("new") + "@example.com";
        session.given().formParam("email", created).formParam("name", "Nina New").formParam("license", "CONTRIBUTOR")
                .formParam("permission", "READ_ONLY").formParam("teams", "Enterprise, EMEA").formParam("csrf", session.csrf())
                .post("/settings/users").then().statusCode(200).body(containsString("User Nina New (" + created + ") created."));
        session.given().formParam("email", created).formParam("name", "Nina Again").formParam("license", "CONTRIBUTOR")
                .formParam("csrf", session.csrf()).post("/settings/users").then().statusCode(200)
                .body(containsString("id=\"new-email-error\"")).body(containsString("already exists"));
        session.given().formParam("license", "PRACTITIONER").formParam("permission", "ADVANCED").formParam("teams", "EMEA")
                .formParam("csrf", session.csrf()).post("/settings/users/{email}", created).then().statusCode(200);
        asAdmin().get("/api/users/{email}", created).then().body("license", equalTo("PRACTITIONER"))
                .body("permission", equalTo("ADVANCED")).body("teams", equalTo(java.util.List.of("EMEA")));

        session.given().queryParam("q", leaver).get("/settings/users").then().statusCode(200)
                .body(containsString("1 user matches.")).body(containsString("href=\"/settings/users/" + leaver + "\""));
        session.given().queryParam("q", "Vic Viewer").get("/settings/users/{email}/takers", leaver).then().statusCode(200)
                .body(not(containsString(viewerLicensed)));
        session.given().queryParam("q", taker).get("/settings/users/{email}/takers", leaver).then().statusCode(200)
                .body(containsString("value=\"" + taker + "\""));
        session.given().formParam("reassignTo", "").formParam("csrf", session.csrf())
                .post("/settings/users/{email}/disable", leaver).then().statusCode(200)
                .body(containsString("id=\"reassignTo-error\"")).body(containsString("still owns 1 assignment(s) and 1 open task(s)"));
        session.given().formParam("reassignTo", viewerLicensed).formParam("csrf", session.csrf())
                .post("/settings/users/{email}/disable", leaver).then().statusCode(200)
                .body(containsString("id=\"reassignTo-error\""));
        asAdmin().get("/api/users/{email}", leaver).then().body("status", equalTo("ACTIVE"));
        WebSession notAdmin = signIn(advanced, tokenOf(advanced));
        notAdmin.given().formParam("reassignTo", taker).formParam("csrf", notAdmin.csrf())
                .post("/settings/users/{email}/disable", leaver).then().statusCode(403);
        notAdmin.given().get("/settings/users/{email}", leaver).then().statusCode(200)
                .body(not(containsString("/disable\""))).body(not(containsString("password-link")));

        session.given().formParam("reassignTo", taker).formParam("csrf", session.csrf())
                .post("/settings/users/{email}/disable", leaver).then().statusCode(200)
                .body(containsString("Disabled. 1 assignment and 1 open task moved to " + taker + "."));
        asAdmin().get("/api/accounts/{id}", id).then().body("team[0].email", equalTo(taker));
        session.given().formParam("csrf", session.csrf()).post("/settings/users/{email}/enable", leaver).then()
                .statusCode(200).body(containsString("Active again."));
        asAdmin().get("/api/users/{email}", leaver).then().body("status", equalTo("ACTIVE"));
        asAdmin().get("/api/accounts/{id}", id).then().body("team[0].email", equalTo(taker));
    }

    @Test
    void shouldImportAnUploadedCsvInTheBackgroundAndReportItsBadRowAsHtmlAndCsv() {
        String ann = person("Ann Import", "STANDARD");
        String first = unique("imp");
        String second = unique("imp");
        String csv = "account_id,name,success_manager___tid\n" + first + ",First," + ann + "\n"
                + second + ",Second,not-an-email\n";
        WebSession session = signIn(ann, tokenOf(ann));

        session.given().multiPart("file", "accounts.csv", csv.getBytes(), "text/csv").multiPart("csrf", "forged")
                .post("/imports").then().statusCode(403);
        String location = session.given().multiPart("file", "accounts.csv", csv.getBytes(), "text/csv")
                .multiPart("csrf", session.csrf()).post("/imports").then().statusCode(303)
                .header("Location", containsString("/imports/imp-")).extract().header("Location");
        String path = location.substring(location.indexOf("/imports/"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                session.given().get(path + "/progress").then().statusCode(200).extract().asString().contains("<strong>DONE</strong>"));
        session.given().get(path).then().statusCode(200)
                .body(containsString("1 created")).body(containsString("<strong>1 error</strong>"))
                .body(containsString("<td>3</td><td>success_manager___tid</td>"))
                .body(not(containsString("hx-trigger=\"every 1s\"")));
        String errors = session.given().get(path + "/errors.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        assertThat(errors, startsWith("line,column,message\r\n3,success_manager___tid,"));
        asAdmin().get("/api/accounts/{id}", first).then().statusCode(200).body("team[0].email", equalTo(ann));
        asAdmin().get("/api/accounts/{id}", second).then().statusCode(404);

        session.given().multiPart("file", "bad.csv", "name\nx\n".getBytes(), "text/csv").multiPart("csrf", session.csrf())
                .post("/imports").then().statusCode(400).body(containsString("id=\"file-error\""));
        String reader = person("Rita Import", "READ_ONLY");
        WebSession readOnly = signIn(reader, tokenOf(reader));
        readOnly.given().get("/imports").then().statusCode(200).body(containsString("does not allow imports"))
                .body(not(containsString("enctype")));
        readOnly.given().multiPart("file", "accounts.csv", csv.getBytes(), "text/csv").multiPart("csrf", readOnly.csrf())
                .post("/imports").then().statusCode(403);
        readOnly.given().get(path).then().statusCode(403);
    }

    @Test
    void shouldSetAPasswordThroughAOneTimeLinkThatWorksOnceAndSignInWithIt() {
        String admin = person("Adam Links", "ADMIN");
        String ann = person("Ann Password", "STANDARD");
        WebSession session = signIn(admin, tokenOf(admin));
        String token = linkToken(session.given().formParam("csrf", session.csrf())
                .post("/settings/users/{email}/password-link", ann).then().statusCode(200)
                .body(containsString("One-time link created")).extract().asString());

        var form = given().get("/password/{token}", token).then().statusCode(200).body(containsString(ann)).extract();
        given().cookie("tp_sign_in", form.cookie("tp_sign_in")).formParam("csrf", csrfOf(form.asString()))
                .formParam("password", "short").formParam("confirm", "short")
                .post("/password/{token}", token).then().statusCode(400)
                .body(containsString("id=\"new-password-error\"")).body(containsString("at least 12 characters"));
        given().formParam("password", "a long enough password").formParam("confirm", "a long enough password")
                .post("/password/{token}", token).then().statusCode(403);
        given().redirects().follow(false).cookie("tp_sign_in", form.cookie("tp_sign_in"))
                .formParam("csrf", csrfOf(form.asString()))
                .formParam("password", "a long enough password").formParam("confirm", "a long enough password")
                .post("/password/{token}", token).then().statusCode(303).header("Location", containsString("/sign-in?password-set"));
        given().get("/password/{token}", token).then().statusCode(404).body(containsString("Link not valid"));

        var signInForm = given().get("/sign-in").then().statusCode(200).extract();
        given().redirects().follow(false).cookie("tp_sign_in", signInForm.cookie("tp_sign_in"))
                .formParam("csrf", csrfOf(signInForm.asString())).formParam("email", ann).formParam("password", "wrong password!")
                .post("/sign-in/password").then().statusCode(401).body(containsString("do not match an active user"));
        String cookie = given().redirects().follow(false).cookie("tp_sign_in", signInForm.cookie("tp_sign_in"))
                .formParam("csrf", csrfOf(signInForm.asString())).formParam("email", ann.toUpperCase())
                .formParam("password", "a long enough password").formParam("next", "/notifications")
                .post("/sign-in/password").then().statusCode(303).header("Location", containsString("/notifications"))
                .extract().cookie("tp_session");
        given().cookie("tp_session", cookie).get("/accounts").then().statusCode(200).body(containsString("Signed in as Ann Password"));

        WebSession standard = signIn(ann, tokenOf(ann));
        standard.given().formParam("csrf", standard.csrf()).post("/settings/users/{email}/password-link", ann).then().statusCode(403);
    }

    @Test
    void shouldReEnableAUserAndGiveAPasswordLinkOverTheApiToAnAdminOnly() {
        String ann = person("Ann Api", "STANDARD");
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", ann).then().statusCode(200);
        asAdmin().post("/api/users/{email}/password-link", ann).then().statusCode(409);
        asAdmin().post("/api/users/{email}/enable", ann).then().statusCode(200).body("status", equalTo("ACTIVE"));
        String url = asAdmin().post("/api/users/{email}/password-link", ann).then().statusCode(201)
                .body("expiresAt", org.hamcrest.Matchers.notNullValue()).extract().path("url");
        assertThat(url, containsString("/password/tp_"));
        given().get(url.substring(url.indexOf("/password/"))).then().statusCode(200).body(containsString(ann));
        io.teamplay.TestFixtures.as(tokenOf(ann)).post("/api/users/{email}/password-link", ann).then().statusCode(403);
    }

    private static Map<String, Object> bulkForm(String segment, String tier, String action, String email) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("attribute", tier == null ? "segment" : "segment",
                "value", segment, "action", action, "bulkRole", action.equals("clear") ? SUCCESS_MANAGER : SALES_MANAGER));
        if (tier != null) {
            form.put("attribute", java.util.List.of("segment", "tier"));
            form.put("value", java.util.List.of(segment, tier));
        }
        if (email != null) {
            form.put("bulkEmail", email);
        }
        return form;
    }

    private static String linkToken(String html) {
        Matcher found = Pattern.compile("id=\"password-link\" href=\"[^\"]*/password/([^\"]+)\"").matcher(html);
        assertThat("a link on the page", found.find());
        return found.group(1);
    }

    private static String csrfOf(String html) {
        return io.teamplay.TestFixtures.csrfIn(html);
    }

    private static String person(String name, String permission) {
        return userWith(unique(name.toLowerCase().replace(' ', '.')) + "@example.com", name, "PRACTITIONER", permission);
    }
}
