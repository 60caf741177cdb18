package io.teamplay.plays;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** The difference between two versions of a play as a unified diff (what {@code diff -u} and git print). */
final class PlayDiff {

    private static final int CONTEXT_LINES = 3;

    private PlayDiff() {
    }

    /** From {@code from} (null: nothing, for a first version) to {@code to}; empty when their texts are the same. */
    static String unified(PlayVersion from, PlayVersion to) {
        List<String> before = from == null ? List.of() : lines(from.source);
        List<String> after = lines(to.source);
        Patch<String> patch = DiffUtils.diff(before, after);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        String fromName = from == null ? "/dev/null" : label(from);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(fromName, label(to), before, patch, CONTEXT_LINES);
        return String.join("\n", diff) + "\n";
    }

    private static String label(PlayVersion version) {
        return version.fileName + " (version " + version.version + ")";
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
