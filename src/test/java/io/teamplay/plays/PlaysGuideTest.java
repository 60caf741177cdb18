package io.teamplay.plays;

import static io.teamplay.plays.PlayFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.engine.PlayAllowlist;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The authoring guide (rules/README.md) and the allowlist cannot drift apart, and its examples are valid plays. */
class PlaysGuideTest {

    private static final String GUIDE = read(RULES.resolve("README.md"));

    /** A table row whose first cell is an entry: | `Account.is(attribute, value)` | ... */
    private static final Pattern ENTRY = Pattern.compile(
            "(?m)^\\| `((?:AccountEvent|Account|OpenTask|TeamMember|Teammate|Once|EventType|actions)\\.\\w+)(?:\\(([^)]*)\\))?` \\|");

    @Test
    void theGuideListsExactlyWhatTheAllowlistAllows() {
        Set<String> documented = new TreeSet<>();
        Matcher row = ENTRY.matcher(GUIDE);
        while (row.find()) {
            String parameters = row.group(2);
            documented.add(parameters == null ? row.group(1)
                    : row.group(1) + "/" + (parameters.isBlank() ? 0 : parameters.split(",").length));
        }
        Set<String> allowed = PlayAllowlist.entries();
        Set<String> missing = new TreeSet<>(allowed);
        missing.removeAll(documented);
        Set<String> notAllowed = new TreeSet<>(documented);
        notAllowed.removeAll(allowed);
        assertEquals(Set.of(), missing, "allowed but not in rules/README.md");
        assertEquals(Set.of(), notAllowed, "in rules/README.md but not allowed");
    }

    @Test
    void everyExamplePlayOfTheGuideIsAccepted() {
        Matcher block = Pattern.compile("(?s)```\\n(.*?)```").matcher(GUIDE);
        List<PlayFile> examples = new ArrayList<>();
        while (block.find()) {
            String text = block.group(1);
            if (text.contains("rule \"")) {
                String name = "example-" + examples.size();
                examples.add(text.contains("expander plays.dsl") ? dslr(name, text) : drl(name, text));
            }
        }
        assertTrue(examples.size() >= 3, "examples found: " + examples.size());
        PlayBook book = COMPILER.compile(examples);
        try {
            for (PlayFile example : examples) {
                assertEquals(List.of(), book.play(example.name()).orElseThrow().errors(), example.text());
            }
        } finally {
            book.close();
        }
    }
}
