package io.teamplay.plays.engine;

import io.teamplay.plays.engine.SourceTokens.Kind;
import io.teamplay.plays.engine.SourceTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a play may use, checked before Drools compiles anything: the fact model ({@code io.teamplay.plays.facts}),
 * {@code java.time}, the {@code actions} global and plain language. Every word of the file (strings and comments
 * aside) is looked at, so constraints, eval, from, accumulate, functions, declared types and consequences in both
 * the java and the mvel dialect are covered alike.
 */
final class Sandbox {

    static final String ADVICE = "plays may only use the fact model and the actions";

    private static final List<String> ALLOWED_PACKAGES = List.of("io.teamplay.plays.facts", "java.time");
    private static final String ACTIONS_CLASS = "io.teamplay.plays.actions.Actions";

    /** First words of qualified names that leave the fact model. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jakarta", "jdk", "sun", "com", "org",
            "net", "io", "kotlin", "scala", "groovy", "mvel", "lombok");

    private static final List<String> RESERVED_PACKAGES = List.of("java", "javax", "jakarta", "jdk", "sun", "com.sun",
            "org.drools", "org.kie", "org.mvel2", "io.teamplay", "io.quarkus");

    private static final Map<String, String> DENIED = denied();

    /** Deepest nesting of brackets a play may use. */
    static final int MAX_NESTING = 64;

    private Sandbox() {
    }

    private static Map<String, String> denied() {
        Map<String, String> words = new java.util.HashMap<>();
        Stream.of("System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "exit", "halt", "exec", "getenv",
                "getInteger", "getLong", "getBoolean",
                "SecurityManager", "Compiler", "ScriptEngine", "ScriptEngineManager", "ToolProvider", "InitialContext")
                .forEach(w -> words.put(w, "the running service"));
        Stream.of("Thread", "ThreadGroup", "ThreadLocal", "InheritableThreadLocal", "Executors", "ExecutorService",
                "ForkJoinPool", "CompletableFuture", "Timer", "wait", "notify", "notifyAll")
                .forEach(w -> words.put(w, "threads"));
        Stream.of("Class", "ClassLoader", "class", "getClass", "forName", "invoke", "reflect", "getDeclaredMethod",
                "getDeclaredMethods", "getMethod", "getMethods", "getDeclaredField", "getDeclaredFields", "getField",
                "getFields", "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors",
                "newInstance", "setAccessible", "loadClass", "defineClass", "getClassLoader", "getContextClassLoader",
                "MethodHandles", "MethodHandle", "VarHandle", "Proxy", "Unsafe", "Method", "Field", "Constructor",
                "StackWalker", "Module", "ModuleLayer", "getModule", "getProtectionDomain", "protectionDomain",
                "getCodeSource", "codeSource")
                .forEach(w -> words.put(w, "reflection"));
        Stream.of("File", "Files", "Path", "Paths", "FileSystem", "FileSystems", "FileInputStream", "FileOutputStream",
                "FileReader", "FileWriter", "RandomAccessFile", "PrintStream", "PrintWriter", "ObjectInputStream",
                "ObjectOutputStream", "getResource", "getResourceAsStream", "Socket", "ServerSocket", "DatagramSocket",
                "URL", "URI", "URLConnection", "HttpURLConnection", "HttpClient", "InetAddress", "load", "loadLibrary", "toURL", "toURI", "openStream", "openConnection")
                .forEach(w -> words.put(w, "files or the network"));
        Stream.of("while", "for", "do", "foreach", "until", "datesUntil", "iterate", "generate", "repeat")
                .forEach(w -> words.put(w, "loops: a play must finish at once"));
        Stream.of("kcontext", "drools", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getKieBase",
                "getKnowledgeBase", "getEntryPoint", "getEntryPoints", "getChannels", "getGlobals", "setGlobal",
                "getSessionClock", "halt")
                .forEach(w -> words.put(w, "the rule engine's internals"));
        Stream.of("insert", "insertLogical", "update", "modify", "retract", "delete", "entryPoints")
                .forEach(w -> words.put(w, "changing the facts: other plays would fire on them; plays decide "
                        + "through the actions only"));
        Stream.of("matches", "replaceAll", "replaceFirst", "split", "Pattern", "Matcher", "Scanner")
                .forEach(w -> words.put(w, "regular expressions: one can backtrack for ever"));
        Stream.of("timer", "duration", "calendars")
                .forEach(w -> words.put(w, "timers: a play fires once, on its event; time-based plays use the daily "
                        + "trigger"));
        return Map.copyOf(words);
    }

