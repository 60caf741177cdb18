package io.teamplay.plays;

import static io.teamplay.plays.PlayFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.engine.PlayError;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaySandboxTest {

    private static PlayError onlyError(List<PlayError> errors) {
        assertFalse(errors.isEmpty(), "the play should be refused");
        return errors.get(0);
    }

    @Test
    void shouldRefuseSystemExitInAJavaThen() {
        PlayError error = onlyError(errorsOf(drl("exit", """
                // team: Enterprise
                rule "Stop the service"
                when
                    AccountEvent( )
                then
                    System.exit(1);
                end
                """)));
        assertEquals(6, error.line());
        assertEquals(5, error.column());
        assertEquals("calls System.exit, which plays may not use; "
                + "a then part may only call the actions listed in rules/README.md", error.message());
    }

    private static PlayError onLine(List<PlayError> errors, int line) {
        return errors.stream().filter(e -> e.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no error on line " + line + ": " + errors));
    }

    @Test
    void shouldRefuseRuntimeInAnMvelThen() {
        List<PlayError> errors = errorsOf(drl("runtime", """
                // team: Enterprise
                rule "Run a process"
                dialect "mvel"
                when
                    AccountEvent( )
                then
                    Runtime.getRuntime().exec("ls");
                end
                """));
        // the dialect is refused (plays are written in one dialect), and the call is refused as well
        assertTrue(onLine(errors, 3).message().contains("dialect"), errors.toString());
        PlayError error = onLine(errors, 7);
        assertEquals(5, error.column());
        assertTrue(error.message().startsWith("calls Runtime.getRuntime"), error.message());
    }

    @Test
    void shouldRefuseSystemGetPropertyInAConstraint() {
        PlayError error = onlyError(errorsOf(drl("property", """
                // team: Enterprise
                rule "Peek"
                when
                    AccountEvent( accountId != System.getProperty("user.name") )
                then
                end
                """)));
        assertEquals(4, error.line());
        assertEquals(32, error.column());
        assertTrue(error.message().startsWith("calls System.getProperty"), error.message());
    }

    @Test
    void shouldRefuseAnImportOfJavaIoFile() {
        PlayError error = onlyError(errorsOf(drl("files", """
                // team: Enterprise
                import java.io.File;
                rule "Files"
                when
                    AccountEvent( )
                then
                end
                """)));
        assertEquals(2, error.line());
        assertEquals(1, error.column());
        assertTrue(error.message().contains("imports java.io.File"), error.message());
    }

    @Test
    void shouldRefuseReflection() {
        List<PlayError> errors = errorsOf(drl("reflection", """
                // team: Enterprise
                rule "Reflect"
                when
                    $e : AccountEvent( )
                then
                    Object c = $e.getClass().getClassLoader();
                    java.lang.reflect.Method m = null;
                end
                """));
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(6, errors.get(0).line());
        assertEquals(19, errors.get(0).column());
        assertTrue(errors.get(0).message().startsWith("calls $e.getClass"), errors.toString());
        assertEquals(7, errors.get(1).line());
        assertTrue(errors.get(1).message().startsWith("declares the variable m"), errors.get(1).message());
    }

    @Test
    void shouldRefuseFullyQualifiedNamesOutsideTheFactModel() {
        List<PlayError> errors = errorsOf(drl("fqn", """
                // team: Enterprise
                rule "Network"
                dialect "mvel"
                when
                    AccountEvent( )
                then
                    new java.net.Socket("example.com", 80);
                end
                """));
        PlayError error = onLine(errors, 7);
        assertTrue(error.message().startsWith("creates a java.net.Socket"), error.message());
        assertEquals(9, error.column());
    }

    @Test
    void shouldRefuseAGlobalOtherThanActions() {
        PlayError error = onlyError(errorsOf(drl("globals", """
                // team: Enterprise
                global java.util.List list;
                rule "G"
                when
                    AccountEvent( )
                then
                end
                """)));
        assertEquals(2, error.line());
        assertTrue(error.message().contains("the only global"), error.message());
    }

    @Test
    void shouldRefuseForbiddenCodeSmuggledThroughADslSentence() {
        PlayError error = onlyError(errorsOf(dslr("smuggle", """
                // team: Enterprise
                rule "Smuggle"
                when
                    the account is created
                then
                    notify the "Success Manager" that "x" + System.getenv("HOME") + "y"
                end
                """)));
        assertEquals(6, error.line());
        assertEquals(45, error.column());
    }

    @Test
    void shouldAllowTheFactModelAndStringsMentioningForbiddenWords() {
        List<PlayError> errors = errorsOf(drl("allowed", """
                // team: Enterprise
                import io.teamplay.plays.facts.Account;
                rule "Allowed"
                when
                    $e : AccountEvent( )
                    $a : Account( id == $e.accountId )
                then
                    // System.exit in a comment is fine
                    actions.createTask("Success Manager", "Ask about System.exit and the Runtime", 3);
                end
                """));
        assertEquals(List.of(), errors);
    }

    @Test
    void shouldRefuseJavaTimeNowThatPlaysReachOnlyTheAllowlist() {
        // The word list allowed java.time; the allowlist holds no JDK method (LocalDate.MIN.datesUntil ran for ever)
        List<PlayError> errors = errorsOf(drl("javatime", """
                // team: Enterprise
                import java.time.LocalDate;
                rule "Dates"
                when
                    $e : AccountEvent( )
                then
                    actions.notifyHolder("Success Manager", "" + java.time.LocalDate.now());
                end
                """));
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(2, errors.get(0).line());
        assertTrue(errors.get(0).message().startsWith("imports java.time.LocalDate"), errors.toString());
        assertEquals(7, errors.get(1).line());
        assertEquals(50, errors.get(1).column());
    }

    @Test
    void shouldRefuseAPackageOfTheService() {
        PlayError error = onlyError(errorsOf(drl("forged", """
                package io.teamplay.plays.actions;
                // team: Enterprise
                rule "Forge"
                when
                    AccountEvent( )
                then
                end
                """)));
        assertEquals(1, error.line());
        assertTrue(error.message().startsWith("names the package io.teamplay.plays.actions"), error.message());
    }

    @Test
    void shouldRefuseATextBlockThatCouldHideCode() {
        List<PlayError> errors = errorsOf(drl("textblock", "// team: Enterprise\nrule \"Hide\"\nwhen\n    AccountEvent( )\n"
                + "then\n    String a = \"\"\"\n      abc\"\"\" ; System.exit(0); String b = \"x\";\nend\n"));
        assertFalse(errors.isEmpty());
        assertEquals(6, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("text block"), errors.toString());
    }

    @Test
    void shouldRefuseALoopThatCouldHangTheWorker() {
        PlayError error = onlyError(errorsOf(drl("loop", """
                // team: Enterprise
                rule "Spin"
                when
                    AccountEvent( )
                then
                    while (true) { }
                end
                """)));
        assertEquals(6, error.line());
        assertTrue(error.message().startsWith("uses a loop"), error.message());
    }
}
