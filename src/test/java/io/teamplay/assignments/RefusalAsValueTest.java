package io.teamplay.assignments;

import static io.teamplay.TestFixtures.*;
import static org.hamcrest.Matchers.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A refused change writes nothing and leaves the caller's transaction usable for the changes that follow. */
@QuarkusTest
class RefusalAsValueTest {

    @Inject
    AssignmentService assignments;

    @Test
    void aRefusalInsideATransactionDoesNotSpoilTheChangesAfterIt() {
        String id = account();
        String viewer = user("Val Viewer", "VIEWER");
        String ann = user("Ann Able", "PRACTITIONER");
        QuarkusTransaction.requiringNew().run(() -> {
            Object refused = null;
            try {
                refused = assignments.change(AssignmentChange.assign(id, "success_manager", Assignee.byEmail(viewer),
                        AssignmentPath.ACCOUNT_PAGE, "test"));
            } catch (RuntimeException thrown) {
                refused = thrown;
            }
            org.junit.jupiter.api.Assertions.assertFalse(refused instanceof Throwable, "refused by throwing: " + refused);
            assignments.change(AssignmentChange.assign(id, "sales_manager", Assignee.byEmail(ann),
                    AssignmentPath.ACCOUNT_PAGE, "test"));
        });
        asAdmin().get("/api/accounts/{id}", id).then().statusCode(200)
                .body("team.role", contains("sales_manager")).body("team.email", contains(ann));
        asAdmin().get("/api/accounts/{id}/history", id).then().body("role", contains("sales_manager"));
    }
}
