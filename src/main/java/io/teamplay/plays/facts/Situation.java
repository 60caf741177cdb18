package io.teamplay.plays.facts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What surrounds an account when an event is handled, besides its attributes and team: its open tasks, the members of
 * its team with their load, the names of its role holders (for messages) and what the plays' memory holds for it
 * (entries of {@link #memoryEntry}).
 */
public record Situation(List<OpenTask> openTasks, List<TeamMember> members, Map<String, String> holderNames,
                        Set<String> remembered) {

    public static final Situation NONE = new Situation(List.of(), List.of(), Map.of(), Set.of());

    public Situation {
        openTasks = List.copyOf(openTasks);
        members = List.copyOf(members);
        holderNames = Map.copyOf(holderNames);
        remembered = Set.copyOf(remembered);
    }

    /** The entry of the memory for a rule of a play and a key. */
    public static String memoryEntry(String play, String rule, String key) {
        return play + "\n" + rule + "\n" + key;
    }
}
