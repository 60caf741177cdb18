package io.teamplay.notifications;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.teamplay.assignments.Assignee;
import io.teamplay.assignments.AssignmentChange;
import io.teamplay.assignments.AssignmentPath;
import io.teamplay.assignments.AssignmentService;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.teamplay.TestFixtures.SALES_MANAGER;
import static io.teamplay.TestFixtures.SUCCESS_MANAGER;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.as;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assignAs;
import static io.teamplay.TestFixtures.policy;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static io.teamplay.notifications.Inbox.messageIdOf;
import static io.teamplay.notifications.Inbox.part;
import static io.teamplay.notifications.Inbox.runDigest;
import static io.teamplay.notifications.Inbox.subjectOf;
import static io.teamplay.notifications.Inbox.to;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the digest emails say and to whom: one account, several accounts, rolled-back changes, disabled people. */
@QuarkusTest
class DigestEmailTest {

    private static final String LINK_BASE = "https://teamplay.example.test";
    private static final String MESSAGE_ID = "<digest-[0-9a-f]{32}@teamplay\\.local>";

    @GreenMailResource.InjectGreenMail
    GreenMail greenMail;
    @Inject
    AssignmentService assignments;

    private String domain;
    private String ann;
    private String annToken;

    @BeforeEach
    void startClean() throws Exception {
        runDigest();
        greenMail.purgeEmailFromAllMailboxes();
        policy("ALL_OPEN_TASKS");
        domain = unique("mail") + ".example";
        ann = userWith("ann@" + domain, "Ann Lee");
        annToken = tokenOf(ann);
    }

    @Test
    void shouldSendOneEmailAboutTheAccountOrOneSummaryListingEveryAccount() throws Exception {
        String dave = userWith("dave@" + domain, "Dave Old");
        String bob = userWith("bob@" + domain, "Bob Ray");
        String carol = userWith("carol@" + domain, "Carol Diaz");
        String acme = account(unique("acme"), "Acme Corp", Map.of());
        String globex = account(unique("globex"), "Globex", Map.of());
        String initech = account(unique("initech"), "Initech", Map.of());
        assignAs(annToken, acme, SUCCESS_MANAGER, dave);
        task(acme, "Call the CFO", null, SUCCESS_MANAGER, "MANUAL");
        task(acme, "Send the renewal deck", null, SUCCESS_MANAGER, "MANUAL");
        assertEquals(1, runDigest().get("emails"), "Dave's own email about Acme");
        greenMail.purgeEmailFromAllMailboxes();

        assignAs(annToken, acme, SUCCESS_MANAGER, bob);
        assignAs(annToken, acme, SALES_MANAGER, bob);
        assignAs(annToken, globex, SUCCESS_MANAGER, carol);
        assignAs(annToken, initech, SALES_MANAGER, carol);

        assertEquals(Map.of("emails", 2, "items", 4, "failed", 0, "dropped", 0), runDigest());
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(2, received.length);

        MimeMessage toBob = single(to(received, bob));
        assertEquals("Teamplay digest: Acme Corp", subjectOf(toBob));
        String bobText = part(toBob, "text/plain");
        assertContainsAll(bobText, "Hello Bob Ray", "Acme Corp", "Success Manager", "Sales Manager", "Call the CFO",
                "Send the renewal deck", "2 tasks came with it", "changed by Ann Lee (" + ann + ")",
                LINK_BASE + "/accounts/" + acme);
        assertContainsAll(part(toBob, "text/html"), "Acme Corp", "Success Manager", "Call the CFO",
                "href=\"" + LINK_BASE + "/accounts/" + acme + "\"");
        assertTrue(messageIdOf(toBob).matches(MESSAGE_ID), messageIdOf(toBob));

        MimeMessage toCarol = single(to(received, carol));
        assertEquals("Teamplay digest: 2 accounts", subjectOf(toCarol));
        String carolText = part(toCarol, "text/plain");
        assertContainsAll(carolText, "on 2 accounts", "Globex", "Initech", "Success Manager", "Sales Manager",
                LINK_BASE + "/accounts/" + globex, LINK_BASE + "/accounts/" + initech);
        assertTrue(!carolText.contains("Acme Corp"), carolText);
        assertNotEquals(messageIdOf(toBob), messageIdOf(toCarol));

        asAdmin().queryParam("recipient", bob).get("/api/digests/items").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.status", everyItem(equalTo("SENT")))
                .body("items.messageId", everyItem(equalTo(messageIdOf(toBob))));

        assertEquals(Map.of("emails", 0, "items", 0, "failed", 0, "dropped", 0), runDigest(), "nothing is sent twice");
        assertEquals(2, greenMail.getReceivedMessages().length);
    }

