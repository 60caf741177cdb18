package io.teamplay.plays.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java/DRL/MVEL-ish tokenizer good enough for the sandbox and for locating errors: comments are dropped, string
 * and character literals become single STRING tokens (their content is never inspected), identifiers keep their
 * position (1-based line and column).
 */
final class SourceTokens {

    enum Kind { IDENT, STRING, NUMBER, SYMBOL }

    record Token(Kind kind, String text, int line, int column) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    private SourceTokens() {
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int line = 1;
        int lineStart = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int column = i - lineStart + 1;
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                    i++;
                }
                i += 2;
            } else if (c == '"' || c == '\'') {
                int start = i;
                int startLine = line;
                i++;
                while (i < n && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    } else if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                    i++;
                }
                i++;
                tokens.add(new Token(Kind.STRING, text.substring(start, Math.min(i, n)), startLine, column));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, text.substring(start, i), line, column));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                        && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), line, column));
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), line, column));
                i++;
            }
        }
        return tokens;
    }
}
