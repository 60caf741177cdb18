package io.teamplay.segments;

import io.teamplay.accounts.AttributeValues;
import io.teamplay.common.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read model of segments: one SQL query over accounts, their attributes and their team seats. It only reads;
 * every write goes through the owning feature's service.
 */
@ApplicationScoped
class SegmentQuery {

    @Inject
    EntityManager em;

    List<String> ids(SegmentFilter filter, PageRequest page) {
        Query query = build("select a.id", filter, " order by a.id");
        if (page != null) {
            query.setFirstResult(page.offset()).setMaxResults(page.size);
        }
        @SuppressWarnings("unchecked")
        List<String> ids = query.getResultList();
        return ids;
    }

    long count(SegmentFilter filter) {
        return ((Number) build("select count(*)", filter, "").getSingleResult()).longValue();
    }

    private Query build(String select, SegmentFilter filter, String orderBy) {
        StringBuilder sql = new StringBuilder(select).append(" from account a where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.role() != null || filter.assignee() != null) {
            sql.append(" and exists (select 1 from assignment s where s.account_id = a.id");
            if (filter.role() != null) {
                sql.append(" and s.role_key = :role");
                params.put("role", filter.role());
            }
            if (filter.assignee() != null) {
                sql.append(" and s.email = :assignee");
                params.put("assignee", filter.assignee());
            }
            sql.append(")");
        }
        int i = 0;
        for (Map.Entry<String, String> attribute : filter.attributes().entrySet()) {
            sql.append(" and exists (select 1 from account_attribute t where t.account_id = a.id and t.name = :n")
                    .append(i).append(" and t.json_value in (:v").append(i).append("))");
            params.put("n" + i, attribute.getKey());
            params.put("v" + i, new ArrayList<>(AttributeValues.filterCandidates(attribute.getValue())));
            i++;
        }
        Query query = em.createNativeQuery(sql.append(orderBy).toString());
        params.forEach(query::setParameter);
        return query;
    }
}
