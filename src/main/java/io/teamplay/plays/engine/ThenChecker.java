package io.teamplay.plays.engine;

import io.teamplay.plays.engine.PlayAllowlist.FactType;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jdt.core.compiler.CategorizedProblem;
import org.eclipse.jdt.internal.compiler.CompilationResult;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.ast.AbstractMethodDeclaration;
import org.eclipse.jdt.internal.compiler.ast.AllocationExpression;
import org.eclipse.jdt.internal.compiler.ast.ArrayAllocationExpression;
import org.eclipse.jdt.internal.compiler.ast.Assignment;
import org.eclipse.jdt.internal.compiler.ast.BinaryExpression;
import org.eclipse.jdt.internal.compiler.ast.Block;
import org.eclipse.jdt.internal.compiler.ast.CompilationUnitDeclaration;
import org.eclipse.jdt.internal.compiler.ast.DoStatement;
import org.eclipse.jdt.internal.compiler.ast.DoubleLiteral;
import org.eclipse.jdt.internal.compiler.ast.EmptyStatement;
import org.eclipse.jdt.internal.compiler.ast.Expression;
import org.eclipse.jdt.internal.compiler.ast.FalseLiteral;
import org.eclipse.jdt.internal.compiler.ast.ForStatement;
import org.eclipse.jdt.internal.compiler.ast.ForeachStatement;
import org.eclipse.jdt.internal.compiler.ast.IfStatement;
import org.eclipse.jdt.internal.compiler.ast.IntLiteral;
import org.eclipse.jdt.internal.compiler.ast.LambdaExpression;
import org.eclipse.jdt.internal.compiler.ast.Literal;
import org.eclipse.jdt.internal.compiler.ast.LocalDeclaration;
import org.eclipse.jdt.internal.compiler.ast.MessageSend;
import org.eclipse.jdt.internal.compiler.ast.OperatorIds;
import org.eclipse.jdt.internal.compiler.ast.QualifiedAllocationExpression;
import org.eclipse.jdt.internal.compiler.ast.QualifiedNameReference;
import org.eclipse.jdt.internal.compiler.ast.ReferenceExpression;
import org.eclipse.jdt.internal.compiler.ast.SingleNameReference;
import org.eclipse.jdt.internal.compiler.ast.Statement;
import org.eclipse.jdt.internal.compiler.ast.StringLiteral;
import org.eclipse.jdt.internal.compiler.ast.SwitchStatement;
import org.eclipse.jdt.internal.compiler.ast.TextBlock;
import org.eclipse.jdt.internal.compiler.ast.ThrowStatement;
import org.eclipse.jdt.internal.compiler.ast.TrueLiteral;
import org.eclipse.jdt.internal.compiler.ast.TryStatement;
import org.eclipse.jdt.internal.compiler.ast.TypeDeclaration;
import org.eclipse.jdt.internal.compiler.ast.WhileStatement;
import org.eclipse.jdt.internal.compiler.batch.CompilationUnit;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileConstants;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.parser.Parser;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;
import org.eclipse.jdt.internal.compiler.problem.ProblemReporter;

/**
 * Checks a rule's then part. It is read by ECJ's own parser (the compiler Drools hands then parts to), as the body
 * of a method, and must be a list of statements {@code actions.<action>(<argument>, ...);} naming actions of the
 * allowlist, whose arguments are string, number or boolean literals, facts bound in the rule ({@code $account}),
 * calls of the allowlist's methods on them ({@code $event.getAccountId()}, {@code $account.holder("Sales Manager")})
 * and strings joined with {@code +}. Everything else (a variable, a loop, a class, a call of anything else...) is
 * refused with its position in the then part.
 */
final class ThenChecker {

    static final String RULE = "a then part may only call the actions listed in rules/README.md";

    private static final String BEFORE = "class Then { void then() {\n";
    private static final String AFTER = "\n} }";

    private static final CompilerOptions OPTIONS = options();

