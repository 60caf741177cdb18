package io.teamplay.plays;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class PlaysResourceTest {

    @Inject
    PlayLibrary library;
    @Inject
    DailyTicks dailyTicks;
    @Inject
    PlayActivations activations;

    private final List<String> activated = new ArrayList<>();

    @AfterEach
    void deactivateWhatThisTestActivated() {
        activated.forEach(name -> asAdmin().post("/api/plays/{name}/deactivate", name));
    }

    private void activate(String play) {
        asAdmin().post("/api/plays/{name}/activate", play).then().statusCode(200).body("active", is(true));
        activated.add(play);
    }

    private static ValidatableResponse putPlay(String name, String source) {
        return given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain").body(source)
                .put("/api/plays/{name}", name).then();
    }

    private static String dslPlay(String team, String when, String then) {
        return "// team: " + team + "\n// description: test play\nexpander plays.dsl\n\nrule \"test rule\"\nwhen\n    "
                + when + "\nthen\n    " + then + "\nend\n";
    }

    private static String holder(String accountId, String role) {
        List<Map<String, Object>> team = asAdmin().get("/api/accounts/{id}", accountId).then().statusCode(200)
                .extract().path("team");
        return team.stream().filter(m -> role.equals(m.get("role"))).map(m -> (String) m.get("email"))
                .findFirst().orElse(null);
    }

    private static List<Map<String, Object>> runs(String play) {
        return asAdmin().get("/api/plays/{name}/runs", play).then().statusCode(200).extract().path("$");
    }

    /** The worker handles events on its own thread: the probe's value once it is done (at most 15 s). */
    private static <T> T eventually(Callable<T> probe, Predicate<? super T> done) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(probe, done);
    }

    /** Nothing more happens: the probe keeps its value for half a second. */
    private static <T> void staysAt(Callable<T> probe, T value) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(probe, equalTo(value));
    }

    private static String segmentAccount(String segment) {
        return account(Map.of("segment", segment));
    }

    @Test
    void shouldListTheShippedPlaysInactiveAndCompiled() {
        asAdmin().get("/api/plays").then().statusCode(200)
                .body("find { it.name == 'enterprise-success-manager' }.active", is(false))
                .body("find { it.name == 'enterprise-success-manager' }.status", is("OK"))
                .body("find { it.name == 'enterprise-success-manager' }.team", is("Enterprise"))
                .body("size()", greaterThanOrEqualTo(5));
        asAdmin().get("/api/plays/onboarding-handover").then().statusCode(200)
                .body("source", containsString("the stage leaves \"onboarding\""))
                .body("errors", empty());
    }

    @Test
    void shouldBuildOnlyTheActivePlaysAndFollowActivationsMadeElsewhere() {
        String team = unique("Team");
        user("Only Active", "PRACTITIONER", team);
        String play = "only-active-" + unique("p");
        putPlay(play, dslPlay(team, "the account is created", "clear the \"Success Manager\"")).statusCode(201);
        asAdmin().get("/api/plays/{name}", play).then().body("status", is("OK")).body("active", is(false));
        assertFalse(library.book().runnable().contains(play), "an inactive play is not in the KieBase");
        activate(play);
        assertTrue(library.book().runnable().contains(play), "activating rebuilds the book before answering");
        // another instance deactivates, then activates it again: the scan notices the database differs from the book
        activations.set(play, false, "elsewhere");
        awaitRunnable(play, false);
        activations.set(play, true, "elsewhere");
        awaitRunnable(play, true);
    }

    private void awaitRunnable(String play, boolean runnable) {
        await().atMost(Duration.ofSeconds(10)).until(() -> library.book().runnable().contains(play) == runnable);
    }

    @Test
    void shouldRefuseAPlayThatDoesNotCompileWithLineAndColumnAndKeepTheOthersRunning() {
        int before = library.book().runnable().size();
        putPlay("broken-play", """
                // team: Enterprise
                rule "Broken"
                when
                    $e : AccountEvent( type == EventType.ACCOUNT_CREATED )
                then
                    actions.frobnicate("Success Manager");
                end
                """).statusCode(422)
                .body("errors[0].line", is(6))
                .body("errors[0].column", is(13))
                .body("errors[0].message", containsString("frobnicate"));
        asAdmin().get("/api/plays/broken-play").then().statusCode(404);
        assertFalse(Files.exists(PlaysRulesDirectory.dir.resolve("broken-play.drl")));
        assertEquals(before, library.book().runnable().size());
    }

    @Test
    void shouldRefuseAForbiddenCall() {
        putPlay("exit-play", """
                // team: Enterprise
                rule "Stop"
                when
                    AccountEvent( )
                then
                    System.exit(0);
                end
                """).statusCode(422)
                .body("errors[0].line", is(6))
                .body("errors[0].column", is(5))
                .body("errors[0].message", containsString("calls System.exit"));
    }

    @Test
    void shouldReportASentenceThePlaysDslDoesNotKnow() {
        putPlay("unknown-sentence.dslr", dslPlay("Enterprise", "the account is deleted", "clear the \"Success Manager\""))
                .statusCode(422)
                .body("errors[0].line", is(7))
                .body("errors[0].message", containsString("cannot understand the sentence"));
    }

    @Test
    void shouldAssignTheLeastLoadedTeamMemberWhenAnAccountIsCreated() {
        String team = unique("Team");
        String busy = user("Busy Bee", "PRACTITIONER", team);
        String free = user("Free Bee", "VIEWER", team);
        assign(account(), "success_manager", busy);
        String segment = unique("seg");
        putPlay("least-loaded-" + segment, dslPlay(team, "the account is created and its segment is \"" + segment + "\"",
                "assign the least loaded member of team \"" + team + "\" as \"Success Manager\"")).statusCode(201);
        activate("least-loaded-" + segment);
        String accountId = segmentAccount(segment);
        eventually(() -> holder(accountId, "success_manager"), h -> h != null);
        assertEquals(free, holder(accountId, "success_manager"));
        asAdmin().get("/api/accounts/{id}/history", accountId).then().statusCode(200)
                .body("[0].play", is("least-loaded-" + segment))
                .body("[0].rule", is("test rule"))
                .body("[0].source", is("PLAY"));
        List<Map<String, Object>> runs = runs("least-loaded-" + segment);
        assertEquals(1, runs.size());
        assertEquals("APPLIED", runs.get(0).get("outcome"));
        assertEquals(free, runs.get(0).get("after"));
    }

    @Test
    void shouldFireTheShippedEnterprisePlay() {
        user("Enterprise Member", "CONTRIBUTOR", "Enterprise");
        activate("enterprise-success-manager");
        String accountId = segmentAccount("enterprise");
        String holder = eventually(() -> holder(accountId, "success_manager"), h -> h != null);
        List<String> teams = asAdmin().get("/api/users/{email}", holder).then().extract().path("teams");
        assertTrue(teams.stream().anyMatch(t -> t.equalsIgnoreCase("Enterprise")), teams.toString());
    }

    @Test
    void shouldTakeTurnsByRoundRobin() {
        String team = unique("Team");
        String first = user("Ann Turn", "PRACTITIONER", team);
        String second = user("Bob Turn", "PRACTITIONER", team);
        String segment = unique("seg");
        String play = "round-robin-" + segment;
        putPlay(play, dslPlay(team, "the account is created and its segment is \"" + segment + "\"",
                "assign the next member of team \"" + team + "\" by round robin as \"Sales Manager\"")).statusCode(201);
        activate(play);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String accountId = segmentAccount(segment);
            picked.add(eventually(() -> holder(accountId, "sales_manager"), h -> h != null));
        }
        List<String> inOrder = first.compareTo(second) < 0 ? List.of(first, second) : List.of(second, first);
        assertEquals(List.of(inOrder.get(0), inOrder.get(1), inOrder.get(0)), picked);
    }

    @Test
    void shouldRecordAnIneligibleAssigneeAsFailedAndWriteNothing() {
        String team = unique("Team");
        user("In Sider", "PRACTITIONER", team);
        String outsider = user("Out Sider", "PRACTITIONER", unique("OtherTeam"));
        String segment = unique("seg");
        String play = "ineligible-" + segment;
        putPlay(play, dslPlay(team, "the account is created and its segment is \"" + segment + "\"",
                "assign \"" + outsider + "\" as \"Success Manager\"")).statusCode(201);
        activate(play);
        String accountId = segmentAccount(segment);
        List<Map<String, Object>> runs = eventually(() -> runs(play), r -> !r.isEmpty());
        assertEquals("FAILED", runs.get(0).get("outcome"));
        assertThat((String) runs.get(0).get("reason"), containsString("not a member of team " + team));
        assertNull(holder(accountId, "success_manager"));
        asAdmin().get("/api/accounts/{id}/history", accountId).then().body("size()", is(0));
    }

    @Test
    void shouldHandleADuplicateEventIdOnce() {
        String team = unique("Team");
        String sam = user("Sam Dup", "PRACTITIONER", team);
        String accountId = account();
        assign(accountId, "success_manager", sam);
        String attribute = "dup_" + unique("a").replace('-', '_');
        String play = "duplicate-" + attribute;
        putPlay(play, dslPlay(team, "the " + attribute + " changes to \"yes\"",
                "create a task \"Follow up\" for the \"Success Manager\" due in 2 days")).statusCode(201);
        activate(play);
        Map<String, Object> event = Map.of("id", "ext-" + attribute, "type", "ATTRIBUTE_CHANGED", "accountId", accountId,
                "attribute", attribute, "oldValue", "no", "newValue", "yes");
        asAdmin().body(event).post("/api/events").then().statusCode(202).body("queued", is(true));
        asAdmin().body(event).post("/api/events").then().statusCode(202).body("queued", is(false));
        eventually(() -> asAdmin().get("/api/events/{id}", "ext-" + attribute).then().extract().<String>path("event.status"),
                "DONE"::equals);
        staysAt(() -> runs(play).size(), 1);
        asAdmin().get("/api/tasks?accountId={id}", accountId).then().statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].title", is("Follow up"))
                .body("items[0].assignee", is(sam))
                .body("items[0].source", is("PLAY"));
    }

    @Test
    void shouldRefuseAnEventOfUnknownTypeOrAccount() {
        asAdmin().body(Map.of("type", "EXPLODED", "accountId", account())).post("/api/events").then().statusCode(400);
        asAdmin().body(Map.of("type", "ACCOUNT_CREATED", "accountId", "no-such-account")).post("/api/events")
                .then().statusCode(404);
    }

    @Test
    void shouldRefuseAnExternalEventIdInTheServicesDailyNamespace() {
        String accountId = account();
        String tick = "daily:" + accountId + ":" + java.time.LocalDate.now();
        // a posted event holding the id of a real daily tick would suppress that tick (the same id is handled once)
        for (String type : List.of("ACCOUNT_CREATED", "DAILY")) {
            asAdmin().body(Map.of("id", tick, "type", type, "accountId", accountId)).post("/api/events").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("id"));
            asAdmin().body(Map.of("id", " DAILY:" + accountId, "type", type, "accountId", accountId))
                    .post("/api/events").then().statusCode(400);
        }
        asAdmin().get("/api/events/{id}", tick).then().statusCode(404);
    }

    @Test
    void shouldReactToAttributeChangesThroughTheAccountApi() {
        String team = unique("Team");
        String onboarder = user("Olga Onboard", "PRACTITIONER", team);
        String sam = user("Sam Success", "PRACTITIONER", team);
        String accountId = account(Map.of("stage", "onboarding"));
        assign(accountId, "success_manager", sam);
        String segment = unique("seg");
        asAdmin().body(Map.of("attributes", Map.of("segment", segment))).patch("/api/accounts/{id}", accountId)
                .then().statusCode(200);
        String play = "leaves-" + segment;
        putPlay(play, dslPlay(team, "the stage leaves \"onboarding\" and its segment is \"" + segment + "\"",
                "create a task \"Hand-over\" for the \"Success Manager\" due in 7 days\n    clear the \"Sales Manager\""))
                .statusCode(201);
        assign(accountId, "sales_manager", onboarder);
        activate(play);
        asAdmin().body(Map.of("attributes", Map.of("stage", "adoption"))).patch("/api/accounts/{id}", accountId)
                .then().statusCode(200);
        eventually(() -> runs(play), r -> r.size() == 2);
        assertNull(holder(accountId, "sales_manager"));
        asAdmin().get("/api/tasks?accountId={id}", accountId).then()
                .body("items.find { it.title == 'Hand-over' }.assignee", is(sam))
                .body("items.find { it.title == 'Hand-over' }.dueDate", is(LocalDate.now().plusDays(7).toString()));
    }

    @Test
    void shouldNotifyANewHolderAndCoverForADisabledUser() {
        String team = unique("Team");
        String lead = user("Lea Lead", "PRACTITIONER", team);
        String leaving = user("Leo Leaving", "PRACTITIONER", team);
        String taker = user("Tom Taker", "PRACTITIONER", team);
        String segment = unique("seg");
        String notify = "notify-" + segment;
        putPlay(notify, dslPlay(team, "the \"Sales Manager\" changes hands and its segment is \"" + segment + "\"",
                "notify the \"Sales Manager\" that \"welcome aboard\"")).statusCode(201);
        String cover = "cover-" + segment;
        putPlay(cover, dslPlay(team, "a team member is disabled and its segment is \"" + segment + "\" and it has no \"Success Manager\"",
                "assign \"" + lead + "\" as \"Success Manager\"")).statusCode(201);
        activate(notify);
        activate(cover);
        String accountId = segmentAccount(segment);
        assign(accountId, "sales_manager", leaving);
        List<Map<String, Object>> notified = eventually(() -> runs(notify), r -> !r.isEmpty());
        assertEquals("NOTIFY", notified.get(0).get("action"));
        assertEquals(leaving, notified.get(0).get("after"));
        as(tokenOf(leaving)).get("/api/notifications").then().statusCode(200)
                .body("items.message", hasItem(startsWith("welcome aboard")))
                .body("items.find { it.message.startsWith('welcome aboard') }.play", is(notify));
        asAdmin().body(Map.of("reassignTo", taker)).post("/api/users/{email}/disable", leaving).then().statusCode(200);
        eventually(() -> holder(accountId, "success_manager"), lead::equals);
    }

    @Test
    void shouldFireTimeBasedPlaysOncePerAccountAndDay() {
        String team = unique("Team");
        String sam = user("Sam Renewal", "PRACTITIONER", team);
        String segment = unique("seg");
        LocalDate day = LocalDate.now().plusYears(5);
        String accountId = account(Map.of("segment", segment, "renewal_date", day.plusDays(90).toString()));
        assign(accountId, "success_manager", sam);
        String play = "renewal-" + segment;
        putPlay(play, dslPlay(team, "it is 90 days before the renewal_date and its segment is \"" + segment + "\"",
                "create a task \"Prepare the renewal\" for the \"Success Manager\" due in 14 days")).statusCode(201);
        activate(play);
        int first = dailyTicks.tick(day);
        int second = dailyTicks.tick(day);
        assertTrue(first >= 1);
        assertEquals(0, second, "a second instance ticking the same day queues nothing");
        eventually(() -> runs(play), r -> !r.isEmpty());
        staysAt(() -> runs(play).size(), 1);
        asAdmin().get("/api/tasks?accountId={id}", accountId).then().body("items.size()", is(1))
                .body("items[0].dueDate", is(day.plusDays(14).toString()));
    }

    @Test
    void shouldStopALoopAndNameTheChain() {
        String team = unique("Team");
        String u1 = user("Una Loop", "PRACTITIONER", team);
        String u2 = user("Dos Loop", "PRACTITIONER", team);
        String roleName = "Loop Seat " + unique("r").substring(2);
        String role = asAdmin().body(Map.of("displayName", roleName, "description", "loop test", "source", "APP",
                "editable", true)).post("/api/roles").then().statusCode(201).extract().path("key");
        String ping = "ping-" + role;
        String pong = "pong-" + role;
        putPlay(ping, "// team: " + team + "\nrule \"ping\"\nwhen\n    $e : AccountEvent( type == EventType.ASSIGNMENT_CHANGED, "
                + "role == \"" + role + "\", toEmail == \"" + u2 + "\" )\nthen\n    actions.assign(\"" + role + "\", \""
                + u1 + "\");\nend\n").statusCode(201);
        putPlay(pong, "// team: " + team + "\nrule \"pong\"\nwhen\n    $e : AccountEvent( type == EventType.ASSIGNMENT_CHANGED, "
                + "role == \"" + role + "\", toEmail == \"" + u1 + "\" )\nthen\n    actions.assign(\"" + role + "\", \""
                + u2 + "\");\nend\n").statusCode(201);
        activate(ping);
        activate(pong);
        String accountId = account();
        assign(accountId, role, u1);
        List<Map<String, Object>> failed = eventually(() -> {
            List<Map<String, Object>> all = new ArrayList<>(runs(ping));
            all.addAll(runs(pong));
            return all.stream().filter(r -> "FAILED".equals(r.get("outcome"))).toList();
        }, f -> !f.isEmpty());
        String reason = (String) failed.get(0).get("reason");
        assertThat(reason, containsString("cascade stopped"));
        assertThat(reason, containsString(ping + "/ping -> " + pong + "/pong"));
        int applied = runs(ping).size() + runs(pong).size();
        staysAt(() -> runs(ping).size() + runs(pong).size(), applied); // nothing runs after the loop was stopped
    }

    @Test
    void shouldDryRunWithoutWritingAnything() {
        String team = unique("Team");
        String member = user("Dry Member", "PRACTITIONER", team);
        String old = user("Old Holder", "PRACTITIONER", team);
        String segment = unique("seg");
        String accountId = segmentAccount(segment);
        assign(accountId, "success_manager", old);
        long task = task(accountId, "Open work", old, "success_manager", "PLAY");
        policy("ALL_OPEN_TASKS");
        try {
            String play = "dry-" + segment;
            putPlay(play, dslPlay(team, "the account is created and its segment is \"" + segment + "\"",
                    "assign \"" + member + "\" as \"Success Manager\"")).statusCode(201);
            asAdmin().body(Map.of("accountId", accountId, "event", Map.of("type", "ACCOUNT_CREATED")))
                    .post("/api/plays/{name}/dry-run", play).then().statusCode(200)
                    .body("changes.size()", is(1))
                    .body("changes[0].action", is("ASSIGN"))
                    .body("changes[0].before", is(old))
                    .body("changes[0].after", is(member))
                    .body("changes[0].tasksMoving[0].id", is((int) task));
            assertEquals(old, holder(accountId, "success_manager"));
            assertEquals(old, assigneeOfTask(task));
            assertTrue(runs(play).isEmpty());
        } finally {
            policy("ACCOUNT_ONLY");
        }
    }

    @Test
    void shouldKeepActivationAcrossARestartOfTheEngine() {
        activate("red-health-daily");
        library.reload();
        asAdmin().get("/api/plays/red-health-daily").then().body("active", is(true));
        asAdmin().post("/api/plays/red-health-daily/deactivate").then().statusCode(200).body("active", is(false));
        library.reload();
        asAdmin().get("/api/plays/red-health-daily").then().body("active", is(false));
    }

    @Test
    void shouldPickUpAFileDroppedIntoTheRulesDirectory() throws Exception {
        String name = "dropped-" + unique("p").substring(2);
        Files.writeString(PlaysRulesDirectory.dir.resolve(name + ".dslr"),
                dslPlay("Enterprise", "a new day starts", "notify the \"Success Manager\" that \"hello\""));
        eventually(() -> asAdmin().get("/api/plays/{name}", name).then().extract().statusCode(), s -> s == 200);
        asAdmin().get("/api/plays/{name}", name).then().body("status", is("OK")).body("active", is(false));
    }

    @Test
    void shouldHandleEveryEventOnceWhilePlaysAreSwapped() throws Exception {
        String team = unique("Team");
        String sam = user("Sam Swap", "PRACTITIONER", team);
        String accountId = account();
        assign(accountId, "success_manager", sam);
        String attribute = "swap_" + unique("a").replace('-', '_');
        String play = "swap-" + attribute;
        putPlay(play, dslPlay(team, "the " + attribute + " changes", "notify the \"Success Manager\" that \"v1\""))
                .statusCode(201);
        activate(play);
        int events = 40;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> swapping = pool.submit(() -> {
            for (int i = 2; i < 6; i++) {
                putPlay(play, dslPlay(team, "the " + attribute + " changes", "notify the \"Success Manager\" that \"v" + i + "\""))
                        .statusCode(200);
            }
        });
        for (int i = 0; i < events; i++) {
            asAdmin().body(Map.of("id", attribute + "-" + i, "type", "ATTRIBUTE_CHANGED", "accountId", accountId,
                    "attribute", attribute, "oldValue", i, "newValue", i + 1)).post("/api/events").then().statusCode(202);
        }
        swapping.get();
        pool.shutdown();
        eventually(() -> runs(play).size(), n -> n >= events);
        staysAt(() -> runs(play).size(), events);
        List<Map<String, Object>> runs = runs(play);
        assertEquals(events, runs.size());
        assertEquals(events, runs.stream().map(r -> r.get("eventId")).distinct().count());
    }

    @Test
    void shouldNeedAPlayToActivate() {
        asAdmin().post("/api/plays/no-such-play/activate").then().statusCode(404);
        Map<String, Object> body = new HashMap<>();
        body.put("accountId", "nope");
        asAdmin().body(body).post("/api/plays/red-health-daily/dry-run").then().statusCode(404);
    }
}
