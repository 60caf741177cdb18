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
        assertEquals("calls System.exit, which plays may not use (the running service); "
                + "plays may only use the fact model and the actions", error.message());
    }

    @Test
    void shouldRefuseRuntimeInAnMvelThen() {
        PlayError error = onlyError(errorsOf(drl("runtime", """
                // team: Enterprise
                rule "Run a process"
                dialect "mvel"
                when
                    AccountEvent( )
                then
                    Runtime.getRuntime().exec("ls");
                end
                """)));
        assertEquals(7, error.line());
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
        assertEquals(3, errors.size(), errors.toString());
        assertEquals(6, errors.get(0).line());
        assertEquals(19, errors.get(0).column());
        assertTrue(errors.get(0).message().contains("reflection"));
        assertEquals(7, errors.get(2).line());
        assertTrue(errors.get(2).message().startsWith("refers to java.lang.reflect.Method"), errors.get(2).message());
    }

    @Test
    void shouldRefuseFullyQualifiedNamesOutsideTheFactModel() {
        PlayError error = onlyError(errorsOf(drl("fqn", """
                // team: Enterprise
                rule "Network"
                dialect "mvel"
                when
                    AccountEvent( )
                then
                    new java.net.Socket("example.com", 80);
                end
                """)));
        assertEquals(7, error.line());
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
    void shouldAllowTheFactModelJavaTimeAndStringsMentioningForbiddenWords() {
        List<PlayError> errors = errorsOf(drl("allowed", """
                // team: Enterprise
                import java.time.LocalDate;
                import io.teamplay.plays.facts.Account;
                rule "Allowed"
                when
                    $e : AccountEvent( )
                    $a : Account( id == $e.accountId )
                then
                    // System.exit in a comment is fine
                    actions.createTask("Success Manager", "Ask about System.exit and the Runtime", 3);
                    LocalDate d = java.time.LocalDate.now();
                end
                """));
        assertEquals(List.of(), errors);
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
        assertTrue(error.message().contains("belongs to the service"), error.message());
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
        assertTrue(error.message().contains("loops"), error.message());
    }
}