    private final Map<String, FactType> bindings;

    private static CompilerOptions options() {
        CompilerOptions options = new CompilerOptions();
        options.sourceLevel = ClassFileConstants.JDK17;
        options.complianceLevel = ClassFileConstants.JDK17;
        return options;
    }

    private ThenChecker(Map<String, FactType> bindings) {
        this.bindings = bindings;
    }

    /** Every statement refused in the then part (offsets into it), in order; empty when it is allowed. */
    static List<Refusal> check(String then, Map<String, FactType> bindings) {
        String source = BEFORE + then + AFTER;
        CompilationUnit unit = new CompilationUnit(source.toCharArray(), "Then.java", "UTF-8");
        CompilationResult result = new CompilationResult(unit, 0, 1, OPTIONS.maxProblemsPerUnit);
        // a fresh parser each time: one reused after a syntax error can skip the next method bodies (diet parsing)
        Parser parser = new Parser(new ProblemReporter(DefaultErrorHandlingPolicies.proceedWithAllProblems(), OPTIONS,
                new DefaultProblemFactory(Locale.ROOT)), false);
        CompilationUnitDeclaration parsed = parser.parse(unit, result);
        for (CategorizedProblem problem : result.getAllProblems() == null ? new CategorizedProblem[0]
                : result.getAllProblems()) {
            if (problem.isError()) {
                int at = Math.max(0, Math.min(problem.getSourceStart() - BEFORE.length(), then.length()));
                String word = at < then.length() ? then.substring(at, Math.max(at, Math.min(then.length(),
                        problem.getSourceEnd() + 1 - BEFORE.length()))) : null;
                List<Refusal> calls = callsIn(then, bindings);
                return calls.isEmpty() ? List.of(new Refusal(at, word, "cannot be read: "
                        + problem.getMessage())) : calls;
            }
        }
        AbstractMethodDeclaration body = body(parsed, source.length() - AFTER.length());
        if (body == null) {
            // a '}' closed the method early: whatever follows would be code of the class, outside any rule
            int at = Math.max(0, closingBrace(then));
            return List.of(new Refusal(at, "}", "closes the then part with '}'; " + RULE));
        }
        if (body.statements == null && !SourceTokens.of(then).isEmpty()) {
            // fail closed: text that parsed into no statement at all was not read, so it cannot be let through
            return List.of(new Refusal(0, null, "cannot be read as actions; " + RULE));
        }
        ThenChecker checker = new ThenChecker(bindings);
        List<Refusal> refusals = new ArrayList<>();
        if (body.statements != null) {
            for (Statement statement : body.statements) {
                Refusal refusal = checker.statement(statement);
                if (refusal != null) {
                    refusals.add(refusal.shifted(-BEFORE.length()));
                }
            }
        }
        return refusals;
    }

    /**
     * A then part that does not parse is refused; when it calls something outside the allowlist (e.g. Java written
     * after a sentence on the same line: {@code notify ... that "x" + System.getenv("HOME")}), saying so helps the
     * author more than the parser's message does.
     */
    private static List<Refusal> callsIn(String then, Map<String, FactType> bindings) {
        List<Refusal> calls = new ArrayList<>();
        List<SourceTokens.Token> tokens = SourceTokens.of(then);
        for (int i = 0; i + 3 < tokens.size(); i++) {
            SourceTokens.Token head = tokens.get(i);
            boolean call = head.kind() == SourceTokens.Kind.IDENT && tokens.get(i + 1).is(".")
                    && tokens.get(i + 2).kind() == SourceTokens.Kind.IDENT && tokens.get(i + 3).is("(")
                    && (i == 0 || !tokens.get(i - 1).is("."));
            if (call && !head.is(PlayAllowlist.ACTIONS) && !bindings.containsKey(head.text())) {
                int offset = 0;
                for (int line = 1; line < head.line(); line++) {
                    offset = then.indexOf('\n', offset) + 1;
                }
                calls.add(new Refusal(offset + head.column() - 1, head.text(), "calls " + head.text() + "."
                        + tokens.get(i + 2).text() + ", which plays may not use; " + RULE));
            }
        }
        return calls;
    }

