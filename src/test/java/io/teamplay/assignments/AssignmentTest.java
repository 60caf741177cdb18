package io.teamplay.assignments;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AssignmentTest {

    private static final String SUCCESS_MANAGER = "success_manager";

    private static Response putSeat(String accountId, Map<String, String> body) {
        return asAdmin().body(body).put("/api/accounts/{id}/team/{role}", accountId, SUCCESS_MANAGER);
    }

    @Test
    void shouldAssignActivePractitionersAndContributorsOnTheAccountPage() {
        String id = account();
        putSeat(id, Map.of("email", user("Pat", "PRACTITIONER"))).then().statusCode(200).body("tasksMoved", equalTo(0));
        String carl = user("Carl", "CONTRIBUTOR");
        putSeat(id, Map.of("email", carl)).then().statusCode(200)
                .body("assignment.role", equalTo(SUCCESS_MANAGER))
                .body("assignment.email", equalTo(carl))
                .body("assignment.name", equalTo("Carl"));
        asAdmin().get("/api/accounts/{id}", id).then()
                .body("team", hasSize(1))
                .body("team[0].email", equalTo(carl))
                .body("team[0].roleName", equalTo("Success Manager"));
    }

    @Test
    void shouldRefuseViewersDisabledAndUnknownUsersOnTheAccountPage() {
        String id = account();
        putSeat(id, Map.of("email", user("Vic", "VIEWER"))).then().statusCode(422)
                .body("errors[0].field", equalTo("email")).body("detail", containsString("VIEWER"));
        String gone = user("Gone", "PRACTITIONER");
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", gone).then().statusCode(200);
        putSeat(id, Map.of("email", gone)).then().statusCode(422).body("detail", containsString("disabled"));
        putSeat(id, Map.of("email", unique("nobody") + "@example.com")).then().statusCode(422);
        asAdmin().get("/api/accounts/{id}", id).then().body("team", empty());
        asAdmin().get("/api/accounts/{id}/history", id).then().body("$", empty());
    }

    @Test
    void shouldRefuseAnIneligibleUserInABulkEditToo() {
        String id = account(Map.of("region", unique("r")));
        String region = asAdmin().get("/api/accounts/{id}", id).then().extract().path("attributes.region");
        asAdmin().body(Map.of("filter", Map.of("attributes", Map.of("region", region)), "role", SUCCESS_MANAGER,
                        "email", user("Vic", "VIEWER")))
                .post("/api/accounts/bulk-assign").then().statusCode(422);
        asAdmin().get("/api/accounts/{id}", id).then().body("team", empty());
    }

    @Test
    void shouldResolveAUniqueNameToItsEmail() {
        String name = "Unique " + unique("n");
        String email = user(name, "PRACTITIONER");
        String id = account();
        putSeat(id, Map.of("name", name)).then().statusCode(200).body("assignment.email", equalTo(email));
    }

    @Test
    void shouldNotResolveANameBorneByTwoUsersEvenIfOneIsDisabled() {
        String name = "Sam " + unique("n");
        String active = user(name, "PRACTITIONER");
        String namesake = user(name, "PRACTITIONER");
        asAdmin().body(Map.of()).post("/api/users/{email}/disable", namesake).then().statusCode(200);
        String id = account();
        putSeat(id, Map.of("name", name)).then().statusCode(422)
                .body("errors[0].field", equalTo("name"))
                .body("detail", containsString("2 users are named"))
                .body("detail", containsString(active));
        asAdmin().get("/api/accounts/{id}", id).then().body("team", empty());
    }

    @Test
    void shouldNotResolveAnUnknownName() {
        putSeat(account(), Map.of("name", "Nobody " + unique("n"))).then().statusCode(422)
                .body("detail", containsString("No user is named"));
    }

    @Test
    void shouldLetTheEmailWinWhenNameAndEmailDisagree() {
        String ann = user("Ann", "PRACTITIONER");
        String bobName = "Bob " + unique("n");
        user(bobName, "PRACTITIONER");
        String id = account();
        putSeat(id, Map.of("email", ann, "name", bobName)).then().statusCode(200)
                .body("assignment.email", equalTo(ann)).body("assignment.name", equalTo("Ann"));
    }

    @Test
    void shouldTreatEmailsDifferingInCaseAndSpacesAsOnePerson() {
        String ann = user("Ann", "PRACTITIONER");
        String id = account();
        putSeat(id, Map.of("email", "  " + ann.toUpperCase() + " ")).then().statusCode(200)
                .body("assignment.email", equalTo(ann));
        putSeat(id, Map.of("email", ann)).then().statusCode(200);
        asAdmin().get("/api/accounts/{id}/history", id).then().body("$", hasSize(1));
        asAdmin().queryParam("assignee", ann.toUpperCase()).get("/api/accounts").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void shouldRecordEveryChangeInHistoryNewestFirst() {
        String ann = user("Ann", "PRACTITIONER");
        String bob = user("Bob", "PRACTITIONER");
        String id = account();
        assign(id, SUCCESS_MANAGER, ann);
        assign(id, SUCCESS_MANAGER, bob);
        asAdmin().delete("/api/accounts/{id}/team/{role}", id, SUCCESS_MANAGER).then().statusCode(204);
        asAdmin().get("/api/accounts/{id}/history", id).then()
                .body("$", hasSize(3))
                .body("[0].fromEmail", equalTo(bob)).body("[0].toEmail", nullValue())
                .body("[1].fromEmail", equalTo(ann)).body("[1].toEmail", equalTo(bob))
                .body("[2].fromEmail", nullValue()).body("[2].toEmail", equalTo(ann))
                .body("[1].source", equalTo("ACCOUNT_PAGE"))
                .body("[1].actor", equalTo("admin-token"))
                .body("[1].at", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldAnswer404ForUnknownAccountOrRole() {
        putSeat("no-such-account", Map.of("email", user("Ann", "PRACTITIONER"))).then().statusCode(404);
        asAdmin().body(Map.of("email", user("Ann", "PRACTITIONER")))
                .put("/api/accounts/{id}/team/{role}", account(), "no_such_role").then().statusCode(404);
    }

    @Test
    void shouldKeepOneHolderAndEveryHistoryRowUnderConcurrentChanges() throws Exception {
        String id = account();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(user("Racer " + i, "PRACTITIONER"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = people.stream()
                    .<Callable<Integer>>map(email -> () -> putSeat(id, Map.of("email", email)).statusCode())
                    .toList();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        List<Map<String, Object>> history = asAdmin().get("/api/accounts/{id}/history", id).then().extract().path("$");
        List<Map<String, Object>> team = asAdmin().get("/api/accounts/{id}", id).then().extract().path("team");
        assertEquals(1, team.size());
        assertEquals(8, history.size());
        assertEquals(team.get(0).get("email"), history.get(0).get("toEmail"));
        for (int i = 0; i < history.size() - 1; i++) {
            assertEquals(history.get(i + 1).get("toEmail"), history.get(i).get("fromEmail"), "history is an unbroken chain");
        }
    }
}
