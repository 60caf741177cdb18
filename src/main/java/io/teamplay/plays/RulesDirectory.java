package io.teamplay.plays;

import io.teamplay.plays.engine.PlayFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The rules directory on this instance's disk: the play files shipped with the service (and kept in git) and
 * {@code plays.dsl}. Reads them, and tells which changed since it last looked. Knows nothing of the database.
 */
@ApplicationScoped
public class RulesDirectory {

    private static final Logger LOG = Logger.getLogger(RulesDirectory.class);
    static final String DSL_FILE = "plays.dsl";

    @Inject
    PlaysConfig config;

    /** What was there when last looked at: file name to a mark of its content. */
    private Map<String, String> seen = Map.of();

    /** What changed since the changes last {@link #taken} (everything, the first time). */
    public record Changes(List<PlayFile> plays, boolean dsl, Map<String, String> marks) {
    }

    public Path dir() {
        return Path.of(config.dir());
    }

    /** Every play file of the directory, by name. */
    public List<PlayFile> plays() {
        List<PlayFile> files = new ArrayList<>();
        for (Path path : list()) {
            String name = path.getFileName().toString();
            if (PlayFile.isPlayFile(name)) {
                read(path).ifPresent(text -> files.add(PlayFile.of(name, text)));
            }
        }
        return files;
    }

    /** The play files added or changed, and whether plays.dsl changed, since the changes last taken. */
    public synchronized Changes changes() {
        Map<String, String> now = new TreeMap<>();
        List<PlayFile> changed = new ArrayList<>();
        boolean dsl = false;
        for (Path path : list()) {
            String name = path.getFileName().toString();
            if (!PlayFile.isPlayFile(name) && !name.equals(DSL_FILE)) {
                continue;
            }
            var text = read(path);
            if (text.isEmpty()) {
                continue;
            }
            String mark = PlaySources.hash(text.get());
            now.put(name, mark);
            if (!mark.equals(seen.get(name))) {
                if (name.equals(DSL_FILE)) {
                    dsl = true;
                } else {
                    changed.add(PlayFile.of(name, text.get()));
                }
            }
        }
        if (seen.containsKey(DSL_FILE) && !now.containsKey(DSL_FILE)) {
            dsl = true;
        }
        return new Changes(changed, dsl, Map.copyOf(now));
    }

    /** The changes were dealt with: the next {@link #changes()} answers what changed after them. */
    public synchronized void taken(Changes changes) {
        seen = changes.marks();
    }

    /** The DSL of the rules directory, or the one shipped in the application when the directory has none. */
    public String dsl() {
        Path file = dir().resolve(DSL_FILE);
        if (Files.isRegularFile(file)) {
            return read(file).orElse("");
        }
        try (InputStream shipped = RulesDirectory.class.getResourceAsStream("/rules/" + DSL_FILE)) {
            return shipped == null ? "" : new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> list() {
        if (!Files.isDirectory(dir())) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(dir())) {
            // editors' lock and backup files (.#name.dslr) are not plays
            return paths.filter(p -> !p.getFileName().toString().startsWith(".")).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            LOG.warnf("Cannot list the rules directory %s: %s", dir().toAbsolutePath(), e.getMessage());
            return List.of();
        }
    }

    private static java.util.Optional<String> read(Path path) {
        try {
            return java.util.Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a file being written or removed right now: the next look finds it complete, or gone
            LOG.warnf("Cannot read %s: %s", path, e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
