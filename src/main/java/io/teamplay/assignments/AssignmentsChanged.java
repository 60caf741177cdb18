package io.teamplay.assignments;

import java.util.List;

/**
 * Fired inside the changing transaction by a bulk change ({@link AssignmentService#changeAll}) in place of one
 * {@link AssignmentChanged} per seat: the same changes, in order, for observers to record with set-based writes.
 * No task moved with any of them (seats whose change may move tasks go through {@link AssignmentService#change}).
 */
public record AssignmentsChanged(List<AssignmentChanged> changes) {
}
