package io.teamplay.common;

import static io.teamplay.TestFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/** Callers get a problem document they can act on, never the service's internal messages or class names. */
@QuarkusTest
class ErrorMessagesTest {

    @Inject
    EntityManager em;

    /** Words that only come from the service's insides: Java types, JSON reader internals, SQL and transaction codes. */
    private static Matcher<String> noInsides() {
        return allOf(not(containsString("java.")), not(containsString("io.teamplay")), not(containsString("com.fasterxml")),
                not(containsString("Exception")), not(containsString("For input string")), not(containsString("ARJUNA")),
                not(containsString("HTTP ")));
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", is(status))
                .body("detail", noInsides()).body("errors.message", everyItem(noInsides()));
    }

    @Test
    void aNumberBeyondRangeIsRefusedAt400NamingTheAttribute() {
        String id = unique("acct");
        problem(asAdmin().body("{\"id\":\"" + id + "\",\"name\":\"Huge\",\"attributes\":{\"arr\":1e999999999}}")
                .post("/api/accounts").then(), 400)
                .body("errors[0].field", is("attributes.arr")).body("errors[0].message", containsString("out of range"));
        asAdmin().get("/api/accounts/{id}", id).then().statusCode(404);

        String existing = account(Map.of("arr", 120000));
        problem(asAdmin().body("{\"attributes\":{\"arr\":-1e400}}").patch("/api/accounts/{id}", existing).then(), 400)
                .body("errors[0].field", is("attributes.arr"));
        asAdmin().get("/api/accounts/{id}", existing).then().body("attributes.arr", is(120000));
    }

    @Test
    void aBodyOfTheWrongShapeIsToldInJsonWords() {
        problem(asAdmin().body("{\"id\":\"x\",\"name\":\"X\",\"attributes\":[1]}").post("/api/accounts").then(), 400)
                .body("errors[0].field", is("attributes")).body("errors[0].message", is("attributes must be an object"));
        problem(asAdmin().body("{\"id\":{\"x\":1},\"name\":\"X\"}").post("/api/accounts").then(), 400)
                .body("errors[0].field", is("id")).body("errors[0].message", is("id must be a string"));
        problem(asAdmin().body("[1,2]").post("/api/accounts").then(), 400)
                .body("detail", startsWith("the body must be an object"));
        problem(asAdmin().body(Map.of("email", unique("t") + "@example.com", "name", "T", "license", "VIEWER", "teams", "abc"))
                .post("/api/users").then(), 400)
                .body("errors[0].field", is("teams")).body("errors[0].message", is("teams must be a list"));
        problem(asAdmin().body("{\"id\":\"x\",").post("/api/accounts").then(), 400)
                .body("detail", startsWith("not valid JSON"));
    }

    @Test
    void aParameterThatCannotBeReadIsNamedWithWhatItAccepts() {
        problem(asAdmin().get("/api/tasks?status=BOGUS").then(), 400)
                .body("errors[0].field", is("status")).body("errors[0].message", is("'BOGUS' is not accepted: one of [OPEN, DONE]"));
        problem(asAdmin().get("/api/accounts?size=abc").then(), 400)
                .body("errors[0].field", is("size")).body("errors[0].message", containsString("'abc' is not a whole number"));
        problem(asAdmin().post("/api/tasks/{id}/done", "99999999999999999999").then(), 400)
                .body("errors[0].field", is("id"));
    }

    @Test
    void theRestLayersOwnRefusalsSayWhatToDo() {
        problem(asAdmin().delete("/api/accounts").then(), 405).body("detail", is("This method is not allowed on /api/accounts"));
        problem(asAdmin().contentType("text/xml").body("<a/>").post("/api/accounts").then(), 415)
                .body("detail", containsString("Content-Type"));
    }

    @Test
    void aTransactionThatOutlivesItsTimeoutIsAnsweredAsSuchWithoutTheTransactionManagersCodes() {
        RuntimeException timedOut = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().timeout(1).run(() -> {
            em.createNativeQuery("select 1").getSingleResult();
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Response answer = new ProblemMapper().unexpected(timedOut);
        Problem problem = (Problem) answer.getEntity();
        assertEquals(503, answer.getStatus());
        assertThat(problem.detail(), allOf(containsString("took longer than the service allows"), noInsides()));
        assertThat(Failures.describe(timedOut), noInsides());
    }

    private static <T> void assertThat(T actual, Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }
}
