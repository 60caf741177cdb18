package io.teamplay.plays;

import static io.teamplay.TestFixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker handles the events it finds pending together, in one transaction: events committed at once (here in one
 * insert) are handled in their order per account, and one that fails is recorded FAILED with its reason while the
 * others of its batch are still handled, with nothing of the failed one written.
 */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class EventBatchesTest {

    @Inject
    DataSource database;

    private String activated;

    @AfterEach
    void deactivate() {
        if (activated != null) {
            asAdmin().post("/api/plays/{name}/deactivate", activated).then().statusCode(200);
        }
    }

    @Test
    void aFailingEventIsSetApartAndTheOthersOfItsBatchAreHandledInOrder() throws SQLException {
        String team = unique("Batch");
        String holder = user("Bea Holder", "PRACTITIONER", team);
        String attribute = "step_" + unique("a").replace('-', '_');
        String play = "batch-" + unique("p");
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i <= 100; i++) {
            tooMany.append("actions.createTask(\"Success Manager\", \"Too many ").append(i).append("\", 1);\n    ");
        }
        String source = "// team: " + team + "\n"
                + rule("step", attribute, "newText != \"bad\"", "actions.createTask(\"Success Manager\", \"Step \" + $e.getNewText(), 1);")
                + rule("bad", attribute, "newText == \"bad\"", tooMany.toString());
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain").body(source).put("/api/plays/{name}", play + ".drl")
                .then().statusCode(201);
        asAdmin().post("/api/plays/{name}/activate", play).then().statusCode(200);
        activated = play;
        String first = account();
        String second = account();
        assign(first, SUCCESS_MANAGER, holder);
        assign(second, SUCCESS_MANAGER, holder);

        Map<String, String[]> events = new LinkedHashMap<>(); // id -> account, new value; written in this order
        events.put(unique("b1"), new String[] {first, "s1"});
        events.put(unique("b2"), new String[] {second, "t1"});
        String bad = unique("b3");
        events.put(bad, new String[] {first, "bad"});
        events.put(unique("b4"), new String[] {second, "t2"});
        events.put(unique("b5"), new String[] {first, "s2"});
        events.put(unique("b6"), new String[] {first, "s3"});
        insertAtOnce(attribute, events);

        events.keySet().forEach(id -> await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"PENDING".equals(event(id).get("status"))));
        for (String id : events.keySet()) {
            Map<String, Object> event = event(id);
            if (id.equals(bad)) {
                assertEquals("FAILED", event.get("status"));
                assertThat((String) event.get("reason"), allOf(startsWith("play '" + play + "' rule 'bad' passed a limit"),
                        containsString("(the decisions limit)")));
            } else {
                assertEquals("DONE", event.get("status"), id);
            }
        }
        assertEquals(List.of("Step s1", "Step s2", "Step s3"), taskTitles(first));
        assertEquals(List.of("Step t1", "Step t2"), taskTitles(second));
    }

    @Test
    void teamPicksInOneBatchSeeTheSeatsEarlierEventsOfTheBatchMoved() throws SQLException {
        String team = unique("Picks");
        List<String> members = new ArrayList<>(List.of(user("Ann Pick", "PRACTITIONER", team),
                user("Bob Pick", "PRACTITIONER", team), user("Cy Pick", "PRACTITIONER", team)));
        members.sort(null);
        String attribute = "pick_" + unique("a").replace('-', '_');
        String play = "picks-" + unique("p");
        String source = "// team: " + team + "\n"
                + rule("pick", attribute, "newText != \"bad\"", "actions.assignLeastLoaded(\"Success Manager\", \""
                        + team + "\");\n    actions.assignRoundRobin(\"Sales Manager\", \"" + team + "\");")
                + rule("bad", attribute, "newText == \"bad\"", "actions.createTask(\"Success Manager\", \"x\", 1);\n    ".repeat(101));
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain").body(source).put("/api/plays/{name}", play + ".drl")
                .then().statusCode(201);
        asAdmin().post("/api/plays/{name}/activate", play).then().statusCode(200);
        activated = play;
        List<String> accounts = new ArrayList<>();
        Map<String, String[]> events = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            accounts.add(account());
            events.put(unique("p" + i), new String[] {accounts.get(i), "go"});
            if (i == 0) {
                // fails the batch after the first pick: handled again without it, the batch must not count that seat twice
                events.put(unique("bad"), new String[] {account(), "bad"});
            }
        }
        insertAtOnce(attribute, events);

        events.keySet().forEach(id -> await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"PENDING".equals(event(id).get("status"))));
        List<String> inTurn = List.of(members.get(0), members.get(1), members.get(2), members.get(0), members.get(1),
                members.get(2));
        assertEquals(inTurn, holders(accounts, SUCCESS_MANAGER), "least loaded, each pick seeing the seats before it");
        assertEquals(inTurn, holders(accounts, SALES_MANAGER), "round robin, in turn");
    }

    @Test
    void laterEventsOfAnAccountInOneBatchSeeTheSeatsItsEarlierEventsSet() throws SQLException {
        String team = unique("Seats");
        String ann = user("Ann Seat", "PRACTITIONER", team);
        String bob = user("Bob Seat", "PRACTITIONER", team);
        String attribute = "seat_" + unique("a").replace('-', '_');
        String play = "seats-" + unique("p");
        String source = "// team: " + team + "\n"
                + rule("give", attribute, "newText == \"give\"", "actions.assign(\"Success Manager\", \"" + ann + "\");")
                + rule("move", attribute, "newText == \"move\"", "actions.assign(\"Success Manager\", \"" + bob + "\");")
                + rule("drop", attribute, "newText == \"drop\"", "actions.clear(\"Success Manager\");")
                + "rule \"tell\"\nwhen\n    $e : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == \""
                + attribute + "\", newText == \"tell\" )\n    $a : Account( id == $e.accountId, hasHolder(\"Success Manager\") )\n"
                + "then\n    actions.notifyHolder(\"Success Manager\", \"seen \" + $a.holder(\"Success Manager\"));\nend\n";
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain").body(source).put("/api/plays/{name}", play + ".drl")
                .then().statusCode(201);
        asAdmin().post("/api/plays/{name}/activate", play).then().statusCode(200);
        activated = play;
        String account = account();
        Map<String, String[]> events = new LinkedHashMap<>();
        for (String step : List.of("give", "tell", "move", "tell", "drop", "tell", "give", "tell")) {
            events.put(unique("s-" + step), new String[] {account, step});
        }
        insertAtOnce(attribute, events);

        events.keySet().forEach(id -> await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"PENDING".equals(event(id).get("status"))));
        // each "tell" sees the holder its earlier events left (none after the drop: the rule does not fire)
        assertEquals(List.of(ann + " seen " + ann, bob + " seen " + bob, ann + " seen " + ann), notices(account));
        assertEquals(ann, holders(List.of(account), SUCCESS_MANAGER).get(0));
    }

    @Test
    void aTaskGivenByAnEarlierEventOfTheBatchMovesWithTheSeatALaterEventHandsOver() throws SQLException {
        String team = unique("Tasks");
        String ann = user("Ann Task", "PRACTITIONER", team);
        String bob = user("Bob Task", "PRACTITIONER", team);
        String attribute = "task_" + unique("a").replace('-', '_');
        String play = "tasks-" + unique("p");
        String source = "// team: " + team + "\n"
                + rule("give", attribute, "newText == \"give\"", "actions.assign(\"Success Manager\", \"" + ann + "\");")
                + rule("move", attribute, "newText == \"move\"", "actions.createTask(\"Success Manager\", \"Call them\", 3);\n"
                        + "    actions.assign(\"Success Manager\", \"" + bob + "\");");
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain").body(source).put("/api/plays/{name}", play + ".drl")
                .then().statusCode(201);
        asAdmin().post("/api/plays/{name}/activate", play).then().statusCode(200);
        activated = play;
        io.teamplay.TestFixtures.policy("ALL_OPEN_TASKS");
        try {
            // the batch reads the account with no open task; its second event gives it one, then hands the seat over
            String account = account();
            Map<String, String[]> events = new LinkedHashMap<>();
            for (String step : List.of("give", "move")) {
                events.put(unique("t-" + step), new String[] {account, step});
            }
            insertAtOnce(attribute, events);

            events.keySet().forEach(id -> await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !"PENDING".equals(event(id).get("status"))));
            assertEquals(bob, holders(List.of(account), SUCCESS_MANAGER).get(0));
            assertEquals(List.of(bob), taskAssignees(account));
        } finally {
            io.teamplay.TestFixtures.policy("ACCOUNT_ONLY");
        }
    }

    private List<String> taskAssignees(String accountId) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select assignee from task where account_id = ? and status = 'OPEN' order by id")) {
            select.setString(1, accountId);
            List<String> assignees = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    assignees.add(rs.getString(1));
                }
            }
            return assignees;
        }
    }

    private List<String> notices(String accountId) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select recipient, message from notification where account_id = ? and play is not null order by id")) {
            select.setString(1, accountId);
            List<String> notices = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String message = rs.getString(2);
                    notices.add(rs.getString(1) + " " + message.substring(0, message.indexOf(" (")));
                }
            }
            return notices;
        }
    }

    private List<String> holders(List<String> accounts, String role) throws SQLException {
        List<String> holders = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select email from assignment where account_id = ? and role_key = ?")) {
            for (String account : accounts) {
                select.setString(1, account);
                select.setString(2, role);
                try (ResultSet rs = select.executeQuery()) {
                    holders.add(rs.next() ? rs.getString(1) : null);
                }
            }
        }
        return holders;
    }

    private static String rule(String name, String attribute, String condition, String then) {
        return "rule \"" + name + "\"\nwhen\n    $e : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == \""
                + attribute + "\", " + condition + " )\n    $a : Account( id == $e.accountId )\nthen\n    "
                + then + "\nend\n";
    }

    /** The events in one transaction, so the worker finds them pending together. */
    private void insertAtOnce(String attribute, Map<String, String[]> events) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into play_event (id, type, account_id, attribute, old_value, new_value, event_date, depth, status,
                    created_at, attempts)
                values (?, 'ATTRIBUTE_CHANGED', ?, ?, '"a"', ?, current_date, 0, 'PENDING', ?, 0)""")) {
            connection.setAutoCommit(false);
            Instant at = Instant.now();
            for (Map.Entry<String, String[]> event : events.entrySet()) {
                insert.setString(1, event.getKey());
                insert.setString(2, event.getValue()[0]);
                insert.setString(3, attribute);
                insert.setString(4, "\"" + event.getValue()[1] + "\"");
                at = at.plusMillis(1);
                insert.setTimestamp(5, Timestamp.from(at));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private List<String> taskTitles(String accountId) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select title from task where account_id = ? order by id")) {
            select.setString(1, accountId);
            List<String> titles = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    titles.add(rs.getString(1));
                }
            }
            return titles;
        }
    }

    private static Map<String, Object> event(String id) {
        return asAdmin().get("/api/events/{id}", id).then().statusCode(200).extract().path("event");
    }
}
