package io.teamplay.notifications;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.assignments.PlayOrigin;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.teamplay.TestFixtures.SUCCESS_MANAGER;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.as;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.assignAs;
import static io.teamplay.TestFixtures.policy;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Whoever made a change that moved tasks is told at once, in the app, whatever the path. */
@QuarkusTest
class NotificationTest {

    @Inject
    AssignmentService assignments;

    private String domain;
    private String ann;
    private String annToken;
    private String dave;
    private String bob;

    @BeforeEach
    void people() {
        policy("ALL_OPEN_TASKS");
        domain = unique("n") + ".example";
        ann = userWith("ann@" + domain, "Ann Lee");
        annToken = tokenOf(ann);
        dave = userWith("dave@" + domain, "Dave Old");
        bob = userWith("bob@" + domain, "Bob Ray", "PRACTITIONER", "STANDARD", "Ops");
    }

    @Test
    void shouldTellWhoReassignedOnTheAccountPageWhatMoved() {
        String acme = accountHeldByDave("Acme Corp", 2);
        as(annToken).get("/api/notifications").then().statusCode(200).body("total", equalTo(0));

        assignAs(annToken, acme, SUCCESS_MANAGER, bob);

        as(annToken).get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].path", equalTo("ACCOUNT_PAGE"))
                .body("items[0].tasksMoved", equalTo(2))
                .body("items[0].accountId", equalTo(acme))
                .body("items[0].accountName", equalTo("Acme Corp"))
                .body("items[0].roleName", equalTo("Success Manager"))
                .body("items[0].from", equalTo(dave))
                .body("items[0].to", equalTo(bob))
                .body("items[0].read", equalTo(false))
                .body("items[0].message", equalTo("2 tasks moved on Acme Corp: Success Manager went from Dave Old ("
                        + dave + ") to Bob Ray (" + bob + ")"));
        as(tokenOf(bob)).get("/api/notifications").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldTellNothingWhenNoTaskMoved() {
        String acme = account(unique("acme"), "Acme Corp", Map.of());
        assignAs(annToken, acme, SUCCESS_MANAGER, dave);
        assignAs(annToken, acme, SUCCESS_MANAGER, bob);
        as(annToken).get("/api/notifications").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldTellWhoRanABulkEditOnEveryAccountNewestFirst() {
        String segment = unique("seg");
        String first = accountHeldByDave("First", 1, Map.of("segment", segment));
        String second = accountHeldByDave("Second", 2, Map.of("segment", segment));

        as(annToken).body(Map.of("filter", Map.of("attributes", Map.of("segment", segment)), "role", SUCCESS_MANAGER,
                        "email", bob))
                .post("/api/accounts/bulk-assign").then().statusCode(200).body("tasksMoved", equalTo(3));

        as(annToken).get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.path", containsInAnyOrder("BULK_EDIT", "BULK_EDIT"))
                .body("items.accountId", containsInAnyOrder(first, second));
        List<String> times = as(annToken).get("/api/notifications").then().extract().path("items.createdAt");
        assertFalse(Instant.parse(times.get(0)).isBefore(Instant.parse(times.get(1))), "newest first: " + times);
        as(annToken).queryParam("size", 1).queryParam("page", 1).get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(1));
    }

    @Test
    void shouldTellWhoStartedAnImport() {
        String importer = userWith("importer@" + domain, "Ivy Importer");
        String acme = accountHeldByDave("Imported", 1);

        QuarkusTransaction.requiringNew().run(() -> assignments.change(AssignmentChange.assign(acme, SUCCESS_MANAGER,
                Assignee.byEmail(bob), AssignmentPath.INTEGRATION, importer)));

        as(tokenOf(importer)).get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].path", equalTo("INTEGRATION"))
                .body("items[0].tasksMoved", equalTo(1))
                .body("items[0].message", containsString("(import)"));
    }

    @Test
    void shouldTellWhoDisabledAUserWhatMovedOnEachAccountAndInAll() {
        String admin = userWith("admin@" + domain, "Ada Admin", "PRACTITIONER", "ADMIN");
        String acme = accountHeldByDave("Acme Corp", 2);

        as(tokenOf(admin)).body(Map.of("reassignTo", bob)).post("/api/users/{email}/disable", dave)
                .then().statusCode(200).body("tasksMoved", equalTo(2));

        as(tokenOf(admin)).get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.path", containsInAnyOrder("USER_DISABLE", "USER_DISABLE"))
                .body("items.find { it.accountId == '" + acme + "' }.tasksMoved", equalTo(2))
                .body("items.find { it.accountId == null }.message", containsString("Disabling Dave Old"));
    }

    @Test
    void shouldTellTheAdminsOfThePlaysTeam() {
        String opsAdmin = userWith("ops-admin@" + domain, "Olga Ops", "PRACTITIONER", "ADMIN", "Ops");
        String opsMember = userWith("ops-member@" + domain, "Omar Ops", "PRACTITIONER", "STANDARD", "Ops");
        String acme = accountHeldByDave("Played", 1);

        QuarkusTransaction.requiringNew().run(() -> assignments.change(new AssignmentChange(acme, SUCCESS_MANAGER,
                Assignee.byEmail(bob), AssignmentPath.PLAY, "play:Renewals",
                new PlayOrigin("Renewals", "Ops", "hand over at renewal", "evt-1", 0))));

        as(tokenOf(opsAdmin)).get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].path", equalTo("PLAY"))
                .body("items[0].play", equalTo("Renewals"))
                .body("items[0].message", containsString("play \"Renewals\""));
        as(tokenOf(opsMember)).get("/api/notifications").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldKeepTheAdminTokensNoticesForTheAdminToken() {
        String acme = accountHeldByDave("Admin moved", 1);
        assign(acme, SUCCESS_MANAGER, bob);
        asAdmin().get("/api/notifications").then().statusCode(200)
                .body("items[0].accountId", equalTo(acme))
                .body("items[0].actor", equalTo("admin-token"));
        as(annToken).get("/api/notifications").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldMarkOneOrAllRead() {
        String first = accountHeldByDave("First", 1);
        String second = accountHeldByDave("Second", 1);
        assignAs(annToken, first, SUCCESS_MANAGER, bob);
        assignAs(annToken, second, SUCCESS_MANAGER, bob);
        int id = as(annToken).get("/api/notifications").then().statusCode(200)
                .body("items.accountId", contains(second, first))
                .extract().path("items[0].id");

        as(tokenOf(bob)).post("/api/notifications/{id}/read", id).then().statusCode(404);
        as(annToken).post("/api/notifications/{id}/read", id).then().statusCode(200).body("read", equalTo(true));
        as(annToken).queryParam("unread", true).get("/api/notifications").then().statusCode(200).body("total", equalTo(1));

        as(annToken).post("/api/notifications/read-all").then().statusCode(200).body("marked", equalTo(1));
        as(annToken).queryParam("unread", true).get("/api/notifications").then().statusCode(200).body("total", equalTo(0));
        as(annToken).get("/api/notifications").then().statusCode(200).body("total", equalTo(2));
    }

    private String accountHeldByDave(String name, int tasks) {
        return accountHeldByDave(name, tasks, Map.of());
    }

    /** An account whose Success Manager is Dave (set by the admin token), with open tasks of that role. */
    private String accountHeldByDave(String name, int tasks, Map<String, Object> attributes) {
        String id = account(unique("acct"), name, attributes);
        assign(id, SUCCESS_MANAGER, dave);
        for (int i = 1; i <= tasks; i++) {
            task(id, name + " task " + i, null, SUCCESS_MANAGER, "MANUAL");
        }
        return id;
    }
}
