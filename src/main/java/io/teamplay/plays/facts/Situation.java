package io.teamplay.plays.facts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What surrounds an account when an event is handled, besides its attributes and team: its open tasks, the members of
 * its team with their load, the names of its role holders (for messages) and what the plays' memory holds for it
 * (entries of {@link #memoryEntry}), the saved segments the event made it enter or leave,
 * and the members of the teams the active plays name, with their availability and load.
 */
public record Situation(List<OpenTask> openTasks, List<TeamMember> members, Map<String, String> holderNames,
                        Set<String> remembered, Set<String> segmentsEntered, Set<String> segmentsLeft,
                        List<Teammate> teammates) {

    public static final Situation NONE = new Situation(List.of(), List.of(), Map.of(), Set.of());

    public Situation {
        openTasks = List.copyOf(openTasks);
        members = List.copyOf(members);
        holderNames = Map.copyOf(holderNames);
        remembered = Set.copyOf(remembered);
        segmentsEntered = lowerCase(segmentsEntered);
        segmentsLeft = lowerCase(segmentsLeft);
        teammates = teammates == null ? List.of() : List.copyOf(teammates);
    }

    public Situation(List<OpenTask> openTasks, List<TeamMember> members, Map<String, String> holderNames,
                     Set<String> remembered) {
        this(openTasks, members, holderNames, remembered, Set.of(), Set.of(), List.of());
    }

    /** The same, with the saved segments the event made the account enter and leave (names, any case). */
    public Situation withSegments(Set<String> entered, Set<String> left) {
        return new Situation(openTasks, members, holderNames, remembered, entered, left, teammates);
    }

    /** The same, with the members of the teams the plays name (see {@link Teammate}). */
    public Situation withTeammates(List<Teammate> teammates) {
        return new Situation(openTasks, members, holderNames, remembered, segmentsEntered, segmentsLeft, teammates);
    }

    private static Set<String> lowerCase(Set<String> names) {
        return names == null ? Set.of() : names.stream().map(n -> n.trim().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The entry of the memory for a rule of a play and a key. */
    public static String memoryEntry(String play, String rule, String key) {
        return play + "\n" + rule + "\n" + key;
    }
}
