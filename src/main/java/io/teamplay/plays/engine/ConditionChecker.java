package io.teamplay.plays.engine;

import io.teamplay.plays.engine.PlayAllowlist.FactType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;

/**
 * Checks one constraint of a pattern (the text between its commas) the way Drools reads it: Drools' own constraint
 * parser splits it into comparisons joined by && and ||, and each side of a comparison must then be a literal or a
 * path through the allowlist: a property or method of the pattern's fact ({@code accountId},
 * {@code is("segment", "enterprise")}), of a fact bound earlier ({@code $event.date}), {@code this}, or a constant
 * ({@code EventType.DAILY}). The sides are read with a grammar much stricter than MVEL's (which evaluates them):
 * ASCII names, dots, calls, literals and a leading {@code !}; a character outside it (#, [, @, ?, an operator...)
 * refuses the constraint, so nothing MVEL would read differently gets through.
 */
final class ConditionChecker {

    static final String RULE = "a condition may only use the properties and methods of the facts listed in "
            + "rules/README.md";

    private final FactType self;
    private final Map<String, FactType> bindings;

    private ConditionChecker(FactType self, Map<String, FactType> bindings) {
        this.self = self;
        this.bindings = bindings;
    }

    /** The first thing refused in the constraint (offset into it), or null when it is allowed. */
    static Refusal check(String constraint, FactType self, Map<String, FactType> bindings) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr tree = parser.parse(constraint);
        if (parser.hasErrors() || tree == null) {
            String why = parser.getErrors().isEmpty() ? "" : ": " + parser.getErrors().get(0).getMessage();
            return new Refusal(0, null, "cannot be read" + why);
        }
        ConditionChecker checker = new ConditionChecker(self, bindings);
        return checker.node(tree, constraint, new int[] {0});
    }

    private Refusal node(BaseDescr descr, String text, int[] cursor) {
        if (descr instanceof ConstraintConnectiveDescr connective) {
            ConnectiveType type = connective.getConnective();
            if (type != ConnectiveType.AND && type != ConnectiveType.OR) {
                return new Refusal(0, null, "uses the operator " + type + ", which plays may not use; combine "
                        + "conditions with && and ||");
            }
            for (BaseDescr child : connective.getDescrs()) {
                Refusal refusal = node(child, text, cursor);
                if (refusal != null) {
                    return refusal;
                }
            }
            return null;
        }
        if (descr instanceof RelationalExprDescr relation) {
            if (!PlayAllowlist.OPERATORS.contains(relation.getOperator()) || relation.getParameters() != null) {
                String operator = relation.getOperator();
                int at = Math.max(0, SourceMap.find(text, operator) - 1);
                return new Refusal(at, operator, "uses the operator '" + operator + "', which plays may not use; "
                        + "a condition compares with ==, !=, <, >, <=, >=, in and not in");
            }
            Refusal left = side(relation.getLeft(), text, cursor);
            return left != null ? left : side(relation.getRight(), text, cursor);
        }
        if (descr instanceof AtomicExprDescr atom) {
            return atom(atom.getExpression(), text, cursor);
        }
        if (descr instanceof BindingDescr binding) {
            int at = Math.max(0, SourceMap.find(text, binding.getVariable()) - 1);
            return new Refusal(at, binding.getVariable(), "binds " + binding.getVariable() + " to a property; "
                    + "plays bind whole facts ($account : Account( ... )) and read their properties where needed");
        }
        return new Refusal(0, null, "cannot be read as a comparison; " + RULE);
    }

    private Refusal side(BaseDescr side, String text, int[] cursor) {
        if (side instanceof AtomicExprDescr atom) {
            return atom(atom.getExpression(), text, cursor);
        }
        return new Refusal(0, null, "compares something that is not a value or a property; " + RULE);
    }

    /** Finds the atom in the constraint's text (atoms come in order) and reads it. */
    private Refusal atom(String expression, String text, int[] cursor) {
        int at = text.indexOf(expression, cursor[0]);
        if (at < 0) {
            at = Math.max(0, text.indexOf(expression));
        } else {
            cursor[0] = at + expression.length();
        }
        Refusal refusal = new Atom(expression).read();
        return refusal == null ? null : refusal.shifted(at);
    }

    /** One side of a comparison: {@code !}* (literal | path). */
    private final class Atom {

        private final List<AtomTokens.Token> tokens;
        private final String text;
        private int next;

        Atom(String text) {
            this.text = text;
            this.tokens = AtomTokens.of(text);
        }

        Refusal read() {
            AtomTokens.Token bad = tokens.stream().filter(t -> t.kind() == AtomTokens.Kind.OTHER).findFirst()
                    .orElse(null);
            if (bad != null) {
                return new Refusal(bad.offset(), bad.text(), "uses '" + bad.text() + "', which plays may not "
                        + "use in a condition; " + RULE);
            }
            while (peek("!")) {
                next++;
            }
            Refusal refusal = value();
            if (refusal == null && next < tokens.size()) {
                AtomTokens.Token extra = tokens.get(next);
                refusal = new Refusal(extra.offset(), extra.text(), "cannot be read at '" + extra.text() + "'; "
                        + RULE);
            }
            return refusal;
        }

        /** A literal or a path. */
        private Refusal value() {
            if (next >= tokens.size()) {
                return new Refusal(text.length(), null, "ends where a value was expected; " + RULE);
            }
            AtomTokens.Token first = tokens.get(next);
            if (first.kind() == AtomTokens.Kind.LITERAL) {
                next++;
                return null;
            }
            if (first.kind() != AtomTokens.Kind.NAME) {
                return new Refusal(first.offset(), first.text(), "cannot be read at '" + first.text() + "'; "
                        + RULE);
            }
            return path();
        }

        private Refusal path() {
            AtomTokens.Token head = tokens.get(next++);
            String name = head.text();
            FactType current;
            if (name.equals("this")) {
                current = self;
            } else if (name.equals(PlayAllowlist.ACTIONS)) {
                return new Refusal(head.offset(), name, "uses actions in a condition; conditions are checked for "
                        + "every event before anything fires, so actions may only be taken in the then part");
            } else if (bindings.containsKey(name)) {
                current = bindings.get(name);
            } else if (PlayAllowlist.hasConstants(name) && peek(".")) {
                return constant(head);
            } else if (peek("(")) {
                Optional<Method> method = self.method(name, arguments());
                if (method.isEmpty()) {
                    return new Refusal(head.offset(), name, "calls " + name + ", which is not a method of "
                            + self.name() + " that plays may use; " + RULE);
                }
                Refusal refusal = call();
                if (refusal != null) {
                    return refusal;
                }
                current = PlayAllowlist.fact(method.get().getReturnType()).orElse(null);
                name = name + "()";
            } else if (self.property(name).isPresent()) {
                current = PlayAllowlist.fact(self.property(name).get().getReturnType()).orElse(null);
            } else if (name.startsWith("$")) {
                return new Refusal(head.offset(), name, "uses " + name + ", which is not a fact bound earlier in "
                        + "this rule");
            } else if (peek(".")) {
                return new Refusal(head.offset(), name, (calledAfter(next + 1) ? "calls " : "uses ") + name + "."
                        + memberAfter(next) + ", which plays may not use; " + RULE);
            } else {
                return new Refusal(head.offset(), name, self.name() + " has no property '" + name
                        + "' that plays may use; " + RULE);
            }
            String path = name;
            while (peek(".")) {
                next++;
                if (next >= tokens.size() || tokens.get(next).kind() != AtomTokens.Kind.NAME) {
                    return new Refusal(tokens.get(next - 1).offset(), ".", "cannot be read after '" + path + ".'; "
                            + RULE);
                }
                AtomTokens.Token member = tokens.get(next++);
                boolean call = peek("(");
                if (current == null) {
                    return new Refusal(member.offset(), member.text(), (call ? "calls " : "uses ") + path + "."
                            + member.text() + ", which plays may not use; " + RULE);
                }
                if (call) {
                    Optional<Method> method = current.method(member.text(), arguments());
                    if (method.isEmpty()) {
                        return new Refusal(member.offset(), member.text(), "calls " + path + "." + member.text()
                                + ", which is not a method of " + current.name() + " that plays may use; " + RULE);
                    }
                    Refusal refusal = call();
                    if (refusal != null) {
                        return refusal;
                    }
                    current = PlayAllowlist.fact(method.get().getReturnType()).orElse(null);
                } else {
                    Optional<Method> getter = current.property(member.text());
                    if (getter.isEmpty()) {
                        return new Refusal(member.offset(), member.text(), current.name() + " has no property '"
                                + member.text() + "' that plays may use; " + RULE);
                    }
                    current = PlayAllowlist.fact(getter.get().getReturnType()).orElse(null);
                }
                path = path + "." + member.text() + (call ? "()" : "");
            }
            return null;
        }

        private Refusal constant(AtomTokens.Token type) {
            next++;
            AtomTokens.Token value = next < tokens.size() ? tokens.get(next) : null;
            if (value == null || !PlayAllowlist.isConstant(type.text(), value.text()) || peekAt(next + 1, ".")
                    || peekAt(next + 1, "(")) {
                AtomTokens.Token at = value == null ? type : value;
                return new Refusal(at.offset(), at.text(), "uses " + type.text() + "." + (value == null ? ""
                        : value.text()) + ", which is not one of the values of " + type.text() + " listed in "
                        + "rules/README.md");
            }
            next++;
            return null;
        }

        /** Reads '(' arguments ')' at the cursor; each argument is a literal or a path. */
        private Refusal call() {
            next++;
            if (peek(")")) {
                next++;
                return null;
            }
            while (true) {
                Refusal refusal = value();
                if (refusal != null) {
                    return refusal;
                }
                if (peek(",")) {
                    next++;
                } else if (peek(")")) {
                    next++;
                    return null;
                } else {
                    AtomTokens.Token at = next < tokens.size() ? tokens.get(next) : null;
                    return at == null ? new Refusal(text.length(), null, "misses a closing ')'")
                            : new Refusal(at.offset(), at.text(), "cannot be read at '" + at.text() + "'; " + RULE);
                }
            }
        }

        /** How many arguments the call opening at the cursor has (0 when it cannot tell). */
        private int arguments() {
            int depth = 0;
            int count = 0;
            for (int i = next; i < tokens.size(); i++) {
                String t = tokens.get(i).text();
                if (tokens.get(i).kind() == AtomTokens.Kind.SYMBOL && t.equals("(")) {
                    depth++;
                } else if (tokens.get(i).kind() == AtomTokens.Kind.SYMBOL && t.equals(")")) {
                    if (--depth == 0) {
                        return i == next + 1 ? 0 : count + 1;
                    }
                } else if (depth == 1 && tokens.get(i).kind() == AtomTokens.Kind.SYMBOL && t.equals(",")) {
                    count++;
                }
            }
            return 0;
        }

        private String memberAfter(int dot) {
            return dot + 1 < tokens.size() ? tokens.get(dot + 1).text() : "";
        }

        private boolean calledAfter(int member) {
            return peekAt(member + 1, "(");
        }

        private boolean peek(String symbol) {
            return peekAt(next, symbol);
        }

        private boolean peekAt(int i, String symbol) {
            return i < tokens.size() && tokens.get(i).kind() == AtomTokens.Kind.SYMBOL && tokens.get(i).text()
                    .equals(symbol);
        }
    }

    /** Tokens of one side of a comparison, strict: anything unexpected is an OTHER token and refuses the side. */
    static final class AtomTokens {

        enum Kind { NAME, LITERAL, SYMBOL, OTHER }

        record Token(Kind kind, String text, int offset) {
        }

        private AtomTokens() {
        }

        static List<Token> of(String text) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    i++;
                } else if (c == '"' || c == '\'') {
                    int end = stringEnd(text, i);
                    tokens.add(new Token(end < 0 ? Kind.OTHER : Kind.LITERAL, text.substring(i, end < 0 ? n : end), i));
                    i = end < 0 ? n : end;
                } else if (isDigit(c) || c == '-' && i + 1 < n && isDigit(text.charAt(i + 1)) && negativeAllowed(tokens)) {
                    int start = i;
                    i++;
                    while (i < n && isDigit(text.charAt(i))) {
                        i++;
                    }
                    if (i + 1 < n && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
                        i++;
                        while (i < n && isDigit(text.charAt(i))) {
                            i++;
                        }
                    }
                    boolean clean = i >= n || !Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) != '.'
                            && text.charAt(i) != '_' && text.charAt(i) != '$';
                    tokens.add(new Token(clean ? Kind.LITERAL : Kind.OTHER, text.substring(start, clean ? i : i + 1),
                            start));
                    if (!clean) {
                        return tokens;
                    }
                } else if (isNameStart(c)) {
                    int start = i;
                    while (i < n && isNamePart(text.charAt(i))) {
                        i++;
                    }
                    String word = text.substring(start, i);
                    boolean literal = word.equals("true") || word.equals("false") || word.equals("null");
                    tokens.add(new Token(literal ? Kind.LITERAL : Kind.NAME, word, start));
                } else if (c == '.' || c == ',' || c == '(' || c == ')' || c == '!') {
                    // a dot joins a name (or a call) to the next name, and a call's '(' follows its name: no spaces,
                    // no grouping brackets, so that MVEL cannot read the side differently
                    char before = i > 0 ? text.charAt(i - 1) : ' ';
                    boolean odd = c == '.' && (!(isNamePart(before) || before == ')') || i + 1 >= n
                            || !isNameStart(text.charAt(i + 1)))
                            || c == '(' && !isNamePart(before);
                    tokens.add(new Token(odd ? Kind.OTHER : Kind.SYMBOL, String.valueOf(c), i));
                    i++;
                } else {
                    int end = i + 1;
                    while (end < n && !Character.isWhitespace(text.charAt(end)) && !isNamePart(text.charAt(end))) {
                        end++;
                    }
                    tokens.add(new Token(Kind.OTHER, text.substring(i, end), i));
                    i = end;
                }
            }
            return tokens;
        }

        /** Index just past the closing quote, or -1 when the string does not close (a backslash escapes one char). */
        private static int stringEnd(String text, int open) {
            char quote = text.charAt(open);
            for (int i = open + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '\n' || c == '\r') {
                    return -1;
                } else if (c == quote) {
                    return i + 1;
                }
            }
            return -1;
        }

        private static boolean negativeAllowed(List<Token> tokens) {
            if (tokens.isEmpty()) {
                return true;
            }
            Token last = tokens.get(tokens.size() - 1);
            return last.kind() == Kind.SYMBOL && (last.text().equals("(") || last.text().equals(","));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isNameStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
        }

        private static boolean isNamePart(char c) {
            return isNameStart(c) || isDigit(c);
        }
    }
}