    /**
     * Why a word is refused, or null. Besides the listed words, any word naming a class object or loader
     * (getDeclaringClass, declaringClass, getSuperclass, classLoader...) is reflection: a Class leads to its
     * protection domain, code source, URLs and so to files and the network.
     */
    private static String reason(String word) {
        String listed = DENIED.get(word);
        if (listed != null) {
            return listed;
        }
        return word.toLowerCase(java.util.Locale.ROOT).contains("class") ? "reflection" : null;
    }

    /** Checks the text Drools would compile (DSL already expanded). */
    static List<PlayError> check(SourceMap map, String compiled) {
        List<PlayError> errors = new ArrayList<>();
        if (compiled.contains("\\u")) {
            int line = lineOf(compiled, compiled.indexOf("\\u"));
            errors.add(map.onLine(line, "\\u", "uses a \\u unicode escape, which plays may not use; write the character itself"));
        }
        if (compiled.contains("\"\"\"")) {
            int line = lineOf(compiled, compiled.indexOf("\"\"\""));
            errors.add(map.onLine(line, "\"\"\"", "uses a \"\"\" text block, which plays may not use; write a plain \"string\""));
        }
        List<Token> tokens = SourceTokens.of(compiled);
        checkConditions(map, tokens, errors);
        checkFunctions(map, tokens, errors);
        checkLocalCode(map, tokens, errors);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Kind.IDENT) {
                continue;
            }
            boolean statementStart = i == 0 || tokens.get(i - 1).is(";") || tokens.get(i - 1).line() < token.line();
            if (i == 0 && token.is("package")) {
                i = checkPackage(map, tokens, i, errors);
            } else if (statementStart && token.is("import")) {
                i = checkImport(map, tokens, i, errors);
            } else if (statementStart && token.is("global")) {
                i = checkGlobal(map, tokens, i, errors);
            } else if (statementStart && token.is("dialect")) {
                i = checkDialect(map, tokens, i, errors);
            } else if (reason(token.text()) != null && !isMember(tokens, i)) {
                errors.add(map.at(token.line(), token.column(), token.text(), refusal(tokens, i)));
                i = qualifiedEnd(tokens, i);
            } else if (PACKAGE_ROOTS.contains(token.text()) && !isMember(tokens, i)) {
                int end = qualifiedEnd(tokens, i);
                String name = joined(tokens, i, end);
                if (end > i && !allowed(name)) {
                    errors.add(map.at(token.line(), token.column(), token.text(), "refers to " + name
                            + ", which is outside the fact model; " + ADVICE));
                }
                i = end;
            }
        }
        return errors;
    }

    /**
     * Conditions (when parts and queries) only decide whether a rule matches: they are evaluated for every play in
     * the KieBase, active or not, and before any rule fires, so the actions global may only be used in then parts.
     */
    private static void checkConditions(SourceMap map, List<Token> tokens, List<PlayError> errors) {
        boolean conditions = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Kind.IDENT || i > 0 && tokens.get(i - 1).is(".")) {
                continue;
            }
            if (token.is("when") || token.is("query")) {
                conditions = true;
            } else if (token.is("then") || token.is("end")) {
                conditions = false;
            } else if (conditions && token.is("actions")) {
                errors.add(map.at(token.line(), token.column(), token.text(), "uses actions in a condition; "
                        + "conditions are checked for every play, active or not, so actions may only be taken in "
                        + "the then part"));
            }
        }
    }

    /** A function may not call a function of the play: recursion could run forever (or for 2^n steps). */
    private static void checkFunctions(SourceMap map, List<Token> tokens, List<PlayError> errors) {
        Set<String> names = new java.util.HashSet<>();
        List<int[]> bodies = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).is("function") || i > 0 && tokens.get(i - 1).is("import")) {
                continue;
            }
            int open = i + 1;
            while (open < tokens.size() && !tokens.get(open).is("(")) {
                open++;
            }
            if (open >= tokens.size() || open - 1 <= i) {
                continue;
            }
            names.add(tokens.get(open - 1).text());
            int start = open;
            while (start < tokens.size() && !tokens.get(start).is("{")) {
                start++;
            }
            int depth = 0;
            int end = start;
            for (; end < tokens.size(); end++) {
                if (tokens.get(end).is("{")) {
                    depth++;
                } else if (tokens.get(end).is("}") && --depth == 0) {
                    break;
                }
            }
            bodies.add(new int[] {start, end});
        }
        for (int[] body : bodies) {
            for (int i = body[0]; i < body[1] && i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.kind() == Kind.IDENT && names.contains(token.text()) && i + 1 < tokens.size()
                        && tokens.get(i + 1).is("(") && !tokens.get(i - 1).is(".")) {
                    errors.add(map.at(token.line(), token.column(), token.text(), "calls the function "
                            + token.text() + " from inside a function; functions may not call functions (recursion "
                            + "could run forever); " + ADVICE));
                }
            }
        }
    }

    /**
     * Code a then part could declare for itself (anonymous classes, local records, enums and interfaces, lambdas,
     * method references) can call itself, so it could run forever without a loop keyword: none is allowed.
     */
    private static void checkLocalCode(SourceMap map, List<Token> tokens, List<PlayError> errors) {
        String local = "; a play's then part may not declare code of its own (it could call itself for ever); " + ADVICE;
        int nesting = 0;
        boolean tooDeep = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.is("(") || token.is("[") || token.is("{")) {
                nesting++;
                if (nesting > MAX_NESTING && !tooDeep) {
                    tooDeep = true;
                    // Drools' parser and ECJ recurse per level: thousands of levels overflow the compiling thread's stack
                    errors.add(map.at(token.line(), token.column(), token.text(), "nests brackets more than "
                            + MAX_NESTING + " deep; split the expression"));
                }
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                nesting--;
            }
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean adjacent = next != null && next.line() == token.line() && next.column() == token.column() + 1;
            if (token.is("-") && adjacent && next.is(">")) {
                errors.add(map.at(token.line(), token.column(), "->", "uses a lambda (->)" + local));
            } else if (token.is("~") && adjacent && next.is("=")) {
                errors.add(map.at(token.line(), token.column(), "~=", "uses the regular expression operator ~=, "
                        + "which plays may not use (regular expressions: one can backtrack for ever); " + ADVICE));
            } else if (token.is(":") && adjacent && next.is(":")) {
                errors.add(map.at(token.line(), token.column(), "::", "uses a method reference (::)" + local));
                i++;
            } else if (token.kind() == Kind.IDENT && (token.is("record") || token.is("interface")
                    || token.is("enum") && (i == 0 || !tokens.get(i - 1).is("declare")))) {
                errors.add(map.at(token.line(), token.column(), token.text(), "declares a local " + token.text() + local));
            } else if (token.is("new") && anonymousBody(tokens, i) > 0) {
                errors.add(map.at(token.line(), token.column(), "new", "declares an anonymous class" + local));
            }
        }
    }

    /** Index of the '{' opening an anonymous class body after 'new Type(...)', or -1. */
    private static int anonymousBody(List<Token> tokens, int i) {
        int j = i + 1;
        int angle = 0;
        while (j < tokens.size() && (angle > 0 || !tokens.get(j).is("("))) {
            Token t = tokens.get(j);
            if (t.is("<")) {
                angle++;
            } else if (t.is(">")) {
                angle--;
            } else if (angle == 0 && !(t.kind() == Kind.IDENT || t.is("."))) {
                return -1;
            }
            j++;
        }
        int depth = 0;
        for (; j < tokens.size(); j++) {
            if (tokens.get(j).is("(")) {
                depth++;
            } else if (tokens.get(j).is(")") && --depth == 0) {
                break;
            }
        }
        return j + 1 < tokens.size() && tokens.get(j + 1).is("{") ? j + 1 : -1;
    }

    private static String refusal(List<Token> tokens, int i) {
        String word = tokens.get(i).text();
        String what = word;
        if (i + 2 < tokens.size() && tokens.get(i + 1).is(".") && tokens.get(i + 2).kind() == Kind.IDENT) {
            what = word + "." + tokens.get(i + 2).text();
        }
        boolean call = tokens.size() > i + 1 && tokens.get(i + 1).is("(")
                || i + 3 < tokens.size() && !what.equals(word) && tokens.get(i + 3).is("(");
        return (call ? "calls " : "uses ") + what + ", which plays may not use (" + reason(word) + "); " + ADVICE;
    }

    /** A word after a dot is a member name of something already checked ($account.name), except denied ones. */
    private static boolean isMember(List<Token> tokens, int i) {
        if (i == 0 || !tokens.get(i - 1).is(".")) {
            return false;
        }
        return reason(tokens.get(i).text()) == null;
    }

    private static int checkImport(SourceMap map, List<Token> tokens, int i, List<PlayError> errors) {
        Token first = tokens.get(i);
        int start = i + 1;
        while (start < tokens.size() && (tokens.get(start).is("static") || tokens.get(start).is("function")
                || tokens.get(start).is("accumulate"))) {
            start++;
        }
        int end = qualifiedEnd(tokens, start);
        String target = joined(tokens, start, end);
        boolean ok = start < tokens.size() && (allowed(target) || target.equals(ACTIONS_CLASS));
        if (!ok) {
            errors.add(map.onLine(first.line(), "import", "imports " + (target.isEmpty() ? "nothing" : target)
                    + "; plays may only import io.teamplay.plays.facts.* and java.time.*"));
        }
        return skipStatement(tokens, end, first.line());
    }

    /** A play may name its own package, but never one of the service, the engine or the JDK. */
    private static int checkPackage(SourceMap map, List<Token> tokens, int i, List<PlayError> errors) {
        int end = qualifiedEnd(tokens, i + 1);
        String name = joined(tokens, i + 1, end);
        if (RESERVED_PACKAGES.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."))) {
            errors.add(map.onLine(tokens.get(i).line(), "package", "puts its rules in the package " + name
                    + ", which belongs to the service or the JDK; choose another package or leave the line out"));
        }
        return end;
    }

    private static int checkGlobal(SourceMap map, List<Token> tokens, int i, List<PlayError> errors) {
        Token first = tokens.get(i);
        int typeEnd = qualifiedEnd(tokens, i + 1);
        String type = joined(tokens, i + 1, typeEnd);
        String name = typeEnd + 1 < tokens.size() ? tokens.get(typeEnd + 1).text() : "";
        boolean actionsType = type.equals("Actions") || type.equals(ACTIONS_CLASS);
        if (!actionsType || !name.equals("actions")) {
            errors.add(map.onLine(first.line(), "global", "declares the global " + type + " " + name
                    + "; the only global a play has is 'actions' (io.teamplay.plays.actions.Actions)"));
        }
        return skipStatement(tokens, typeEnd + 1, first.line());
    }

    private static int checkDialect(SourceMap map, List<Token> tokens, int i, List<PlayError> errors) {
        if (i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.STRING) {
            String dialect = tokens.get(i + 1).text().replaceAll("^[\"']|[\"']$", "");
            if (!dialect.equals("java") && !dialect.equals("mvel")) {
                errors.add(map.onLine(tokens.get(i).line(), "dialect", "uses the dialect '" + dialect
                        + "'; plays are written in the java or the mvel dialect"));
            }
            return i + 1;
        }
        return i;
    }

    private static int skipStatement(List<Token> tokens, int from, int line) {
        int i = from;
        while (i + 1 < tokens.size() && tokens.get(i + 1).line() == line && !tokens.get(i).is(";")) {
            i++;
        }
        return i;
    }

    /** Index of the last token of the dotted name starting at i (a trailing .* included). */
    private static int qualifiedEnd(List<Token> tokens, int i) {
        int end = i;
        while (end + 2 < tokens.size() && tokens.get(end + 1).is(".")
                && (tokens.get(end + 2).kind() == Kind.IDENT || tokens.get(end + 2).is("*"))) {
            end += 2;
        }
        return end;
    }

    private static String joined(List<Token> tokens, int from, int to) {
        if (from >= tokens.size()) {
            return "";
        }
        return tokens.subList(from, Math.min(to + 1, tokens.size())).stream().map(Token::text)
                .collect(Collectors.joining());
    }

    private static boolean allowed(String name) {
        for (String allowed : ALLOWED_PACKAGES) {
            if (name.equals(allowed) || name.startsWith(allowed + ".")) {
                String rest = name.substring(allowed.length());
                return !rest.contains("..") && noDeniedWord(rest);
            }
        }
        return false;
    }

    private static boolean noDeniedWord(String rest) {
        for (String part : rest.split("\\.")) {
            if (reason(part) != null) {
                return false;
            }
        }
        return true;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
