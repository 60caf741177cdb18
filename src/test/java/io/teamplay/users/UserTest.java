package io.teamplay.users;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.assigneeOfTask;
import static io.teamplay.TestFixtures.policy;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.user;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class UserTest {

    @Test
    void shouldStoreEmailsNormalisedAndNeverTwiceForOnePerson() {
        String local = unique("Mixed.Case");
        asAdmin().body(Map.of("email", "  " + local.toUpperCase() + "@Example.COM ", "name", "Mixed Case", "license", "VIEWER",
                        "teams", List.of("Enterprise")))
                .post("/api/users").then().statusCode(201)
                .body("email", equalTo(local.toLowerCase() + "@example.com"))
                .body("permission", equalTo("STANDARD"))
                .body("status", equalTo("ACTIVE"))
                .body("teams", contains("Enterprise"));
        asAdmin().body(Map.of("email", local.toLowerCase() + "@example.com", "name", "Again", "license", "VIEWER"))
                .post("/api/users").then().statusCode(409);
        asAdmin().get("/api/users/{email}", local.toUpperCase() + "@EXAMPLE.com").then().statusCode(200)
                .body("name", equalTo("Mixed Case"));
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        asAdmin().body(Map.of("email", "not-an-email", "name", "X", "license", "VIEWER"))
                .post("/api/users").then().statusCode(400).body("errors[0].field", equalTo("email"));
        asAdmin().body(Map.of("email", unique("x") + "@example.com", "name", "X", "license", "OWNER"))
                .post("/api/users").then().statusCode(400).body("errors[0].field", equalTo("license"));
        asAdmin().body(Map.of("email", unique("x") + "@example.com", "license", "VIEWER"))
                .post("/api/users").then().statusCode(400).body("errors[0].field", equalTo("name"));
        asAdmin().get("/api/users/{email}", "nobody@example.com").then().statusCode(404);
    }

    @Test
    void shouldPatchNameLicensePermissionAndTeams() {
        String ann = user("Ann", "VIEWER");
        asAdmin().body(Map.of("name", "Ann Smith", "license", "PRACTITIONER", "permission", "ADVANCED", "teams", List.of("SMB", "Enterprise")))
                .patch("/api/users/{email}", ann).then().statusCode(200)
                .body("name", equalTo("Ann Smith"))
                .body("license", equalTo("PRACTITIONER"))
                .body("permission", equalTo("ADVANCED"))
                .body("teams", contains("Enterprise", "SMB"));
    }

    @Test
    void shouldRenameTheAssigneeOnTheirSeats() {
        String ann = user("Ann", "PRACTITIONER");
        String id = account();
        assign(id, "success_manager", ann);
        asAdmin().body(Map.of("name", "Ann Renamed")).patch("/api/users/{email}", ann).then().statusCode(200);
        asAdmin().get("/api/accounts/{id}", id).then().body("team[0].name", equalTo("Ann Renamed"));
    }

    @Test
    void shouldRefuseToDisableAnOwnerWithoutReassignTo() {
        String ann = user("Ann", "PRACTITIONER");
        String id = account();
        assign(id, "success_manager", ann);
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", ann).then().statusCode(409);
        asAdmin().get("/api/users/{email}", ann).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldRefuseToDisableOnlyOwningOpenTasksWithoutReassignTo() {
        String ann = user("Ann", "PRACTITIONER");
        task(account(), "Call", ann, null, "MANUAL");
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", ann).then().statusCode(409);
    }

    @Test
    void shouldRefuseAnIneligibleReassignToAndChangeNothing() {
        String ann = user("Ann", "PRACTITIONER");
        String viewer = user("Vic", "VIEWER");
        String id = account();
        assign(id, "success_manager", ann);
        asAdmin().body(Map.of("reassignTo", viewer)).post("/api/users/{email}/disable", ann).then()
                .statusCode(422).body("errors[0].field", equalTo("reassignTo"));
        asAdmin().body(Map.of("reassignTo", "nobody-" + unique("x") + "@example.com")).post("/api/users/{email}/disable", ann).then()
                .statusCode(422);
        asAdmin().get("/api/accounts/{id}", id).then().body("team[0].email", equalTo(ann));
        asAdmin().get("/api/users/{email}", ann).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldMoveEverythingInOneGoWhenDisablingWithReassignTo() {
        policy("ACCOUNT_ONLY");
        String ann = user("Ann", "PRACTITIONER");
        String bob = user("Bob", "CONTRIBUTOR");
        String first = account();
        String second = account();
        assign(first, "success_manager", ann);
        assign(second, "sales_manager", ann);
        long roleTask = task(first, "QBR", null, "success_manager", "MANUAL");
        long looseTask = task(second, "Renewal call", ann, null, "PLAY");
        long doneTask = task(second, "Old", ann, null, "MANUAL");
        asAdmin().post("/api/tasks/{id}/done", doneTask).then().statusCode(200);

        asAdmin().body(Map.of("reassignTo", bob.toUpperCase())).post("/api/users/{email}/disable", ann).then()
                .statusCode(200)
                .body("assignmentsMoved", equalTo(2))
                .body("tasksMoved", equalTo(2));

        asAdmin().get("/api/users/{email}", ann).then().body("status", equalTo("DISABLED"));
        asAdmin().get("/api/accounts/{id}", first).then().body("team[0].email", equalTo(bob));
        asAdmin().get("/api/accounts/{id}", second).then().body("team[0].email", equalTo(bob));
        asAdmin().get("/api/accounts/{id}/history", first).then()
                .body("[0].source", equalTo("USER_DISABLE")).body("[0].fromEmail", equalTo(ann));
        org.junit.jupiter.api.Assertions.assertEquals(bob, assigneeOfTask(roleTask));
        org.junit.jupiter.api.Assertions.assertEquals(bob, assigneeOfTask(looseTask));
        org.junit.jupiter.api.Assertions.assertEquals(ann, assigneeOfTask(doneTask));
    }

    @Test
    void shouldDisableSomeoneOwningNothingWithoutReassignTo() {
        String ann = user("Ann", "PRACTITIONER");
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", ann).then().statusCode(200)
                .body("assignmentsMoved", equalTo(0)).body("tasksMoved", equalTo(0));
    }
}
