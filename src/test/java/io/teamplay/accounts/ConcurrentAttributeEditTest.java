package io.teamplay.accounts;

import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Edits of one account that arrive at once are applied one after the other: every PATCH answers 200, the last one
 * wins, and the history and the plays' events record each change from the value the previous one left. (The load
 * test saw two PATCHes adding the same new attribute collide on the attribute's key: one answered 409.)
 */
@QuarkusTest
class ConcurrentAttributeEditTest {

    private static final int EDITORS = 8;
    private static final int ROUNDS = 6;
    private static final String ATTRIBUTE = "renewal_stage";

    @Inject
    DataSource database;

    /** What one editor sends: the status a caller expects, and the call answering the status it got. */
    private record Edit(int expected, Callable<Integer> send) {
    }

    private static Edit patch(String accountId, String value) {
        return new Edit(200, () -> asAdmin().body(Map.of("attributes", Map.of(ATTRIBUTE, value)))
                .patch("/api/accounts/{id}", accountId).then().extract().statusCode());
    }

    private static Edit outsideEvent(String accountId, String value) {
        return new Edit(202, () -> asAdmin().body(Map.of("type", "ATTRIBUTE_CHANGED", "accountId", accountId,
                        "attribute", ATTRIBUTE, "newValue", value))
                .post("/api/events").then().extract().statusCode());
    }

    @Test
    void editorsAddingTheSameNewAttributeAtOnceAllSucceedAndEachChangeIsRecordedFromThePreviousValue() throws Exception {
        editAtOnce(ConcurrentAttributeEditTest::patch);
    }

    @Test
    void editsAndEventsFromOutsideAtOnceAreAppliedOneAfterTheOther() throws Exception {
        int[] editor = {0};
        editAtOnce((accountId, value) -> editor[0]++ % 2 == 0 ? patch(accountId, value) : outsideEvent(accountId, value));
    }

    private void editAtOnce(java.util.function.BiFunction<String, String, Edit> edit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        try {
            List<String> failures = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                String accountId = account(Map.of("tier", "gold"));
                List<String> sent = new ArrayList<>();
                CyclicBarrier start = new CyclicBarrier(EDITORS);
                List<Callable<Integer>> editors = new ArrayList<>();
                List<Integer> expected = new ArrayList<>();
                for (int editor = 0; editor < EDITORS; editor++) {
                    String value = "stage-" + editor;
                    sent.add(value);
                    Edit one = edit.apply(accountId, value);
                    expected.add(one.expected());
                    editors.add(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return one.send().call();
                    });
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : pool.invokeAll(editors)) {
                    statuses.add(answer.get());
                }
                long refused = java.util.stream.IntStream.range(0, EDITORS)
                        .filter(i -> !statuses.get(i).equals(expected.get(i))).count();
                if (refused > 0) {
                    failures.add("round " + round + ": " + refused + " of " + EDITORS + " not as expected (" + expected + "): " + statuses);
                    continue;
                }
                Object last = asAdmin().get("/api/accounts/{id}", accountId).then().statusCode(200)
                        .extract().path("attributes." + ATTRIBUTE);
                assertTrue(sent.contains(last), "the final value is one of those sent: " + last);
                assertChained(historyOf(accountId), last, "attribute history of round " + round);
                assertChained(eventsOf(accountId), "\"" + last + "\"", "ATTRIBUTE_CHANGED events of round " + round);
            }
            assertEquals(List.of(), failures, "edits of the same new attribute that were refused");
        } finally {
            pool.shutdown();
        }
    }

    /** One change per editor, oldest first: the first from no value, each from the one before, the last to the final. */
    private static void assertChained(List<String[]> changes, Object last, String what) {
        assertEquals(EDITORS, changes.size(), what + ": one per PATCH");
        assertNull(changes.get(0)[0], what + ": the first adds the attribute");
        for (int i = 1; i < changes.size(); i++) {
            assertEquals(changes.get(i - 1)[1], changes.get(i)[0], what + ": change " + i + " starts from the one before");
        }
        assertEquals(last, changes.get(changes.size() - 1)[1], what + ": the last change is the final value");
    }

    private static List<String[]> historyOf(String accountId) {
        List<Map<String, Object>> rows = asAdmin().get("/api/accounts/{id}/history", accountId).then().statusCode(200)
                .extract().path("$");
        List<String[]> changes = new ArrayList<>();
        rows.stream().filter(row -> ATTRIBUTE.equals(row.get("attribute")))
                .forEach(row -> changes.add(new String[]{(String) row.get("fromValue"), (String) row.get("toValue")}));
        Collections.reverse(changes); // the history is newest first
        return changes;
    }

    private List<String[]> eventsOf(String accountId) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement("select old_value, new_value from play_event "
                     + "where account_id = ? and type = 'ATTRIBUTE_CHANGED' and attribute = ? order by created_at, id")) {
            query.setString(1, accountId);
            query.setString(2, ATTRIBUTE);
            List<String[]> changes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
            return changes;
        }
    }
}
