package io.teamplay.plays.engine;

import io.teamplay.plays.facts.AccountEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Turns play files into a {@link PlayBook}: each file is prepared and sandboxed on its own, then every valid file is
 * built by Drools so that each one is reported OK or ERROR whether it is active or not; only the active valid plays go
 * into the book's KieBase (the inactive ones are built apart to be checked, and that build is thrown away), so the
 * conditions of an inactive play never run on an event. A file Drools refuses is reported with its errors and left
 * out, so one broken play never takes the others down.
 */
public final class PlayCompiler {

    private static final Logger LOG = Logger.getLogger(PlayCompiler.class);
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern FUNCTION_LINE = Pattern.compile("^\\[ function \\w+ \\(line:(\\d+)\\)");
    private static final String ARTIFACT = "playbook-" + UUID.randomUUID();

    private final PlayPreparer preparer;
    private final ClassLoader classLoader;

    /** @param dslText the plays DSL ({@code rules/plays.dsl}) that .dslr files are written in */
    public PlayCompiler(String dslText) {
        this(dslText, AccountEvent.class.getClassLoader());
    }

    /** @param classLoader the application's class loader; plays see only part of it (see {@link PlayClassLoader}) */
    public PlayCompiler(String dslText, ClassLoader classLoader) {
        this.preparer = new PlayPreparer(dslText);
        this.classLoader = new PlayClassLoader(classLoader);
    }

    /** Checks one play file on its own without building anything to run: its errors, or none. */
    public List<PlayError> check(PlayFile file) {
        PreparedPlay play = preparer.prepare(file);
        if (!play.valid()) {
            return play.errors();
        }
        Build build = build(List.of(play));
        build.dispose();
        return build.errors.getOrDefault(play.file().name(), List.of());
    }

    /**
     * The roles, teams and attributes the file names as literals, with their place in the file, so that the service
     * can check them against its data. Prepares the file (DSL expanded) but builds nothing.
     */
    public List<PlayReference> references(PlayFile file) {
        return PlayReferences.of(preparer.prepare(file));
    }

    /** Compiles every file and puts them all in the KieBase (as if every play were active). */
    public PlayBook compile(List<PlayFile> files) {
        return compile(files, null);
    }

    /**
     * Checks every file and builds the KieBase of the active ones only.
     *
     * @param active the names of the active plays (the book remembers this set, see {@link PlayBook#builtFor()});
     *               null puts every valid play in the KieBase
     */
    public PlayBook compile(List<PlayFile> files, Set<String> active) {
        long started = System.nanoTime();
        Map<String, PreparedPlay> prepared = new LinkedHashMap<>();
        Map<String, List<PlayError>> errors = new HashMap<>();
        Map<String, String> packages = new HashMap<>();
        for (PlayFile file : files) {
            PreparedPlay play = preparer.prepare(file);
            prepared.put(file.name(), play);
            List<PlayError> found = new ArrayList<>(play.errors());
            // a refused play claims no package, so it cannot get a valid play refused in its place
            String owner = found.isEmpty() ? packages.putIfAbsent(play.packageName(), file.name()) : null;
            if (owner != null) {
                found.add(new PlayError(file.fileName(), 1, 1, "uses the package " + play.packageName()
                        + ", which the play '" + owner + "' uses already; each play needs its own package"));
            }
            if (!found.isEmpty()) {
                errors.put(file.name(), found);
            }
        }
        List<PreparedPlay> building = new ArrayList<>(prepared.values().stream()
                .filter(p -> !errors.containsKey(p.file().name()))
                .filter(p -> active == null || active.contains(p.file().name())).toList());
        List<PreparedPlay> checking = new ArrayList<>(prepared.values().stream()
                .filter(p -> !errors.containsKey(p.file().name()))
                .filter(p -> active != null && !active.contains(p.file().name())).toList());
        // the inactive plays are built only to be checked: their rules never reach the KieBase that fires
        buildDroppingBroken(checking, errors).dispose();
        Build build = buildDroppingBroken(building, errors);
        PlayBook book = book(prepared, errors, build, building, active == null ? null : Set.copyOf(active));
        LOG.infof("compiled %d play file(s) in %d ms: %d ok, %d with errors, %d in the KieBase", files.size(),
                (System.nanoTime() - started) / 1_000_000, building.size() + checking.size(), errors.size(),
                building.size());
        return book;
    }

