package io.teamplay.plays.actions;

import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.EventType;
import io.teamplay.plays.facts.OpenTask;
import io.teamplay.plays.facts.RoleKey;
import java.util.List;

/**
 * Fills the fields of a play's message from the facts of the firing: {account.name}, {account.id},
 * {account.<attribute>}, {old} and {new} (the event's values before and after), {task.title}, {task.owner},
 * {task.due} (the task the rule matched), {accounts taken} (with a leave ending) and {<role>} (the name of whoever holds it, e.g. {Success Manager}). A field
 * that names nothing is left as written. One pass over the message.
 */
final class MergeFields {

    private static final int MAX_FIELD = 200;

    private MergeFields() {
    }

    static String fill(String message, AccountEvent event, Account account, List<Object> matched) {
        if (message.indexOf('{') < 0) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length() + 64);
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            int close = c == '{' ? closing(message, i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String value = value(message.substring(i + 1, close).trim(), event, account, matched);
            out.append(value == null ? message.substring(i, close + 1) : value);
            i = close + 1;
        }
        return out.toString();
    }

    /** The '}' closing the field opening at {@code open}, looked for over a field's length at most; -1 if none. */
    private static int closing(String message, int open) {
        int end = Math.min(message.length(), open + MAX_FIELD);
        for (int i = open + 1; i < end; i++) {
            char c = message.charAt(i);
            if (c == '}') {
                return i;
            }
            if (c == '{') {
                return -1;
            }
        }
        return -1;
    }

    private static String value(String field, AccountEvent event, Account account, List<Object> matched) {
        if (field.equals("old")) {
            return event == null ? null : old(event);
        }
        if (field.equals("new")) {
            return event == null ? null : now(event);
        }
        if (field.equals("accounts taken")) {
            return event == null || event.getType() != EventType.LEAVE_ENDED ? null : event.getNewText();
        }
        if (field.startsWith("task.")) {
            OpenTask task = matched.stream().filter(OpenTask.class::isInstance).map(OpenTask.class::cast)
                    .findFirst().orElse(null);
            return task == null ? null : task(field.substring(5), task);
        }
        if (account == null) {
            return null;
        }
        if (field.equals("account.name")) {
            return account.getName();
        }
        if (field.equals("account.id")) {
            return account.getId();
        }
        if (field.startsWith("account.")) {
            return account.text(field.substring(8));
        }
        String holder = account.holder(field);
        if (holder == null) {
            return null;
        }
        String name = account.situation().holderNames().get(RoleKey.of(field));
        return name == null ? holder : name;
    }

    private static String old(AccountEvent event) {
        return switch (event.getType()) {
            case ASSIGNMENT_CHANGED -> orEmpty(event.getFromEmail());
            case USER_DISABLED -> orEmpty(event.getUserEmail());
            default -> event.getOldText();
        };
    }

    private static String now(AccountEvent event) {
        return event.getType() == io.teamplay.plays.facts.EventType.ASSIGNMENT_CHANGED ? orEmpty(event.getToEmail())
                : event.getNewText();
    }

    private static String task(String property, OpenTask task) {
        return switch (property) {
            case "title" -> task.getTitle();
            case "owner" -> orEmpty(task.getOwner());
            case "due" -> task.getDue() == null ? "" : task.getDue().toString();
            default -> null;
        };
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
