package io.teamplay.plays.engine;

import io.teamplay.plays.engine.PlayAllowlist.FactType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDeclarationDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;

/**
 * Decides what a play may contain from its parsed rules (the {@link PackageDescr} Drools' own DRL parser builds, the
 * one the compiler builds from the same text), never from its words: whatever is not in {@link PlayAllowlist} is
 * refused, with its line and column in the author's file and a message an author understands.
 *
 * <p>A play is rules and nothing else. No package line (the service gives each play its package), no functions,
 * queries, declared types, globals other than {@code actions}, imports other than the fact model; rule attributes
 * {@code salience} (a whole number) and {@code no-loop} only; a when part made of patterns on the facts joined with
 * and, or, not and exists (see {@link ConditionChecker} for the constraints); a then part made of actions (see
 * {@link ThenChecker}).
 */
final class PlayChecker {

    static final String WHEN_RULE = "a when part is made of patterns on the facts listed in rules/README.md "
            + "(AccountEvent, Account, OpenTask, TeamMember, Once) joined with and, or, not and exists";

    /** Deepest nesting of brackets a play may use: Drools' parser recurses per level. */
    static final int MAX_NESTING = 64;

    private static final Pattern SALIENCE = Pattern.compile("-?\\d{1,9}");

    private final SourceMap map;
    private final String text;
    private final List<PlayError> errors = new ArrayList<>();

    private PlayChecker(SourceMap map, String text) {
        this.map = map;
        this.text = text;
    }

    /**
     * What is refused before the text is even parsed: unicode escapes (Java reads them anywhere, even in comments
     * and strings, Drools' parser does not, so they could make the two read different code) and brackets nested so
     * deep that the parser's recursion would overflow the thread's stack.
     */
    static List<PlayError> beforeParsing(SourceMap map, String text) {
        List<PlayError> errors = new ArrayList<>();
        int escape = text.indexOf("\\u");
        if (escape >= 0) {
            errors.add(map.atOffset(escape, "\\u", "uses a \\u escape, which plays may not use; write the character "
                    + "itself"));
        }
        int depth = 0;
        for (SourceTokens.Token token : SourceTokens.of(text)) {
            if (token.is("(") || token.is("[") || token.is("{")) {
                if (++depth > MAX_NESTING) {
                    errors.add(map.at(token.line(), token.column(), token.text(), "nests brackets more than "
                            + MAX_NESTING + " deep; split the expression"));
                    break;
                }
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                depth--;
            }
        }
        return errors;
    }

    /** Everything refused in the parsed play, by line and column. */
    static List<PlayError> check(PackageDescr descr, SourceMap map, String text) {
        PlayChecker checker = new PlayChecker(map, text);
        checker.file(descr);
        List<PlayError> errors = new ArrayList<>(checker.errors);
        errors.sort(java.util.Comparator.comparingInt(PlayError::line).thenComparingInt(PlayError::column));
        return errors;
    }

