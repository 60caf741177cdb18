package io.teamplay.plays.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Drools' and ECJ's error texts: which words to look for in the file, and a cleaner wording. */
final class BuildMessages {

    private static final List<Pattern> WORDS = List.of(
            Pattern.compile("The method (\\w+)\\("),
            Pattern.compile("The constructor (\\w+)\\("),
            Pattern.compile("(\\w+) cannot be resolved"),
            Pattern.compile("The field \\w*\\.?(\\w+)"),
            Pattern.compile("strict-mode: [\\w.$]*\\.(\\w+)"),
            Pattern.compile("unable to resolve (?:method|property)[^:]*: [\\w.$]*?\\.?(\\w+)(?:\\(\\))?\\]"),
            Pattern.compile("Unable to resolve ObjectType '([^']+)'"),
            Pattern.compile("[Ee]rror: unable to resolve[^:]*:\\s*(\\w+)"),
            Pattern.compile("(?:input|alternative at input) '([^']+)'"),
            Pattern.compile("The literal (\\S+) of type"),
            Pattern.compile("Syntax error on token \"([^\"]+)\""),
            Pattern.compile("'([\\w$]+)'"));

    private static final Pattern STRICT = Pattern.compile(
            "unable to resolve (?:method|property) using strict-mode: ([\\w.$]+)\\.(\\w+)(?:\\(\\))?");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):", Pattern.DOTALL);

    private BuildMessages() {
    }

    /** Words (or an expression) worth looking for in the file, most telling first. */
    static List<String> candidates(String message) {
        List<String> words = new ArrayList<>();
        for (Pattern pattern : WORDS) {
            Matcher m = pattern.matcher(message);
            while (m.find()) {
                if (!words.contains(m.group(1))) {
                    words.add(m.group(1));
                }
            }
        }
        Matcher expression = EXPRESSION.matcher(message);
        if (expression.find()) {
            words.add(expression.group(1).trim());
        }
        return words;
    }

    static String quotedWord(String message) {
        Matcher m = Pattern.compile("'([^']+)'").matcher(message);
        return m.find() ? m.group(1) : null;
    }

    /** Drops Drools' generated class names and layout from a message. */
    static String clean(String message) {
        Matcher strict = STRICT.matcher(message);
        if (strict.find()) {
            Matcher expression = EXPRESSION.matcher(message);
            String type = strict.group(1).substring(strict.group(1).lastIndexOf('.') + 1);
            return type + " has no property or method '" + strict.group(2) + "'"
                    + (expression.find() ? " (in: " + expression.group(1).trim() + ")" : "");
        }
        return message.replaceAll("\\[Near : \\{.*?\\}\\]\\s*\\^?", "")
                .replaceAll("\\[Line: \\d+, Column: \\d+\\]", "")
                .replaceAll("\\s+", " ")
                .replaceAll("for the type Rule_\\w+", "here")
                .replaceAll("Rule_\\w+", "the rule")
                .replaceFirst("^Rule Compilation error\\s*", "")
                .trim();
    }
}
