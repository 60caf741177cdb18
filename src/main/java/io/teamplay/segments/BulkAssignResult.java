package io.teamplay.segments;

import io.teamplay.common.Problem;

import java.util.List;

/** {@code matched} accounts, {@code changed} of them changed hands, with {@code tasksMoved}; per-account failures. */
public record BulkAssignResult(int matched, int changed, int tasksMoved, List<Problem.FieldError> errors) {
}
