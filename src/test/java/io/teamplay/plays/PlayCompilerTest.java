package io.teamplay.plays;

import static io.teamplay.plays.PlayFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlayCompilerTest {

    @Test
    void shouldCompileAValidDrlPlay() {
        PlayBook book = compile(drl("welcome", """
                // team: Enterprise
                // description: welcomes new accounts
                rule "Welcome"
                when
                    $e : AccountEvent( type == EventType.ACCOUNT_CREATED )
                then
                    actions.notifyHolder("Success Manager", "welcome " + $e.getAccountId());
                end
                """));
        PlayStatus status = book.play("welcome").orElseThrow();
        assertEquals(List.of(), status.errors());
        assertEquals("Enterprise", status.team());
        assertEquals("welcomes new accounts", status.description());
    }

    @Test
    void shouldReportASyntaxErrorWithLineAndColumn() {
        List<PlayError> errors = errorsOf(drl("broken", """
                // team: Enterprise
                rule "Broken"
                when
                    AccountEvent( type == EventType.ACCOUNT_CREATED
                    foo bar
                then
                end
                """));
        assertFalse(errors.isEmpty());
    }

    @Test
    void shouldReportAJavaErrorInTheThenPartAtItsLineAndColumn() {
        List<PlayError> errors = errorsOf(drl("badthen", """
                // team: Enterprise
                rule "Bad then"
                when
                    $e : AccountEvent( )
                then
                    actions.notifyHolder("Success Manager", "x");
                    actions.frobnicate("Success Manager");
                end
                """));
        assertEquals(1, errors.size());
        assertEquals(7, errors.get(0).line());
        assertEquals(13, errors.get(0).column());
    }

    @Test
    void shouldReportAnUnknownPropertyInAConstraint() {
        List<PlayError> errors = errorsOf(drl("badwhen", """
                // team: Enterprise
                rule "Bad when"
                when
                    $e : AccountEvent( typo == "x" )
                then
                end
                """));
        assertEquals(4, errors.get(0).line());
        assertEquals(24, errors.get(0).column());
    }

    @Test
    void shouldReportASentenceThatDoesNotExpand() {
        List<PlayError> errors = errorsOf(dslr("unknown", """
                // team: Enterprise
                expander plays.dsl
                rule "Unknown sentence"
                when
                    the account is created
                    the account is deleted
                then
                    clear the "Success Manager"
                end
                """));
        assertEquals(1, errors.size());
        assertEquals(6, errors.get(0).line());
        assertEquals(5, errors.get(0).column());
    }

    @Test
    void shouldRefuseAPlayWithoutTeam() {
        List<PlayError> errors = errorsOf(drl("noteam", """
                rule "No team"
                when
                    AccountEvent( )
                then
                end
                """));
        assertEquals(1, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("team"));
    }

    @Test
    void shouldCheckEveryPlayButBuildOnlyTheActiveOnes() {
        PlayBook book = COMPILER.compile(java.util.List.of(drl("on", """
                // team: Enterprise
                rule "On"
                when
                    AccountEvent( )
                then
                    actions.clear("Success Manager");
                end
                """), drl("off", """
                // team: Enterprise
                rule "Off"
                when
                    AccountEvent( )
                then
                    actions.clear("Success Manager");
                end
                """), drl("offbroken", """
                // team: Enterprise
                rule "Off broken"
                when
                    AccountEvent( )
                then
                    actions.nope();
                end
                """)), java.util.Set.of("on", "offbroken"));
        try {
            assertEquals(PlayStatus.Status.OK, book.play("on").orElseThrow().status());
            assertEquals(PlayStatus.Status.OK, book.play("off").orElseThrow().status());
            PlayStatus broken = book.play("offbroken").orElseThrow();
            assertEquals(PlayStatus.Status.ERROR, broken.status());
            assertEquals(6, broken.errors().get(0).line(), broken.errors().toString());
            assertEquals(java.util.Set.of("on"), book.runnable());
            assertEquals(java.util.Set.of("on", "offbroken"), book.builtFor());
            assertEquals(1, book.fire(created("a1"), account("a1", java.util.Map.of(), java.util.Map.of()),
                    java.util.Set.of("on", "off", "offbroken")).size());
        } finally {
            book.close();
        }
        PlayBook inactive = COMPILER.compile(java.util.List.of(drl("offbroken", """
                // team: Enterprise
                rule "Off broken"
                when
                    AccountEvent( )
                then
                    actions.nope();
                end
                """)), java.util.Set.of());
        assertEquals(PlayStatus.Status.ERROR, inactive.play("offbroken").orElseThrow().status());
        assertEquals(java.util.Set.of(), inactive.runnable());
        inactive.close();
    }

    @Test
    void shouldKeepTheOtherPlaysWhenOneIsBroken() {
        PlayBook book = compile(drl("good", """
                // team: Enterprise
                rule "Good"
                when
                    AccountEvent( )
                then
                    actions.clear("Success Manager");
                end
                """), drl("bad", """
                // team: Enterprise
                rule "Bad"
                when
                    AccountEvent( )
                then
                    actions.nope();
                end
                """));
        assertEquals(PlayStatus.Status.OK, book.play("good").orElseThrow().status());
        assertEquals(PlayStatus.Status.ERROR, book.play("bad").orElseThrow().status());
        assertEquals(java.util.Set.of("good"), book.runnable());
    }

    @Test
    void shouldReportAnErrorInAnMvelThenPart() {
        List<PlayError> errors = errorsOf(drl("badmvel", """
                // team: Enterprise
                rule "Bad mvel"
                dialect "mvel"
                when
                    $e : AccountEvent( )
                then
                    actions.frobnicate("Success Manager");
                end
                """));
        // the dialect is refused, and the unknown action is reported at its place as well
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).line());
        assertEquals(7, errors.get(1).line());
        assertEquals(13, errors.get(1).column());
    }

    @Test
    void shouldReportAnErrorInTheCodeASentenceExpandsToAtTheSentence() {
        List<PlayError> errors = errorsOf(dslr("badvalue", """
                // team: Enterprise
                rule "Bad number"
                when
                    the account is created and its arr is at least 1.2.3
                then
                    clear the "Success Manager"
                end
                """));
        assertFalse(errors.isEmpty());
        assertEquals(4, errors.get(0).line());
        assertTrue(errors.get(0).column() >= 5, errors.toString());
    }

    @Test
    void shouldAcceptAPlayThatDeclaresItsOwnImportsAndGlobal() {
        PlayBook book = compile(drl("explicit", """
                // team: Enterprise
                import io.teamplay.plays.facts.AccountEvent;
                import io.teamplay.plays.actions.Actions;
                global Actions actions;
                rule "Explicit"
                when
                    $e : AccountEvent( type == EventType.ACCOUNT_CREATED )
                then
                    actions.clear("Success Manager");
                end
                """));
        assertEquals(List.of(), book.play("explicit").orElseThrow().errors());
        assertEquals(1, book.fire(created("a1"), account("a1", java.util.Map.of(), java.util.Map.of()),
                java.util.Set.of("explicit")).size());
    }

    @Test
    void shouldRefuseAPackageLine() {
        List<PlayError> errors = errorsOf(drl("named", """
                // team: Enterprise
                package com.acme.plays;
                rule "Named"
                when
                    AccountEvent( )
                then
                end
                """));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(2, errors.get(0).line());
        assertEquals(1, errors.get(0).column());
        assertTrue(errors.get(0).message().startsWith("names the package com.acme.plays"), errors.toString());
    }

    @Test
    void shouldRefuseTwoPlaysInOnePackage() {
        // "a-b" and "a_b" both get the package plays.a_b
        String text = "// team: T\nrule \"r\"\nwhen\n    AccountEvent( )\nthen\nend\n";
        PlayBook book = compile(drl("a-b", text), drl("a_b", text.replace("\"r\"", "\"s\"")));
        assertEquals(PlayStatus.Status.OK, book.play("a-b").orElseThrow().status());
        assertTrue(book.play("a_b").orElseThrow().errors().get(0).message().contains("uses the package plays.a_b"));
    }

    @Test
    void shouldStillCompileDrlPlaysWithoutADsl() {
        var compiler = new io.teamplay.plays.engine.PlayCompiler("");
        PlayBook book = compiler.compile(List.of(drl("plain", """
                // team: T
                rule "Plain"
                when
                    AccountEvent( )
                then
                end
                """), dslr("sentences", "// team: T\nrule \"s\"\nwhen\n    the account is created\nthen\nend\n")));
        assertEquals(PlayStatus.Status.OK, book.play("plain").orElseThrow().status());
        assertTrue(book.play("sentences").orElseThrow().errors().get(0).message().startsWith("cannot understand"));
    }
}
