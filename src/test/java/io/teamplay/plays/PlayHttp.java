package io.teamplay.plays;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.ADMIN_TOKEN;
import static io.teamplay.TestFixtures.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Plays saved, activated and watched over HTTP, as an author does; deactivates what it activated when closed. */
final class PlayHttp implements AutoCloseable {

    private final List<String> activated = new ArrayList<>();

    static ValidatableResponse put(String name, String source) {
        return given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain").body(source)
                .put("/api/plays/{name}", name).then();
    }

    /** A .dslr play of one rule; when and then hold one sentence a line. */
    static String sentences(String team, String when, String then) {
        return "// team: " + team + "\n// description: test play\nexpander plays.dsl\n\nrule \"test rule\"\nwhen\n    "
                + when.replace("\n", "\n    ") + "\nthen\n    " + then.replace("\n", "\n    ") + "\nend\n";
    }

    /** Saves the play (201 or 200) and activates it. */
    void activate(String name, String source) {
        put(name, source).statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        activate(name);
    }

    void activate(String name) {
        asAdmin().post("/api/plays/{name}/activate", name).then().statusCode(200);
        activated.add(name);
    }

    @Override
    public void close() {
        activated.forEach(name -> asAdmin().post("/api/plays/{name}/deactivate", name));
        activated.clear();
    }

    static List<Map<String, Object>> runs(String play) {
        return asAdmin().get("/api/plays/{name}/runs", play).then().statusCode(200).extract().path("$");
    }

    static List<Map<String, Object>> tasks(String accountId) {
        return asAdmin().get("/api/tasks?accountId={id}&size=1000", accountId).then().statusCode(200)
                .extract().path("items");
    }

    static Map<String, Object> attributes(String accountId) {
        return asAdmin().get("/api/accounts/{id}", accountId).then().statusCode(200).extract().path("attributes");
    }

    static String holder(String accountId, String role) {
        List<Map<String, Object>> team = asAdmin().get("/api/accounts/{id}", accountId).then().statusCode(200)
                .extract().path("team");
        return team.stream().filter(m -> role.equals(m.get("role"))).map(m -> (String) m.get("email"))
                .findFirst().orElse(null);
    }

    static List<Map<String, Object>> notifications(String token) {
        return io.teamplay.TestFixtures.as(token).get("/api/notifications").then().statusCode(200).extract()
                .path("items");
    }

    /** Posts an event from outside (202) and waits until the worker handled it. */
    static void post(Map<String, Object> event) {
        asAdmin().body(event).post("/api/events").then().statusCode(202);
        if (event.get("id") != null) {
            eventually(() -> asAdmin().get("/api/events/{id}", event.get("id")).then().extract()
                    .<String>path("event.status"), "DONE"::equals);
        }
    }

    /** An attribute changed in the CRM, posted as an event (it sets the attribute); waits until it was handled. */
    static void change(String accountId, String attribute, Object newValue) {
        post(Map.of("id", io.teamplay.TestFixtures.unique("crm"), "type", "ATTRIBUTE_CHANGED", "accountId", accountId,
                "attribute", attribute, "newValue", newValue));
    }

    /** The daily tick of that day for one account, replayed; waits until it was handled. */
    static void tick(String accountId, java.time.LocalDate date) {
        post(Map.of("id", io.teamplay.TestFixtures.unique("tick"), "type", "DAILY", "accountId", accountId,
                "date", date.toString()));
    }

    /** The titles of the account's tasks, oldest first. */
    static List<String> titles(String accountId) {
        return tasks(accountId).stream().map(t -> (String) t.get("title")).toList();
    }

    /** The runs of a play on one account, newest first. */
    static List<Map<String, Object>> runs(String play, String accountId) {
        return runs(play).stream().filter(r -> accountId.equals(r.get("accountId"))).toList();
    }

    /** The worker handles events on its own thread: the probe's value once it is done (at most 15 s). */
    static <T> T eventually(Callable<T> probe, Predicate<? super T> done) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(probe, done);
    }

    /** Nothing more happens: the probe keeps its value for half a second. */
    static <T> void staysAt(Callable<T> probe, T value) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(probe, equalTo(value));
    }
}
