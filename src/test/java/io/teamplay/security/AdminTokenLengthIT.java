package io.teamplay.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A configured admin token shorter than 32 characters stops the service at start, saying why in one line. The packaged
 * service is started the way an operator starts it ({@code java -jar}, TEAMPLAY_ADMIN_TOKEN in the environment, in an
 * empty folder), so this runs after {@code package}, by Failsafe in {@code ./mvnw verify}. In the test JVM, the
 * configuration it needs cost a second build of the application and a start (about 30 s on two idle cores); this
 * costs one start of the packaged service.
 */
class AdminTokenLengthIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();

    @Test
    void shouldRefuseToStartWithAShortAdminToken(@TempDir Path folder) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by ./mvnw package");
        Path log = folder.resolve("service.log");
        // a JVM that lives seconds: the quick JIT alone and one GC thread halve the CPU it takes on two cores
        ProcessBuilder start = new ProcessBuilder(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=0", "-jar", JAR.toString())
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        start.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("TEAMPLAY_"));
        start.environment().put("TEAMPLAY_ADMIN_TOKEN", "only-31-characters-long-secret!");
        Process service = start.start();
        boolean stopped;
        try {
            stopped = service.waitFor(2, TimeUnit.MINUTES);
        } finally {
            service.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertTrue(stopped, "the service did not stop by itself:\n" + output);
        assertEquals(1, service.exitValue(), output);
        List<String> lines = output.lines().filter(l -> l.contains("TEAMPLAY_ADMIN_TOKEN")).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).contains("ERROR") && lines.get(0).contains("Refusing to start: TEAMPLAY_ADMIN_TOKEN "
                + "(teamplay.admin-token) has 31 characters; it must have at least 32"), lines.get(0));
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
