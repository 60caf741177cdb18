package io.teamplay.plays.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps positions in the text Drools compiles back to the author's file. Lines never move (the DSL expands each
 * sentence on its own line); columns of a .dslr sentence are found by looking the offending word up in the sentence.
 */
final class SourceMap {

    private final String file;
    private final String[] source;
    private final String[] compiled;
    private final boolean dsl;

    SourceMap(String file, String source, String compiled, boolean dsl) {
        this.file = file;
        this.source = source.split("\n", -1);
        this.compiled = compiled.split("\n", -1);
        this.dsl = dsl;
    }

    String file() {
        return file;
    }

    int lineCount() {
        return compiled.length;
    }

    String compiledLine(int line) {
        return line >= 1 && line <= compiled.length ? compiled[line - 1] : "";
    }

    String sourceLine(int line) {
        return line >= 1 && line <= source.length ? source[line - 1] : "";
    }

    /** An error at a known position of the compiled text (column 1-based), with the word found there as a hint. */
    PlayError at(int line, int column, String word, String message) {
        return new PlayError(file, clampLine(line), dsl ? sourceColumn(line, word) : Math.max(1, column), message);
    }

    /** An error at a 0-based offset of the compiled text, with the word found there as a hint. */
    PlayError atOffset(int offset, String word, String message) {
        int line = 1;
        int lineStart = 0;
        while (line < compiled.length && offset > lineStart + compiled[line - 1].length()) {
            lineStart += compiled[line - 1].length() + 1;
            line++;
        }
        return at(line, Math.max(0, offset - lineStart) + 1, word, message);
    }

    /** An error somewhere on the line: at the word if it occurs there, else where the line's text starts. */
    PlayError onLine(int line, String word, String message) {
        line = clampLine(line);
        int column = word == null ? -1 : find(dsl ? sourceLine(line) : compiledLine(line), word);
        return new PlayError(file, line, column > 0 ? column : firstText(sourceLine(line)), message);
    }

    /**
     * An error reported for a block (a rule) starting at fromLine: looks for the first word of the candidates in the
     * compiled text between fromLine and the block's end, outside strings and comments.
     */
    PlayError inBlock(int fromLine, List<String> candidates, String message) {
        int to = blockEnd(fromLine);
        List<SourceTokens.Token> tokens = SourceTokens.of(String.join("\n", compiled));
        for (String candidate : candidates) {
            for (SourceTokens.Token token : tokens) {
                if (token.line() >= fromLine && token.line() <= to && token.is(candidate)) {
                    return at(token.line(), token.column(), candidate, message);
                }
            }
            for (int line = Math.max(1, fromLine); line <= to; line++) {
                int column = find(compiledLine(line), candidate);
                if (column > 0) {
                    return at(line, column, candidate, message);
                }
            }
        }
        return onLine(fromLine, null, message);
    }

    /** An error Drools reports without a line (e.g. a constraint spread over several lines): the first candidate in the file. */
    PlayError inFile(List<String> candidates, String message) {
        List<SourceTokens.Token> tokens = SourceTokens.of(String.join("\n", compiled));
        for (String candidate : candidates) {
            for (SourceTokens.Token token : tokens) {
                if (token.is(candidate)) {
                    return at(token.line(), token.column(), candidate, message);
                }
            }
            for (int line = 1; line <= compiled.length; line++) {
                int column = find(compiledLine(line), candidate);
                if (column > 0) {
                    return at(line, column, candidate, message);
                }
            }
        }
        return onLine(1, null, message);
    }

    private int blockEnd(int fromLine) {
        for (int line = Math.max(1, fromLine) + 1; line <= compiled.length; line++) {
            String text = compiledLine(line).trim();
            if (text.equals("end") || text.startsWith("rule ") || text.startsWith("query ")) {
                return text.equals("end") ? line : line - 1;
            }
        }
        return compiled.length;
    }

    private int clampLine(int line) {
        return Math.max(1, Math.min(line, Math.max(1, source.length)));
    }

    private int sourceColumn(int line, String word) {
        int column = word == null ? -1 : find(sourceLine(line), word);
        return column > 0 ? column : firstText(sourceLine(line));
    }

    /** 1-based column of the word in the text (as a whole word when it is one), or -1. */
    static int find(String text, String word) {
        if (word == null || word.isEmpty()) {
            return -1;
        }
        boolean identifier = word.chars().allMatch(Character::isJavaIdentifierPart);
        if (identifier) {
            Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(text);
            return m.find() ? m.start() + 1 : -1;
        }
        int index = text.indexOf(word);
        return index < 0 ? -1 : index + 1;
    }

    static int firstText(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return i + 1;
            }
        }
        return 1;
    }
}
