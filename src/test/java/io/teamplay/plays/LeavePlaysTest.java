package io.teamplay.plays;

import static io.teamplay.TestFixtures.*;
import static io.teamplay.plays.PlayHttp.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plays 8 and 10 of the issue, shipped in rules/: a Success Manager's accounts go to their cover when their leave
 * starts (and round robin and least loaded skip them meanwhile); back from leave, they get a task listing what their
 * cover took. On the database, through the event path.
 */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class LeavePlaysTest {

    private static final LocalDate TODAY = LocalDate.now();

    private final PlayHttp plays = new PlayHttp();

    @Inject
    LeaveEvents leaveEvents;

    @AfterEach
    void deactivate() {
        plays.close();
    }

    private static void away(String email, LocalDate from, LocalDate to, String cover) {
        asAdmin().body(Map.of("from", from.toString(), "to", to.toString(), "cover", cover))
                .put("/api/users/{email}/availability", email).then().statusCode(200);
    }

    @Test
    void successManagerCover_theCoverTakesTheSuccessManagerSeatsWhenTheLeaveStartsAndTheHolderIsToldOnReturn() {
        String sam = user("Sam Leaving", "PRACTITIONER", "Enterprise");
        String cover = user("Cora Cover", "PRACTITIONER", "Enterprise");
        String other = user("Otto Other", "PRACTITIONER", "Enterprise");
        String first = account(unique("a"), "Alpha Leave", Map.of());
        String second = account(unique("b"), "Beta Leave", Map.of());
        String notHis = account();
        String salesOnly = account();
        assign(first, SUCCESS_MANAGER, sam);
        assign(second, SUCCESS_MANAGER, sam);
        assign(notHis, SUCCESS_MANAGER, other);
        assign(salesOnly, SALES_MANAGER, sam);
        plays.activate("success-manager-cover");
        plays.activate("back-from-leave");

        away(sam, TODAY, TODAY.plusDays(10), cover);

        eventually(() -> holder(second, SUCCESS_MANAGER), cover::equals);
        assertEquals(cover, eventually(() -> holder(first, SUCCESS_MANAGER), cover::equals));
        staysAt(() -> holder(notHis, SUCCESS_MANAGER), other);
        assertEquals(sam, holder(salesOnly, SALES_MANAGER), "another role of theirs stays");
        assertNull(holder(salesOnly, SUCCESS_MANAGER));
        Map<String, Object> history = asAdmin().get("/api/accounts/{id}/history", first).then().statusCode(200)
                .extract().path("[0]");
        assertEquals("success-manager-cover", history.get("play"));
        assertEquals(sam, history.get("fromEmail"));
        assertEquals(cover, history.get("toEmail"));
        assertEquals(List.of(), titles(first), "nothing for the returning user while they are away");

        asAdmin().delete("/api/users/{email}/availability", sam).then().statusCode(204);

        List<Map<String, Object>> tasks = eventually(() -> tasks(first), t -> !t.isEmpty());
        assertEquals(1, tasks.size());
        assertEquals("Back from leave: your cover took Alpha Leave (" + first + "), Beta Leave (" + second + ")",
                tasks.get(0).get("title"));
        assertEquals(sam, tasks.get(0).get("assignee"));
        assertEquals(TODAY.plusDays(2).toString(), tasks.get(0).get("dueDate"));
        assertEquals(List.of(), titles(second), "one task, on the first account taken");
        assertEquals(cover, holder(first, SUCCESS_MANAGER), "nothing moves back by itself");
        assertEquals(cover, holder(second, SUCCESS_MANAGER));
    }

    @Test
    void aLeaveStartsOnTheDayTheDailyRunTicksItsEndIsMadeUpForAndACoverWhoTookNothingGivesNoTask() {
        String ann = user("Ann Later", "PRACTITIONER", "Enterprise");
        String bob = user("Bob Brief", "PRACTITIONER", "Enterprise");
        String cover = user("Cy Cover", "PRACTITIONER", "Enterprise");
        String idle = user("Ida Idle", "PRACTITIONER", "Enterprise");
        String anns = account();
        String bobs = account();
        assign(anns, SUCCESS_MANAGER, ann);
        assign(bobs, SUCCESS_MANAGER, bob);
        plays.activate("success-manager-cover");
        plays.activate("back-from-leave");

        away(idle, TODAY, TODAY.plusDays(3), cover);
        asAdmin().delete("/api/users/{email}/availability", idle).then().statusCode(204);
        LocalDate tomorrow = TODAY.plusDays(1);
        away(ann, tomorrow, tomorrow.plusDays(1), cover);
        staysAt(() -> holder(anns, SUCCESS_MANAGER), ann);
        QuarkusTransaction.requiringNew().call(() -> leaveEvents.queue(tomorrow));
        assertEquals(cover, eventually(() -> holder(anns, SUCCESS_MANAGER), cover::equals));
        asAdmin().get("/api/events/{id}", "leave-start:" + ann + ":" + tomorrow + ":" + anns).then().statusCode(200);
        assertEquals(0, (int) QuarkusTransaction.requiringNew().call(() -> leaveEvents.queue(tomorrow)),
                "queued once however often the day is ticked");

        // a one-day leave today; the run of the day after it is missed and made up for two days later
        away(bob, TODAY, TODAY, cover);
        assertEquals(cover, eventually(() -> holder(bobs, SUCCESS_MANAGER), cover::equals));
        assertEquals(List.of(), titles(bobs));
        QuarkusTransaction.requiringNew().call(() -> leaveEvents.queue(TODAY.plusDays(3)));
        List<Map<String, Object>> tasks = eventually(() -> tasks(bobs), t -> !t.isEmpty());
        assertEquals(bob, tasks.get(0).get("assignee"));
        assertTrue(((String) tasks.get(0).get("title")).endsWith("(" + bobs + ")"), tasks.toString());
        assertEquals(TODAY.plusDays(3).toString(), tasks.get(0).get("dueDate"), "dated the day they were back");
        assertEquals(0, asAdmin().get("/api/tasks?assignee={email}", idle).then().statusCode(200)
                .extract().<Integer>path("total"), "the idle user's cover took nothing");
    }

    @Test
    void theLeastLoadedSkipsMembersOutOfOfficeToday() {
        String team = unique("Leave");
        String away = userWith(unique("a-away") + "@example.com", "Al Away", "PRACTITIONER", "STANDARD", team);
        String busy = userWith(unique("b-busy") + "@example.com", "Bo Busy", "PRACTITIONER", "STANDARD", team);
        String cover = user("Cal Cover", "PRACTITIONER", team);
        assign(account(), "sales_manager", busy);
        away(away, TODAY.minusDays(1), TODAY.plusDays(1), cover);
        away(cover, TODAY.plusDays(5), TODAY.plusDays(6), busy);
        String picked = "leave" + unique("x").replace("-", "");
        plays.activate(unique("least-loaded-leave"), sentences(team, "the segment changes to \"" + picked + "\"",
                "assign the least loaded member of team \"" + team + "\" as \"Sales Manager\""));
        String first = account();
        String second = account();
        change(first, "segment", picked);
        assertEquals(cover, holder(first, SALES_MANAGER), "the least loaded but one, the other is away");
        change(second, "segment", picked);
        assertEquals(busy, holder(second, SALES_MANAGER), "a tie between the two who are in: first email");
    }

    @Test
    void playsReadTheNamedTeamsMembersWithTheirAvailabilityAndLoad() {
        String team = unique("Roster");
        String only = user("Olly Only", "PRACTITIONER", team);
        String cover = user("Cam Cover", "PRACTITIONER");
        assign(account(), SALES_MANAGER, only);
        String flag = "roster" + unique("f").replace("-", "");
        plays.activate(unique("nobody-in"), sentences(team, "the " + flag + " changes to \"check\"\nteam \"" + team
                + "\" has no available member", "set the " + flag + "_answer to \"nobody\""));
        plays.activate(unique("room"), sentences(team, "the " + flag + " changes to \"check\"\nteam \"" + team
                + "\" has an available member holding fewer than 2 seats", "set the " + flag + "_room to \"yes\""));
        String inOffice = account();
        change(inOffice, flag, "check");
        assertEquals("yes", attributes(inOffice).get(flag + "_room"), "one seat held, fewer than 2");
        assertNull(attributes(inOffice).get(flag + "_answer"), "the member is in");

        away(only, TODAY, TODAY.plusDays(2), cover);
        String whileAway = account();
        change(whileAway, flag, "check");
        assertNull(attributes(whileAway).get(flag + "_room"), "nobody available has room");
        assertEquals("nobody", attributes(whileAway).get(flag + "_answer"), "beside another play on the same team");
    }

    @Test
    void leaveEventsComeFromAvailabilityNotFromOutside() {
        String accountId = account();
        asAdmin().body(Map.of("type", "LEAVE_STARTED", "accountId", accountId, "userEmail", "x@example.com",
                        "toEmail", "y@example.com")).post("/api/events").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("type"));
    }

    @Test
    void aPlayCanWaitForATeamWithNobodyIn() {
        String team = unique("Roster");
        String only = user("Nora Only", "PRACTITIONER", team);
        String cover = user("Cam Cover", "PRACTITIONER");
        String flag = "nobody" + unique("f").replace("-", "");
        plays.activate(unique("nobody-in"), sentences(team, "the " + flag + " changes to \"check\"\nteam \"" + team
                + "\" has no available member", "set the " + flag + "_answer to \"nobody\""));
        String inOffice = account();
        change(inOffice, flag, "check");
        assertNull(attributes(inOffice).get(flag + "_answer"), "the member is in");
        away(only, TODAY, TODAY.plusDays(2), cover);
        String whileAway = account();
        change(whileAway, flag, "check");
        assertEquals("nobody", attributes(whileAway).get(flag + "_answer"));
    }
}
