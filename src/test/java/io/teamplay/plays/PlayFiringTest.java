package io.teamplay.plays;

import static io.teamplay.plays.PlayFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.actions.PlayDecision.AssignLeastLoaded;
import io.teamplay.plays.actions.PlayDecision.AssignRole;
import io.teamplay.plays.actions.PlayDecision.AssignRoundRobin;
import io.teamplay.plays.actions.PlayDecision.ClearRole;
import io.teamplay.plays.actions.PlayDecision.CreateTask;
import io.teamplay.plays.actions.PlayDecision.NotifyHolder;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayEngine;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayFiringException;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Every DSL trigger and action, the activation filter, and firing from many threads. */
class PlayFiringTest {

    private static final Account ACCOUNT = account("a1",
            Map.of("segment", "enterprise", "arr", 120000, "renewal_date", TODAY.plusDays(30).toString(),
                    "signed_on", TODAY.minusDays(10).toString()),
            Map.of("success_manager", "sam@x.io"));

    private static PlayFile play(String when, String then) {
        return dslr("p", "// team: Enterprise\nrule \"r\"\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n");
    }

    private static List<PlayDecision> fire(String when, String then, AccountEvent event, Account account) {
        PlayFile file = play(when, then);
        PlayBook book = compile(file);
        assertEquals(List.of(), book.play("p").orElseThrow().errors());
        return book.fire(event, account, Set.of("p"));
    }

    private static boolean fires(String when, AccountEvent event) {
        return !fire(when, "clear the \"Success Manager\"", event, ACCOUNT).isEmpty();
    }

    @Test
    void shouldFireOnEachTrigger() {
        assertTrue(fires("the account is created", created("a1")));
        assertFalse(fires("the account is created", daily("a1")));
        assertTrue(fires("the stage changes", attributeChanged("a1", "stage", "a", "b")));
        assertFalse(fires("the stage changes", attributeChanged("a1", "segment", "a", "b")));
        assertTrue(fires("the stage changes to \"adoption\"", attributeChanged("a1", "stage", "x", "adoption")));
        assertTrue(fires("the stage changes from \"x\" to \"y\"", attributeChanged("a1", "stage", "x", "y")));
        assertFalse(fires("the stage changes from \"x\" to \"y\"", attributeChanged("a1", "stage", "z", "y")));
        assertTrue(fires("the stage leaves \"onboarding\"", attributeChanged("a1", "stage", "onboarding", "live")));
        assertFalse(fires("the stage leaves \"onboarding\"", attributeChanged("a1", "stage", "live", "onboarding")));
        assertTrue(fires("the \"Sales Manager\" changes hands", assignmentChanged("a1", "sales_manager", "a", "b")));
        assertFalse(fires("the \"Sales Manager\" changes hands", assignmentChanged("a1", "success_manager", "a", "b")));
        assertTrue(fires("the \"Sales Manager\" is cleared", assignmentChanged("a1", "sales_manager", "a", null)));
        assertTrue(fires("any role changes hands", assignmentChanged("a1", "x_role", "a", "b")));
        assertTrue(fires("a team member is disabled", userDisabled("a1", "gone@x.io")));
        assertTrue(fires("a team member is disabled and the disabled user is \"gone@x.io\"",
                userDisabled("a1", "gone@x.io")));
        assertTrue(fires("a new day starts", daily("a1")));
        assertTrue(fires("it is 30 days before the renewal_date", daily("a1")));
        assertFalse(fires("it is 31 days before the renewal_date", daily("a1")));
        assertTrue(fires("it is 10 days after the signed_on", daily("a1")));
        assertFalse(fires("it is 10 days after the renewal_date", daily("a1")));
    }

    @Test
    void shouldCompareTheValuesOfTriggersIgnoringCase() {
        assertTrue(fires("the health changes to \"red\"", attributeChanged("a1", "health", "green", "Red")));
        assertTrue(fires("the health changes from \"GREEN\" to \"red\"", attributeChanged("a1", "health", "green", "RED")));
        assertTrue(fires("the stage leaves \"Onboarding\"", attributeChanged("a1", "stage", "onboarding", "live")));
        assertFalse(fires("the stage leaves \"onboarding\"", attributeChanged("a1", "stage", "Onboarding", "ONBOARDING")));
    }

    @Test
    void shouldApplyConditionsOnTheAccount() {
        assertTrue(fires("the account is created and its segment is \"Enterprise\"", created("a1")));
        assertFalse(fires("the account is created and its segment is not \"enterprise\"", created("a1")));
        assertTrue(fires("the account is created and its arr is at least 100000", created("a1")));
        assertFalse(fires("the account is created and its arr is at least 200000", created("a1")));
        assertTrue(fires("the account is created and it has a \"Success Manager\"", created("a1")));
        assertFalse(fires("the account is created and it has no \"Success Manager\"", created("a1")));
        assertTrue(fires("the account is created\n    its segment is \"enterprise\"", created("a1")));
    }

