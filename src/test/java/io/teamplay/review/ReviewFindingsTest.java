package io.teamplay.review;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.user;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@io.quarkus.test.common.QuarkusTestResource(io.teamplay.plays.PlaysRulesDirectory.class)
class ReviewFindingsTest {

    @Inject
    DataSource dataSource;

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
    void aPageFarBeyondTheEndIsEmpty() {
        for (String list : List.of("/api/users", "/api/accounts", "/api/tasks")) {
            asAdmin().get(list + "?page=2000000&size=1000").then().statusCode(200)
                    .body("items", hasSize(0));
        }
    }

    @Test
    void aPageWhoseOffsetPassesTheLargestIntegerIs400NamingPage() {
        for (String list : List.of("/api/users", "/api/accounts", "/api/tasks")) {
            asAdmin().get(list + "?page=3000000&size=1000").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        }
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
                .then().statusCode(200);
        asAdmin().get("/api/accounts/{id}", id).then().statusCode(200).body("team", hasSize(1))
                .body("team[0].email", equalTo(pat));
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
        String holder = user("Dis", "PRACTITIONER");
        assign(id, "success_manager", holder);
        asAdmin().body("{\"reassignTo\":5}").post("/api/users/{e}/disable", holder)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reassignTo"));
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
            assertEquals(List.of(201, 409, 409, 409, 409, 409), sorted(answers));
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
            assertEquals(List.of(201, 409, 409, 409, 409, 409), sorted(answers));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> sorted(List<Future<Integer>> answers) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        statuses.sort(null);
        return statuses;
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
        int attempt = whileAUserIsBeingDisabled(ann, () -> asAdmin().body(Map.of("email", ann))
                .put("/api/accounts/{id}/team/{role}", late, "sales_manager").statusCode());
        assertEquals(422, attempt);
        asAdmin().get("/api/users/{email}", ann).then().body("status", equalTo("DISABLED"));
        asAdmin().get("/api/accounts?assignee=" + ann).then().statusCode(200).body("total", equalTo(0));
        asAdmin().get("/api/accounts/{id}", late).then().body("team", hasSize(0));
    }

    @Test
    void aUserBeingDisabledCannotBeGivenATaskMeanwhile() throws Exception {
        String ann = user("Ann", "PRACTITIONER");
        String late = account();
        int attempt = whileAUserIsBeingDisabled(ann, () -> asAdmin()
                .body(Map.of("accountId", late, "title", "late", "assignee", ann)).post("/api/tasks").statusCode());
        assertEquals(422, attempt);
        asAdmin().get("/api/users/{email}", ann).then().body("status", equalTo("DISABLED"));
        asAdmin().get("/api/tasks?assignee=" + ann + "&status=OPEN").then().statusCode(200).body("total", equalTo(0));
    }

    /**
     * Disables the user (who holds a seat) into a fresh user, and runs {@code attempt} while the disable is under way:
     * the disable holds the user's row and waits for the fresh user's, which this test holds until the attempt waits
     * too. Answers the attempt's status; the disable must answer 200.
     */
    private int whileAUserIsBeingDisabled(String user, Callable<Integer> attempt) throws Exception {
        String bob = user("Bob", "PRACTITIONER");
        assign(account(), "success_manager", user);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (UserRowsHeld held = new UserRowsHeld(bob)) {
            Future<Integer> disabling = pool.submit(() -> asAdmin().body(Map.of("reassignTo", bob))
                    .post("/api/users/{email}/disable", user).statusCode());
            held.awaitWaiting(1);
            Future<Integer> attempted = pool.submit(attempt);
            held.awaitWaiting(2);
            held.close();
            assertEquals(200, disabling.get(60, TimeUnit.SECONDS));
            return attempted.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Holds users' rows locked, as a concurrent transaction would, so requests touching them wait at a known point;
     * {@link #awaitWaiting} waits until that many requests wait for a lock on users.
     */
    private final class UserRowsHeld implements AutoCloseable {

        private final Connection connection;

        UserRowsHeld(String... emails) throws SQLException {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "select email from app_user where email = any (?) for update")) {
                lock.setArray(1, connection.createArrayOf("varchar", emails));
                lock.executeQuery().close();
            }
        }

        void awaitWaiting(int requests) {
            await(requests + " request(s) waiting for a lock on users").atMost(Duration.ofSeconds(30))
                    .until(() -> waitingOnUsers() >= requests);
        }

        /** Asked on a connection of its own: a transaction sees pg_stat_activity as it was at its first look. */
        private int waitingOnUsers() throws SQLException {
            try (Connection asking = dataSource.getConnection(); Statement query = asking.createStatement();
                 ResultSet count = query.executeQuery(
                    "select count(*) from pg_stat_activity where datname = current_database()"
                            + " and wait_event_type = 'Lock' and query ilike '%app_user%'")) {
                count.next();
                return count.getInt(1);
            }
        }

        @Override
        public void close() throws SQLException {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
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
        String id = account();
        io.teamplay.TestFixtures.assign(id, "success_manager", gone);
        // a seat a disabled user still holds: data from before integrations were refused leavers (no path makes it now)
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("update app_user set status = 'DISABLED' where email = '" + gone + "'");
        }
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
            String status = await().atMost(Duration.ofSeconds(15)).until(() -> asAdmin()
                    .get("/api/events/{id}", "ext-" + attribute).then().extract().<String>path("event.status"),
                    state -> "DONE".equals(state) || "FAILED".equals(state));
            assertEquals("DONE", status);
            asAdmin().get("/api/plays/{name}/runs", play).then().statusCode(200)
                    .body("[0].outcome", equalTo("FAILED")).body("[0].reason", containsString("disabled"));
            asAdmin().get("/api/tasks?accountId=" + id).then().body("total", equalTo(0));
        } finally {
            asAdmin().post("/api/plays/{name}/deactivate", play);
        }
    }

    @Test
    void disablingTwoUsersIntoEachOtherAtOnceDisablesOneAndAnswersTheOther409() throws Exception {
        String ann = user("Ann", "PRACTITIONER");
        String bob = user("Bob", "PRACTITIONER");
        String annsAccount = account();
        String bobsAccount = account();
        assign(annsAccount, "success_manager", ann);
        assign(bobsAccount, "success_manager", bob);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        try (UserRowsHeld held = new UserRowsHeld(ann, bob)) {
            // both start together: each takes its own user, then needs the other's (a deadlock PostgreSQL breaks)
            answers.add(pool.submit(() -> asAdmin().body(Map.of("reassignTo", bob))
                    .post("/api/users/{email}/disable", ann).statusCode()));
            answers.add(pool.submit(() -> asAdmin().body(Map.of("reassignTo", ann))
                    .post("/api/users/{email}/disable", bob).statusCode()));
            held.awaitWaiting(2);
            held.close();
            assertEquals(List.of(200, 409), sorted(answers));
        } finally {
            pool.shutdownNow();
        }
        boolean annDisabled = answers.get(0).get() == 200;
        String disabled = annDisabled ? ann : bob;
        String active = annDisabled ? bob : ann;
        asAdmin().get("/api/users/{email}", disabled).then().body("status", equalTo("DISABLED"));
        asAdmin().get("/api/users/{email}", active).then().body("status", equalTo("ACTIVE"));
        asAdmin().get("/api/accounts?assignee=" + disabled).then().body("total", equalTo(0));
        asAdmin().get("/api/accounts?assignee=" + active).then().body("total", equalTo(2));
    }
}
