package io.teamplay.plays.engine;

/**
 * Something a play may not contain, found by one of the checkers: where (a 0-based offset into the text that was
 * checked: a condition or a then part), the word there (it places the error on a .dslr sentence) and why.
 */
record Refusal(int offset, String word, String message) {

    Refusal shifted(int by) {
        return new Refusal(offset + by, word, message);
    }
}
