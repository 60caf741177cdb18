package io.teamplay.notifications;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamplay.users.UserService;
import io.teamplay.users.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One digest run. For each recipient with due items, in its own transaction: claim the items
 * ({@code FOR UPDATE SKIP LOCKED}, so an overlapping run or another instance never takes the same rows), render one
 * email, hand it to SMTP, mark the items sent, commit. A crash before the commit releases the claim with the
 * transaction, and the items wait for the next run; an SMTP refusal is recorded on the items and retried later.
 */
@ApplicationScoped
public class DigestRunner {

    private static final Logger LOG = Logger.getLogger(DigestRunner.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    /**
     * Longer than the mailer's own timeout (quarkus.mailer.timeout, 60 s by default), so a slow SMTP server ends in a
     * recorded failure, never in a transaction that times out after the server may have accepted the email.
     */
    private static final int RECIPIENT_TX_SECONDS = 300;

    @Inject
    EntityManager em;
    @Inject
    DigestMailer mailer;
    @Inject
    DigestConfig config;
    @Inject
    UserService users;
    @Inject
    Event<DigestClaimed> claimed;

    public DigestRun run() {
        return run(config.senders());
    }

    /**
     * One run with {@code senders} threads, each taking the next recipient and delivering in that recipient's own
     * transaction: the claim ({@code SKIP LOCKED}) keeps each item in one email whatever runs alongside. An
     * {@link Error} in one (a crash) stops every sender before its next recipient, and is rethrown.
     */
    DigestRun run(int senders) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        List<String> recipients = QuarkusTransaction.requiringNew().call(() -> dueRecipients(now));
        DigestRun total = DigestRun.NOTHING;
        int threads = Math.max(1, Math.min(senders, recipients.size()));
        if (threads == 1) {
            for (String recipient : recipients) {
                total = total.plus(deliverOrLog(recipient, now));
            }
        } else {
            total = inParallel(recipients, now, threads);
        }
        if (!recipients.isEmpty()) {
            LOG.infof("Digest run: %d email(s) carrying %d item(s), %d item(s) failed, %d dropped, in %d ms (%d sender(s))",
                    total.emails(), total.items(), total.failed(), total.dropped(), (System.nanoTime() - started) / 1_000_000,
                    threads);
        }
        return total;
    }

