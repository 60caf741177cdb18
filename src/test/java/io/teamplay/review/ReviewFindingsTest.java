package io.teamplay.review;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.user;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@io.quarkus.test.common.QuarkusTestResource(io.teamplay.plays.PlaysRulesDirectory.class)
class ReviewFindingsTest {

    @Test
    void createRoleWithoutBodyIs400() {
        asAdmin().post("/api/roles").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void patchRoleWithoutBodyIs400() {
        asAdmin().patch("/api/roles/{key}", "success_manager").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownTaskStatusFilterIs400() {
        asAdmin().get("/api/tasks?status=BOGUS").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void nonNumericPageSizeIs400() {
        asAdmin().get("/api/users?size=abc").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void pageFarBeyondTheEndIsNotA500() {
        asAdmin().get("/api/users?page=3000000&size=1000").then()
                .statusCode(anyOf(is(200), is(400)));
        asAdmin().get("/api/accounts?page=3000000&size=1000").then()
                .statusCode(anyOf(is(200), is(400)));
        asAdmin().get("/api/tasks?page=3000000&size=1000").then()
                .statusCode(anyOf(is(200), is(400)));
    }

    @Test
    void nulCharacterInPathIsNotA500() {
        asAdmin().get("/api/users/a%00b@example.com").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/api/accounts/a%00b").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void paddedAccountIdInTeamPathAssignsTheAccount() {
        String id = account();
        String pat = user("Pat", "PRACTITIONER");
        asAdmin().body(Map.of("email", pat)).put("/api/accounts/{id}/team/{role}", " " + id, "success_manager")
                .then().statusCode(anyOf(is(200), is(404)));
        int putStatus = asAdmin().body(Map.of("email", pat)).put("/api/accounts/{id}/team/{role}", " " + id, "success_manager")
                .statusCode();
        if (putStatus == 200) {
            asAdmin().get("/api/accounts/{id}", id).then().statusCode(200).body("team", hasSize(1))
                    .body("team[0].email", equalTo(pat));
        }
    }

    @Test
    void taskByRoleAcceptsTheRoleKeyInAnyCase() {
        String id = account();
        String pat = user("Pat", "PRACTITIONER");
        assign(id, "success_manager", pat);
        asAdmin().body(Map.of("accountId", id, "title", "t", "role", "Success_Manager"))
                .post("/api/tasks").then().statusCode(201).body("assignee", equalTo(pat))
                .body("role", equalTo("success_manager"));
    }

    @Test
    void wrongJsonTypesAre400ProblemDocuments() {
        asAdmin().body("{\"email\":\"x-" + unique("a") + "@example.com\",\"name\":\"X\",\"license\":\"BOGUS\"}")
                .post("/api/users").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("license"));
        asAdmin().body("{\"email\":{\"a\":1},\"name\":\"X\",\"license\":\"VIEWER\"}")
                .post("/api/users").then().statusCode(400).contentType("application/problem+json");
        asAdmin().body("[1,2]").post("/api/users").then().statusCode(400).contentType("application/problem+json");
        asAdmin().body("{").post("/api/users").then().statusCode(400).contentType("application/problem+json");
        String id = account();
        asAdmin().body("{\"email\":[\"a@b.com\"]}").put("/api/accounts/{id}/team/{role}", id, "success_manager")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().body("{\"attributes\":\"x\"}").patch("/api/accounts/{id}", id)
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().body("{\"policy\":\"NOPE\"}").put("/api/settings/task-ownership-policy")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().body("{\"displayName\":\"R\",\"editable\":\"maybe\"}").post("/api/roles")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().body("{\"accountId\":\"" + id + "\",\"title\":\"t\",\"dueDate\":\"tomorrow\"}").post("/api/tasks")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().body("{\"reassignTo\":5}").post("/api/users/{e}/disable", user("Dis", "VIEWER"))
                .then().statusCode(anyOf(is(200), is(400)));
    }

    @Test
    void concurrentCreationOfTheSameUserAnswers201And409s() throws Exception {
        String email = unique("twin") + "@example.com";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Integer> call = () -> asAdmin()
                        .body(Map.of("email", email, "name", "Twin", "license", "VIEWER"))
                        .post("/api/users").statusCode();
                answers.add(pool.submit(call));
            }
            int created = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 201 || status == 409, "status " + status);
                created += status == 201 ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreationOfTheSameAccountAnswers201And409s() throws Exception {
        String id = unique("acct");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Integer> call = () -> asAdmin()
                        .body(Map.of("id", id, "name", "Twin"))
                        .post("/api/accounts").statusCode();
                answers.add(pool.submit(call));
            }
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 201 || status == 409, "status " + status);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void taskCannotBeGivenToADisabledUser() {
        String id = account();
        String gone = user("Gone", "PRACTITIONER");
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", gone).then().statusCode(200);
        asAdmin().body(Map.of("accountId", id, "title", "t", "assignee", gone))
                .post("/api/tasks").then().statusCode(422);
    }

    @Test
    void segmentRoleFilterIgnoresKeyCase() {
        String id = account();
        String pat = user("Pat", "PRACTITIONER");
        assign(id, "success_manager", pat);
        asAdmin().get("/api/accounts?role=Success_Manager&assignee=" + pat.toUpperCase()).then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void aUserBeingDisabledCannotBeGivenASeatMeanwhile() throws Exception {
        String ann = user("Ann", "PRACTITIONER");
        String late = account();
        disableWithManySeatsWhile(ann, () -> asAdmin().body(Map.of("email", ann))
                .put("/api/accounts/{id}/team/{role}", late, "sales_manager"));
        asAdmin().get("/api/users/{email}", ann).then().body("status", equalTo("DISABLED"));
        asAdmin().get("/api/accounts?assignee=" + ann).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aUserBeingDisabledCannotBeGivenATaskMeanwhile() throws Exception {
        String ann = user("Ann", "PRACTITIONER");
        String late = account();
        disableWithManySeatsWhile(ann, () -> asAdmin().body(Map.of("accountId", late, "title", "late", "assignee", ann))
                .post("/api/tasks"));
        asAdmin().get("/api/tasks?assignee=" + ann + "&status=OPEN").then().statusCode(200).body("total", equalTo(0));
    }

    /** Gives the user 120 seats, then disables them into a fresh user while {@code attempt} runs again and again. */
    private static void disableWithManySeatsWhile(String user, Runnable attempt) throws Exception {
        String bob = user("Bob", "PRACTITIONER");
        for (int i = 0; i < 120; i++) {
            assign(account(), "success_manager", user);
        }
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<Integer> disabling = pool.submit(() -> asAdmin().body(Map.of("reassignTo", bob))
                    .post("/api/users/{email}/disable", user).statusCode());
            long until = System.currentTimeMillis() + 20_000;
            while (!disabling.isDone() && System.currentTimeMillis() < until) {
                attempt.run();
                Thread.sleep(20);
            }
            assertEquals(200, disabling.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void overlongOrNulTextIs400NotA500() {
        String longName = "N".repeat(300);
        asAdmin().body(Map.of("email", unique("long") + "@example.com", "name", longName, "license", "VIEWER"))
                .post("/api/users").then().statusCode(400).contentType("application/problem+json");
        asAdmin().body(Map.of("email", unique("team") + "@example.com", "name", "T", "license", "VIEWER",
                        "teams", List.of("t".repeat(300))))
                .post("/api/users").then().statusCode(400).contentType("application/problem+json");
        asAdmin().body(Map.of("id", unique("acct"), "name", "A".repeat(600)))
                .post("/api/accounts").then().statusCode(400).contentType("application/problem+json");
        asAdmin().body(Map.of("id", unique("acct"), "name", "nul\u0000byte"))
                .post("/api/accounts").then().statusCode(400).contentType("application/problem+json");
        String id = account();
        String pat = user("Pat", "PRACTITIONER");
        asAdmin().body(Map.of("accountId", id, "title", "T".repeat(1200), "assignee", pat))
                .post("/api/tasks").then().statusCode(400).contentType("application/problem+json");
        asAdmin().body(Map.of("displayName", "Long Desc " + unique("r").replace("-", ""), "description", "d".repeat(1200)))
                .post("/api/roles").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aPlayCreatingATaskForADisabledHolderRecordsAFailedRun() throws Exception {
        String team = unique("Team");
        String gone = user("Gone Holder", "PRACTITIONER", team);
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", gone).then().statusCode(200);
        String id = account();
        io.restassured.RestAssured.given().auth().oauth2(io.teamplay.TestFixtures.ADMIN_TOKEN).contentType("text/csv")
                .body("account_id,success_manager___tid\n" + id + "," + gone + "\n")
                .post("/api/imports/accounts").then().statusCode(200).body("errors", hasSize(0));
        String attribute = "rv_" + unique("a").replace('-', '_');
        String play = "review-" + attribute;
        String source = "// team: " + team + "\n// description: test play\nexpander plays.dsl\n\nrule \"test rule\"\nwhen\n    "
                + "the " + attribute + " changes to \"yes\"" + "\nthen\n    "
                + "create a task \"Follow up\" for the \"Success Manager\" due in 2 days" + "\nend\n";
        io.restassured.RestAssured.given().auth().oauth2(io.teamplay.TestFixtures.ADMIN_TOKEN).contentType("text/plain").body(source)
                .put("/api/plays/{name}", play).then().statusCode(201);
        asAdmin().post("/api/plays/{name}/activate", play).then().statusCode(200);
        try {
            asAdmin().body(Map.of("id", "ext-" + attribute, "type", "ATTRIBUTE_CHANGED", "accountId", id,
                    "attribute", attribute, "oldValue", "no", "newValue", "yes")).post("/api/events").then().statusCode(202);
            String status = null;
            long until = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < until) {
                status = asAdmin().get("/api/events/{id}", "ext-" + attribute).then().extract().path("event.status");
                if ("DONE".equals(status) || "FAILED".equals(status)) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("DONE", status);
            asAdmin().get("/api/plays/{name}/runs", play).then().statusCode(200)
                    .body("[0].outcome", equalTo("FAILED")).body("[0].reason", containsString("disabled"));
            asAdmin().get("/api/tasks?accountId=" + id).then().body("total", equalTo(0));
        } finally {
            asAdmin().post("/api/plays/{name}/deactivate", play);
        }
    }

    @Test
    void disablingTwoUsersIntoEachOtherConcurrentlyLeavesNoDisabledOwnerAndNo500() throws Exception {
        String ann = user("Ann", "PRACTITIONER");
        String bob = user("Bob", "PRACTITIONER");
        for (int i = 0; i < 40; i++) {
            assign(account(), "success_manager", ann);
            assign(account(), "success_manager", bob);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = pool.submit(() -> asAdmin().body(Map.of("reassignTo", bob))
                    .post("/api/users/{email}/disable", ann).statusCode());
            Future<Integer> two = pool.submit(() -> asAdmin().body(Map.of("reassignTo", ann))
                    .post("/api/users/{email}/disable", bob).statusCode());
            int first = one.get();
            int second = two.get();
            assertTrue(first < 500 && second < 500, first + " / " + second);
        } finally {
            pool.shutdownNow();
        }
        for (String email : List.of(ann, bob)) {
            String status = asAdmin().get("/api/users/{email}", email).then().extract().path("status");
            if ("DISABLED".equals(status)) {
                asAdmin().get("/api/accounts?assignee=" + email).then().body("total", equalTo(0));
            }
        }
    }
}
