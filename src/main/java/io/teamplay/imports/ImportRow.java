package io.teamplay.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamplay.assignments.Assignee;

import java.util.Map;

/**
 * One data row, read and checked: the account, its name and attributes, and per role the assignee to set
 * (a null assignee clears the seat), in header order, with the column each seat was read from.
 */
record ImportRow(long line, String accountId, String name, Map<String, JsonNode> attributes, Map<String, Assignee> seats,
                 Map<String, String> seatColumns) {
}