    private DigestRun inParallel(List<String> recipients, Instant now, int threads) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Error> crashed = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "digest-sender");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<DigestRun>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> {
                    DigestRun part = DigestRun.NOTHING;
                    for (int i = next.getAndIncrement(); i < recipients.size() && crashed.get() == null; i = next.getAndIncrement()) {
                        try {
                            part = part.plus(deliverOrLog(recipients.get(i), now));
                        } catch (Error e) {
                            crashed.compareAndSet(null, e);
                        }
                    }
                    return part;
                }));
            }
            DigestRun total = DigestRun.NOTHING;
            for (Future<DigestRun> part : parts) {
                total = total.plus(part.get());
            }
            if (crashed.get() != null) {
                throw crashed.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the digest was being sent", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a digest sender failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private DigestRun deliverOrLog(String recipient, Instant now) {
        try {
            return QuarkusTransaction.requiringNew().timeout(RECIPIENT_TX_SECONDS).call(() -> deliver(recipient, now));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            LOG.errorf(e, "Digest for %s did not complete; its items stay waiting for the next run "
                    + "(sent again, same Message-ID, if SMTP had already accepted the email)", recipient);
            return DigestRun.NOTHING;
        }
    }

    private List<String> dueRecipients(Instant now) {
        return em.createQuery("select distinct i.recipient from DigestItem i where i.status = ?1 and i.nextAttemptAt <= ?2 "
                        + "order by i.recipient", String.class)
                .setParameter(1, DigestItemStatus.WAITING)
                .setParameter(2, now)
                .getResultList();
    }

    /** Claims, sends and marks one recipient's due items; runs inside that recipient's transaction. */
    private DigestRun deliver(String recipient, Instant now) {
        List<ClaimedItem> items = claim(recipient, now);
        if (items.isEmpty()) {
            return DigestRun.NOTHING;
        }
        List<Long> ids = items.stream().map(ClaimedItem::id).toList();
        claimed.fire(new DigestClaimed(recipient, ids));
        Optional<UserView> user = users.find(recipient);
        if (user.isPresent() && !user.get().isActive()) {
            String reason = "recipient " + recipient + " is disabled";
            em.createNativeQuery("update digest_item set status = 'DROPPED', drop_reason = :reason where id in (:ids)")
                    .setParameter("reason", reason).setParameter("ids", ids)
                    .executeUpdate();
            LOG.infof("Digest: dropped %d item(s) for %s: %s", items.size(), recipient, reason);
            return DigestRun.dropped(items.size());
        }
        DigestEmail email = DigestEmail.of(recipient, user.map(UserView::name).orElse(null), items, config.linkBase());
        String messageId = mailer.messageIdOf(ids);
        try {
            mailer.send(email, messageId, ids);
        } catch (RuntimeException e) {
            return failed(recipient, DigestItem.list("id in ?1 order by id", ids), e);
        }
        // One statement for the recipient's items, not one update per item.
        em.createNativeQuery("update digest_item set status = 'SENT', sent_at = :sent, message_id = :messageId, "
                        + "attempts = attempts + 1 where id in (:ids)")
                .setParameter("sent", Instant.now()).setParameter("messageId", messageId).setParameter("ids", ids)
                .executeUpdate();
        return DigestRun.sent(items.size());
    }

    /**
     * Locks the recipient's due items ({@code SKIP LOCKED}) and reads what the email shows of them, in id order, with
     * their tasks' titles: plain SQL on the transaction's connection. Loading them as entities (an HQL query whose
     * id list Hibernate translated anew on every call, then each entity hydrated and checked at commit) was the
     * largest part of a digest sender's CPU.
     */
    private List<ClaimedItem> claim(String recipient, Instant now) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Long> ids = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement("select id, account_id, account_name, role_name, "
                    + "changed_by, created_at, message from digest_item where recipient = ? and status = 'WAITING' "
                    + "and next_attempt_at <= ? order by id for update skip locked")) {
                claim.setString(1, recipient);
                claim.setObject(2, now.atOffset(ZoneOffset.UTC));
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                        rows.add(new Object[] {row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                                row.getObject(6, OffsetDateTime.class).toInstant(), row.getString(7)});
                    }
                }
            }
            Map<Long, List<String>> tasks = ids.isEmpty() ? Map.of() : taskTitles(connection, ids);
            List<ClaimedItem> items = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                Object[] r = rows.get(i);
                items.add(new ClaimedItem(ids.get(i), (String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (Instant) r[4], (String) r[5], tasks.getOrDefault(ids.get(i), List.of())));
            }
            return items;
        });
    }

    private static Map<Long, List<String>> taskTitles(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, List<String>> titles = new HashMap<>();
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement("select item_id, title from digest_item_task "
                + "where item_id in (" + marks + ") order by item_id, position")) {
            for (int i = 0; i < ids.size(); i++) {
                query.setLong(i + 1, ids.get(i));
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    titles.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
                }
            }
        }
        return titles;
    }

    private DigestRun failed(String recipient, List<DigestItem> items, RuntimeException e) {
        String error = describe(e);
        Instant now = Instant.now();
        int waiting = 0;
        int givenUp = 0;
        int attempts = 0;
        Instant next = now;
        for (DigestItem item : items) {
            item.attempts++;
            item.lastError = error;
            attempts = Math.max(attempts, item.attempts);
            if (item.attempts >= config.maxAttempts()) {
                item.status = DigestItemStatus.DROPPED;
                item.dropReason = truncate("gave up after " + item.attempts + " failed attempts: " + error);
                givenUp++;
            } else {
                item.nextAttemptAt = now.plus(Backoff.after(item.attempts, config.retryBackoff(), config.retryMax()));
                next = item.nextAttemptAt;
                waiting++;
            }
        }
        if (givenUp > 0) {
            LOG.errorf("Digest email to %s failed (attempt %d): %s; gave up %d item(s) after %d attempts, %d still wait",
                    recipient, attempts, error, givenUp, config.maxAttempts(), waiting);
        } else {
            LOG.warnf("Digest email to %s failed (attempt %d): %s; %d item(s) stay waiting, next try after %s",
                    recipient, attempts, error, waiting, next);
        }
        return new DigestRun(0, 0, waiting, givenUp);
    }

    private static String truncate(String text) {
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return truncate(text.toString());
    }
}
