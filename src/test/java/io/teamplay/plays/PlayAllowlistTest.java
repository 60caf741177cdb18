package io.teamplay.plays;

import static io.teamplay.plays.PlayFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.engine.PlayAllowlist;
import io.teamplay.plays.engine.PlayError;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a play may contain is decided from its parsed rules against the allowlist: escapes found in review (issue 8)
 * are refused with the line and column of the file, wherever in the play they are written.
 */
class PlayAllowlistTest {

    private static final String HEAD = "// team: Enterprise\n";
    /** A JDK method outside the allowlist: harmless by itself, but the allowlist holds no JDK method at all. */
    private static final String OUTSIDE = "String.format(\"%s\", \"x\")";

    private static PlayError error(List<PlayError> errors, int line) {
        return errors.stream().filter(e -> e.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("nothing refused on line " + line + ": " + errors));
    }

    private static void assertRefusedAt(List<PlayError> errors, int line, int column, String start) {
        PlayError error = error(errors, line);
        assertEquals(column, error.column(), errors.toString());
        assertTrue(error.message().startsWith(start), errors.toString());
    }

    @Test
    void aPlaysOwnPackageDoesNotReachH2sReflectionHelpers() {
        // Before: compiled; with the package line, H2's Utils resolved without an import and ran a shell command
        List<PlayError> errors = errorsOf(drl("h2", HEAD + "package org.h2.util;\nrule \"Shell\"\nwhen\n"
                + "    $e : AccountEvent( )\nthen\n    Utils.callStaticMethod(\"java.lang.Runtime.getRuntime\");\nend\n"));
        assertEquals(2, errors.size(), errors.toString());
        assertRefusedAt(errors, 2, 1, "names the package org.h2.util");
        assertRefusedAt(errors, 7, 5, "calls Utils.callStaticMethod, which plays may not use");
    }

    @Test
    void aPlaysOwnPackageDoesNotReachCommonsIo() {
        // Before: compiled and put a host file into a notification
        List<PlayError> errors = errorsOf(drl("cio", HEAD + "package org.apache.commons.io;\nrule \"Read\"\nwhen\n"
                + "    $e : AccountEvent( accountId != FileUtils.readFileToString(FileUtils.getFile(\"/etc/hostname\"), \"UTF-8\") )\n"
                + "then\n    actions.notifyHolder(\"Success Manager\", "
                + "FileUtils.readFileToString(FileUtils.getFile(\"/etc/hostname\"), \"UTF-8\"));\nend\n"));
        assertEquals(3, errors.size(), errors.toString());
        assertRefusedAt(errors, 2, 1, "names the package org.apache.commons.io");
        assertRefusedAt(errors, 5, 37, "calls FileUtils.readFileToString");
        assertRefusedAt(errors, 7, 45, "calls FileUtils.readFileToString");
    }

    @Test
    void aSearchThatFreezesTheJvmIsRefused() {
        // Before: compiled (no listed word); fired, indexOf on 20 MB held every thread for 12 minutes
        List<PlayError> errors = errorsOf(drl("freeze", HEAD + "rule \"Freeze\"\nwhen\n    $e : AccountEvent( )\nthen\n"
                + "    actions.notifyHolder(\"Success Manager\", \"\" + String.format(\"%20000000s\", \"\").indexOf(\"x\"));\nend\n"));
        assertEquals(1, errors.size(), errors.toString());
        assertRefusedAt(errors, 6, 50, "calls String.format, which plays may not use");
    }

    @Test
    void javaAfterASentenceOnTheSameLineIsRefusedAtItsColumn() {
        // Before: the sentence expanded and the Java after it went through as it was
        List<PlayError> errors = errorsOf(dslr("after", HEAD + "rule \"Java after a sentence\"\nwhen\n"
                + "    the account is created\nthen\n"
                + "    clear the \"Success Manager\" String.format(\"%20000000s\", \"\").indexOf(\"x\");\n"
                + "    notify the \"Success Manager\" that \"hi\" + String.valueOf(1)\nend\n"));
        assertEquals(2, errors.size(), errors.toString());
        assertRefusedAt(errors, 6, 33, "calls String.format");
        assertRefusedAt(errors, 7, 46, "calls String.valueOf");
    }

