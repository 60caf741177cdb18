package io.teamplay.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one digest email says: the accounts (one, or several for a summary), and on each what came to the recipient.
 * Built from the items a run claimed, in the order they were written.
 */
public record DigestEmail(String recipient, String greetingName, String subject, String headline, boolean summary,
                          List<AccountSection> accounts, int itemCount, int taskCount) {

    /** One account and what came to the recipient there. */
    public record AccountSection(String id, String name, String link, List<Line> lines) {
    }

    /** One change: the role received, the tasks that came with it, who made it and when; or a play's message. */
    public record Line(String roleName, List<String> taskTitles, String changedBy, Instant at, String message) {
    }

    static DigestEmail of(String recipient, String name, List<ClaimedItem> items, String linkBase) {
        Map<String, List<ClaimedItem>> byAccount = new LinkedHashMap<>();
        items.forEach(item -> byAccount.computeIfAbsent(item.accountId(), id -> new ArrayList<>()).add(item));
        List<AccountSection> sections = byAccount.values().stream()
                .map(onAccount -> new AccountSection(onAccount.get(0).accountId(), onAccount.get(0).accountName(),
                        link(linkBase, onAccount.get(0).accountId()),
                        onAccount.stream().map(i -> new Line(i.roleName(), i.taskTitles(), i.changedBy(), i.createdAt(), i.message())).toList()))
                .toList();
        int tasks = items.stream().mapToInt(i -> i.taskTitles().size()).sum();
        boolean summary = sections.size() > 1;
        String subject = summary
                ? "Teamplay digest: " + sections.size() + " accounts"
                : "Teamplay digest: " + sections.get(0).name();
        String headline = summary
                ? "Here is what came to you on " + sections.size() + " accounts since the last digest."
                : "Here is what came to you on " + sections.get(0).name() + " since the last digest.";
        return new DigestEmail(recipient, name == null ? recipient : name, subject, headline, summary, sections,
                items.size(), tasks);
    }

    private static String link(String linkBase, String accountId) {
        String base = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        return base + "/accounts/" + URLEncoder.encode(accountId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
