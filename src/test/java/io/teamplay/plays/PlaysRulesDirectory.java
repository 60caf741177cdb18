package io.teamplay.plays;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** Gives the service under test a fresh rules directory holding a copy of the shipped rules/ (plays and DSL). */
public class PlaysRulesDirectory implements QuarkusTestResourceLifecycleManager {

    static Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("teamplay-rules");
            try (Stream<Path> files = Files.list(Path.of("rules"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("teamplay.plays.dir", dir.toString(), "teamplay.plays.scan-every", "1s",
                "teamplay.plays.poll-millis", "100");
    }

    @Override
    public void stop() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
