package io.teamplay.plays.engine;

import java.util.List;
import java.util.Set;

/**
 * A play file made ready for Drools: its header, the package its rules live in, the text to build (DSL expanded,
 * the standard imports and the actions global added on the package line) and what was already found wrong.
 */
record PreparedPlay(PlayFile file, PlayHeader header, String packageName, Set<String> ruleNames, String buildText,
                    SourceMap map, Insertion insertion, List<PlayError> errors) {

    /** Where the standard header was inserted into the author's text (one line, so only that line's columns move). */
    record Insertion(int line, int column, int length) {
    }

    boolean valid() {
        return errors.isEmpty();
    }

    String kiePath() {
        return "src/main/resources/" + packageName.replace('.', '/') + "/" + resourceName();
    }

    String resourceName() {
        return PlayPreparer.identifier(file.name()) + ".drl";
    }
}
