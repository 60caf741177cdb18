package io.teamplay.web;

import io.teamplay.segments.SegmentFilter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts list's filter as the pages carry it (in the URL, and in the hidden fields of the bulk forms): role,
 * assignee, a role nobody holds ({@code noHolder}) and any number of attribute = value pairs, all of which must hold.
 */
public record AccountFilter(String role, String assignee, List<Attribute> attributes, String noHolder) {

    /** One attribute row of the form; {@code n} counts from 1. */
    public record Attribute(int n, String name, String value) {

        /** The first row keeps the plain ids {@code attribute} and {@code value}; the others are numbered. */
        public String idSuffix() {
            return n == 1 ? "" : "-" + n;
        }
    }

    static AccountFilter of(String role, String assignee, List<String> names, List<String> values, String noHolder) {
        List<Attribute> attributes = new ArrayList<>();
        for (int i = 0; names != null && i < names.size(); i++) {
            String name = Formats.blankToNull(names.get(i));
            String value = values != null && i < values.size() ? Formats.blankToNull(values.get(i)) : null;
            if (name != null) {
                attributes.add(new Attribute(attributes.size() + 1, name, value == null ? "" : value));
            }
        }
        return new AccountFilter(Formats.blankToNull(role), Formats.blankToNull(assignee), List.copyOf(attributes),
                Formats.blankToNull(noHolder));
    }

    /** A saved segment's filter, to apply it. */
    static AccountFilter of(SegmentFilter saved) {
        List<Attribute> attributes = new ArrayList<>();
        saved.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(attribute ->
                attributes.add(new Attribute(attributes.size() + 1, attribute.getKey(), attribute.getValue())));
        return new AccountFilter(saved.role(), saved.assignee(), List.copyOf(attributes), saved.noHolder());
    }

    SegmentFilter segment() {
        Map<String, String> byName = new LinkedHashMap<>();
        attributes.forEach(attribute -> byName.put(attribute.name(), attribute.value()));
        return new SegmentFilter(role, assignee, byName, noHolder);
    }

    /** The attribute rows the form shows: those set, and one or two empty ones to add more. */
    public List<Attribute> rows() {
        List<Attribute> rows = new ArrayList<>(attributes);
        while (rows.size() < Math.max(2, attributes.size() + 1)) {
            rows.add(new Attribute(rows.size() + 1, "", ""));
        }
        return rows;
    }

    public boolean any() {
        return role != null || assignee != null || noHolder != null || !attributes.isEmpty();
    }

    /** In words, for the confirmation: "role success_manager held by ann@example.com, segment = enterprise". */
    public String described() {
        List<String> parts = new ArrayList<>();
        if (role != null && assignee != null) {
            parts.add(assignee + " holds " + role);
        } else if (role != null) {
            parts.add("someone holds " + role);
        } else if (assignee != null) {
            parts.add(assignee + " holds any role");
        }
        if (noHolder != null) {
            parts.add("nobody holds " + noHolder);
        }
        attributes.forEach(attribute -> parts.add(attribute.name() + " = " + attribute.value()));
        return parts.isEmpty() ? "every account" : String.join(", ", parts);
    }

    /** This filter and a page number as a query string (the list's page links). */
    public String query(int page) {
        StringBuilder query = new StringBuilder("role=").append(encoded(role)).append("&assignee=").append(encoded(assignee));
        if (noHolder != null) {
            query.append("&noHolder=").append(encoded(noHolder));
        }
        attributes.forEach(attribute -> query.append("&attribute=").append(encoded(attribute.name()))
                .append("&value=").append(encoded(attribute.value())));
        return query.append("&page=").append(page).toString();
    }

    /** Percent-encoded for a query string, a space as %20 (a '+' is not read back as a space by every decoder). */
    static String encoded(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
