package io.teamplay.tasks;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.user;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TaskTest {

    @Test
    void shouldAssignATaskThroughARoleToItsCurrentHolder() {
        String ann = user("Ann", "PRACTITIONER");
        String id = account();
        assign(id, "success_manager", ann);
        asAdmin().body(Map.of("accountId", id, "title", "Kick-off", "role", "success_manager", "dueDate", "2026-12-01"))
                .post("/api/tasks").then().statusCode(201)
                .body("assignee", equalTo(ann))
                .body("role", equalTo("success_manager"))
                .body("source", equalTo("MANUAL"))
                .body("status", equalTo("OPEN"))
                .body("accountId", equalTo(id));
    }

    @Test
    void shouldRefuseARoleNobodyHolds() {
        asAdmin().body(Map.of("accountId", account(), "title", "Kick-off", "role", "success_manager"))
                .post("/api/tasks").then().statusCode(422).body("errors[0].field", equalTo("role"));
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        String id = account();
        asAdmin().body(Map.of("accountId", id)).post("/api/tasks").then().statusCode(400).body("errors[0].field", equalTo("title"));
        asAdmin().body(Map.of("accountId", id, "title", "t")).post("/api/tasks").then().statusCode(400).body("errors[0].field", equalTo("assignee"));
        asAdmin().body(Map.of("accountId", id, "title", "t", "assignee", "nobody@example.com")).post("/api/tasks").then().statusCode(422);
        asAdmin().body(Map.of("accountId", id, "title", "t", "assignee", "x@example.com", "source", "ROBOT")).post("/api/tasks").then()
                .statusCode(400).body("errors[0].field", equalTo("source"));
        asAdmin().body(Map.of("accountId", "no-such-account", "title", "t", "assignee", "x@example.com")).post("/api/tasks").then().statusCode(404);
    }

    @Test
    void shouldListByAccountAssigneeAndStatusAndMarkDone() {
        String ann = user("Ann", "PRACTITIONER");
        String id = account();
        long open = task(id, "open one", ann, null, "MANUAL");
        long done = task(id, "done one", ann, null, "PLAY");
        asAdmin().post("/api/tasks/{id}/done", done).then().statusCode(200).body("status", equalTo("DONE"));
        asAdmin().queryParam("accountId", id).get("/api/tasks").then().statusCode(200).body("total", equalTo(2));
        asAdmin().queryParam("assignee", ann.toUpperCase()).queryParam("status", "OPEN").get("/api/tasks").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) open));
        asAdmin().post("/api/tasks/{id}/done", 999999999).then().statusCode(404);
        asAdmin().queryParam("size", 1001).get("/api/tasks").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }
}