    /** The then() method, when the source parsed into exactly the class and method it was wrapped in. */
    private static AbstractMethodDeclaration body(CompilationUnitDeclaration unit, int end) {
        if (unit == null || unit.imports != null || unit.currentPackage != null || unit.types == null
                || unit.types.length != 1) {
            return null;
        }
        TypeDeclaration type = unit.types[0];
        if (type.fields != null && type.fields.length > 0 || type.memberTypes != null || type.methods == null) {
            return null;
        }
        AbstractMethodDeclaration then = null;
        for (AbstractMethodDeclaration method : type.methods) {
            if (method.isDefaultConstructor()) {
                continue;
            }
            if (then != null || !"then".equals(new String(method.selector)) || method.bodyEnd != end) {
                return null;
            }
            then = method;
        }
        return then;
    }

    private static int closingBrace(String then) {
        int depth = 0;
        List<SourceTokens.Token> tokens = SourceTokens.of(then);
        for (SourceTokens.Token token : tokens) {
            if (token.is("{")) {
                depth++;
            } else if (token.is("}") && --depth < 0) {
                int line = 1;
                int offset = 0;
                while (line < token.line()) {
                    offset = then.indexOf('\n', offset) + 1;
                    line++;
                }
                return offset + token.column() - 1;
            }
        }
        return 0;
    }

    private Refusal statement(Statement statement) {
        if (statement instanceof EmptyStatement) {
            return null;
        }
        if (statement instanceof MessageSend send && send.receiver instanceof SingleNameReference receiver
                && PlayAllowlist.ACTIONS.equals(new String(receiver.token))) {
            return action(send);
        }
        if (statement instanceof MessageSend send) {
            Refusal inside = call(send).refusal;
            return inside != null ? inside : new Refusal(send.sourceStart, null, "calls " + shortly(send)
                    + " without taking an action with it; " + RULE);
        }
        if (statement instanceof Assignment assignment) {
            Refusal inside = assignment.expression instanceof Literal ? null : expression(assignment.expression);
            return inside != null ? inside : new Refusal(assignment.sourceStart, null, "assigns a value to "
                    + shortly(assignment.lhs) + ", which plays may not do; " + RULE);
        }
        if (statement instanceof AllocationExpression || statement instanceof ArrayAllocationExpression) {
            return expression((Expression) statement);
        }
        if (statement instanceof Expression expression) {
            return new Refusal(expression.sourceStart, null, "does something other than taking an action ("
                    + shortly(expression) + "); " + RULE);
        }
        if (statement instanceof LocalDeclaration local) {
            Refusal inside = local.initialization == null || local.initialization instanceof Literal
                    && !(local.initialization instanceof TextBlock) ? null : expression(local.initialization);
            return inside != null ? inside : new Refusal(local.declarationSourceStart, new String(local.name),
                    "declares the variable " + new String(local.name) + ", which plays may not do; " + RULE);
        }
        return new Refusal(statement.sourceStart, null, kind(statement) + ", which plays may not do; " + RULE);
    }

    private static String kind(Statement statement) {
        if (statement instanceof WhileStatement || statement instanceof DoStatement
                || statement instanceof ForStatement || statement instanceof ForeachStatement) {
            return "uses a loop";
        }
        if (statement instanceof IfStatement) {
            return "uses if";
        }
        if (statement instanceof SwitchStatement) {
            return "uses switch";
        }
        if (statement instanceof ThrowStatement) {
            return "throws an exception";
        }
        if (statement instanceof TryStatement) {
            return "uses try";
        }
        if (statement instanceof TypeDeclaration) {
            return "declares a class of its own";
        }
        if (statement instanceof Block) {
            return "opens a block { }";
        }
        return "uses a statement (" + statement.getClass().getSimpleName().replaceAll("Statement$", "")
                .toLowerCase(Locale.ROOT) + ")";
    }