    /**
     * Compiles each file into rules of its own, ready to be put in a book one play at a time
     * ({@link PlayBook#update}): one Drools build for all the files (each play is its own package), so compiling many
     * costs about what one build of them all does. A file Drools refuses is built again alone, as {@link #check} does,
     * to say where it is wrong; the others are not held back by it.
     */
    public Map<String, CompiledPlay> compileEach(List<PlayFile> files) {
        long started = System.nanoTime();
        Map<String, CompiledPlay> compiled = new LinkedHashMap<>();
        List<PreparedPlay> building = new ArrayList<>();
        for (PlayFile file : files) {
            PreparedPlay play = preparer.prepare(file);
            if (play.valid()) {
                building.add(play);
            } else {
                compiled.put(file.name(), new CompiledPlay(file, status(play, play.errors()), play.packageName(), null));
            }
        }
        while (!building.isEmpty()) {
            Packages build = packages(building);
            if (build.refused().isEmpty()) {
                building.forEach(p -> compiled.put(p.file().name(), new CompiledPlay(p.file(), status(p, List.of()),
                        p.packageName(), build.of(p))));
                break;
            }
            // the refused ones alone, for their errors' places; the others built again without them
            List<PreparedPlay> refused = build.refused().size() < building.size() ? build.refused() : building;
            refused.forEach(p -> compiled.put(p.file().name(), alone(p)));
            building.removeAll(refused);
        }
        Map<String, CompiledPlay> inOrder = new LinkedHashMap<>();
        files.forEach(f -> inOrder.put(f.name(), compiled.get(f.name())));
        LOG.infof("compiled %d play file(s) each on its own in %d ms", files.size(),
                (System.nanoTime() - started) / 1_000_000);
        return inOrder;
    }

    /** A play that a build with others refused, built alone: its located errors, or its rules after all. */
    private CompiledPlay alone(PreparedPlay play) {
        Packages build = packages(List.of(play));
        if (build.refused().isEmpty()) {
            return new CompiledPlay(play.file(), status(play, List.of()), play.packageName(), build.of(play));
        }
        Build located = build(List.of(play));
        located.dispose();
        List<PlayError> errors = located.errors.getOrDefault(play.file().name(), List.of());
        if (errors.isEmpty()) {
            errors = List.of(new PlayError(play.file().fileName(), 1, 1, "does not compile: "
                    + String.join("; ", build.messages())));
        }
        return new CompiledPlay(play.file(), status(play, errors), play.packageName(), null);
    }

    /** The plays' rules as Drools packages (a builder, no KieModule or KieContainer), or which plays it refused. */
    private Packages packages(List<PreparedPlay> plays) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
        Map<Resource, PreparedPlay> byResource = new HashMap<>();
        // one batch: the rules' Java of every play compiled in one go, not a compiler run per file
        CompositeKnowledgeBuilder batch = builder.batch();
        for (PreparedPlay play : plays) {
            Resource resource = ResourceFactory.newByteArrayResource(play.buildText().getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(play.kiePath());
            byResource.put(resource, play);
            batch.add(resource, ResourceType.DRL);
        }
        batch.build();
        if (!builder.hasErrors()) {
            Map<String, List<KiePackage>> byName = new HashMap<>();
            builder.getKnowledgePackages().forEach(p -> byName.computeIfAbsent(p.getName(), k -> new ArrayList<>()).add(p));
            return new Packages(byName, List.of(), List.of());
        }
        Set<PreparedPlay> refused = new LinkedHashSet<>();
        List<String> messages = new ArrayList<>();
        for (KnowledgeBuilderError error : builder.getErrors()) {
            PreparedPlay play = error.getResource() == null ? null : byResource.get(error.getResource());
            if (play != null) {
                refused.add(play);
            }
            messages.add(BuildMessages.clean(error.getMessage()));
        }
        return new Packages(Map.of(), refused.isEmpty() ? plays : List.copyOf(refused), messages);
    }

    private record Packages(Map<String, List<KiePackage>> byName, List<PreparedPlay> refused, List<String> messages) {
        List<KiePackage> of(PreparedPlay play) {
            return byName.getOrDefault(play.packageName(), List.of());
        }
    }

    private static PlayStatus status(PreparedPlay p, List<PlayError> errors) {
        return new PlayStatus(p.file().name(), p.file().fileName(), p.header().team(), p.header().description(),
                p.file().text(), errors.isEmpty() ? PlayStatus.Status.OK : PlayStatus.Status.ERROR, errors);
    }

    /** An empty book that takes plays one at a time ({@link PlayBook#update}): the book in force. */
    public PlayBook openBook() {
        return PlayBook.open(classLoader);
    }

    private Build buildDroppingBroken(List<PreparedPlay> building, Map<String, List<PlayError>> errors) {
        while (true) {
            Build build = build(building);
            if (build.container != null || building.isEmpty()) {
                return build;
            }
            Set<String> broken = new LinkedHashSet<>(build.errors.keySet());
            if (broken.isEmpty()) {
                broken = brokenOneByOne(building, errors);
            }
            errors.putAll(build.errors);
            Set<String> drop = broken;
            building.removeIf(p -> drop.contains(p.file().name()));
        }
    }