    @Test
    void aMethodOutsideTheAllowlistIsRefusedWhereverItIsWritten() {
        record Place(String where, String play, int line, String refusal) {
        }
        String rule = "rule \"R\"\n";
        String when = "when\n    $e : AccountEvent( )\n";
        String then = "then\n    actions.clear(\"Success Manager\");\nend\n";
        List<Place> places = List.of(
                new Place("condition", rule + "when\n    $e : AccountEvent( accountId == " + OUTSIDE + " )\n" + then,
                        4, "calls String.format"),
                new Place("then part", rule + when + "then\n    actions.notifyHolder(\"Success Manager\", " + OUTSIDE
                        + ");\nend\n", 6, "calls String.format"),
                new Place("function", "function String f() { return " + OUTSIDE + "; }\n" + rule + when + then,
                        2, "declares the function f"),
                new Place("query", "query q()\n    AccountEvent( accountId == " + OUTSIDE + " )\nend\n" + rule + when + then,
                        2, "declares the query q"),
                new Place("declare", "declare Sneaky\n    x : String = " + OUTSIDE + "\nend\n" + rule + when + then,
                        2, "declares the type Sneaky"),
                new Place("salience", rule + "salience (" + OUTSIDE + ".length())\n" + when + then,
                        3, "gives salience the value"),
                new Place("enabled", rule + "enabled (" + OUTSIDE + " != null)\n" + when + then,
                        3, "uses the attribute enabled"),
                new Place("timer", rule + "timer (expr: " + OUTSIDE + ")\n" + when + then,
                        3, "uses the attribute timer"),
                new Place("date-effective", rule + "date-effective \"1-Jan-2020\"\n" + when + then,
                        3, "uses the attribute date-effective"),
                new Place("date-expires", rule + "date-expires \"1-Jan-2099\"\n" + when + then,
                        3, "uses the attribute date-expires"),
                new Place("mvel", rule + "dialect \"mvel\"\n" + when + "then\n    actions.notifyHolder(\"Success Manager\", "
                        + OUTSIDE + ");\nend\n", 3, "chooses the dialect mvel"),
                new Place("mvel then part", rule + "dialect \"mvel\"\n" + when + "then\n    actions.notifyHolder("
                        + "\"Success Manager\", " + OUTSIDE + ");\nend\n", 7, "calls String.format"),
                new Place("eval", rule + when + "    eval( " + OUTSIDE + " != null )\n" + then, 5, "uses eval"),
                new Place("from", rule + when + "    Account( ) from " + OUTSIDE + "\n" + then, 5, "takes its facts from"));
        List<String> accepted = new ArrayList<>();
        for (Place place : places) {
            List<PlayError> errors = errorsOf(drl("outside", HEAD + place.play()));
            boolean refused = errors.stream().anyMatch(e -> e.line() == place.line()
                    && e.message().startsWith(place.refusal()));
            if (!refused) {
                accepted.add(place.where() + ": " + errors);
            }
        }
        assertEquals(List.of(), accepted, "not refused where expected");
    }

    @Test
    void aThenPartCheckedAfterAnUnreadableOneIsCheckedAsWell() {
        // Found while building the checker: an ECJ parser reused after a syntax error skipped the next method
        // bodies, so the next play's then part was read as empty and let through
        String unreadable = HEAD + "rule \"R\"\nwhen\n    $e : AccountEvent( )\nthen\n    actions.clear(\"x\") }{ ;\nend\n";
        String exit = HEAD + "rule \"R\"\nwhen\n    $e : AccountEvent( )\nthen\n    System.exit(1);\nend\n";
        for (int i = 0; i < 3; i++) {
            assertFalse(errorsOf(drl("unreadable", unreadable)).isEmpty());
            assertRefusedAt(errorsOf(drl("exit", exit)), 6, 5, "calls System.exit");
        }
    }

    @Test
    void theAllowlistHoldsNoJdkMethod() {
        // Every entry is a method of the fact model or of the actions: none of the JDK, whose cost could grow with
        // inputs a play makes up (String.repeat, indexOf, datesUntil...)
        List<Method> methods = new ArrayList<>(PlayAllowlist.actions().values());
        PlayAllowlist.facts().values().forEach(f -> methods.addAll(f.methods().values()));
        assertFalse(methods.isEmpty());
        for (Method method : methods) {
            assertTrue(method.getDeclaringClass().getName().startsWith("io.teamplay.plays."), method.toString());
            assertFalse(Modifier.isStatic(method.getModifiers()), method.toString());
        }
        assertEquals(Set.of("==", "!=", "<", ">", "<=", ">="), PlayAllowlist.OPERATORS);
    }

    @Test
    void theAllowedOperatorsAndFactMethodsCompileAndFire() {
        var fine = compile(drl("fine", HEAD + "rule \"Fine\"\nsalience 5\nno-loop\nwhen\n"
                + "    $e : AccountEvent( type in (EventType.ACCOUNT_CREATED, EventType.DAILY), depth < 3, accountId != null )\n"
                + "    $a : Account( id == $e.accountId, !hasHolder(\"Sales Manager\") || holds(\"a@x.io\", \"Sales Manager\"),"
                + " atLeast(\"arr\", 1.5), name == \"Account acme\" )\n"
                + "    not Account( this == $a, is(\"segment\", \"smb\") )\n"
                + "    exists ( AccountEvent( this == $e, !roleIs(\"x\") ) )\n"
                + "then\n    actions.notifyHolder(\"Success Manager\", \"hello \" + $a.getName() + \" on \" + $e.getDate());\n"
                + "    actions.createTask(\"Success Manager\", $a.text(\"title\"), 3);\nend\n"));
        try {
            assertEquals(List.of(), fine.play("fine").orElseThrow().errors());
            var decisions = fine.fire(created("acme"), account("acme", java.util.Map.of("arr", 2, "title", "Call"),
                    java.util.Map.of()), Set.of("fine"));
            assertEquals(List.of(
                    new io.teamplay.plays.actions.PlayDecision.NotifyHolder("fine", "Fine", "success_manager",
                            "hello Account acme on " + TODAY),
                    new io.teamplay.plays.actions.PlayDecision.CreateTask("fine", "Fine", "success_manager", "Call", 3)),
                    decisions);
        } finally {
            fine.close();
        }
    }
}
