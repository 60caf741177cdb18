package io.teamplay.plays.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An open task of the event's account, as plays see it: its title, owner, due date, role and priority. */
public final class OpenTask {

    private final long id;
    private final String title;
    private final String owner;
    private final LocalDate due;
    private final String role;
    private final String priority;

    public OpenTask(long id, String title, String owner, LocalDate due, String role, String priority) {
        this.id = id;
        this.title = title == null ? "" : title;
        this.owner = owner;
        this.due = due;
        this.role = role;
        this.priority = priority;
    }

    public long getId() { return id; }
    public String getTitle() { return title; }
    public String getOwner() { return owner; }
    public LocalDate getDue() { return due; }
    public String getRole() { return role; }
    public String getPriority() { return priority; }

    /** Always "OPEN": plays see the open tasks only. */
    public String getStatus() {
        return "OPEN";
    }

    /** True when the title is this one, ignoring case and surrounding spaces. */
    public boolean titled(String text) {
        return text != null && title.trim().equalsIgnoreCase(text.trim());
    }

    /** Days the task is past its due date on that day (0 on the due date, negative before), or null with no due date. */
    public Long daysOverdue(LocalDate today) {
        return due == null || today == null ? null : ChronoUnit.DAYS.between(due, today);
    }

    /** True when, on that day, the task is exactly that many days past its due date. */
    public boolean isDaysOverdue(LocalDate today, int days) {
        Long overdue = daysOverdue(today);
        return overdue != null && overdue == days;
    }

    @Override
    public String toString() {
        return "task " + id + " '" + title + "'";
    }
}
