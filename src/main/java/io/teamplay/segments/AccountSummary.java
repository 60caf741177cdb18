package io.teamplay.segments;

import io.teamplay.assignments.TeamMember;

import java.util.List;
import java.util.Map;

public record AccountSummary(String id, String name, Map<String, Object> attributes, List<TeamMember> team) {
}