    @Test
    void shouldRecordEachActionWithItsPlayAndRule() {
        AccountEvent event = created("a1");
        String when = "the account is created";
        assertEquals(List.of(new AssignRole("p", "r", "success_manager", "ann@x.io")),
                fire(when, "assign \"ann@x.io\" as \"Success Manager\"", event, ACCOUNT));
        assertEquals(List.of(new AssignRoundRobin("p", "r", "sales_manager", "Sales")),
                fire(when, "assign the next member of team \"Sales\" by round robin as \"Sales Manager\"", event, ACCOUNT));
        assertEquals(List.of(new AssignLeastLoaded("p", "r", "success_manager", "Enterprise")),
                fire(when, "assign the least loaded member of team \"Enterprise\" as \"success_manager\"", event, ACCOUNT));
        assertEquals(List.of(new ClearRole("p", "r", "onboarding_manager")),
                fire(when, "clear the \"Onboarding Manager\"", event, ACCOUNT));
        assertEquals(List.of(new CreateTask("p", "r", "success_manager", "Kick-off", 3)),
                fire(when, "create a task \"Kick-off\" for the \"Success Manager\" due in 3 days", event, ACCOUNT));
        assertEquals(List.of(new CreateTask("p", "r", "success_manager", "Call", 0)),
                fire(when, "create a task \"Call\" for the \"Success Manager\" due today", event, ACCOUNT));
        assertEquals(List.of(new NotifyHolder("p", "r", "success_manager", "Hello")),
                fire(when, "notify the \"Success Manager\" that \"Hello\"", event, ACCOUNT));
    }

    @Test
    void shouldFireOnlyActivePlays() {
        PlayBook book = compile(play("the account is created", "clear the \"A\""),
                dslr("q", "// team: T\nrule \"s\"\nwhen\n the account is created\nthen\n clear the \"B\"\nend\n"));
        assertEquals(List.of(), book.fire(created("a1"), ACCOUNT, Set.of()));
        assertEquals(List.of(new ClearRole("q", "s", "b")), book.fire(created("a1"), ACCOUNT, Set.of("q")));
        assertEquals(2, book.fire(created("a1"), ACCOUNT, Set.of("p", "q")).size());
    }

    @Test
    void shouldNameThePlayAndRuleWhenAThenPartFails() {
        PlayBook book = compile(drl("failing", """
                // team: Enterprise
                rule "Blank role"
                when
                    AccountEvent( )
                then
                    actions.clear(" ");
                end
                """));
        PlayFiringException e = assertThrows(PlayFiringException.class,
                () -> book.fire(created("a1"), ACCOUNT, Set.of("failing")));
        assertEquals("failing", e.play());
        assertEquals("Blank role", e.rule());
    }

    @Test
    void shouldFireFromManyThreadsAtOnce() throws Exception {
        PlayBook book = compile(play("the account is created and its segment is \"enterprise\"",
                "assign the least loaded member of team \"Enterprise\" as \"Success Manager\""));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String id = "a" + i;
                boolean enterprise = i % 2 == 0;
                Account account = account(id, Map.of("segment", enterprise ? "enterprise" : "smb"), Map.of());
                results.add(pool.submit(() -> {
                    List<PlayDecision> decisions = book.fire(created(id), account, Set.of("p"));
                    return decisions.size() == (enterprise ? 1 : 0);
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldSwapPlayBooksWhileEventsFlow() throws Exception {
        PlayEngine engine = new PlayEngine();
        PlayBook first = compile(play("the account is created", "clear the \"First\""));
        engine.swap(first);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(pool.submit(() -> {
                int fired = 0;
                while (!stop.get()) {
                    List<PlayDecision> decisions = engine.fire(created("a1"), ACCOUNT, Set.of("p"));
                    assertEquals(1, decisions.size(), "each event fires exactly one of the two books");
                    fired++;
                }
                return fired;
            }));
        }
        for (int i = 0; i < 10; i++) {
            Thread.sleep(20);
            engine.swap(compile(play("the account is created", i % 2 == 0 ? "clear the \"Second\"" : "clear the \"Third\"")));
        }
        stop.set(true);
        int total = 0;
        for (Future<Integer> worker : workers) {
            total += worker.get(30, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        assertTrue(total > 0);
        assertEquals(List.of(new ClearRole("p", "r", "third")), engine.fire(created("a1"), ACCOUNT, Set.of("p")));
        engine.close();
    }
}
