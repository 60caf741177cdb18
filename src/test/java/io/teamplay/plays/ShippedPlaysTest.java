package io.teamplay.plays;

import static io.teamplay.TestFixtures.*;
import static io.teamplay.plays.PlayHttp.*;
import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMail;
import io.teamplay.notifications.GreenMailResource;
import io.teamplay.notifications.Inbox;
import jakarta.mail.internet.MimeMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plays of the issue, shipped in rules/ and written in sentences only, each fired on the database through the
 * event path: where it should act it does, and where it should not it does nothing.
 */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class ShippedPlaysTest {

    private static final LocalDate TODAY = LocalDate.now();

    private final PlayHttp plays = new PlayHttp();

    @GreenMailResource.InjectGreenMail
    GreenMail greenMail;
    @Inject
    DailyTicks dailyTicks;

    @AfterEach
    void deactivate() {
        plays.close();
    }

    @Test
    void executiveSponsor_accountsReaching100000GetOneInTurnFromEnterprise() {
        ensureRole("Executive Sponsor");
        String member = user("Esther Sponsor", "PRACTITIONER", "Enterprise");
        String small = account(Map.of("arr", 50000));
        String sponsored = account(Map.of("arr", 90000));
        String growing = account(Map.of("arr", 90000));
        assign(sponsored, "executive_sponsor", member);
        plays.activate("executive-sponsor");
        change(small, "arr", 60000);
        change(sponsored, "arr", 150000);
        change(growing, "arr", 100000);
        String sponsor = holder(growing, "executive_sponsor");
        assertNotNull(sponsor);
        assertTrue(teamsOf(sponsor).stream().anyMatch("Enterprise"::equalsIgnoreCase), sponsor);
        assertNull(holder(small, "executive_sponsor"));
        assertEquals(member, holder(sponsored, "executive_sponsor"));
        change(growing, "arr", 130000);
        assertEquals(1, runs("executive-sponsor", growing).size(), "already above: no second crossing");
    }

    @Test
    void renewalTask_oncePerRenewalDateNotEveryDayNorAgainWhenThePlayIsSavedAgain() {
        String sam = user("Sam Renewal", "PRACTITIONER", "Renewals");
        String later = account(Map.of("renewal_date", TODAY.plusDays(120).toString()));
        String soon = account(Map.of("renewal_date", TODAY.plusDays(60).toString()));
        assign(later, SUCCESS_MANAGER, sam);
        assign(soon, SUCCESS_MANAGER, sam);
        plays.activate("renewal-task");
        tick(later, TODAY);
        tick(soon, TODAY);
        assertEquals(List.of(), titles(later));
        assertEquals(List.of("Prepare renewal"), titles(soon));
        assertEquals("renewal_date=" + TODAY.plusDays(60), runs("renewal-task", soon).get(0).get("once"));
        tick(soon, TODAY.plusDays(1));
        String source = asAdmin().get("/api/plays/renewal-task").then().extract().path("source");
        PlayHttp.put("renewal-task", source + "// saved again\n").statusCode(200);
        tick(soon, TODAY.plusDays(2));
        assertEquals(List.of("Prepare renewal"), titles(soon), "the memory outlives a new version");
        change(soon, "renewal_date", TODAY.plusDays(30).toString());
        tick(soon, TODAY.plusDays(3));
        assertEquals(List.of("Prepare renewal", "Prepare renewal"), titles(soon), "a new renewal date");
    }

    @Test
    void redHealthAlert_theSalesManagerIsToldByEmailAndInTheAppWithOldAndNewValues() {
        String sales = user("Sally Sales", "PRACTITIONER");
        String token = tokenOf(sales);
        String amber = account(Map.of("health", "green"));
        String red = account(unique("rocket"), "Red Rocket", Map.of("health", "green"));
        assign(amber, SALES_MANAGER, sales);
        assign(red, SALES_MANAGER, sales);
        plays.activate("red-health-alert");
        change(amber, "health", "amber");
        change(red, "health", "Red");
        List<Map<String, Object>> notices = notifications(token);
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(((String) notices.get(0).get("message")).startsWith("Red Rocket: health went from green to Red"),
                notices.toString());
        asAdmin().post("/api/digests/run").then().statusCode(200);
        List<MimeMessage> mails = Inbox.to(greenMail.getReceivedMessages(), sales);
        assertEquals(1, mails.size());
        String body = Inbox.part(mails.get(0), "text/plain");
        assertTrue(body.contains("Red Rocket: health went from green to Red"), body);
    }

    @Test
    void smbToEnterprise_theLeastLoadedEnterpriseMemberTakesTheSuccessManagerRole() {
        user("Ed Enterprise", "PRACTITIONER", "Enterprise");
        String sideways = account(Map.of("segment", "SMB"));
        String down = account(Map.of("segment", "Enterprise"));
        String moving = account(Map.of("segment", "SMB"));
        plays.activate("smb-to-enterprise");
        change(sideways, "segment", "Mid-Market");
        change(down, "segment", "SMB");
        change(moving, "segment", "enterprise");
        String holder = holder(moving, SUCCESS_MANAGER);
        assertNotNull(holder);
        assertTrue(teamsOf(holder).stream().anyMatch("Enterprise"::equalsIgnoreCase), holder);
        assertNull(holder(sideways, SUCCESS_MANAGER));
        assertNull(holder(down, SUCCESS_MANAGER));
    }

    @Test
    void lowNpsFollowUp_aTaskUnlessOneIsStillOpen() {
        String sam = user("Sam Nps", "PRACTITIONER");
        String happy = account(Map.of("nps", 9));
        String unhappy = account(Map.of("nps", 9));
        assign(happy, SUCCESS_MANAGER, sam);
        assign(unhappy, SUCCESS_MANAGER, sam);
        plays.activate("low-nps-follow-up");
        change(happy, "nps", 7);
        change(unhappy, "nps", 6);
        assertEquals(List.of(), titles(happy));
        assertEquals(List.of("Follow up on a low NPS"), titles(unhappy));
        assertEquals("HIGH", tasks(unhappy).get(0).get("priority"));
        change(unhappy, "nps", 8);
        change(unhappy, "nps", 5);
        assertEquals(1, titles(unhappy).size(), "the first one is still open");
        asAdmin().post("/api/tasks/{id}/done", tasks(unhappy).get(0).get("id")).then().statusCode(200);
        change(unhappy, "nps", 9);
        change(unhappy, "nps", 4);
        assertEquals(2, titles(unhappy).size());
    }

    @Test
    void successManagerIntro_aTaskForTheNewHolderAndTheSalesManagerToldWhoItIs() {
        String sales = user("Sid Sales", "PRACTITIONER");
        String token = tokenOf(sales);
        String sam = userWith(unique("sam") + "@example.com", "Sam Newman");
        String other = account();
        String intro = account(unique("intro"), "Intro Co", Map.of());
        assign(intro, SALES_MANAGER, sales);
        plays.activate("success-manager-intro");
        assign(other, SALES_MANAGER, sam);
        assign(intro, SUCCESS_MANAGER, sam);
        List<Map<String, Object>> tasks = eventually(() -> tasks(intro), t -> !t.isEmpty());
        assertEquals("Introduce yourself to Intro Co", tasks.get(0).get("title"));
        assertEquals(sam, tasks.get(0).get("assignee"));
        List<Map<String, Object>> notices = eventually(() -> notifications(token), n -> !n.isEmpty());
        assertTrue(((String) notices.get(0).get("message")).startsWith("Sam Newman is the new Success Manager of Intro Co"),
                notices.toString());
        assertEquals(List.of(), titles(other), "another role changing hands");
        asAdmin().delete("/api/accounts/{id}/team/{role}", intro, SUCCESS_MANAGER).then().statusCode(204);
        staysAt(() -> titles(intro).size(), 1);
    }

    @Test
    void overdueEscalation_aTaskSevenDaysLateGoesToTheSalesManager() {
        String sam = user("Sam Late", "PRACTITIONER");
        String sales = user("Sue Sales", "PRACTITIONER");
        String token = tokenOf(sales);
        String accountId = account(unique("late"), "Late Ltd", Map.of());
        assign(accountId, SUCCESS_MANAGER, sam);
        assign(accountId, SALES_MANAGER, sales);
        dueTask(accountId, "Send the QBR deck", TODAY.minusDays(7));
        dueTask(accountId, "Renewal call", TODAY.minusDays(6));
        plays.activate("overdue-escalation");
        tick(accountId, TODAY);
        assertEquals(List.of("Send the QBR deck", "Renewal call", "Follow up: Send the QBR deck"), titles(accountId));
        Map<String, Object> followUp = tasks(accountId).get(2);
        assertEquals(sales, followUp.get("assignee"));
        assertEquals("HIGH", followUp.get("priority"));
        String notice = (String) notifications(token).get(0).get("message");
        assertTrue(notice.startsWith("Send the QBR deck on Late Ltd is 7 days overdue (owner " + sam + ")"), notice);
        tick(accountId, TODAY.plusDays(1));
        assertEquals(List.of("Send the QBR deck", "Renewal call", "Follow up: Send the QBR deck", "Follow up: Renewal call"),
                titles(accountId), "the next day: the other task, and not the first one again");
    }

    @Test
    void churnRiskStage_setsTheStageThroughTheAttributePathFiringItsOwnEvent() {
        String team = unique("Team");
        String sam = user("Sam Churn", "PRACTITIONER", team);
        String calm = account(Map.of("stage", "adoption", "churn_risk", "low"));
        String risky = account(Map.of("stage", "adoption", "churn_risk", "low"));
        assign(risky, SUCCESS_MANAGER, sam);
        plays.activate("churn-risk-stage");
        plays.activate(unique("save-at-risk"), sentences(team, "the stage changes to \"at risk\"",
                "create a task \"Save {account.name}\" for the \"Success Manager\" due today"));
        change(calm, "churn_risk", "medium");
        change(risky, "churn_risk", "HIGH");
        assertEquals("at risk", attributes(risky).get("stage"));
        assertEquals("adoption", attributes(calm).get("stage"));
        Map<String, Object> run = runs("churn-risk-stage", risky).get(0);
        assertEquals("SET_ATTRIBUTE", run.get("action"));
        assertEquals("adoption", run.get("before"));
        assertEquals("at risk", run.get("after"));
        List<String> titles = eventually(() -> titles(risky), t -> !t.isEmpty());
        assertTrue(titles.get(0).startsWith("Save "), titles.toString());
    }

    @Test
    void aDayTheDailyRunMissedIsTickedAtTheNextRunDatedThatDay() {
        LocalDate day = LocalDate.of(2090, 1, 10);
        String accountId = account();
        plays.activate("churn-risk-stage");
        dailyTicks.tick(day.minusDays(3));
        assertTrue(dailyTicks.catchUp(day) >= 3);
        plays.close();
        for (int back = 0; back <= 3; back++) {
            asAdmin().get("/api/events/{id}", "daily:" + accountId + ":" + day.minusDays(back)).then().statusCode(200);
        }
        asAdmin().get("/api/events/{id}", "daily:" + accountId + ":" + day.minusDays(4)).then().statusCode(404);
    }

    /** Creates the role unless an earlier test did (roles are shared by the whole run). */
    private static void ensureRole(String name) {
        List<String> names = asAdmin().get("/api/roles").then().statusCode(200).extract().path("displayName");
        if (!names.contains(name)) {
            asAdmin().body(Map.of("displayName", name)).post("/api/roles").then().statusCode(201);
        }
    }

    private static List<String> teamsOf(String email) {
        return asAdmin().get("/api/users/{email}", email).then().statusCode(200).extract().path("teams");
    }

    private static void dueTask(String accountId, String title, LocalDate due) {
        asAdmin().body(Map.of("accountId", accountId, "title", title, "role", SUCCESS_MANAGER, "dueDate", due.toString()))
                .post("/api/tasks").then().statusCode(201);
    }
}
