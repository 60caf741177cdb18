package io.teamplay.plays.engine;

import java.util.List;

/**
 * The class loader plays are compiled with and run in: it resolves the JDK, the rule engine (whose generated code
 * the rules become), the fact model and the actions, and nothing else of the application or its libraries. A second
 * wall behind {@link PlayChecker}: were a play ever to name a class the checker missed, the compiler could not
 * resolve it if it belongs to a library (H2, commons-io, Quarkus, Hibernate...), however the play names it.
 *
 * <p>The JDK stays reachable: the engine's generated classes need java.lang, java.util and more, and the loader
 * cannot tell the engine's references from a play's. Keeping plays away from the JDK is the checker's work.
 */
final class PlayClassLoader extends ClassLoader {

    private static final List<String> REACHABLE = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.drools.", "org.kie.", "org.mvel2.", "org.antlr.", "org.eclipse.jdt.", "org.slf4j.",
            PlayAllowlist.FACTS_PACKAGE + ".", "io.teamplay.plays.actions.Actions");

    static {
        registerAsParallelCapable();
    }

    PlayClassLoader(ClassLoader application) {
        super("plays", application);
    }

    static boolean reachable(String className) {
        for (String prefix : REACHABLE) {
            if (className.startsWith(prefix)) {
                return !prefix.endsWith(".Actions") || className.equals(prefix);
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
}
