package io.teamplay.plays.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** An account as plays see it: its id, name, free attributes and team (role key to the holder's email). */
public final class Account {

    private final String id;
    private final String name;
    private final Map<String, Object> attributes;
    private final Map<String, String> team;
    private final Situation situation;

    public Account(String id, String name, Map<String, ?> attributes, Map<String, String> team) {
        this(id, name, attributes, team, Situation.NONE);
    }

    public Account(String id, String name, Map<String, ?> attributes, Map<String, String> team, Situation situation) {
        this.id = id;
        this.name = name;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes == null ? Map.of() : attributes));
        Map<String, String> byKey = new LinkedHashMap<>();
        if (team != null) {
            team.forEach((role, email) -> byKey.put(RoleKey.of(role), email));
        }
        this.team = Collections.unmodifiableMap(byKey);
        this.situation = situation == null ? Situation.NONE : situation;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public Map<String, Object> getAttributes() { return attributes; }
    public Map<String, String> getTeam() { return team; }

    /** The open tasks, holder names and memory around this account (for the service; plays read facts instead). */
    public Situation situation() {
        return situation;
    }

    /**
     * The facts that come with this account into a firing: its open tasks, its team members, and the keys of the
     * plays' memory (one for the account, one per attribute that is set).
     */
    public List<Object> companions() {
        List<Object> facts = new ArrayList<>(situation.openTasks());
        facts.addAll(situation.members());
        facts.addAll(situation.teammates());
        facts.add(new Once(null, this));
        attributes.forEach((name, value) -> {
            if (value != null) {
                facts.add(new Once(name, this));
            }
        });
        return facts;
    }

    /** True when the event made the account enter the saved segment of that name (ignoring case). */
    public boolean entered(String segment) {
        return segment != null && situation.segmentsEntered().contains(segment.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** True when the event made the account leave the saved segment of that name (ignoring case). */
    public boolean left(String segment) {
        return segment != null && situation.segmentsLeft().contains(segment.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** True when a member of that team (one the active plays name) is ACTIVE and not out of office. */
    public boolean hasAvailableMember(String team) {
        return situation.teammates().stream().anyMatch(m -> m.teamIs(team) && m.getAvailable());
    }

    /** True when an available member of that team holds fewer than that many seats. */
    public boolean hasAvailableMemberHoldingFewerSeats(String team, long seats) {
        return situation.teammates().stream().anyMatch(m -> m.teamIs(team) && m.getAvailable() && m.getSeats() < seats);
    }

    /** True when an available member of that team has fewer than that many open tasks. */
    public boolean hasAvailableMemberWithFewerOpenTasks(String team, long openTasks) {
        return situation.teammates().stream()
                .anyMatch(m -> m.teamIs(team) && m.getAvailable() && m.getOpenTasks() < openTasks);
    }

    /** The attribute's value, or null. */
    public Object attr(String attribute) {
        return attributes.get(attribute);
    }

    /** The attribute's value as text, "" when it is not set. */
    public String text(String attribute) {
        return AccountEvent.text(attributes.get(attribute));
    }

    /** The attribute's value as lower-case text, "" when it is not set (to compare with lower-case values). */
    public String lowerText(String attribute) {
        return text(attribute).toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the attribute's text equals the value, ignoring case. */
    public boolean is(String attribute, String value) {
        return text(attribute).equalsIgnoreCase(value == null ? "" : value);
    }

    /** The attribute as a number, or null when it is not a number. */
    public Double number(String attribute) {
        Object value = attributes.get(attribute);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return value == null ? null : Double.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True when the attribute is a number of at least the given value. */
    public boolean atLeast(String attribute, double value) {
        Double number = number(attribute);
        return number != null && number >= value;
    }

    /** The attribute as a date (ISO yyyy-MM-dd, a time part is ignored), or null. */
    public LocalDate date(String attribute) {
        return Values.date(attributes.get(attribute));
    }

    /** True when the attribute is at least the value: numbers compared as numbers, dates as dates. */
    public boolean isAtLeast(String attribute, String value) {
        Integer order = Values.compare(attributes.get(attribute), value);
        return order != null && order >= 0;
    }

    /** True when the attribute is at most the value (numbers as numbers, dates as dates). */
    public boolean isAtMost(String attribute, String value) {
        Integer order = Values.compare(attributes.get(attribute), value);
        return order != null && order <= 0;
    }

    /** True when the attribute is below the value (numbers as numbers, dates as dates: earlier). */
    public boolean isBelow(String attribute, String value) {
        Integer order = Values.compare(attributes.get(attribute), value);
        return order != null && order < 0;
    }

    /** True when the attribute is above the value (numbers as numbers, dates as dates: later). */
    public boolean isAbove(String attribute, String value) {
        Integer order = Values.compare(attributes.get(attribute), value);
        return order != null && order > 0;
    }

    /** True when the attribute lies between the two values, both included. */
    public boolean isBetween(String attribute, String low, String high) {
        return isAtLeast(attribute, low) && isAtMost(attribute, high);
    }


    /** True when the attribute's text holds that text, ignoring case ("" is in every value that is set). */
    public boolean containsText(String attribute, String part) {
        return attributes.containsKey(attribute) && Values.containsIgnoringCase(text(attribute), part);
    }

    /** Days from today until the date attribute (negative once it is past), or null without a date. */
    public Long daysUntil(String dateAttribute, LocalDate today) {
        LocalDate date = date(dateAttribute);
        return date == null || today == null ? null : ChronoUnit.DAYS.between(today, date);
    }

    /** Days since the date attribute (negative while it is ahead), or null without a date. */
    public Long daysSince(String dateAttribute, LocalDate today) {
        Long until = daysUntil(dateAttribute, today);
        return until == null ? null : -until;
    }

    /** True when today is exactly that many days before the date attribute. */
    public boolean isDaysBefore(String dateAttribute, LocalDate today, int days) {
        Long until = daysUntil(dateAttribute, today);
        return until != null && until == days;
    }

    /** True when today is exactly that many days after the date attribute. */
    public boolean isDaysAfter(String dateAttribute, LocalDate today, int days) {
        Long since = daysSince(dateAttribute, today);
        return since != null && since == days;
    }

    /** True when the date attribute is between today and that many days ahead, both included. */
    public boolean isWithinDaysBefore(String dateAttribute, LocalDate today, int days) {
        Long until = daysUntil(dateAttribute, today);
        return until != null && until >= 0 && until <= days;
    }

    /** True when the date attribute is between that many days ago and today, both included. */
    public boolean isWithinDaysAfter(String dateAttribute, LocalDate today, int days) {
        Long since = daysSince(dateAttribute, today);
        return since != null && since >= 0 && since <= days;
    }

    /** The email of whoever holds the role (display name or key), or null. */
    public String holder(String role) {
        return team.get(RoleKey.of(role));
    }

    public boolean hasHolder(String role) {
        return holder(role) != null;
    }

    /** True when this email holds the role, ignoring case. */
    public boolean holds(String email, String role) {
        String holder = holder(role);
        return holder != null && email != null && holder.equalsIgnoreCase(email.trim());
    }

    @Override
    public String toString() {
        return "account " + id;
    }
}
