package io.teamplay.plays;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.engine.PlayFiringException;
import org.junit.jupiter.api.Test;

/**
 * What a play's author reads when a rule failed while running (dry-run answer, run and event reasons). The failures
 * are real ones, as a rule's then part raises them; the JVM's words about modules and class loaders stay in the log.
 */
class FiringFailureTest {

    @Test
    void aFailedCastIsToldWithoutTheModulesAndLoadersOfTheJvm() {
        Object accountId = "acme";
        ClassCastException cast = assertThrows(ClassCastException.class, () -> System.out.println((Integer) accountId));
        assertThat(cast.getMessage(), containsString("module java.base"));

        String told = FiringFailure.describe(new PlayFiringException("p", "R", cast));
        assertEquals("play 'p' rule 'R' failed: a value is not of the type the rule treats it as", told);
    }

    @Test
    void aRuleReachingPastTheModuleSystemIsToldSo() {
        IllegalAccessException closed = assertThrows(IllegalAccessException.class,
                () -> Class.forName("jdk.internal.misc.Unsafe").getMethod("getUnsafe").invoke(null));
        assertThat(closed.getMessage(), containsString("module"));

        assertEquals("play 'p' rule 'R' failed: it reached past what plays may use (see rules/README.md)",
                FiringFailure.describe(new PlayFiringException("p", "R", closed)));
    }

    @Test
    void aMessageAboutThePlaysOwnValuesIsKept() {
        RuntimeException bounds = assertThrows(RuntimeException.class, () -> "abc".substring(5));
        assertEquals("play 'p' rule 'R' failed: " + bounds.getMessage(),
                FiringFailure.describe(new PlayFiringException("p", "R", bounds)));
    }
}
