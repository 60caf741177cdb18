package io.teamplay.common;

import java.util.List;

/** A page of a list: {@code {"items":[...],"total":N}}. */
public record Page<T>(List<T> items, long total) {
}