    /** When Drools cannot say which file an error belongs to, each file is built alone. */
    private Set<String> brokenOneByOne(List<PreparedPlay> building, Map<String, List<PlayError>> errors) {
        Set<String> broken = new LinkedHashSet<>();
        for (PreparedPlay play : building) {
            Build alone = build(List.of(play));
            alone.dispose();
            if (alone.container == null) {
                broken.add(play.file().name());
                errors.put(play.file().name(), alone.errors.getOrDefault(play.file().name(),
                        List.of(new PlayError(play.file().fileName(), 1, 1, "does not compile: "
                                + String.join("; ", alone.unplaced)))));
            }
        }
        if (broken.isEmpty()) {
            broken.add(building.get(building.size() - 1).file().name());
        }
        return broken;
    }

    private PlayBook book(Map<String, PreparedPlay> prepared, Map<String, List<PlayError>> errors, Build build,
                          List<PreparedPlay> built, Set<String> active) {
        Map<String, PlayStatus> statuses = new LinkedHashMap<>();
        prepared.values().forEach(p -> statuses.put(p.file().name(),
                status(p, errors.getOrDefault(p.file().name(), List.of()))));
        Map<String, String> playOfPackage = new HashMap<>();
        built.forEach(p -> playOfPackage.put(p.packageName(), p.file().name()));
        PlayBook book = new PlayBook(build.container, build.releaseId, statuses, playOfPackage, active);
        book.warmUp();
        return book;
    }

    private Build build(List<PreparedPlay> plays) {
        if (plays.isEmpty()) {
            return new Build(null, null, Map.of(), List.of());
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.teamplay.plays", ARTIFACT, "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        plays.forEach(p -> kfs.write(p.kiePath(), p.buildText()));
        KieBuilder builder = ks.newKieBuilder(kfs, classLoader).buildAll();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        if (messages.isEmpty()) {
            KieContainer container = ks.newKieContainer(releaseId, classLoader);
            return new Build(container, releaseId, Map.of(), List.of());
        }
        ks.getRepository().removeKieModule(releaseId);
        Map<String, List<PlayError>> errors = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (Message message : messages) {
            PreparedPlay play = plays.stream().filter(p -> message.getPath() != null
                    && p.kiePath().endsWith(message.getPath())).findFirst().orElse(null);
            if (play == null) {
                unplaced.add(BuildMessages.clean(message.getText()));
                continue;
            }
            PlayError error = locate(play, message);
            List<PlayError> list = errors.computeIfAbsent(play.file().name(), k -> new ArrayList<>());
            if (!list.contains(error)) {
                list.add(error);
            }
        }
        // a function that does not compile also yields "Error importing" and "The import ... cannot be resolved"
        // for the class Drools generates for it: only the function's own error says anything to the author
        errors.values().forEach(list -> {
            if (list.stream().anyMatch(e -> e.message().startsWith("[ function"))) {
                list.removeIf(e -> e.message().startsWith("Error importing")
                        || e.message().matches("The import [\\w.$]+ cannot be resolved"));
            }
        });
        return new Build(null, releaseId, errors, unplaced);
    }

    private static PlayError locate(PreparedPlay play, Message message) {
        String text = BuildMessages.clean(message.getText());
        int line = Math.max(1, message.getLine());
        int column = message.getColumn();
        List<String> found = BuildMessages.candidates(message.getText());
        if (message.getLine() <= 0 && column <= 0) {
            return play.map().inFile(found, text);
        }
        Matcher function = FUNCTION_LINE.matcher(message.getText());
        if (function.find()) {
            // "[ function f (line:N): ... ]": N is the function's first line; the error is in its body
            return play.map().inBlock(Integer.parseInt(function.group(1)), found, text);
        }
        PreparedPlay.Insertion insertion = play.insertion();
        if (line == insertion.line() && column > insertion.column()) {
            column -= insertion.length();
        }
        List<String> candidates = BuildMessages.candidates(message.getText());
        if (column > 0) {
            String lineText = play.map().compiledLine(line);
            for (String candidate : candidates) {
                int at = SourceMap.find(lineText, candidate);
                if (at > 0) {
                    return play.map().at(line, at, candidate, text);
                }
            }
            return play.map().at(line, column + 1, candidates.isEmpty() ? null : candidates.get(0), text);
        }
        return play.map().inBlock(line, candidates, text);
    }

    private record Build(KieContainer container, ReleaseId releaseId, Map<String, List<PlayError>> errors,
                         List<String> unplaced) {
        void dispose() {
            if (container != null) {
                container.dispose();
                KieServices.Factory.get().getRepository().removeKieModule(releaseId);
            }
        }
    }
}
