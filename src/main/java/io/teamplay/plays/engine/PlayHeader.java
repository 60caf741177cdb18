package io.teamplay.plays.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a play says about itself in comment lines of its file: {@code // team: Enterprise} (required: the team that
 * owns the play, whose members its assignments may pick) and {@code // description: ...} (optional).
 */
record PlayHeader(String team, String description) {

    private static final Pattern LINE = Pattern.compile("^\\s*//\\s*(team|description)\\s*:\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE);

    static PlayHeader read(String text) {
        String team = null;
        String description = null;
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches() || m.group(2).isEmpty()) {
                continue;
            }
            if (m.group(1).equalsIgnoreCase("team") && team == null) {
                team = m.group(2);
            } else if (m.group(1).equalsIgnoreCase("description") && description == null) {
                description = m.group(2);
            }
        }
        return new PlayHeader(team, description == null ? "" : description);
    }
}