    private void file(PackageDescr descr) {
        if (descr.getName() != null && !descr.getName().isBlank()) {
            errors.add(map.onLine(lineOf(descr, firstLineWith("package")), "package", "names the package "
                    + descr.getName() + "; the service gives each play its own package, so a play may not name one: "
                    + "remove this line"));
        }
        if (descr.getUnit() != null) {
            refuse(descr.getUnit(), "unit", "declares a rule unit, which plays may not do");
        }
        for (ImportDescr imported : descr.getImports()) {
            if (!PlayAllowlist.importable(imported.getTarget())) {
                refuse(imported, "import", "imports " + imported.getTarget() + "; a play may only import the fact "
                        + "model (" + PlayAllowlist.FACTS_PACKAGE + ".*), which it has without importing");
            }
        }
        for (FunctionImportDescr imported : descr.getFunctionImports()) {
            refuse(imported, "import", "imports the function " + imported.getTarget() + ", which plays may not do");
        }
        for (AccumulateImportDescr imported : descr.getAccumulateImports()) {
            refuse(imported, "import", "imports the accumulate function " + imported.getTarget() + ", which plays "
                    + "may not do");
        }
        for (GlobalDescr global : descr.getGlobals()) {
            if (!PlayAllowlist.ACTIONS.equals(global.getIdentifier()) || !PlayAllowlist.isActionsType(global.getType())) {
                refuse(global, "global", "declares the global " + global.getType() + " " + global.getIdentifier()
                        + "; the only global a play has is 'actions' (io.teamplay.plays.actions.Actions), and it has "
                        + "it without declaring it");
            }
        }
        for (FunctionDescr function : descr.getFunctions()) {
            refuse(function, "function", "declares the function " + function.getName() + ", which plays may not do; "
                    + ThenChecker.RULE);
        }
        for (TypeDeclarationDescr type : descr.getTypeDeclarations()) {
            refuse(type, "declare", "declares the type " + type.getTypeName() + ", which plays may not do; plays use "
                    + "the facts listed in rules/README.md");
        }
        for (EnumDeclarationDescr type : descr.getEnumDeclarations()) {
            refuse(type, "declare", "declares the enum " + type.getTypeName() + ", which plays may not do; plays use "
                    + "the facts listed in rules/README.md");
        }
        for (EntryPointDeclarationDescr entryPoint : descr.getEntryPointDeclarations()) {
            refuse(entryPoint, "declare", "declares an entry point, which plays may not do");
        }
        for (WindowDeclarationDescr window : descr.getWindowDeclarations()) {
            refuse(window, "declare", "declares a window, which plays may not do");
        }
        int firstRule = descr.getRules().stream().mapToInt(BaseDescr::getLine).filter(l -> l > 0).min()
                .orElse(map.lineCount());
        Set<AttributeDescr> inherited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AttributeDescr attribute : descr.getAttributes()) {
            inherited.add(attribute);
            errors.add(map.at(attributeLine(attribute.getName(), 1, firstRule), attributeColumn(attribute.getName(),
                    1, firstRule), attribute.getName(), "sets the attribute " + attribute.getName() + " for the whole "
                    + "file, which plays may not do; write salience or no-loop on a rule"));
        }
        for (RuleDescr rule : descr.getRules()) {
            if (rule instanceof QueryDescr) {
                refuse(rule, "query", "declares the query " + rule.getName() + ", which plays may not do");
            } else {
                rule(rule, inherited);
            }
        }
    }

    private void rule(RuleDescr rule, Set<AttributeDescr> inherited) {
        if (rule.getParentName() != null) {
            refuse(rule, "extends", "extends the rule \"" + rule.getParentName() + "\", which plays may not do; "
                    + "write the conditions out");
        }
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            errors.add(map.onLine(rule.getLine(), "@", "has the annotation @" + annotation.getName() + ", which "
                    + "plays may not use"));
        }
        int whenLine = rule.getLhs() != null && rule.getLhs().getLine() > 0 ? rule.getLhs().getLine()
                : rule.getConsequenceLine();
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            if (!inherited.contains(attribute)) {
                attribute(attribute, rule.getLine(), whenLine);
            }
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(rule, "then", "has a named then part (then[...]), which plays may not use; a rule has one then "
                    + "part");
        }
        Map<String, FactType> bindings = new LinkedHashMap<>();
        bindings(rule.getLhs(), bindings);
        if (rule.getLhs() != null) {
            when(rule.getLhs(), bindings);
        }
        then(rule, bindings);
    }

    private void attribute(AttributeDescr attribute, int ruleLine, int whenLine) {
        String name = attribute.getName();
        String value = attribute.getValue() == null ? "" : attribute.getValue().trim();
        String why = null;
        if (name.equals("dialect")) {
            why = "chooses the dialect " + value + ", which plays may not do: plays are written in the default "
                    + "dialect; remove this line";
        } else if (!PlayAllowlist.ATTRIBUTES.contains(name)) {
            why = "uses the attribute " + name + ", which plays may not use; a rule may only have salience (a whole "
                    + "number) and no-loop";
        } else if (name.equals("salience") && !SALIENCE.matcher(value).matches()) {
            why = "gives salience the value " + value + "; salience is a whole number, e.g. salience 10";
        } else if (name.equals("no-loop") && !value.equals("true") && !value.equals("false")) {
            why = "gives no-loop the value " + value + "; write no-loop, or no-loop true";
        }
        if (why != null) {
            errors.add(map.at(attributeLine(name, ruleLine, whenLine), attributeColumn(name, ruleLine, whenLine), name,
                    why));
        }
    }

    /** The facts the rule binds ($event : AccountEvent(...)), wherever they are in the when part. */
    private static void bindings(BaseDescr descr, Map<String, FactType> bindings) {
        if (descr instanceof PatternDescr pattern) {
            Optional<FactType> type = PlayAllowlist.fact(pattern.getObjectType());
            if (pattern.getIdentifier() != null && type.isPresent()) {
                bindings.put(pattern.getIdentifier(), type.get());
            }
        } else if (descr instanceof ConditionalElementDescr element) {
            for (Object child : element.getDescrs()) {
                if (child instanceof BaseDescr base) {
                    bindings(base, bindings);
                }
            }
        }
    }

    private void when(BaseDescr descr, Map<String, FactType> bindings) {
        if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr) {
            for (Object child : ((ConditionalElementDescr) descr).getDescrs()) {
                when((BaseDescr) child, bindings);
            }
        } else if (descr instanceof PatternDescr pattern) {
            pattern(pattern, bindings);
        } else {
            String word = keyword(descr);
            errors.add(at(descr, word, "uses " + word + ", which plays may not use; " + WHEN_RULE));
        }
    }

    private static String keyword(BaseDescr descr) {
        if (descr instanceof EvalDescr) {
            return "eval";
        }
        if (descr instanceof ForallDescr) {
            return "forall";
        }
        if (descr instanceof AccumulateDescr) {
            return "accumulate";
        }
        if (descr instanceof CollectDescr) {
            return "collect";
        }
        if (descr instanceof FromDescr) {
            return "from";
        }
        if (descr instanceof ConditionalBranchDescr) {
            return "if";
        }
        if (descr instanceof NamedConsequenceDescr) {
            return "do";
        }
        return descr.getClass().getSimpleName().replaceAll("Descr$", "").toLowerCase(java.util.Locale.ROOT);
    }

    private void pattern(PatternDescr pattern, Map<String, FactType> bindings) {
        String type = pattern.getObjectType();
        Optional<FactType> fact = PlayAllowlist.fact(type);
        if (fact.isEmpty()) {
            errors.add(at(pattern, type, (type == null ? "uses a pattern" : "matches " + type) + ", which is not a "
                    + "fact plays know; " + WHEN_RULE));
            return;
        }
        String binding = pattern.getIdentifier();
        if (binding != null && (!binding.startsWith("$") || binding.length() < 2
                || !SourceVersion.isIdentifier(binding) || pattern.isUnification())) {
            errors.add(at(pattern, binding, "binds the fact to '" + binding + "'; name a bound fact with a $ and a "
                    + "word, e.g. $account : Account( ... )"));
        }
        if (pattern.isQuery()) {
            errors.add(at(pattern, type, "calls " + type + " as a query, which plays may not do; " + WHEN_RULE));
        }
        if (pattern.getSource() != null) {
            errors.add(at(pattern, "from", "takes its facts from somewhere else (from, accumulate, collect, entry "
                    + "points), which plays may not do: a play sees the event and its account"));
        }
        if (pattern.getBehaviors() != null && !pattern.getBehaviors().isEmpty()) {
            errors.add(at(pattern, "over", "uses a window (over ...), which plays may not use"));
        }
        if (!pattern.getAnnotations().isEmpty()) {
            errors.add(at(pattern, "@", "has an annotation (@...), which plays may not use"));
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expression
                    && expression.getType() == ExprConstraintDescr.Type.NAMED) {
                constraint(expression, fact.get(), bindings, pattern);
            } else {
                errors.add(at(constraint.getLine() > 0 ? constraint : pattern, null, "uses a positional constraint "
                        + "(a value before ';'), which plays may not use; name the property, e.g. id == \"acme\""));
            }
        }
    }

    private void constraint(ExprConstraintDescr constraint, FactType self, Map<String, FactType> bindings,
                            PatternDescr pattern) {
        String expression = constraint.getExpression();
        Refusal refusal = ConditionChecker.check(expression, self, bindings);
        if (refusal == null) {
            return;
        }
        int start = constraint.getStartCharacter();
        if (start >= 0 && text.startsWith(expression, start)) {
            errors.add(map.atOffset(start + refusal.offset(), refusal.word(), refusal.message()));
        } else {
            errors.add(at(constraint.getLine() > 0 ? constraint : pattern, refusal.word(), refusal.message()));
        }
    }

    private void then(RuleDescr rule, Map<String, FactType> bindings) {
        String then = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        int start = thenStart(rule, then);
        for (Refusal refusal : ThenChecker.check(then, bindings)) {
            if (start >= 0) {
                errors.add(map.atOffset(start + refusal.offset(), refusal.word(), refusal.message()));
            } else {
                errors.add(map.onLine(rule.getConsequenceLine(), refusal.word(), refusal.message()));
            }
        }
    }

    /**
     * Where the then part's text starts in the file: Drools cuts it from the 'then' keyword to 'end' and drops
     * "then" and the blanks after it. -1 when it cannot be placed.
     */
    private int thenStart(RuleDescr rule, String then) {
        int keyword = offset(rule.getConsequenceLine(), rule.getConsequencePattern());
        if (keyword < 0 || !text.startsWith("then", keyword)) {
            return -1;
        }
        Matcher blanks = Pattern.compile("\\s*\\r?\\n?").matcher(text).region(keyword + 4, text.length());
        int start = blanks.lookingAt() ? blanks.end() : keyword + 4;
        if (text.startsWith(then, start)) {
            return start;
        }
        int found = text.indexOf(then, keyword);
        return then.isEmpty() ? start : found;
    }

    private int offset(int line, int column) {
        if (line < 1) {
            return -1;
        }
        int offset = 0;
        for (int l = 1; l < line; l++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return -1;
            }
        }
        return offset + Math.max(0, column);
    }

    private void refuse(BaseDescr descr, String word, String message) {
        errors.add(map.onLine(descr.getLine() > 0 ? descr.getLine() : 1, word, message));
    }

    private PlayError at(BaseDescr descr, String word, String message) {
        return descr.getLine() > 0 ? map.at(descr.getLine(), descr.getColumn() + 1, word, message)
                : map.onLine(1, word, message);
    }

    private int lineOf(BaseDescr descr, int fallback) {
        return descr.getLine() > 0 ? descr.getLine() : fallback;
    }

    private int firstLineWith(String word) {
        for (SourceTokens.Token token : SourceTokens.of(text)) {
            if (token.is(word)) {
                return token.line();
            }
        }
        return 1;
    }

    // Drools places an attribute at the end of its value, not at its name: the name is looked up in the rule's header

    private int attributeLine(String name, int from, int to) {
        for (int line = Math.max(1, from); line <= Math.max(from, to); line++) {
            if (SourceMap.find(map.compiledLine(line), name) > 0) {
                return line;
            }
        }
        return Math.max(1, from);
    }

    private int attributeColumn(String name, int from, int to) {
        int column = SourceMap.find(map.compiledLine(attributeLine(name, from, to)), name);
        return column > 0 ? column : 1;
    }
}
