package io.teamplay.plays;

import io.teamplay.common.BatchReads;
import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.teamplay.accounts.AccountService;
import io.teamplay.assignments.AssignmentService;
import io.teamplay.plays.engine.FiringLimits;
import io.teamplay.plays.facts.Account;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bounded firing end to end: an event whose firing passes a limit is recorded FAILED naming the play, rule and limit,
 * with nothing of it written, while other events flow; a play that does so three times is deactivated and its team's
 * admins told; the service stays ready while a runaway firing is stopped; an event that never finished three
 * handlings is FAILED without firing. Low limits are set per test by replacing {@link PlayLimits} (no restart).
 */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class PlayLimitsTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Inject
    DataSource database;
    @Inject
    AccountService accountService;
    @Inject
    AssignmentService assignmentService;
    @Inject
    io.teamplay.tasks.TaskService taskService;
    @Inject
    SegmentMoves segmentMovesService;
    @Inject
    TeamRoster teamRoster;
    @Inject
    BatchReads batchReads;

    private String activated;

    @AfterEach
    void deactivate() {
        if (activated != null) {
            asAdmin().post("/api/plays/{name}/deactivate", activated).then().statusCode(200);
        }
    }

    /** Limits as configured, but for the ones a test sets low. */
    private static void limits(FiringLimits firing) {
        QuarkusMock.installMockForType(new PlayLimits() {
            @Override
            public FiringLimits firing() {
                return firing;
            }

            @Override
            public int deactivateAfter() {
                return 3;
            }

            @Override
            public int attempts() {
                return 3;
            }

            @Override
            public Duration retryAfter() {
                return Duration.ofMinutes(2);
            }
        }, PlayLimits.class);
    }

    private void saveAndActivate(String name, String source) {
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain").body(source).put("/api/plays/{name}", name + ".drl")
                .then().statusCode(201);
        asAdmin().post("/api/plays/{name}/activate", name).then().statusCode(200);
        activated = name;
    }

    /** A play of n rules on a change of the attribute, fired one after the other, each doing the same. */
    private static String rules(String team, String attribute, int n, String then) {
        StringBuilder text = new StringBuilder("// team: " + team + "\n");
        for (int i = 1; i <= n; i++) {
            text.append("rule \"R").append(i).append("\"\nsalience ").append(100 - i).append("\nwhen\n")
                    .append("    $e : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == \"").append(attribute)
                    .append("\" )\n    $a : Account( id == $e.accountId )\nthen\n    ").append(then).append("\nend\n");
        }
        return text.toString();
    }

    private static String changed(String accountId, String attribute) {
        String id = unique("limits");
        asAdmin().body(Map.of("id", id, "type", "ATTRIBUTE_CHANGED", "accountId", accountId, "attribute", attribute,
                "oldValue", "a", "newValue", "b")).post("/api/events").then().statusCode(202);
        return id;
    }

    private static Map<String, Object> handled(String eventId) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> asAdmin().get("/api/events/{id}", eventId).then().statusCode(200)
                        .extract().<Map<String, Object>>path("event"), event -> !"PENDING".equals(event.get("status")));
    }

    private static List<Map<String, Object>> runsOf(String eventId) {
        return asAdmin().get("/api/events/{id}", eventId).then().statusCode(200).extract().path("runs");
    }

    @Test
    void aPlayPastItsFiringsLimitFailsItsEventsWritingNothingWhileOthersFlowAndIsDeactivatedAfterThree() {
        limits(new FiringLimits(LONG, LONG, 3, 100, 64L << 20));
        String team = unique("Limits");
        String member = user("Mo Member", "PRACTITIONER", team);
        String admin = userWith(unique("ada") + "@example.com", "Ada Admin", "PRACTITIONER", "ADMIN", team);
        String busy = "busy_" + unique("a").replace('-', '_');
        String calm = "calm_" + unique("a").replace('-', '_');
        String play = "busy-" + unique("p");
        String assign = "actions.assign(\"Success Manager\", \"" + member + "\");";
        saveAndActivate(play, rules(team, busy, 4, assign)
                + rules(team, calm, 1, assign).replace("// team: " + team + "\n", "").replace("rule \"R", "rule \"Calm R"));

        for (int failure = 1; failure <= 3; failure++) {
            String accountId = account();
            String eventId = changed(accountId, busy);
            Map<String, Object> event = handled(eventId);
            assertEquals("FAILED", event.get("status"));
            assertEquals("play '" + play + "' rule 'R4' passed a limit and the firing was stopped: the event caused more "
                    + "than 3 rule firings (the firings limit); nothing of this event was applied", event.get("reason"));
            asAdmin().get("/api/accounts/{id}", accountId).then().body("team", empty());
            List<Map<String, Object>> runs = runsOf(eventId);
            assertEquals(1, runs.size(), runs.toString());
            assertEquals("EVENT", runs.get(0).get("action"));
            assertEquals("FAILED", runs.get(0).get("outcome"));
            asAdmin().get("/api/plays/{name}", play).then().body("active", is(failure < 3));
            if (failure == 1) {
                // the next event goes through as usual, by the same play
                String calmAccount = account();
                assertEquals("DONE", handled(changed(calmAccount, calm)).get("status"));
                asAdmin().get("/api/accounts/{id}", calmAccount).then().body("team.email", contains(member));
            }
        }
        activated = null;

        List<String> notices = as(tokenOf(admin)).get("/api/notifications").then().statusCode(200)
                .extract().path("items.message");
        assertEquals(1, notices.size(), notices.toString());
        assertThat(notices.get(0), allOf(startsWith("The play \"" + play + "\" was deactivated: its firings passed "
                + "their limits on 3 events."), containsString("more than 3 rule firings")));
    }

    @Test
    void theDecisionsOfOneEventAreCappedByDefaultAndNoneIsWritten() {
        String team = unique("Tasks");
        String holder = user("Hal Holder", "PRACTITIONER", team);
        String accountId = account();
        assign(accountId, SUCCESS_MANAGER, holder);
        String attribute = "tasks_" + unique("a").replace('-', '_');
        StringBuilder then = new StringBuilder();
        for (int i = 0; i <= FiringLimits.DEFAULTS.decisions(); i++) {
            then.append("actions.createTask(\"Success Manager\", \"Task ").append(i).append("\", 1);\n    ");
        }
        String play = "tasks-" + unique("p");
        saveAndActivate(play, rules(team, attribute, 1, then.toString()));

        Map<String, Object> event = handled(changed(accountId, attribute));
        assertEquals("FAILED", event.get("status"));
        assertThat((String) event.get("reason"), allOf(startsWith("play '" + play + "' rule 'R1' passed a limit"),
                containsString("more than 100 actions (the decisions limit)")));
        asAdmin().get("/api/tasks?accountId={id}", accountId).then().statusCode(200).body("total", is(0));
    }

    @Test
    void theServiceStaysReadyWhileARunawayFiringIsStoppedAndItsAttemptWasCountedBeforeItFired() throws Exception {
        Duration wall = Duration.ofMillis(300);
        limits(new FiringLimits(wall, LONG, 1_000, 100, 64L << 20));
        String team = unique("Slow");
        user("Sly Member", "PRACTITIONER", team);
        String accountId = account();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        slowAttribute(accountId, reading, release);
        String attribute = "slow_" + unique("a").replace('-', '_');
        String play = "slow-" + unique("p");
        saveAndActivate(play, rules(team, attribute, 3, "actions.notifyHolder(\"Success Manager\", $a.text(\"slow\"));"));

        String eventId = changed(accountId, attribute);
        try {
            assertTrue(reading.await(20, TimeUnit.SECONDS), "the play's firing started");
            long readingSince = System.nanoTime();
            assertEquals(List.of("PENDING", 1), row(eventId), "the attempt is committed before the plays fire");
            // the firing is past its wall time (the watchdog halts it) and still running: the service answers
            int answers = 0;
            while (answers < 5 || System.nanoTime() - readingSince < 2 * wall.toNanos()) {
                given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
                answers++;
            }
        } finally {
            release.countDown();
        }
        Map<String, Object> event = handled(eventId);
        assertEquals("FAILED", event.get("status"));
        assertThat((String) event.get("reason"), allOf(startsWith("play '" + play + "' rule 'R1' passed a limit"),
                containsString("took longer than 300 ms (the wall-time limit)")));
        assertEquals(List.of("EVENT"), runsOf(eventId).stream().map(r -> r.get("action")).toList());
    }

    @Test
    void anEventWhoseHandlingNeverFinishedThreeTimesIsFailedWithoutFiring() throws SQLException {
        String team = unique("Poison");
        String member = user("Pia Member", "PRACTITIONER", team);
        String attribute = "poison_" + unique("a").replace('-', '_');
        String play = "poison-" + unique("p");
        saveAndActivate(play, rules(team, attribute, 1, "actions.assign(\"Success Manager\", \"" + member + "\");"));
        String accountId = account();
        String eventId = unique("crashed");
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into play_event (id, type, account_id, attribute, old_value, new_value, event_date, depth, status,
                    created_at, attempts)
                values (?, 'ATTRIBUTE_CHANGED', ?, ?, '"a"', '"b"', current_date, 0, 'PENDING', ?, 3)""")) {
            insert.setString(1, eventId);
            insert.setString(2, accountId);
            insert.setString(3, attribute);
            insert.setObject(4, java.sql.Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }

        Map<String, Object> event = handled(eventId);
        assertEquals("FAILED", event.get("status"));
        assertEquals("not handled: its handling was started 3 times and never finished (the worker crashed, hung or was "
                + "stopped while its plays fired); it is not tried again", event.get("reason"));
        assertEquals(List.of(), runsOf(eventId));
        asAdmin().get("/api/accounts/{id}", accountId).then().body("team", empty());
    }

    /** The account's fact gets an attribute 'slow' whose reading signals, then waits for the test to let it go. */
    private void slowAttribute(String slowAccount, CountDownLatch reading, CountDownLatch release) {
        Object slow = new Object() {
            @Override
            public String toString() {
                reading.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "slow";
            }
        };
        PlayFacts facts = new PlayFacts() {
            {
                accounts = accountService;
                assignments = assignmentService;
                tasks = taskService;
                segmentMoves = segmentMovesService;
                roster = teamRoster;
                reads = batchReads;
            }

            @Override
            Batch batch(Collection<String> accountIds) {
                Batch real = super.batch(accountIds);
                return new Batch() {
                    @Override
                    public Optional<Account> account(String accountId) {
                        return slowed(real.account(accountId));
                    }

                    @Override
                    public void changed(String accountId) {
                        real.changed(accountId);
                    }

                    @Override
                    public void seatsChanged(String accountId) {
                        real.seatsChanged(accountId);
                    }

                    @Override
                    public Optional<String> holderOf(String accountId, String role) {
                        return real.holderOf(accountId, role);
                    }
                };
            }

            private Optional<Account> slowed(Optional<Account> real) {
                if (real.isEmpty() || !real.get().getId().equals(slowAccount)) {
                    return real;
                }
                Map<String, Object> attributes = new HashMap<>(real.get().getAttributes());
                attributes.put("slow", slow);
                return Optional.of(new Account(slowAccount, real.get().getName(), attributes, real.get().getTeam(),
                        real.get().situation()));
            }
        };
        QuarkusMock.installMockForType(facts, PlayFacts.class);
    }

    private List<Object> row(String eventId) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select status, attempts from play_event where id = ? and claimed_until is not null")) {
            select.setString(1, eventId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? List.of(rs.getString(1), rs.getInt(2)) : List.of();
            }
        }
    }
}
