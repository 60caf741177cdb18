package io.teamplay.plays.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A play's own package line once made every class of that package reachable without an import (org.h2.util reached
 * a shell). For every package that has classes on the runtime class path (the JDK's modules, every jar and class
 * directory), a play declaring that package and calling one of its classes unqualified, in a condition and in a then
 * part, is refused: the package line and both calls. Only the checker runs (no compile): only plays it accepts are
 * ever compiled, so its refusal is the proof.
 */
class EveryPackageRefusedTest {

    @Test
    void aPlayDeclaringAnyPackageOfTheClassPathAndCallingItsClassesIsRefused() {
        long started = System.nanoTime();
        Map<String, String> classOfPackage = new TreeMap<>();
        jdkPackages(classOfPackage);
        classPathPackages(classOfPackage);
        assertTrue(classOfPackage.size() > 1_000, "found only " + classOfPackage.size() + " packages");
        assertTrue(classOfPackage.containsKey("org.h2.util") && classOfPackage.containsKey("org.apache.commons.io")
                && classOfPackage.containsKey("java.lang") && classOfPackage.containsKey("io.teamplay.plays.engine"),
                "the class path scan missed known packages");

        long scanned = System.nanoTime();
        PlayPreparer preparer = new PlayPreparer("");
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (Map.Entry<String, String> entry : classOfPackage.entrySet()) {
            String call = entry.getValue() + ".valueOf(\"x\")";
            String text = "// team: T\npackage " + entry.getKey() + ";\nrule \"R\"\nwhen\n"
                    + "    $e : AccountEvent( accountId == " + call + " )\nthen\n    " + call + ";\nend\n";
            List<PlayError> errors = preparer.prepare(PlayFile.of("p.drl", text)).errors();
            boolean packageRefused = has(errors, 2, 1, "names the package " + entry.getKey());
            // at the class's name (37), or at valueOf for a name the fact model has too (EventType.valueOf)
            boolean conditionRefused = has(errors, 5, 37, "calls " + entry.getValue() + ".valueOf")
                    || has(errors, 5, 38 + entry.getValue().length(), "uses " + entry.getValue() + ".valueOf");
            boolean thenRefused = has(errors, 7, 5, "calls " + entry.getValue() + ".valueOf");
            // a package named with a Java keyword (e.g. ...internal.enum) does not even parse: refused all the same
            boolean unreadable = !errors.isEmpty() && errors.stream().noneMatch(e -> e.message().startsWith("names"));
            if (packageRefused && conditionRefused && thenRefused || unreadable) {
                refused++;
            } else {
                accepted.add(entry.getKey() + " " + errors);
            }
        }
        System.out.printf("refused a play naming each of %d packages of the class path (scan %d ms, checks %d ms)%n",
                refused, (scanned - started) / 1_000_000, (System.nanoTime() - scanned) / 1_000_000);
        assertEquals(List.of(), accepted);
    }

    private static boolean has(List<PlayError> errors, int line, int column, String start) {
        return errors.stream().anyMatch(e -> e.line() == line && e.column() == column && e.message().startsWith(start));
    }

    /** Every package of every module of the boot layer (the JDK), with one of its top-level classes. */
    private static void jdkPackages(Map<String, String> classOfPackage) {
        for (ResolvedModule module : ModuleLayer.boot().configuration().modules()) {
            try (ModuleReader reader = module.reference().open(); Stream<String> names = reader.list()) {
                names.forEach(name -> add(classOfPackage, name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every package of the class path's jars and directories (a manifest-only jar's Class-Path followed). */
    private static void classPathPackages(Map<String, String> classOfPackage) {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            Path entry = entries.get(i);
            try {
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> files = Files.walk(entry)) {
                        files.filter(Files::isRegularFile)
                                .forEach(f -> add(classOfPackage, entry.relativize(f).toString().replace(File.separatorChar, '/')));
                    }
                } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        Manifest manifest = jar.getManifest();
                        String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                        if (classPath != null) {
                            for (String more : classPath.trim().split("\\s+")) {
                                Path resolved = more.startsWith("file:") ? Path.of(URI.create(more))
                                        : entry.resolveSibling(more);
                                if (!entries.contains(resolved)) {
                                    entries.add(resolved);
                                }
                            }
                        }
                        Enumeration<JarEntry> jarEntries = jar.entries();
                        while (jarEntries.hasMoreElements()) {
                            add(classOfPackage, jarEntries.nextElement().getName());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void add(Map<String, String> classOfPackage, String resource) {
        if (!resource.endsWith(".class") || resource.startsWith("META-INF/")) {
            return;
        }
        int slash = resource.lastIndexOf('/');
        String simple = resource.substring(slash + 1, resource.length() - ".class".length());
        if (slash < 0 || simple.contains("$") || simple.contains("-") || !Character.isJavaIdentifierStart(simple.charAt(0))) {
            return;
        }
        String pkg = resource.substring(0, slash).replace('/', '.');
        if (pkg.contains("-")) {
            return;
        }
        classOfPackage.merge(pkg, simple, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
}
