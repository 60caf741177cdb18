package io.teamplay.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamplay.assignments.Assignee;

import java.util.Map;

/**
 * One data row, read and checked: the account, its name and attributes, and per role the assignee to set
 * (a null assignee clears the seat).
 */
record ImportRow(long line, String accountId, String name, Map<String, JsonNode> attributes, Map<String, Assignee> seats) {
}
