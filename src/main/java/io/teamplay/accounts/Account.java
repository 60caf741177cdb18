package io.teamplay.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

@Entity
@Table(name = "account")
class Account extends PanacheEntityBase {

    @Id
    String id;
    String name;
    @Column(name = "created_at")
    Instant createdAt;

    /** Attribute name -> its JSON text. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_attribute", joinColumns = @JoinColumn(name = "account_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "json_value")
    Map<String, String> attributes = new TreeMap<>();

    AccountView view() {
        Map<String, Object> values = new LinkedHashMap<>();
        new TreeMap<>(attributes).forEach((name, json) -> values.put(name, AttributeValues.toJava(json)));
        return new AccountView(id, name, values);
    }
}
