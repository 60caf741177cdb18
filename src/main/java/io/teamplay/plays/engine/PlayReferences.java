package io.teamplay.plays.engine;

import io.teamplay.plays.engine.PlayReference.Kind;
import io.teamplay.plays.engine.SourceTokens.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the roles, teams and attributes a play names, in the text Drools compiles (so sentences of plays.dsl count
 * as what they expand to): literal arguments of the fact methods and actions that take one, the {@code attribute} and
 * {@code role} of an event compared with a literal, and the owning team of the header. Names built at run time are
 * not literals and are not looked at.
 */
final class PlayReferences {

    private static final Pattern TEAM_LINE = Pattern.compile("^\\s*//\\s*team\\s*:\\s*(\\S.*?)\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** Method name to the kind of each argument (null: not a name). */
    private static final Map<String, Kind[]> FACT_METHODS = Map.ofEntries(
            Map.entry("roleIs", kinds(Kind.ROLE)),
            Map.entry("hasHolder", kinds(Kind.ROLE)),
            Map.entry("holder", kinds(Kind.ROLE)),
            Map.entry("holds", kinds(null, Kind.ROLE)),
            Map.entry("attr", kinds(Kind.ATTRIBUTE)),
            Map.entry("text", kinds(Kind.ATTRIBUTE)),
            Map.entry("is", kinds(Kind.ATTRIBUTE)),
            Map.entry("number", kinds(Kind.ATTRIBUTE)),
            Map.entry("atLeast", kinds(Kind.ATTRIBUTE)),
            Map.entry("isAtLeast", kinds(Kind.ATTRIBUTE)),
            Map.entry("isAtMost", kinds(Kind.ATTRIBUTE)),
            Map.entry("isBelow", kinds(Kind.ATTRIBUTE)),
            Map.entry("isAbove", kinds(Kind.ATTRIBUTE)),
            Map.entry("isBetween", kinds(Kind.ATTRIBUTE)),
            Map.entry("lowerText", kinds(Kind.ATTRIBUTE)),
            Map.entry("containsText", kinds(Kind.ATTRIBUTE)),
            Map.entry("date", kinds(Kind.ATTRIBUTE)),
            Map.entry("daysUntil", kinds(Kind.ATTRIBUTE)),
            Map.entry("daysSince", kinds(Kind.ATTRIBUTE)),
            Map.entry("isDaysBefore", kinds(Kind.ATTRIBUTE)),
            Map.entry("isDaysAfter", kinds(Kind.ATTRIBUTE)),
            Map.entry("isWithinDaysBefore", kinds(Kind.ATTRIBUTE)),
            Map.entry("isWithinDaysAfter", kinds(Kind.ATTRIBUTE)),
            Map.entry("entered", kinds(Kind.SEGMENT)),
            Map.entry("teamIs", kinds(Kind.TEAM)),
            Map.entry("hasAvailableMember", kinds(Kind.TEAM)),
            Map.entry("hasAvailableMemberHoldingFewerSeats", kinds(Kind.TEAM, null)),
            Map.entry("hasAvailableMemberWithFewerOpenTasks", kinds(Kind.TEAM, null)),
            Map.entry("left", kinds(Kind.SEGMENT)));

    private static final Map<String, Kind[]> ACTIONS = Map.ofEntries(
            Map.entry("assign", kinds(Kind.ROLE)),
            Map.entry("assignRoundRobin", kinds(Kind.ROLE, Kind.TEAM)),
            Map.entry("assignRoundRobinWithin", kinds(Kind.ROLE, Kind.TEAM)),
            Map.entry("assignLeastLoaded", kinds(Kind.ROLE, Kind.TEAM)),
            Map.entry("assignLeastLoadedWithin", kinds(Kind.ROLE, Kind.TEAM)),
            Map.entry("clear", kinds(Kind.ROLE)),
            Map.entry("createTask", kinds(Kind.ROLE)),
            Map.entry("createTaskWithPriority", kinds(Kind.ROLE)),
            Map.entry("notifyHolder", kinds(Kind.ROLE)),
            Map.entry("emailHolder", kinds(Kind.ROLE)),
            Map.entry("assignCover", kinds(Kind.ROLE)));

    private static final Map<String, Kind> EVENT_PROPERTIES = Map.of("attribute", Kind.ATTRIBUTE, "role", Kind.ROLE);

    private PlayReferences() {
    }

    private static Kind[] kinds(Kind... kinds) {
        return kinds;
    }

    static List<PlayReference> of(PreparedPlay play) {
        SourceMap map = play.map();
        Set<PlayReference> found = new LinkedHashSet<>();
        team(map).ifPresent(found::add);
        StringBuilder compiled = new StringBuilder();
        for (int line = 1; line <= map.lineCount(); line++) {
            compiled.append(map.compiledLine(line)).append('\n');
        }
        List<Token> tokens = SourceTokens.of(compiled.toString());
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != SourceTokens.Kind.IDENT) {
                continue;
            }
            Kind[] arguments = arguments(tokens, i);
            if (arguments != null && i + 1 < tokens.size() && tokens.get(i + 1).is("(")) {
                List<Token> literals = literalArguments(tokens, i + 1);
                for (int a = 0; a < arguments.length && a < literals.size(); a++) {
                    if (arguments[a] != null && literals.get(a) != null) {
                        found.add(reference(play, arguments[a], literals.get(a)));
                    }
                }
            }
            Kind property = EVENT_PROPERTIES.get(token.text());
            if (property != null && i + 3 < tokens.size() && tokens.get(i + 1).is("=") && tokens.get(i + 2).is("=")
                    && tokens.get(i + 3).kind() == SourceTokens.Kind.STRING) {
                found.add(reference(play, property, tokens.get(i + 3)));
            }
        }
        return new ArrayList<>(found);
    }

    /** What the arguments of the call starting at token i name, or null when it is no call that takes a name. */
    private static Kind[] arguments(List<Token> tokens, int i) {
        String name = tokens.get(i).text();
        boolean qualified = i >= 2 && tokens.get(i - 1).is(".");
        if (qualified && tokens.get(i - 2).is("actions")) {
            return ACTIONS.get(name);
        }
        if (qualified && tokens.get(i - 2).is("RoleKey") && name.equals("of")) {
            return kinds(Kind.ROLE);
        }
        return FACT_METHODS.get(name);
    }

    /** The arguments of the call whose "(" is at token open: each a literal string token, or null when it is not one. */
    private static List<Token> literalArguments(List<Token> tokens, int open) {
        List<Token> arguments = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
            }
            boolean ends = depth == 0 || depth == 1 && t.is(",");
            if (ends) {
                boolean literal = i - start == 1 && tokens.get(start).kind() == SourceTokens.Kind.STRING
                        && tokens.get(start).text().startsWith("\"");
                if (i > start || t.is(",")) {
                    arguments.add(literal ? tokens.get(start) : null);
                }
                start = i + 1;
            }
            if (depth == 0) {
                break;
            }
        }
        return arguments;
    }

    private static PlayReference reference(PreparedPlay play, Kind kind, Token literal) {
        String text = literal.text();
        String name = text.length() >= 2 && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text.substring(1);
        if (!play.file().isDsl()) {
            return new PlayReference(kind, name, literal.line(), literal.column());
        }
        // a sentence's line is the line it expanded to; the name stands in it quoted ("Success Manager") or bare (stage)
        String sentence = play.map().sourceLine(literal.line());
        int column = SourceMap.find(sentence, text);
        if (column < 0) {
            column = SourceMap.find(sentence, name);
        }
        return new PlayReference(kind, name, literal.line(), column > 0 ? column : SourceMap.firstText(sentence));
    }

    private static java.util.Optional<PlayReference> team(SourceMap map) {
        for (int line = 1; ; line++) {
            String text = map.sourceLine(line);
            if (line > map.lineCount() && text.isEmpty()) {
                return java.util.Optional.empty();
            }
            Matcher m = TEAM_LINE.matcher(text);
            if (m.matches()) {
                return java.util.Optional.of(new PlayReference(Kind.TEAM, m.group(1), line, m.start(1) + 1));
            }
        }
    }
}
