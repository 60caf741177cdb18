package io.teamplay.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.as;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuthenticationTest {

    @Test
    void shouldRefuseCallsWithoutTokenAsProblemJson() {
        given().get("/api/roles").then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("type", equalTo("about:blank"))
                .body("detail", not(equalTo(null)));
    }

    @Test
    void shouldRefuseUnknownToken() {
        given().auth().oauth2("tp_not-a-token").get("/api/roles").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("The bearer token is unknown, revoked, or belongs to a disabled user"));
    }

    @Test
    void shouldLeaveHealthAndTheApiDocumentOpenEvenToABadToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().auth().oauth2("tp_not-a-token").get("/q/health/live").then().statusCode(200);
        given().auth().oauth2("tp_not-a-token").queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void shouldAcceptAUsersOwnTokenAndRecordThemAsActor() {
        String ann = userWith(unique("ann") + "@example.com", "Ann", "PRACTITIONER", "STANDARD");
        String token = tokenOf(ann);
        String id = account();
        as(token).body(Map.of("email", ann)).put("/api/accounts/{id}/team/success_manager", id).then().statusCode(200);
        asAdmin().get("/api/accounts/{id}/history", id).then().body("[0].actor", equalTo(ann));
    }

    @Test
    void shouldLetUsersIssueTheirOwnTokensButNotOthers() {
        String ann = userWith(unique("ann") + "@example.com", "Ann", "PRACTITIONER", "STANDARD");
        String bob = userWith(unique("bob") + "@example.com", "Bob", "PRACTITIONER", "STANDARD");
        String annToken = tokenOf(ann);
        as(annToken).post("/api/users/{email}/tokens", ann).then().statusCode(201);
        as(annToken).post("/api/users/{email}/tokens", bob).then().statusCode(403);
    }

    @Test
    void shouldForbidReadOnlyUsersFromChangingAnything() {
        String reader = userWith(unique("reader") + "@example.com", "Reader", "VIEWER", "READ_ONLY");
        String token = tokenOf(reader);
        String id = account();
        as(token).get("/api/accounts/{id}", id).then().statusCode(200);
        as(token).body(Map.of("id", unique("x"), "name", "X")).post("/api/accounts").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Forbidden"))
                .body("detail", equalTo("Only ADMIN, ADVANCED or STANDARD users may do this"));
        as(token).body(Map.of("email", reader)).put("/api/accounts/{id}/team/success_manager", id).then().statusCode(403);
        as(token).body(Map.of("accountId", id, "title", "t", "assignee", reader)).post("/api/tasks").then().statusCode(403);
    }

    @Test
    void shouldLetOnlyAdminAndAdvancedUsersChangeRolesAndPolicy() {
        String standard = tokenOf(userWith(unique("std") + "@example.com", "Std", "PRACTITIONER", "STANDARD"));
        String advanced = tokenOf(userWith(unique("adv") + "@example.com", "Adv", "PRACTITIONER", "ADVANCED"));
        as(standard).body(Map.of("displayName", unique("Role").replace("-", " "))).post("/api/roles").then().statusCode(403)
                .body("detail", equalTo("Only ADMIN or ADVANCED users may do this"));
        as(standard).body(Map.of("policy", "ALL_OPEN_TASKS")).put("/api/settings/task-ownership-policy").then().statusCode(403);
        as(advanced).body(Map.of("displayName", "Advanced " + unique("R").replace("-", ""))).post("/api/roles").then().statusCode(201);
        as(advanced).body(Map.of("policy", "ACCOUNT_ONLY")).put("/api/settings/task-ownership-policy").then().statusCode(200);
    }

    @Test
    void shouldRefuseTokensOfDisabledUsers() {
        String gone = userWith(unique("gone") + "@example.com", "Gone", "PRACTITIONER", "STANDARD");
        String token = tokenOf(gone);
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", gone).then().statusCode(200);
        as(token).get("/api/roles").then().statusCode(401);
    }
}