    /** actions.x(...): x must be an action of the allowlist with that many arguments, and each argument allowed. */
    private Refusal action(MessageSend send) {
        String name = new String(send.selector);
        int arguments = send.arguments == null ? 0 : send.arguments.length;
        int at = (int) (send.nameSourcePosition >>> 32);
        if (send.typeArguments != null) {
            return new Refusal(at, name, "gives type arguments to actions." + name + "; " + RULE);
        }
        if (PlayAllowlist.action(name, arguments).isEmpty()) {
            if (PlayAllowlist.actions().containsKey(name)) {
                int takes = PlayAllowlist.actions().get(name).getParameterCount();
                return new Refusal(at, name, "calls actions." + name + " with " + arguments + " argument(s); it takes "
                        + takes + " (see the actions listed in rules/README.md)");
            }
            return new Refusal(at, name, "calls actions." + name + ", which is not one of the actions listed in "
                    + "rules/README.md");
        }
        return arguments(send);
    }

    private Refusal arguments(MessageSend send) {
        if (send.arguments != null) {
            for (Expression argument : send.arguments) {
                Refusal refusal = expression(argument);
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }

    /** What an action's argument may be; null when allowed, else the first thing refused in it. */
    private Refusal expression(Expression expression) {
        if (expression instanceof TextBlock) {
            return new Refusal(expression.sourceStart, "\"\"\"", "uses a text block (\"\"\"); write a plain \"string\"");
        }
        if (expression instanceof StringLiteral || expression instanceof IntLiteral
                || expression instanceof DoubleLiteral || expression instanceof TrueLiteral
                || expression instanceof FalseLiteral) {
            return null;
        }
        if (expression instanceof SingleNameReference name) {
            String word = new String(name.token);
            if (bindings.containsKey(word)) {
                return null;
            }
            return new Refusal(name.sourceStart, word, (word.equals(PlayAllowlist.ACTIONS) ? "uses actions as a value"
                    : word.startsWith("$") ? "uses " + word + ", which is not a fact bound in this rule"
                    : "uses " + word + ", which plays may not use") + "; " + RULE);
        }
        if (isPlus(expression)) {
            // "a" + b + "c" + ... is a left-deep tree as long as the text: walked in a loop, not by recursion
            Deque<Expression> rights = new ArrayDeque<>();
            Expression left = expression;
            while (isPlus(left)) {
                rights.push(((BinaryExpression) left).right);
                left = ((BinaryExpression) left).left;
            }
            Refusal refusal = expression(left);
            while (refusal == null && !rights.isEmpty()) {
                refusal = expression(rights.pop());
            }
            return refusal;
        }
        if (expression instanceof MessageSend send) {
            return call(send).refusal;
        }
        if (expression instanceof QualifiedNameReference qualified) {
            String first = new String(qualified.tokens[0]);
            String name = qualified.toString();
            if (bindings.containsKey(first) && qualified.tokens.length == 2) {
                String property = new String(qualified.tokens[1]);
                return new Refusal(qualified.sourceStart, first, "reads " + name + "; in a then part call the "
                        + "property's getter instead, e.g. " + first + ".get" + Character.toUpperCase(property.charAt(0))
                        + property.substring(1) + "()");
            }
            return new Refusal(qualified.sourceStart, first, "refers to " + name + ", which plays may not use; "
                    + RULE);
        }
        if (expression instanceof QualifiedAllocationExpression anonymous && anonymous.anonymousType != null) {
            return new Refusal(expression.sourceStart, "new", "declares a class of its own (new ... { }), which "
                    + "plays may not do; " + RULE);
        }
        if (expression instanceof AllocationExpression allocation) {
            // what the new object is made of says more than that it is made: new String(<reads a file>)
            if (allocation.arguments != null) {
                for (Expression argument : allocation.arguments) {
                    Refusal inside = argument instanceof Literal || argument instanceof SingleNameReference ? null
                            : expression(argument);
                    if (inside != null) {
                        return inside;
                    }
                }
            }
            String type = allocation.type == null ? "object" : allocation.type.toString();
            int at = allocation.type == null ? allocation.sourceStart : allocation.type.sourceStart;
            return new Refusal(at, firstWord(type), "creates a " + type + ", which plays may not do; " + RULE);
        }
        if (expression instanceof ArrayAllocationExpression) {
            return new Refusal(expression.sourceStart, "new", "creates an array, which plays may not do; " + RULE);
        }
        if (expression instanceof LambdaExpression) {
            return new Refusal(expression.sourceStart, null, "uses a lambda (->), which plays may not do; " + RULE);
        }
        if (expression instanceof ReferenceExpression) {
            return new Refusal(expression.sourceStart, null, "uses a method reference (::), which plays may not do; "
                    + RULE);
        }
        return new Refusal(expression.sourceStart, null, "uses " + shortly(expression) + ", which plays may not "
                + "use; an action's arguments are text in quotes, numbers, true or false, facts bound in the rule "
                + "and what the facts' methods listed in rules/README.md give");
    }

    private static boolean isPlus(Expression expression) {
        return expression instanceof BinaryExpression binary
                && (binary.bits & BinaryExpression.OperatorMASK) >> BinaryExpression.OperatorSHIFT == OperatorIds.PLUS;
    }

    private record Call(Refusal refusal, FactType result) {
    }

    /**
     * A call used as a value: a method of the allowlist on a bound fact, e.g. {@code $account.holder("x")}; its
     * result type when allowed (a fact type when it gives a fact, else null).
     */
    private Call call(MessageSend send) {
        String name = new String(send.selector);
        int at = (int) (send.nameSourcePosition >>> 32);
        int arguments = send.arguments == null ? 0 : send.arguments.length;
        FactType on;
        String receiver;
        if (send.receiver == null || send.receiver.isImplicitThis()) {
            return new Call(new Refusal(send.sourceStart, name, "calls " + name + ", which plays may not use; "
                    + RULE), null);
        }
        if (send.receiver instanceof SingleNameReference reference) {
            receiver = new String(reference.token);
            on = bindings.get(receiver);
            if (on == null) {
                String why = receiver.equals(PlayAllowlist.ACTIONS) ? ", which gives nothing to use as a value"
                        : ", which plays may not use";
                return new Call(new Refusal(reference.sourceStart, receiver, "calls " + receiver + "." + name
                        + why + "; " + RULE), null);
            }
        } else if (send.receiver instanceof MessageSend inner) {
            Call before = call(inner);
            if (before.refusal != null) {
                return before;
            }
            on = before.result;
            receiver = shortly(inner);
        } else {
            Refusal inside = send.receiver instanceof QualifiedNameReference || send.receiver instanceof StringLiteral
                    ? null : expression(send.receiver);
            if (inside != null) {
                return new Call(inside, null);
            }
            receiver = shortly(send.receiver);
            return new Call(new Refusal(send.receiver.sourceStart, firstWord(receiver), "calls " + receiver + "."
                    + name + ", which plays may not use; " + RULE), null);
        }
        Optional<Method> method = on == null ? Optional.empty() : on.method(name, arguments);
        if (method.isEmpty() || send.typeArguments != null) {
            return new Call(new Refusal(at, name, "calls " + receiver + "." + name + ", which plays may not use; "
                    + RULE), null);
        }
        Refusal inArguments = arguments(send);
        return new Call(inArguments, PlayAllowlist.fact(method.get().getReturnType()).orElse(null));
    }

    private static String shortly(Expression expression) {
        String text = expression.toString().replaceAll("\\s+", " ");
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        return end == 0 ? null : text.substring(0, end);
    }
}
