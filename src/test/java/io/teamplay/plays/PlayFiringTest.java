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
import io.teamplay.plays.engine.FiringLimits;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayEngine;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayFiringException;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import java.time.Duration;
import io.teamplay.plays.facts.OpenTask;
import io.teamplay.plays.facts.Situation;
import io.teamplay.plays.facts.TeamMember;
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
        return book.fire(event, account, Set.of("p"), UNHURRIED);
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
    void shouldCompareNumbersAsNumbersDatesAsDatesAndWordsIgnoringCase() {
        String created = "the account is created\n    ";
        assertTrue(fires(created + "its arr is at least 120000", created("a1")));
        assertFalse(fires(created + "its arr is at most 119999.5", created("a1")));
        assertTrue(fires(created + "its arr is below 200000", created("a1")));
        assertFalse(fires(created + "its arr is above 120000", created("a1")));
        assertTrue(fires(created + "its arr is between 100000 and 150000", created("a1")));
        assertFalse(fires(created + "its arr is between -5 and 99999", created("a1")));
        assertTrue(fires(created + "its renewal_date is between \"2026-12-01\" and \"2026-12-31\"", created("a1")));
        assertTrue(fires(created + "its renewal_date is above \"2026-12-22\"", created("a1")));
        assertFalse(fires(created + "its renewal_date is below \"2026-12-23\"", created("a1")));
        assertFalse(fires(created + "its segment is at least 5", created("a1")), "a word is no number");
        assertTrue(fires(created + "its segment is one of \"SMB\", \"Enterprise\"", created("a1")));
        assertFalse(fires(created + "its segment is not one of \"smb\", \"ENTERPRISE\"", created("a1")));
        assertTrue(fires(created + "its segment contains \"PRISE\"", created("a1")));
        assertFalse(fires(created + "its segment contains \"smb\"", created("a1")));
        assertTrue(fires(created + "its tier is empty", created("a1")));
        assertFalse(fires(created + "its segment is empty", created("a1")));
        assertTrue(fires(created + "its segment is not empty", created("a1")));
        Account textual = account("a1", Map.of("arr", "120000", "renewal_date", "2026-12-23T10:00:00Z"), Map.of());
        assertEquals(1, fire(created + "its arr is above 99999.99\n    its renewal_date is at most \"2026-12-23\"",
                "clear the \"Success Manager\"", created("a1"), textual).size(), "numbers and dates kept as text");
    }

    @Test
    void shouldActOnceWhenSeveralConditionsJoinedWithOrHold() {
        String when = "the account is created\n    its segment is \"smb\" or its arr is at least 100000";
        assertEquals(1, fire(when, "clear the \"Success Manager\"", created("a1"), ACCOUNT).size());
        String both = "the account is created\n    its segment is \"enterprise\" or its arr is at least 100000";
        assertEquals(1, fire(both, "clear the \"Success Manager\"", created("a1"), ACCOUNT).size());
        String neither = "the account is created\n    its segment is \"smb\" or its arr is below 100000";
        assertEquals(0, fire(neither, "clear the \"Success Manager\"", created("a1"), ACCOUNT).size());
    }

    @Test
    void shouldFireWhenAValueCrossesAThreshold() {
        assertTrue(fires("the nps falls below 7", attributeChanged("a1", "nps", 8, 6)));
        assertTrue(fires("the nps falls below 7", attributeChanged("a1", "nps", null, 6)), "no value before");
        assertFalse(fires("the nps falls below 7", attributeChanged("a1", "nps", 6, 5)), "below already");
        assertFalse(fires("the nps falls below 7", attributeChanged("a1", "nps", 8, 7)));
        assertTrue(fires("the arr goes above 100000", attributeChanged("a1", "arr", 100000, "100000.5")));
        assertFalse(fires("the arr goes above 100000", attributeChanged("a1", "arr", 100001, 200000)));
        assertTrue(fires("the arr reaches 100000", attributeChanged("a1", "arr", 99999, 100000)));
        assertFalse(fires("the arr reaches 100000", attributeChanged("a1", "arr", 100000, 150000)));
        assertFalse(fires("the arr reaches 100000", attributeChanged("a1", "tier", 1, 200000)));
    }

    @Test
    void shouldFireWithinAWindowOfDaysOncePerDateValue() {
        AccountEvent daily = daily("a1");
        assertTrue(fires("it is within 30 days before the renewal_date", daily));
        assertTrue(fires("the renewal_date is within 90 days", daily));
        assertFalse(fires("the renewal_date is within 29 days", daily));
        assertTrue(fires("it is within 10 days after the signed_on", daily));
        assertFalse(fires("it is within 9 days after the signed_on", daily));
        assertFalse(fires("it is within 90 days after the renewal_date", daily), "not yet past");
        List<PlayDecision> decisions = fire("the renewal_date is within 90 days", "clear the \"Success Manager\"",
                daily, ACCOUNT);
        assertEquals("renewal_date=" + TODAY.plusDays(30), decisions.get(0).once());
        assertEquals(List.of(), fire("the renewal_date is within 90 days", "clear the \"Success Manager\"", daily,
                remembering("r", "renewal_date=" + TODAY.plusDays(30))), "remembered for this date");
        assertEquals(1, fire("the renewal_date is within 90 days", "clear the \"Success Manager\"", daily,
                remembering("r", "renewal_date=" + TODAY.plusDays(31))).size(), "another date is another key");
    }

    @Test
    void shouldRememberOncePerAccountAndPerValueOfAnAttribute() {
        String when = "the account is created\n    once per account";
        assertEquals("account", fire(when, "clear the \"Success Manager\"", created("a1"), ACCOUNT).get(0).once());
        assertEquals(List.of(), fire(when, "clear the \"Success Manager\"", created("a1"), remembering("r", "account")));
        assertEquals(1, fire(when, "clear the \"Success Manager\"", created("a1"),
                remembering("another rule", "account")).size(), "the memory is per rule");
        String perSegment = "the account is created\n    once per account per value of segment";
        assertEquals("segment=enterprise", fire(perSegment, "clear the \"Success Manager\"", created("a1"), ACCOUNT)
                .get(0).once());
        Account longNotes = account("a1", Map.of("notes", "x".repeat(4000)), Map.of());
        assertEquals("notes=" + "x".repeat(100) + "...(4000 characters, #" + Integer.toHexString("x".repeat(4000).hashCode())
                + ")", fire("the account is created\n    once per account per value of notes", "clear the \"x\"",
                created("a1"), longNotes).get(0).once(), "a long value is remembered by a short key");
        assertEquals(List.of(), fire("the account is created\n    once per account per value of tier",
                "clear the \"Success Manager\"", created("a1"), ACCOUNT), "no value, nothing to remember it by");
    }

    @Test
    void shouldReadTheAccountsOpenTasks() {
        Account withTasks = withTasks(new OpenTask(1, "Prepare renewal", "sam@x.io", TODAY.minusDays(7), null, "NORMAL"),
                new OpenTask(2, "Kick-off", "sam@x.io", TODAY.minusDays(3), null, "HIGH"));
        String unless = "the account is created\n    unless an open task titled \"prepare RENEWAL\" exists";
        assertEquals(List.of(), fire(unless, "clear the \"Success Manager\"", created("a1"), withTasks));
        assertEquals(1, fire(unless, "clear the \"Success Manager\"", created("a1"), ACCOUNT).size());
        assertEquals(1, fire("the account is created\n    it has an open task titled \"Kick-off\"",
                "clear the \"Success Manager\"", created("a1"), withTasks).size());
        List<PlayDecision> overdue = fire("a task is 7 days overdue",
                "notify the \"Sales Manager\" that \"{task.title} is a week late (due {task.due}, {task.owner})\"",
                daily("a1"), withTasks);
        assertEquals(List.of(new NotifyHolder("p", "r", "sales_manager",
                "Prepare renewal is a week late (due " + TODAY.minusDays(7) + ", sam@x.io)")), overdue);
        assertEquals(1, fire("a task titled \"Kick-off\" is 3 days overdue", "clear the \"Success Manager\"",
                daily("a1"), withTasks).size());
        assertEquals(0, fire("a task titled \"Kick-off\" is 7 days overdue", "clear the \"Success Manager\"",
                daily("a1"), withTasks).size());
    }

    @Test
    void shouldReadTheLoadOfTheAccountsTeamMembers() {
        Account loaded = new Account(ACCOUNT.getId(), ACCOUNT.getName(), ACCOUNT.getAttributes(), ACCOUNT.getTeam(),
                new Situation(List.of(), List.of(new TeamMember("Success Manager", "sam@x.io", "Sam", 41),
                        new TeamMember("sales_manager", "sal@x.io", null, 3)), Map.of(), Set.of()));
        String created = "the account is created\n    ";
        assertEquals(1, fire(created + "its \"Success Manager\" holds more than 40 accounts", "clear the \"x\"",
                created("a1"), loaded).size());
        assertEquals(0, fire(created + "its \"Success Manager\" holds more than 41 accounts", "clear the \"x\"",
                created("a1"), loaded).size());
        assertEquals(1, fire(created + "its \"Sales Manager\" holds fewer than 4 accounts", "clear the \"x\"",
                created("a1"), loaded).size());
        assertEquals(0, fire(created + "its \"Renewal Manager\" holds fewer than 4 accounts", "clear the \"x\"",
                created("a1"), loaded).size(), "nobody holds it");
    }

    @Test
    void shouldReadTheNamedTeamsMembersWithTheirAvailabilityAndLoad() {
        Situation roster = new Situation(List.of(), List.of(), Map.of(), Set.of())
                .withTeammates(List.of(new io.teamplay.plays.facts.Teammate("Enterprise", "ann@x.io", "Ann", false, 1, 0),
                        new io.teamplay.plays.facts.Teammate("Enterprise", "bob@x.io", "Bob", true, 50, 3),
                        new io.teamplay.plays.facts.Teammate("SMB", "sid@x.io", "Sid", true, 0, 0)));
        Account account = new Account(ACCOUNT.getId(), ACCOUNT.getName(), ACCOUNT.getAttributes(), ACCOUNT.getTeam(),
                roster);
        String created = "the account is created\n    ";
        assertEquals(1, fire(created + "team \"enterprise\" has an available member", "clear the \"x\"",
                created("a1"), account).size());
        assertEquals(0, fire(created + "team \"Enterprise\" has no available member", "clear the \"x\"",
                created("a1"), account).size());
        assertEquals(1, fire(created + "team \"Nobody\" has no available member", "clear the \"x\"",
                created("a1"), account).size());
        assertEquals(0, fire(created + "team \"Enterprise\" has an available member holding fewer than 40 seats",
                "clear the \"x\"", created("a1"), account).size(), "the one with room is away");
        assertEquals(1, fire(created + "team \"Enterprise\" has an available member with fewer than 4 open tasks",
                "clear the \"x\"", created("a1"), account).size());
        Account allAway = new Account(ACCOUNT.getId(), ACCOUNT.getName(), ACCOUNT.getAttributes(), ACCOUNT.getTeam(),
                roster.withTeammates(List.of(new io.teamplay.plays.facts.Teammate("Enterprise", "ann@x.io", "Ann", false,
                        1, 0))));
        assertEquals(1, fire(created + "team \"Enterprise\" has no available member", "clear the \"x\"",
                created("a1"), allAway).size());
        Account rosterAway = new Account(ACCOUNT.getId(), ACCOUNT.getName(), ACCOUNT.getAttributes(), ACCOUNT.getTeam(),
                roster.withTeammates(List.of(new io.teamplay.plays.facts.Teammate("Roster-8806ae0b", "ann@x.io", "Ann",
                        false, 1, 0))));
        assertEquals(1, fire("the roster1 changes to \"check\"\n    team \"Roster-8806ae0b\" has no available member",
                "set the roster1_answer to \"nobody\"", attributeChanged("a1", "roster1", null, "check"),
                rosterAway).size());
        PlayBook both = compile(dslr("p", "// team: Enterprise\nrule \"r\"\nwhen\n    the roster1 changes to \"check\"\n"
                + "    team \"Roster-8806ae0b\" has no available member\nthen\n    set the a to \"nobody\"\nend\n"
                + "rule \"s\"\nwhen\n    the roster1 changes to \"check\"\n"
                + "    team \"Roster-8806ae0b\" has an available member holding fewer than 2 seats\nthen\n"
                + "    set the b to \"room\"\nend\n"));
        assertEquals(List.of("a"), both.fire(attributeChanged("a1", "roster1", null, "check"), rosterAway, Set.of("p"))
                .stream().map(d -> ((PlayDecision.SetAttribute) d).attribute()).toList(), "with a sibling rule too");
        PlayBook two = compile(dslr("p", "// team: Enterprise\nrule \"test rule\"\nwhen\n    the roster1 changes to \"check\"\n"
                        + "    team \"Roster-8806ae0b\" has no available member\nthen\n    set the a to \"nobody\"\nend\n"),
                dslr("q", "// team: Enterprise\nrule \"other rule\"\nwhen\n    the roster1 changes to \"check\"\n"
                        + "    team \"Roster-8806ae0b\" has an available member holding fewer than 2 seats\nthen\n"
                        + "    set the b to \"room\"\nend\n"));
        assertEquals(List.of("a"), two.fire(attributeChanged("a1", "roster1", null, "check"), rosterAway,
                Set.of("p", "q")).stream().map(d -> ((PlayDecision.SetAttribute) d).attribute()).toList(),
                "with a sibling play");
    }

    @Test
    void shouldFillTheMergeFieldsOfMessagesAndTitles() {
        Account named = new Account("a1", "Acme", Map.of("health", "red", "arr", 120000),
                Map.of("success_manager", "sam@x.io", "sales_manager", "sal@x.io"),
                new Situation(List.of(), List.of(), Map.of("success_manager", "Sam Lee"), Set.of()));
        List<PlayDecision> decisions = fire("the health changes",
                "notify the \"Sales Manager\" by email and in the app that \"{account.name} ({account.arr}): health "
                        + "{old} -> {new}; {Success Manager} / {sales_manager} / {account.tier}. {unknown} {old\"\n"
                        + "    create a task \"Call {account.name}\" for the \"Success Manager\" due today",
                attributeChanged("a1", "health", "green", "red"), named);
        String message = "Acme (120000): health green -> red; Sam Lee / sal@x.io / . {unknown} {old";
        assertEquals(List.of(new NotifyHolder("p", "r", "sales_manager", message),
                new PlayDecision.EmailHolder("p", "r", "sales_manager", message, null),
                new CreateTask("p", "r", "success_manager", "Call Acme", 0)), decisions);
        assertEquals("green -> Red", ((NotifyHolder) fire("the health changes from \"green\" to \"red\"",
                "notify the \"Sales Manager\" that \"{old} -> {new}\"", attributeChanged("a1", "health", "green", "Red"),
                named).get(0)).message(), "the values of the event, not the words of the trigger");
        assertEquals("a new holder: sam@x.io, was ann@x.io", ((NotifyHolder) fire("a new \"Success Manager\" is assigned",
                "notify the \"Sales Manager\" that \"a new holder: {new}, was {old}\"",
                assignmentChanged("a1", "success_manager", "ann@x.io", "sam@x.io"), named).get(0)).message());
        assertEquals(List.of(), fire("a new \"Success Manager\" is assigned", "clear the \"Success Manager\"",
                assignmentChanged("a1", "success_manager", "ann@x.io", null), named), "cleared: nobody new");
    }

    @Test
    void shouldRecordTheNewActions() {
        AccountEvent event = created("a1");
        String when = "the account is created";
        assertEquals(List.of(new PlayDecision.SetAttribute("p", "r", "stage", "at risk", null),
                        new PlayDecision.SetAttribute("p", "r", "score", "5", null),
                        new PlayDecision.SetAttribute("p", "r", "tier", "", null)),
                fire(when, "set the stage to \"at risk\"\n    set the score to 5\n    remove the tier", event, ACCOUNT));
        assertEquals(List.of(new CreateTask("p", "r", "success_manager", "Call", 3, "HIGH", null),
                        new CreateTask("p", "r", "success_manager", "Now", 0, "URGENT", null)),
                fire(when, "create a task \"Call\" for the \"Success Manager\" due in 3 days with high priority\n"
                        + "    create a task \"Now\" for the \"Success Manager\" due today with urgent priority", event,
                        ACCOUNT));
        assertEquals(List.of(new AssignLeastLoaded("p", "r", "success_manager", "Enterprise", 40, null),
                        new AssignRoundRobin("p", "r", "executive_sponsor", "Enterprise", 2, null)),
                fire(when, "assign the least loaded member of team \"Enterprise\" as \"Success Manager\", at most 40 "
                        + "accounts each\n    assign the next member of team \"Enterprise\" by round robin as "
                        + "\"Executive Sponsor\", at most 2 accounts each", event, ACCOUNT));
        assertEquals(List.of(new PlayDecision.EmailHolder("p", "r", "sales_manager", "Hi", null)),
                fire(when, "notify the \"Sales Manager\" by email that \"Hi\"", event, ACCOUNT));
    }

    private static Account remembering(String rule, String key) {
        return new Account(ACCOUNT.getId(), ACCOUNT.getName(), ACCOUNT.getAttributes(), ACCOUNT.getTeam(),
                new Situation(List.of(), List.of(), Map.of(), Set.of(Situation.memoryEntry("p", rule, key))));
    }

    private static Account withTasks(OpenTask... tasks) {
        return new Account(ACCOUNT.getId(), ACCOUNT.getName(), ACCOUNT.getAttributes(), ACCOUNT.getTeam(),
                new Situation(List.of(tasks), List.of(), Map.of(), Set.of()));
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

    /**
     * Eight threads on a machine of two cores (shared with other builds): how long one firing waits for a core says
     * nothing about its plays, so the wall time is not what these tests bound.
     */
    private static final FiringLimits CROWDED = new FiringLimits(Duration.ofMinutes(1), Duration.ofSeconds(1), 1_000, 100,
            64L * 1024 * 1024);

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
                    List<PlayDecision> decisions = book.fire(created(id), account, Set.of("p"), CROWDED);
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
                    List<PlayDecision> decisions = engine.fire(created("a1"), ACCOUNT, Set.of("p"), CROWDED);
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
