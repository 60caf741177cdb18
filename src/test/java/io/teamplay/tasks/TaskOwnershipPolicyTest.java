package io.teamplay.tasks;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.assigneeOfTask;
import static io.teamplay.TestFixtures.policy;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each policy moves exactly the previous holder's open tasks "of that role", and nothing else. */
@QuarkusTest
class TaskOwnershipPolicyTest {

    private static final String SM = "success_manager";
    private static final String SALES = "sales_manager";

    /** One account where Ann holds Success Manager and owns tasks of every kind; Bob is about to take over. */
    private final class Handover {
        final String ann = user("Ann", "PRACTITIONER");
        final String bob = user("Bob", "PRACTITIONER");
        final String carol = user("Carol", "PRACTITIONER");
        final String id = account();
        final long manualThroughRole;
        final long playThroughRole;
        final long manualNoRole;
        final long playNoRole;
        final long doneThroughRole;
        final long otherRole;
        final long otherAccount;
        final long someoneElses;

        Handover(boolean annAlsoHoldsSales) {
            assign(id, SM, ann);
            if (annAlsoHoldsSales) {
                assign(id, SALES, ann);
            }
            manualThroughRole = task(id, "manual via role", null, SM, "MANUAL");
            playThroughRole = task(id, "play via role", null, SM, "PLAY");
            manualNoRole = task(id, "manual no role", ann, null, "MANUAL");
            playNoRole = task(id, "play no role", ann, null, "PLAY");
            doneThroughRole = task(id, "done via role", null, SM, "PLAY");
            asAdmin().post("/api/tasks/{id}/done", doneThroughRole).then().statusCode(200);
            otherRole = task(id, "via sales", ann, SALES, "PLAY");
            otherAccount = task(account(), "elsewhere", ann, null, "PLAY");
            someoneElses = task(id, "carol's", carol, null, "PLAY");
        }

        int handOverTo(String email) {
            return asAdmin().body(Map.of("email", email)).put("/api/accounts/{id}/team/{role}", id, SM)
                    .then().statusCode(200).extract().path("tasksMoved");
        }

        void assertUnmovedOthers() {
            assertEquals(ann, assigneeOfTask(doneThroughRole), "done tasks never move");
            assertEquals(ann, assigneeOfTask(otherRole), "tasks of another role stay");
            assertEquals(ann, assigneeOfTask(otherAccount), "tasks on another account stay");
            assertEquals(carol, assigneeOfTask(someoneElses), "other people's tasks stay");
        }
    }

    @AfterEach
    void restoreDefault() {
        policy("ACCOUNT_ONLY");
    }

    @Test
    void shouldDefaultToAccountOnly() {
        asAdmin().get("/api/settings/task-ownership-policy").then().statusCode(200).body("policy", equalTo("ACCOUNT_ONLY"));
    }

    @Test
    void shouldMoveNothingUnderAccountOnly() {
        policy("ACCOUNT_ONLY");
        Handover h = new Handover(false);
        assertEquals(0, h.handOverTo(h.bob));
        assertEquals(h.ann, assigneeOfTask(h.manualThroughRole));
        assertEquals(h.ann, assigneeOfTask(h.playThroughRole));
        assertEquals(h.ann, assigneeOfTask(h.playNoRole));
        h.assertUnmovedOthers();
    }

    @Test
    void shouldMoveAutomatedTasksButNotManualOnesUnderOpenTasksExceptManual() {
        policy("OPEN_TASKS_EXCEPT_MANUAL");
        Handover h = new Handover(false);
        assertEquals(2, h.handOverTo(h.bob));
        assertEquals(h.bob, assigneeOfTask(h.playThroughRole));
        assertEquals(h.bob, assigneeOfTask(h.playNoRole));
        assertEquals(h.ann, assigneeOfTask(h.manualThroughRole));
        assertEquals(h.ann, assigneeOfTask(h.manualNoRole));
        h.assertUnmovedOthers();
    }

    @Test
    void shouldMoveAllOpenTasksOfTheRoleUnderAllOpenTasks() {
        policy("ALL_OPEN_TASKS");
        Handover h = new Handover(false);
        assertEquals(4, h.handOverTo(h.bob));
        assertEquals(h.bob, assigneeOfTask(h.manualThroughRole));
        assertEquals(h.bob, assigneeOfTask(h.playThroughRole));
        assertEquals(h.bob, assigneeOfTask(h.manualNoRole));
        assertEquals(h.bob, assigneeOfTask(h.playNoRole));
        h.assertUnmovedOthers();
    }

    @Test
    void shouldKeepTasksWithNoRoleWhileThePreviousHolderKeepsAnotherRole() {
        policy("ALL_OPEN_TASKS");
        Handover h = new Handover(true);
        assertEquals(2, h.handOverTo(h.bob));
        assertEquals(h.bob, assigneeOfTask(h.manualThroughRole));
        assertEquals(h.bob, assigneeOfTask(h.playThroughRole));
        assertEquals(h.ann, assigneeOfTask(h.manualNoRole));
        assertEquals(h.ann, assigneeOfTask(h.playNoRole));
        h.assertUnmovedOthers();
    }

    @Test
    void shouldMoveNothingWhenARoleIsCleared() {
        policy("ALL_OPEN_TASKS");
        Handover h = new Handover(false);
        asAdmin().delete("/api/accounts/{id}/team/{role}", h.id, SM).then().statusCode(204);
        assertEquals(h.ann, assigneeOfTask(h.manualThroughRole));
        assertEquals(h.ann, assigneeOfTask(h.playNoRole));
    }

    @Test
    void shouldRecordTasksMovedInHistory() {
        policy("ALL_OPEN_TASKS");
        Handover h = new Handover(false);
        h.handOverTo(h.bob);
        asAdmin().get("/api/accounts/{id}/history", h.id).then().body("[0].tasksMoved", equalTo(4));
    }

    @Test
    void shouldRefuseAnUnknownPolicyNamingTheField() {
        asAdmin().body(Map.of("policy", "EVERYTHING")).put("/api/settings/task-ownership-policy").then()
                .statusCode(400).body("errors[0].field", equalTo("policy"));
        asAdmin().get("/api/settings/task-ownership-policy").then().body("policy", equalTo("ACCOUNT_ONLY"));
    }
}
