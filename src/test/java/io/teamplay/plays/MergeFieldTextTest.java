package io.teamplay.plays;

import static io.teamplay.TestFixtures.*;
import static io.teamplay.plays.PlayHttp.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Text in braces that is not a merge field stays as written in a play's messages and titles, even when it names a
 * placeholder of the sentence ({role}, {title}, {message}); only the documented merge fields are filled. Before, the
 * sentence expander substituted its own placeholders inside the author's text and never finished: the save hung.
 */
@QuarkusTest
@QuarkusTestResource(PlaysRulesDirectory.class)
class MergeFieldTextTest {

    private final PlayHttp plays = new PlayHttp();

    @AfterEach
    void deactivate() {
        plays.close();
    }

    @Test
    void bracesThatAreNoMergeFieldStayAsWritten() {
        String team = unique("Braces");
        String sales = user("Sal Braces", "PRACTITIONER", team);
        String token = tokenOf(sales);
        String accountId = account(unique("br"), "Brace Co", Map.of("tier", "gold"));
        assign(accountId, SALES_MANAGER, sales);
        String attribute = "br" + unique("x").replace("-", "");
        String source = sentences(team, "the " + attribute + " changes",
                "notify the \"Sales Manager\" that \"{role} {title} {message} for {Sales Manager}: {account.name} {account.tier} from {old} to {new}\"\n"
                        + "create a task \"Check {title} of {role} on {account.name}\" for the \"Sales Manager\" due in {days} days"
                        .replace("{days}", "2"));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> plays.activate(unique("braces"), source),
                "the save answers");
        change(accountId, attribute, "b");
        List<Map<String, Object>> notices = eventually(() -> notifications(token), n -> !n.isEmpty());
        String message = (String) notices.get(0).get("message");
        assertTrue(message.startsWith("{role} {title} {message} for Sal Braces: Brace Co gold from  to b"), message);
        assertEquals(List.of("Check {title} of {role} on Brace Co"), titles(accountId));
    }
}
