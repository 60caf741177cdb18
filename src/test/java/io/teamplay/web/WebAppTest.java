package io.teamplay.web;

import io.quarkus.test.junit.QuarkusTest;
import io.teamplay.TestFixtures.WebSession;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.SUCCESS_MANAGER;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.signIn;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The web app over HTTP: sign-in, the session cookie, CSRF, and the permissions the API has. */
@QuarkusTest
class WebAppTest {

    @Test
    void shouldSendASignedOutBrowserToTheSignInPageAndKeepTheApiAnswering401() {
        given().redirects().follow(false).get("/accounts/acme").then()
                .statusCode(303).header("Location", allOf(containsString("/sign-in?next="), containsString("accounts%2Facme")));
        given().redirects().follow(false).get("/notifications").then().statusCode(303);
        given().get("/api/accounts/acme").then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldOpenASessionWithAnHttpOnlySameSiteStrictCookieThatNeverAuthorisesTheApi() {
        String ann = person("Ann Web", "STANDARD");
        var form = given().get("/sign-in").then().statusCode(200).extract();
        String setCookie = given().redirects().follow(false).cookie("tp_sign_in", form.cookie("tp_sign_in"))
                .formParam("email", ann.toUpperCase()).formParam("token", tokenOf(ann))
                .formParam("csrf", io.teamplay.TestFixtures.csrfIn(form.asString())).formParam("next", "//evil.example/x")
                .post("/sign-in").then().statusCode(303).header("Location", equalTo(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/accounts"))
                .extract().headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("tp_session=")).findFirst().orElseThrow();
        org.hamcrest.MatcherAssert.assertThat(setCookie, allOf(startsWith("tp_session="), containsString("HttpOnly"),
                containsString("SameSite=Strict")));
        WebSession session = signIn(ann, tokenOf(ann));
        session.given().get("/accounts").then().statusCode(200).body(containsString("Signed in as Ann Web"));
        session.given().get("/api/roles").then().statusCode(401);
    }

    @Test
    void shouldRefuseAWrongTokenAndASignInFormWithoutItsToken() {
        String ann = person("Ann Wrong", "STANDARD");
        var form = given().get("/sign-in").then().statusCode(200).extract();
        given().redirects().follow(false).cookie("tp_sign_in", form.cookie("tp_sign_in"))
                .formParam("email", ann).formParam("token", "tp_not-a-token")
                .formParam("csrf", io.teamplay.TestFixtures.csrfIn(form.asString()))
                .post("/sign-in").then().statusCode(401).header("Set-Cookie", not(containsString("tp_session=tp_")))
                .body(containsString("do not match an active user"));
        given().redirects().follow(false).formParam("email", ann).formParam("token", tokenOf(ann))
                .post("/sign-in").then().statusCode(403).body(containsString("The form had expired"));
    }

    @Test
    void shouldRefuseSignInsForAnEmailUncheckedAfterFiveFailuresWhileOthersStillSignIn() {
        String ann = person("Ann Guessed", "STANDARD");
        String bob = person("Bob Unguessed", "STANDARD");
        for (int attempt = 0; attempt < 4; attempt++) {
            signInAs(ann, "tp_wrong-" + attempt).statusCode(401);
        }
        signInAs(ann, tokenOf(ann)).statusCode(303);
        for (int attempt = 0; attempt < 5; attempt++) {
            signInAs(ann, "tp_wrong-again-" + attempt).statusCode(401);
        }
        signInAs(ann.toUpperCase(), tokenOf(ann)).statusCode(429).header("Retry-After", matchesPattern("[0-9]+"))
                .header("Set-Cookie", not(containsString("tp_session=tp_")))
                .body(containsString("Too many failed sign-ins for this email. Try again in 15 minutes."));
        var form = given().get("/sign-in").then().statusCode(200).extract();
        given().redirects().follow(false).cookie("tp_sign_in", form.cookie("tp_sign_in"))
                .formParam("csrf", io.teamplay.TestFixtures.csrfIn(form.asString()))
                .formParam("email", ann).formParam("password", "any password at all")
                .post("/sign-in/password").then().statusCode(429).body(containsString("Too many failed sign-ins"));
        signInAs(bob, tokenOf(bob)).statusCode(303);
    }

    private io.restassured.response.ValidatableResponse signInAs(String email, String token) {
        var form = given().get("/sign-in").then().statusCode(200).extract();
        return given().redirects().follow(false).cookie("tp_sign_in", form.cookie("tp_sign_in"))
                .formParam("csrf", io.teamplay.TestFixtures.csrfIn(form.asString()))
                .formParam("email", email).formParam("token", token)
                .post("/sign-in").then();
    }

    @Test
    void shouldChangeASeatFromTheAccountPageOnlyWithTheSessionsCsrfToken() {
        String ann = person("Ann Seat", "STANDARD");
        String bob = person("Bob Seat", "STANDARD");
        String id = account();
        assign(id, SUCCESS_MANAGER, ann);
        WebSession session = signIn(ann, tokenOf(ann));

        session.given().formParam("email", bob).formParam("csrf", "forged")
                .post("/accounts/{id}/team/{role}", id, SUCCESS_MANAGER).then().statusCode(403);
        asAdmin().get("/api/accounts/{id}", id).then().body("team[0].email", equalTo(ann));

        session.given().formParam("email", bob).formParam("csrf", session.csrf())
                .post("/accounts/{id}/team/{role}", id, SUCCESS_MANAGER).then().statusCode(200)
                .body(containsString("Success Manager is now Bob Seat (" + bob + "). 0 open tasks moved."));
        asAdmin().get("/api/accounts/{id}/history", id).then()
                .body("[0].toEmail", equalTo(bob)).body("[0].actor", equalTo(ann)).body("[0].source", equalTo("ACCOUNT_PAGE"));
    }

    @Test
    void shouldShowAReadOnlyUserNoEditControlsAndRefuseTheirForgedPost() {
        String reader = person("Rita Reader", "READ_ONLY");
        String ann = person("Ann Held", "STANDARD");
        String id = account();
        assign(id, SUCCESS_MANAGER, ann);
        WebSession session = signIn(reader, tokenOf(reader));

        session.given().get("/accounts/{id}", id).then().statusCode(200)
                .body(containsString("Ann Held")).body(not(containsString("/team/" + SUCCESS_MANAGER)));
        session.given().formParam("email", reader).formParam("csrf", session.csrf())
                .post("/accounts/{id}/team/{role}", id, SUCCESS_MANAGER).then().statusCode(403)
                .contentType(startsWith("text/html"));
        asAdmin().get("/api/accounts/{id}", id).then().body("team[0].email", equalTo(ann));
    }

    @Test
    void shouldOfferOnlyUsersEligibleOnTheAccountPageFoundByName() {
        String marker = unique("Zed");
        String practitioner = userWith(unique("p") + "@example.com", marker + " Practitioner", "PRACTITIONER", "STANDARD");
        String viewer = userWith(unique("v") + "@example.com", marker + " Viewer", "VIEWER", "STANDARD");
        String disabled = userWith(unique("d") + "@example.com", marker + " Gone", "CONTRIBUTOR", "STANDARD");
        asAdmin().body(java.util.Map.of()).post("/api/users/{email}/disable", disabled).then().statusCode(200);
        WebSession session = signIn(practitioner, tokenOf(practitioner));

        session.given().queryParam("q", marker.toLowerCase())
                .get("/accounts/{id}/team/{role}/candidates", account(), SUCCESS_MANAGER).then().statusCode(200)
                .body(containsString(practitioner)).body(not(containsString(viewer))).body(not(containsString(disabled)));
    }

    @Test
    void shouldShowARoleThatIsNotEditableLockedWithItsSourceAndNoControls() {
        String name = "Crm Owner " + unique("x").substring(2);
        String key = asAdmin().body(java.util.Map.of("displayName", name, "source", "INTEGRATION", "editable", false))
                .post("/api/roles").then().statusCode(201).extract().path("key");
        try {
            String ann = person("Ann Locked", "STANDARD");
            signIn(ann, tokenOf(ann)).given().get("/accounts/{id}", account()).then().statusCode(200)
                    .body(containsString("Locked: set by INTEGRATION only"))
                    .body(not(containsString("/team/" + key + "\"")));
        } finally {
            asAdmin().delete("/api/roles/{key}", key).then().statusCode(204);
        }
    }

    @Test
    void shouldLetAnAdvancedUserSetThePolicyAndRefuseAStandardUsersForgedPost() {
        String advanced = person("Ada Settings", "ADVANCED");
        String standard = person("Sam Settings", "STANDARD");
        WebSession session = signIn(advanced, tokenOf(advanced));
        try {
            session.given().formParam("policy", "OPEN_TASKS_EXCEPT_MANUAL").formParam("csrf", session.csrf())
                    .post("/settings/policy").then().statusCode(200)
                    .body(containsString("The task-ownership policy is now OPEN_TASKS_EXCEPT_MANUAL."));
            asAdmin().get("/api/settings/task-ownership-policy").then().body("policy", equalTo("OPEN_TASKS_EXCEPT_MANUAL"));

            WebSession other = signIn(standard, tokenOf(standard));
            other.given().get("/settings").then().statusCode(200)
                    .body(containsString("Now: <strong>OPEN_TASKS_EXCEPT_MANUAL</strong>"))
                    .body(not(containsString("action=\"/settings/policy\"")));
            other.given().formParam("policy", "ALL_OPEN_TASKS").formParam("csrf", other.csrf())
                    .post("/settings/policy").then().statusCode(403);
            asAdmin().get("/api/settings/task-ownership-policy").then().body("policy", equalTo("OPEN_TASKS_EXCEPT_MANUAL"));
        } finally {
            io.teamplay.TestFixtures.policy("ACCOUNT_ONLY");
        }
    }

    @Test
    void shouldShowARefusedRoleNameAtItsFieldAndAddNothing() {
        String advanced = person("Ada Roles", "ADVANCED");
        WebSession session = signIn(advanced, tokenOf(advanced));
        session.given().formParam("displayName", "Exec. Sponsor!").formParam("source", "APP").formParam("editable", "true")
                .formParam("emptyValue", "IGNORE").formParam("csrf", session.csrf())
                .post("/settings/roles").then().statusCode(200)
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("id=\"displayName-error\""))
                .body(containsString("value=\"Exec. Sponsor!\""));
        asAdmin().get("/api/roles").then().body("displayName", not(org.hamcrest.Matchers.hasItem("Exec. Sponsor!")));
    }

    @Test
    void shouldEndTheSessionOnSignOut() {
        String ann = person("Ann Out", "STANDARD");
        WebSession session = signIn(ann, tokenOf(ann));
        session.given().formParam("csrf", session.csrf()).post("/sign-out").then().statusCode(303)
                .header("Location", containsString("/sign-in"));
        session.given().get("/accounts").then().statusCode(303);
    }

    @Test
    void shouldAnswerAnUnknownAccountWithA404Page() {
        String ann = person("Ann Lost", "READ_ONLY");
        signIn(ann, tokenOf(ann)).given().get("/accounts/{id}", unique("nowhere")).then()
                .statusCode(404).contentType(startsWith("text/html")).body(containsString("Error 404"));
    }

    private static String person(String name, String permission) {
        return userWith(unique(name.toLowerCase().replace(' ', '.')) + "@example.com", name, "PRACTITIONER", permission);
    }
}
