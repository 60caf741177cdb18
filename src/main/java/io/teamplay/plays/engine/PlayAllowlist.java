package io.teamplay.plays.engine;

import io.teamplay.plays.actions.Actions;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.EventType;
import io.teamplay.plays.facts.Once;
import io.teamplay.plays.facts.OpenTask;
import io.teamplay.plays.facts.TeamMember;
import io.teamplay.plays.facts.Teammate;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a play may use, in one place: the facts it matches on with the properties and methods its conditions
 * (and the arguments of its actions) may read, the constants it may compare with, and the actions its then parts
 * may take. {@link PlayChecker} accepts a play only when every name in it is found here, so what a play can reach is
 * this list and nothing else: a new class on the classpath (a dependency update, a play's own package line) cannot
 * widen it. {@code rules/README.md} documents exactly this list; a test compares the two.
 *
 * <p>Each entry is named here and resolved on the real class, so a renamed method fails at start-up rather than
 * silently dropping out. Adding a method to a fact class does not make it reachable; adding it here does.
 *
 * <p>Cost: the list holds no JDK method at all (no String, Map, Math or java.time method a play could call with
 * inputs of its own making). Every entry is a method of the fact model or of {@link Actions}, and each of them
 * does work linear in its inputs: the event's and the account's own values (bounded by what the service stores)
 * and the literals of the play's text. None recurses, compiles a pattern from play input or allocates more than a
 * copy of its inputs. The one search, {@code Account.containsText}, is a plain loop (no indexOf-like intrinsic, which
 * runs without a safepoint, so one huge search would stop every thread) over an attribute value of at most 4,000
 * characters; a longer text is not searched. Operators are limited likewise (see {@link #OPERATORS}): comparisons only, no
 * {@code contains}, {@code matches}, {@code memberOf}, {@code str} or temporal operators. A then part may join
 * strings with {@code +}, which only copies the play's literals and the facts' values once each.
 */
public final class PlayAllowlist {

    /** The package of the fact model: the one package a play may import from (besides the Actions class). */
    public static final String FACTS_PACKAGE = "io.teamplay.plays.facts";

    /** The only global of a play. */
    public static final String ACTIONS = Actions.GLOBAL;

    /** Comparison operators a condition may use ({@code in} and {@code not in} are read as == and != by Drools). */
    public static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=");

    /** Rule attributes a play may use: salience with a whole number, and no-loop. */
    public static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop");

    private static final Map<String, FactType> FACTS = facts(
            fact(AccountEvent.class,
                    List.of("id", "type", "accountId", "date", "depth", "attribute", "oldValue", "newValue", "oldText",
                            "newText", "role", "fromEmail", "toEmail", "userEmail", "coverEmail"),
                    List.of("oldIs", "newIs", "wentAbove", "reached", "fellBelow", "roleIs")),
            fact(Account.class,
                    List.of("id", "name"),
                    List.of("attr", "text", "lowerText", "is", "number", "atLeast", "isAtLeast", "isAtMost", "isBelow",
                            "isAbove", "isBetween", "containsText", "date", "daysUntil", "daysSince", "isDaysBefore",
                            "isDaysAfter", "isWithinDaysBefore", "isWithinDaysAfter", "holder", "hasHolder", "holds", "entered",
                            "left", "hasAvailableMember", "hasAvailableMemberHoldingFewerSeats",
                            "hasAvailableMemberWithFewerOpenTasks")),
            fact(OpenTask.class,
                    List.of("id", "title", "owner", "due", "role", "priority", "status"),
                    List.of("titled", "daysOverdue", "isDaysOverdue")),
            fact(TeamMember.class,
                    List.of("role", "email", "name", "load"),
                    List.of("roleIs")),
            fact(Teammate.class,
                    List.of("team", "email", "name", "available", "seats", "openTasks"),
                    List.of("teamIs")),
            fact(Once.class,
                    List.of("attribute", "value"),
                    List.of()));

    private static final Map<String, Map<String, Object>> CONSTANTS = Map.of(
            EventType.class.getSimpleName(), constants(EventType.values()));

    private static final Map<String, Method> ACTION_METHODS = methods(Actions.class,
            List.of("assign", "assignRoundRobin", "assignRoundRobinWithin", "assignLeastLoaded",
                    "assignLeastLoadedWithin", "clear", "createTask", "createTaskWithPriority", "notifyHolder",
                    "emailHolder", "setAttribute", "assignCover", "createTaskForReturningUser"));

    private PlayAllowlist() {
    }

    /**
     * A fact type plays match on.
     *
     * @param properties what a condition reads by name ({@code accountId}), each with its getter
     * @param methods    what a play may call ({@code is("segment", "x")}), getters included by their own names
     *                   ({@code getAccountId()}, the way a then part reads a property)
     */
    public record FactType(Class<?> type, Map<String, Method> properties, Map<String, Method> methods) {

        public String name() {
            return type.getSimpleName();
        }

        public Optional<Method> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }

        /** The method of that name taking that many arguments (plays see no overloads). */
        public Optional<Method> method(String name, int arguments) {
            Method method = methods.get(name);
            return method != null && method.getParameterCount() == arguments ? Optional.of(method) : Optional.empty();
        }

        public boolean hasMethod(String name) {
            return methods.containsKey(name);
        }
    }

    /** The fact type a pattern names, by its simple name or its full name. */
    public static Optional<FactType> fact(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String simple = name.startsWith(FACTS_PACKAGE + ".") ? name.substring(FACTS_PACKAGE.length() + 1) : name;
        return Optional.ofNullable(FACTS.get(simple));
    }

    /** The fact type of a value of that class, if it is one (a property may lead to another fact). */
    public static Optional<FactType> fact(Class<?> type) {
        return FACTS.values().stream().filter(f -> f.type().equals(type)).findFirst();
    }

    public static Map<String, FactType> facts() {
        return FACTS;
    }

    /** True for a constant a condition may compare with, e.g. {@code EventType.DAILY}. */
    public static boolean isConstant(String type, String name) {
        return CONSTANTS.getOrDefault(type, Map.of()).containsKey(name);
    }

    public static boolean hasConstants(String type) {
        return CONSTANTS.containsKey(type);
    }

    /** Constants by type name, e.g. EventType -> [ACCOUNT_CREATED, ...]. */
    public static Map<String, Set<String>> constants() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        CONSTANTS.forEach((type, values) -> all.put(type, values.keySet()));
        return all;
    }

    /** The action of that name taking that many arguments. */
    public static Optional<Method> action(String name, int arguments) {
        Method method = ACTION_METHODS.get(name);
        return method != null && method.getParameterCount() == arguments ? Optional.of(method) : Optional.empty();
    }

    public static Map<String, Method> actions() {
        return ACTION_METHODS;
    }

    /** Imports a play may write (it has them without writing them): the fact model and the Actions class. */
    public static boolean importable(String target) {
        if (target.equals(Actions.class.getName()) || target.equals(FACTS_PACKAGE + ".*")) {
            return true;
        }
        return target.startsWith(FACTS_PACKAGE + ".")
                && (fact(target).isPresent() || CONSTANTS.containsKey(target.substring(FACTS_PACKAGE.length() + 1)));
    }

    /** True for the type of the actions global, by simple or full name. */
    public static boolean isActionsType(String type) {
        return type.equals(Actions.class.getSimpleName()) || type.equals(Actions.class.getName());
    }

    /**
     * Every entry, as rules/README.md writes it: {@code AccountEvent.accountId}, {@code Account.is/2},
     * {@code EventType.DAILY}, {@code actions.assign/2}.
     */
    public static Set<String> entries() {
        Set<String> entries = new java.util.TreeSet<>();
        FACTS.values().forEach(f -> {
            f.properties().keySet().forEach(p -> entries.add(f.name() + "." + p));
            f.methods().forEach((name, m) -> {
                if (!f.properties().containsValue(m)) {
                    entries.add(f.name() + "." + name + "/" + m.getParameterCount());
                }
            });
        });
        CONSTANTS.forEach((type, values) -> values.keySet().forEach(v -> entries.add(type + "." + v)));
        ACTION_METHODS.forEach((name, m) -> entries.add(ACTIONS + "." + name + "/" + m.getParameterCount()));
        return entries;
    }

    // ---- resolving the list on the real classes ----

    private static FactType fact(Class<?> type, List<String> properties, List<String> methods) {
        Map<String, Method> getters = new LinkedHashMap<>();
        Map<String, Method> callable = new LinkedHashMap<>(methods(type, methods));
        for (String property : properties) {
            String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
            Method method = only(type, getter);
            if (method.getParameterCount() != 0) {
                throw new IllegalStateException(type.getName() + "." + getter + " is not a getter");
            }
            getters.put(property, method);
            callable.put(getter, method);
        }
        return new FactType(type, Collections.unmodifiableMap(getters), Collections.unmodifiableMap(callable));
    }

    private static Map<String, FactType> facts(FactType... types) {
        Map<String, FactType> byName = new LinkedHashMap<>();
        Arrays.stream(types).forEach(t -> byName.put(t.name(), t));
        return Collections.unmodifiableMap(byName);
    }

    private static Map<String, Method> methods(Class<?> type, List<String> names) {
        Map<String, Method> byName = new LinkedHashMap<>();
        names.forEach(name -> byName.put(name, only(type, name)));
        return Collections.unmodifiableMap(byName);
    }

    /** The one public instance method of that name; overloads are refused so a name means one method. */
    private static Method only(Class<?> type, String name) {
        List<Method> found = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && !Modifier.isStatic(method.getModifiers())
                    && method.getDeclaringClass() == type) {
                found.add(method);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("the plays allowlist names " + type.getName() + "." + name + ", which "
                    + (found.isEmpty() ? "does not exist" : "is overloaded"));
        }
        return found.get(0);
    }

    private static Map<String, Object> constants(Enum<?>[] values) {
        Map<String, Object> byName = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> byName.put(v.name(), v));
        return Collections.unmodifiableMap(byName);
    }
}
