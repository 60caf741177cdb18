package io.teamplay.segments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named filter over accounts; the filter is kept as the JSON the API takes. */
@Entity
@Table(name = "saved_segment")
class SavedSegment extends PanacheEntityBase {

    @Id
    String name;
    @Column(name = "filter_json")
    String filterJson;
    @Column(name = "updated_by")
    String updatedBy;
    @Column(name = "updated_at")
    Instant updatedAt;
}