    @Test
    void shouldNeverSendAnItemOfAChangeThatRolledBack() {
        String bob = userWith("bob@" + domain, "Bob Ray");
        String acme = account(unique("acme"), "Acme Corp", Map.of());

        assertThrows(RolledBack.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assignments.change(AssignmentChange.assign(acme, SUCCESS_MANAGER, Assignee.byEmail(bob),
                    AssignmentPath.ACCOUNT_PAGE, ann));
            assertEquals(1, DigestItem.count("recipient", bob), "the item is written with the change");
            throw new RolledBack();
        }));

        assertEquals(0, DigestItem.count("recipient", bob));
        asAdmin().queryParam("recipient", bob).get("/api/digests/items").then().statusCode(200).body("total", equalTo(0));
        asAdmin().get("/api/accounts/{id}", acme).then().statusCode(200).body("team.size()", equalTo(0));
        runDigest();
        assertEquals(0, to(greenMail.getReceivedMessages(), bob).size());
    }

    @Test
    void shouldDropTheItemsOfADisabledRecipientAndSayWhy() {
        String bob = userWith("bob@" + domain, "Bob Ray");
        String carol = userWith("carol@" + domain, "Carol Diaz");
        String acme = account(unique("acme"), "Acme Corp", Map.of());
        assignAs(annToken, acme, SUCCESS_MANAGER, bob);
        asAdmin().body(Map.of("reassignTo", carol)).post("/api/users/{email}/disable", bob).then().statusCode(200);

        assertEquals(Map.of("emails", 1, "items", 1, "failed", 0, "dropped", 1), runDigest());

        assertEquals(0, to(greenMail.getReceivedMessages(), bob).size());
        assertEquals(1, to(greenMail.getReceivedMessages(), carol).size());
        asAdmin().queryParam("recipient", bob).get("/api/digests/items").then().statusCode(200)
                .body("items[0].status", equalTo("DROPPED"))
                .body("items[0].dropReason", containsString("disabled"));
    }

    @Test
    void shouldTellTheNewOwnerOfTasksADisabledUserLeftWithoutARole() throws Exception {
        policy("ACCOUNT_ONLY");
        String bob = userWith("bob@" + domain, "Bob Ray");
        String carol = userWith("carol@" + domain, "Carol Diaz");
        String acme = account(unique("acme"), "Acme Corp", Map.of());
        assignAs(annToken, acme, SUCCESS_MANAGER, bob);
        task(acme, "Chase the invoice", null, SUCCESS_MANAGER, "MANUAL");
        runDigest();
        greenMail.purgeEmailFromAllMailboxes();

        asAdmin().body(Map.of("reassignTo", carol)).post("/api/users/{email}/disable", bob).then().statusCode(200)
                .body("tasksMoved", equalTo(1));

        assertEquals(Map.of("emails", 1, "items", 2, "failed", 0, "dropped", 0), runDigest());
        String carolText = part(single(to(greenMail.getReceivedMessages(), carol)), "text/plain");
        assertContainsAll(carolText, "You are now Success Manager", "Tasks handed to you by an administrator",
                "Chase the invoice", "Acme Corp");
    }

    @Test
    void shouldRefuseToRunTheDigestForANonAdmin() {
        as(annToken).post("/api/digests/run").then().statusCode(403);
        as(annToken).get("/api/digests/items").then().statusCode(403);
    }

    private static MimeMessage single(List<MimeMessage> messages) {
        assertEquals(1, messages.size(), "exactly one email");
        return messages.get(0);
    }

    private static void assertContainsAll(String text, String... expected) {
        for (String part : expected) {
            assertTrue(text != null && text.contains(part), "expected '" + part + "' in:\n" + text);
        }
    }

    static class RolledBack extends RuntimeException {
    }
}
