package io.teamplay.notifications;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.SALES_MANAGER;
import static io.teamplay.TestFixtures.SUCCESS_MANAGER;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assignAs;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static io.teamplay.notifications.Inbox.messageIdOf;
import static io.teamplay.notifications.Inbox.runDigest;
import static io.teamplay.notifications.Inbox.to;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every item is sent once and only once: overlapping runs, a crash between claim and send, SMTP down then up. */
@QuarkusTest
class DigestDeliveryTest {

    @GreenMailResource.InjectGreenMail
    GreenMail greenMail;
    @Inject
    DigestRunner runner;
    @Inject
    ClaimHook hook;
    @Inject
    DigestMailer mailer;

    private String domain;
    private String annToken;

    @BeforeEach
    void startClean() throws Exception {
        runDigest();
        greenMail.purgeEmailFromAllMailboxes();
        domain = unique("mail") + ".example";
        annToken = tokenOf(userWith("ann@" + domain, "Ann Lee"));
    }

    @AfterEach
    void restoreSmtp() {
        hook.reset();
        if (!greenMail.isRunning()) {
            GreenMailResource.startAgain(greenMail);
        }
    }

    @Test
    void shouldSendEachItemOnceWhenTwoRunsOverlap() throws Exception {
        List<String> people = recipientsWithItems(3, 2);
        String first = people.get(0);
        hook.pauseAfterClaiming(first);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // one sender each: the first run holds its first recipient's claim and goes no further
            Future<DigestRun> holding = pool.submit(() -> runner.run(1));
            assertTrue(hook.awaitPaused(), "the first run claimed " + first);

            DigestRun other = runner.run(1);
            assertEquals(new DigestRun(2, 4, 0, 0), other, "the other run skips the claimed items and sends the rest");
            assertEquals(0, to(greenMail.getReceivedMessages(), first).size());

            hook.release();
            assertEquals(new DigestRun(1, 2, 0, 0), holding.get(30, TimeUnit.SECONDS), "the first run sends only what it claimed");
        } finally {
            hook.release();
            pool.shutdownNow();
        }
        assertOneEmailEach(people);
    }

    @Test
    void shouldSendEachItemOnceWhenTwoRunsStartTogether() throws Exception {
        List<String> people = recipientsWithItems(12, 1);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DigestRun>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return runner.run();
                }));
            }
            DigestRun total = runs.get(0).get(60, TimeUnit.SECONDS).plus(runs.get(1).get(60, TimeUnit.SECONDS));
            assertEquals(new DigestRun(12, 12, 0, 0), total);
        } finally {
            pool.shutdownNow();
        }
        assertOneEmailEach(people);
        assertEquals(DigestRun.NOTHING, runner.run());
    }

    @Test
    void shouldSendEachItemOnceWithSeveralSendersInTwoRunsAtOnce() throws Exception {
        List<String> people = recipientsWithItems(12, 2);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DigestRun>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return runner.run(4);
                }));
            }
            DigestRun total = runs.get(0).get(60, TimeUnit.SECONDS).plus(runs.get(1).get(60, TimeUnit.SECONDS));
            assertEquals(new DigestRun(12, 24, 0, 0), total);
        } finally {
            pool.shutdownNow();
        }
        assertOneEmailEach(people);
        people.forEach(person -> asAdmin().queryParam("recipient", person).get("/api/digests/items").then()
                .body("items.status", everyItem(equalTo("SENT"))).body("items.attempts", everyItem(equalTo(1))));
        assertEquals(DigestRun.NOTHING, runner.run(4));
    }

    @Test
    void shouldStopEverySenderWhenOneCrashesAndSendTheRestOnceLater() {
        List<String> people = recipientsWithItems(8, 1);
        hook.crashAfterClaiming(people.get(0));

        assertThrows(ClaimHook.SimulatedCrash.class, () -> runner.run(3));

        assertEquals(new DigestRun(8 - greenMail.getReceivedMessages().length, 8 - greenMail.getReceivedMessages().length, 0, 0),
                runner.run(3), "the rest, and only the rest");
        assertOneEmailEach(people);
    }

    @Test
    void shouldLoseNothingAndRepeatNothingWhenARunDiesBetweenClaimAndSend() {
        List<String> people = recipientsWithItems(3, 2);
        String crashed = people.get(1);
        hook.crashAfterClaiming(crashed);

        assertThrows(ClaimHook.SimulatedCrash.class, () -> runner.run(1));

        assertEquals(1, greenMail.getReceivedMessages().length, "only the recipient before the crash got an email");
        assertEquals(1, to(greenMail.getReceivedMessages(), people.get(0)).size());
        asAdmin().queryParam("recipient", crashed).get("/api/digests/items").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.status", everyItem(equalTo("WAITING")))
                .body("items.attempts", everyItem(equalTo(0)));

        assertEquals(Map.of("emails", 2, "items", 4, "failed", 0, "dropped", 0), runDigest(), "exactly the rest");
        assertOneEmailEach(people);
    }

    @Test
    void shouldKeepItemsWaitingWhileSmtpIsDownAndSendThemOnceWhenItIsBack() {
        List<String> people = recipientsWithItems(2, 2);
        greenMail.stop();

        assertEquals(Map.of("emails", 0, "items", 0, "failed", 4, "dropped", 0), runDigest());
        asAdmin().queryParam("recipient", people.get(0)).queryParam("status", "WAITING").get("/api/digests/items")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.attempts", everyItem(equalTo(1)))
                .body("items.lastError", everyItem(notNullValue()));
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'digest-emails' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'digest-emails' }.data.failing", greaterThanOrEqualTo(4));
        given().get("/q/health/ready").then().statusCode(200);

        GreenMailResource.startAgain(greenMail);
        assertEquals(Map.of("emails", 2, "items", 4, "failed", 0, "dropped", 0), runDigest());
        assertOneEmailEach(people);
        assertEquals(Map.of("emails", 0, "items", 0, "failed", 0, "dropped", 0), runDigest());
        assertOneEmailEach(people);
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'digest-emails' }.data.failing", equalTo(0));
    }

    @Test
    void shouldGiveUpAnItemAfterTheLastAttemptAndSayWhy() {
        List<String> people = recipientsWithItems(1, 2);
        greenMail.stop();

        assertEquals(Map.of("emails", 0, "items", 0, "failed", 2, "dropped", 0), runDigest());
        assertEquals(Map.of("emails", 0, "items", 0, "failed", 2, "dropped", 0), runDigest());
        assertEquals(Map.of("emails", 0, "items", 0, "failed", 0, "dropped", 2), runDigest(), "third and last attempt");

        asAdmin().queryParam("recipient", people.get(0)).get("/api/digests/items").then().statusCode(200)
                .body("items.status", everyItem(equalTo("DROPPED")))
                .body("items.dropReason", everyItem(startsWith("gave up after 3 failed attempts")));
        GreenMailResource.startAgain(greenMail);
        assertEquals(Map.of("emails", 0, "items", 0, "failed", 0, "dropped", 0), runDigest());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void shouldGiveTheSameItemsTheSameMessageId() {
        assertEquals(mailer.messageIdOf(List.of(3L, 1L, 2L)), mailer.messageIdOf(List.of(1L, 2L, 3L)));
        assertTrue(!mailer.messageIdOf(List.of(1L, 2L)).equals(mailer.messageIdOf(List.of(1L, 2L, 3L))));
    }

    /** People named a..., b..., c... (the order runs visit them), each given {@code rolesEach} roles on one account. */
    private List<String> recipientsWithItems(int count, int rolesEach) {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = userWith((char) ('a' + i) + "-person@" + domain, "Person " + i);
            String acme = account(unique("acct"), "Account " + i, Map.of());
            assignAs(annToken, acme, SUCCESS_MANAGER, person);
            if (rolesEach > 1) {
                assignAs(annToken, acme, SALES_MANAGER, person);
            }
            people.add(person);
        }
        return people;
    }

    private void assertOneEmailEach(List<String> people) {
        MimeMessage[] received = greenMail.getReceivedMessages();
        Set<String> ids = new HashSet<>();
        for (String person : people) {
            List<MimeMessage> theirs = to(received, person);
            assertEquals(1, theirs.size(), "one email to " + person);
            ids.add(messageIdOf(theirs.get(0)));
        }
        assertEquals(people.size(), received.length, "no other email");
        assertEquals(people.size(), ids.size(), "no two emails share a Message-ID");
    }

}
