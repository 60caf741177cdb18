package io.teamplay.notifications;

import io.teamplay.common.Emails;
import io.teamplay.common.Page;
import io.teamplay.common.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

/** Reads of the digest outbox for operators: the items, and how many wait or fail. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DigestItems {

    /** Counts for health: waiting items, those of them that failed at least once, dropped items, the oldest waiting. */
    public record Backlog(long waiting, long failing, long dropped, Instant oldestWaiting) {
    }

    public Page<DigestItemView> list(String recipient, DigestItemStatus status, PageRequest page) {
        StringJoiner where = new StringJoiner(" and ");
        Parameters params = new Parameters();
        if (recipient != null && !recipient.isBlank()) {
            where.add("recipient = :recipient");
            params.and("recipient", Emails.normalise(recipient));
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        var query = DigestItem.<DigestItem>find((where.length() == 0 ? "" : where + " ") + "order by id desc", params);
        List<DigestItemView> items = query.page(page.page, page.size).list().stream().map(DigestItem::view).toList();
        return new Page<>(items, query.count());
    }

    public Backlog backlog() {
        long waiting = DigestItem.count("status", DigestItemStatus.WAITING);
        long failing = DigestItem.count("status = ?1 and attempts > 0", DigestItemStatus.WAITING);
        long dropped = DigestItem.count("status", DigestItemStatus.DROPPED);
        Instant oldest = DigestItem.getEntityManager()
                .createQuery("select min(i.createdAt) from DigestItem i where i.status = ?1", Instant.class)
                .setParameter(1, DigestItemStatus.WAITING)
                .getSingleResult();
        return new Backlog(waiting, failing, dropped, oldest);
    }
}
