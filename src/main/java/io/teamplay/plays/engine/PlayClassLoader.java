package io.teamplay.plays.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader plays are compiled with and run in: it resolves the rule engine (whose generated code the rules
 * become), the fact model, the actions and the basics of the JDK, and nothing else. A second wall behind
 * {@link PlayChecker}: were a play ever to name a class the checker missed, the compiler could not resolve it if it
 * belongs to a library (H2, commons-io, Quarkus, Hibernate...) or to the JDK's ways out of a rule (processes,
 * System, threads, reflection, class loaders, files, the network), however the play names it.
 *
 * <p>The JDK's basics stay: the engine's generated classes need java.lang, java.lang.invoke (string concatenation
 * compiles to it), java.util, java.math and java.time, and the loader cannot tell the engine's references from a
 * play's. Keeping plays away from those is the checker's work. So is MVEL's: the expression language conditions are
 * evaluated in knows System, Runtime, Thread, Class... by name, without asking any class loader.
 */
final class PlayClassLoader extends ClassLoader {

    private static final List<String> REACHABLE = List.of(
            "java.lang.", "java.util.", "java.math.", "java.time.", "java.io.Serializable",
            "org.drools.", "org.kie.", "org.mvel2.", "org.antlr.", "org.eclipse.jdt.", "org.slf4j.",
            PlayAllowlist.FACTS_PACKAGE + ".", "io.teamplay.plays.actions.Actions");

    /** Parts of the reachable packages that lead out of a rule. */
    private static final List<String> HIDDEN = List.of(
            "java.lang.Runtime", "java.lang.System", "java.lang.ProcessBuilder", "java.lang.Process",
            "java.lang.ProcessHandle", "java.lang.Thread", "java.lang.ThreadGroup", "java.lang.InheritableThreadLocal",
            "java.lang.ClassLoader", "java.lang.Module", "java.lang.ModuleLayer", "java.lang.StackWalker",
            "java.lang.SecurityManager", "java.lang.reflect.", "java.lang.instrument.", "java.lang.management.",
            "java.lang.ref.", "java.util.concurrent.", "java.util.jar.", "java.util.zip.", "java.util.logging.",
            "java.util.prefs.", "java.util.spi.", "java.util.ServiceLoader", "java.util.Timer", "java.util.Scanner",
            "java.util.regex.", "io.teamplay.plays.facts.RoleKey");

    static {
        registerAsParallelCapable();
    }

    PlayClassLoader(ClassLoader application) {
        super("plays", application);
    }

    static boolean reachable(String className) {
        for (String hidden : HIDDEN) {
            if (className.startsWith(hidden) && (hidden.endsWith(".") || className.length() == hidden.length()
                    || className.charAt(hidden.length()) == '$')) {
                return false;
            }
        }
        for (String prefix : REACHABLE) {
            if (className.startsWith(prefix)) {
                return prefix.endsWith(".") || className.equals(prefix) || className.startsWith(prefix + "$");
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!reachable(name)) {
            throw new ClassNotFoundException(name + " (not reachable from plays)");
        }
        return super.loadClass(name, resolve);
    }

    // The compiler (ECJ, through Drools) finds classes by reading their .class files as resources, not by loading
    // them: those are hidden the same way. Other resources (the engine's own configuration files) stay visible.

    // Every compile asks for the same few hundred .class files (and for as many names that are no class, each
    // guess of ECJ's): looked up once per loader and kept, the parent's jars are not searched again per compile.
    private final Map<String, Optional<byte[]>> classFiles = new ConcurrentHashMap<>();

    @Override
    public URL getResource(String name) {
        return hidden(name) ? null : super.getResource(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (hidden(name)) {
            return null;
        }
        if (!name.endsWith(".class")) {
            return super.getResourceAsStream(name);
        }
        return classFiles.computeIfAbsent(name, this::read).map(ByteArrayInputStream::new).orElse(null);
    }

    private Optional<byte[]> read(String name) {
        try (InputStream in = super.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    private static boolean hidden(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        return name.endsWith(".class") && !reachable(name.substring(0, name.length() - ".class".length())
                .replace('/', '.'));
    }
}
