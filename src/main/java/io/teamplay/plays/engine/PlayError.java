package io.teamplay.plays.engine;

/** One thing wrong with a play file: where (1-based line and column) and what, in words an author understands. */
public record PlayError(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + " line " + line + ", column " + column + ": " + message;
    }
}
