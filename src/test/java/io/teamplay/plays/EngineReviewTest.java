package io.teamplay.plays;

import static io.teamplay.plays.PlayFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Review of the plays engine: isolation between plays and between events, error positions. */
class EngineReviewTest {

    private static final String HEAD = "// team: Enterprise\n";

    @Test
    void aNewPlayCannotTakeAnotherPlaysPackageAndSoTakeItDown() {
        PlayBook book = compile(
                drl("aaa", "package plays.zzz;\n" + HEAD + "rule \"A\"\nwhen\n    AccountEvent( )\nthen\nend\n"),
                drl("zzz", HEAD + "rule \"Z\"\nwhen\n    AccountEvent( )\nthen\n"
                        + "    actions.notifyHolder(\"Success Manager\", \"z\");\nend\n"));
        try {
            // Before: 'zzz' was refused ("uses the package plays.zzz, which the play 'aaa' uses already")
            assertEquals(List.of(), book.play("zzz").orElseThrow().errors());
            List<PlayError> errors = book.play("aaa").orElseThrow().errors();
            assertEquals(1, errors.size(), errors.toString());
            assertEquals(1, errors.get(0).line());
            assertTrue(errors.get(0).message().startsWith("names the package plays.zzz"), errors.toString());
        } finally {
            book.close();
        }
    }

    @Test
    void aTimerRuleIsRefused() {
        // Before: compiled, and one event fired the rule a timing-dependent number of times (3 here), each with
        // its own notification.
        List<PlayError> errors = errorsOf(drl("tick", HEAD + "rule \"T\"\ntimer (int: 0s 1ms)\nwhen\n"
                + "    $e : AccountEvent( )\nthen\n    actions.notifyHolder(\"Success Manager\", $e.getAccountId());\nend\n"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).line());
        assertEquals(1, errors.get(0).column());
    }

    @Test
    void aConstraintErrorOnTheSecondLineOfAPatternHasItsPosition() {
        // Before: line 1, column 1 (Drools gives no line for it)
        List<PlayError> errors = errorsOf(drl("e3", HEAD + "rule \"R\"\nwhen\n    $e : AccountEvent(\n"
                + "        type == EventType.NOPE )\nthen\nend\n"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(5, errors.get(0).line());
        assertEquals(27, errors.get(0).column());
    }

    @Test
    void aFunctionIsRefusedAtItsLineWithNoEchoes() {
        // Before: three errors, at 1:1 ("Error importing"), 2:1 (the real one) and 5:1 ("The import ... F").
        // Now plays may not declare functions: one error, at the function.
        List<PlayError> errors = errorsOf(drl("e2", HEAD + "function int f(int n) {\n    return n +;\n}\n"
                + "rule \"R\"\nwhen\n    $e : AccountEvent( )\nthen\nend\n"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(2, errors.get(0).line());
        assertEquals(1, errors.get(0).column());
        assertTrue(errors.get(0).message().startsWith("declares the function f"), errors.toString());
    }

    @Test
    void aJavaErrorInADslrSentenceHasItsLine() {
        // Before: line 2 (the rule's header), column 1
        List<PlayError> errors = errorsOf(dslr("e7", HEAD + "rule \"R\"\nwhen\n    the account is created\nthen\n"
                + "    create a task \"T\" for the \"Success Manager\" due in 99999999999 days\nend\n"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(6, errors.get(0).line());
        assertEquals(56, errors.get(0).column());
    }

    @Test
    void aPlayCannotInsertAForgedEventThatFiresAnotherTeamsPlay() {
        // Before: 'forger' compiled; on an attribute change it inserted a USER_DISABLED event for the same account,
        // and the 'victim' play of another team fired on it and assigned, under its own name and eligibility.
        PlayFile forger = drl("forger", "// team: Sales\nrule \"F\"\nwhen\n"
                + "    $e : AccountEvent( type == EventType.ATTRIBUTE_CHANGED )\nthen\n"
                + "    insert(AccountEvent.builder(\"fake\", EventType.USER_DISABLED, $e.getAccountId())"
                + ".userEmail(\"boss@teamplay.example\").build());\nend\n");
        PlayFile victim = drl("victim", HEAD + "rule \"V\"\nwhen\n"
                + "    $e : AccountEvent( type == EventType.USER_DISABLED )\n    Account( id == $e.accountId )\nthen\n"
                + "    actions.assign(\"Success Manager\", \"lead@teamplay.example\");\nend\n");
        PlayBook book = compile(forger, victim);
        try {
            List<PlayError> errors = book.play("forger").orElseThrow().errors();
            if (errors.isEmpty()) {
                List<PlayDecision> decisions = book.fire(attributeChanged("acme", "stage", "a", "b"),
                        account("acme", Map.of(), Map.of()), Set.of("forger", "victim"));
                fail("the forged event fired another play: " + decisions);
            }
            assertEquals(6, errors.get(0).line(), errors.toString());
            assertEquals(5, errors.get(0).column(), errors.toString());
        } finally {
            book.close();
        }
    }

    @Test
    void aDeeplyNestedExpressionIsRefusedNotThrown() {
        // Before: compiling threw StackOverflowError (from the parser) instead of returning errors; PUT /api/plays
        // and the rules-directory watcher compile on their own threads.
        String deep = "(".repeat(20_000) + "1 == 1" + ")".repeat(20_000);
        PlayFile file = drl("nested", HEAD + "rule \"N\"\nwhen\n    $e : AccountEvent( )\n    eval( " + deep + " )\nthen\nend\n");
        List<PlayError> errors = assertDoesNotThrow(() -> errorsOf(file));
        assertFalse(errors.isEmpty());
        assertEquals(5, errors.get(0).line(), errors.toString());
    }

    @Test
    void systemPropertiesCannotBeReadThroughIntegerGetInteger() {
        List<PlayError> errors = errorsOf(drl("props", HEAD + "rule \"P\"\nwhen\n    $e : AccountEvent( )\nthen\n"
                + "    actions.notifyHolder(\"Success Manager\", \"\" + Integer.getInteger(\"java.specification.version\"));\nend\n"));
        // Before: compiled and notified "17"
        assertFalse(errors.isEmpty(), "compiled: Integer.getInteger, Long.getLong and Boolean.getBoolean read system properties");
    }
}
