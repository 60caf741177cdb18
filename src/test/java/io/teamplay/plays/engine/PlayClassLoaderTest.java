package io.teamplay.plays.engine;

import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.facts.Account;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/** The second wall behind the checker: what the class loader plays are compiled with can resolve. */
class PlayClassLoaderTest {

    private final ClassLoader application = Account.class.getClassLoader();

    @Test
    void resolvesTheJdksBasicsTheEngineTheFactsAndTheActionsOnly() throws Exception {
        PlayClassLoader plays = new PlayClassLoader(application);
        for (String reachable : List.of("java.lang.String", "java.util.List", "java.time.LocalDate",
                "java.math.BigDecimal", "java.lang.invoke.StringConcatFactory", "org.drools.core.common.InternalFactHandle",
                "io.teamplay.plays.facts.Account", "io.teamplay.plays.facts.EventType",
                "io.teamplay.plays.actions.Actions")) {
            assertNotNull(plays.loadClass(reachable), reachable);
        }
        for (String unreachable : List.of("org.h2.util.Utils", "org.apache.commons.io.FileUtils",
                "io.teamplay.plays.PlayLibrary", "io.teamplay.plays.actions.PlayDecision", "io.quarkus.runtime.Quarkus",
                "org.postgresql.Driver", "plays.x.Account", "java.lang.Runtime", "java.lang.System",
                "java.lang.ProcessBuilder", "java.lang.Thread", "java.lang.ClassLoader", "java.lang.reflect.Method",
                "java.io.File", "java.nio.file.Files", "java.net.URL", "java.util.concurrent.Executors",
                "java.util.regex.Pattern", "javax.script.ScriptEngineManager", "sun.misc.Unsafe")) {
            assertThrows(ClassNotFoundException.class, () -> plays.loadClass(unreachable), unreachable);
        }
        assertNotNull(application.loadClass("org.h2.util.Utils"));
    }

    private static List<Message> buildErrors(String drl, ClassLoader loader) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId id = ks.newReleaseId("io.teamplay.plays", "loader-test", "1.0." + System.nanoTime());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        kfs.write("src/main/resources/org/h2/util/r.drl", drl);
        try {
            KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
            return builder.getResults().getMessages(Message.Level.ERROR);
        } finally {
            ks.getRepository().removeKieModule(id);
        }
    }

    @Test
    void rulesThePlayCheckerNeverSawStillCannotReachALibraryOrTheJdksWaysOut() {
        // Built directly with Drools (as if the checker had missed them); each compiles with the application's own
        // class loader, so the plays' loader is what makes the difference
        for (String then : List.of("Utils.getProperty(\"x\", \"y\");", "java.lang.Runtime.getRuntime().availableProcessors();",
                "System.getProperty(\"user.name\");", "new java.io.File(\"/etc/hostname\").exists();")) {
            String drl = "package org.h2.util;\nrule \"R\"\nwhen\nthen\n    " + then + "\nend\n";
            assertEquals(List.of(), buildErrors(drl, application), then);
            assertFalse(buildErrors(drl, new PlayClassLoader(application)).isEmpty(), "compiled with the plays' loader: "
                    + then);
        }
    }
}
