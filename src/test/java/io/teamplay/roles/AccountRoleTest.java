package io.teamplay.roles;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.assign;
import static io.teamplay.TestFixtures.user;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AccountRoleTest {

    private static String uniqueName(String base) {
        return base + " " + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
    }

    @Test
    void shouldStartWithSuccessAndSalesManager() {
        asAdmin().get("/api/roles").then().statusCode(200)
                .body("key", hasItems("success_manager", "sales_manager"))
                .body("find { it.key == 'success_manager' }.displayName", equalTo("Success Manager"))
                .body("find { it.key == 'success_manager' }.editable", equalTo(true))
                .body("find { it.key == 'success_manager' }.emptyValueBehavior", equalTo("IGNORE"))
                .body("find { it.key == 'success_manager' }.source", equalTo("APP"));
    }

    @Test
    void shouldDeriveLowerSnakeCaseKeyAndApplyDefaults() {
        String name = uniqueName("Onboarding  Manager");
        String expectedKey = name.toLowerCase().replaceAll(" +", "_");
        asAdmin().body(Map.of("displayName", name, "description", "First 90 days"))
                .post("/api/roles").then().statusCode(201)
                .body("key", equalTo(expectedKey))
                .body("source", equalTo("APP"))
                .body("editable", equalTo(true))
                .body("emptyValueBehavior", equalTo("IGNORE"));
        asAdmin().body(Map.of("displayName", name.toUpperCase())).post("/api/roles").then().statusCode(409);
    }

    @Test
    void shouldRefuseSpecialCharactersNamingTheField() {
        asAdmin().body(Map.of("displayName", "Exec. Sponsor!")).post("/api/roles").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("displayName"));
    }

    @Test
    void shouldRefuseUnknownEnumValueNamingTheField() {
        asAdmin().body(Map.of("displayName", uniqueName("Thing"), "source", "CRM"))
                .post("/api/roles").then().statusCode(400).body("errors[0].field", equalTo("source"));
    }

    @Test
    void shouldEditAllButTheKey() {
        String key = asAdmin().body(Map.of("displayName", uniqueName("Renewal Manager")))
                .post("/api/roles").then().statusCode(201).extract().path("key");
        asAdmin().body(Map.of("editable", false, "source", "INTEGRATION", "emptyValueBehavior", "CLEAR", "displayName", "Renewals"))
                .patch("/api/roles/{key}", key).then().statusCode(200)
                .body("key", equalTo(key))
                .body("displayName", equalTo("Renewals"))
                .body("editable", equalTo(false))
                .body("source", equalTo("INTEGRATION"))
                .body("emptyValueBehavior", equalTo("CLEAR"));
        asAdmin().body(Map.of("editable", true)).patch("/api/roles/{key}", "no_such_role").then().statusCode(404);
    }

    @Test
    void shouldRefuseAccountPageChangesOfNonEditableRoles() {
        String key = asAdmin().body(Map.of("displayName", uniqueName("Crm Owner"), "editable", false, "source", "INTEGRATION"))
                .post("/api/roles").then().statusCode(201).extract().path("key");
        String ann = user("Ann", "PRACTITIONER");
        String id = account();
        asAdmin().body(Map.of("email", ann)).put("/api/accounts/{id}/team/{role}", id, key).then()
                .statusCode(422).body("detail", org.hamcrest.Matchers.containsString("not editable"));
        asAdmin().delete("/api/accounts/{id}/team/{role}", id, key).then().statusCode(422);
        asAdmin().get("/api/accounts/{id}", id).then().body("team", empty());
    }

    @Test
    void shouldRemoveAssignmentsOfADeletedRoleAndRecordThem() {
        String key = asAdmin().body(Map.of("displayName", uniqueName("Executive Sponsor")))
                .post("/api/roles").then().statusCode(201).extract().path("key");
        String ann = user("Ann", "PRACTITIONER");
        String id = account();
        assign(id, key, ann);
        asAdmin().delete("/api/roles/{key}", key).then().statusCode(204);
        asAdmin().get("/api/accounts/{id}", id).then().body("team", empty());
        asAdmin().get("/api/accounts/{id}/history", id).then()
                .body("[0].role", equalTo(key))
                .body("[0].fromEmail", equalTo(ann))
                .body("[0].toEmail", equalTo(null))
                .body("[0].source", equalTo("ROLE_DELETED"));
        asAdmin().get("/api/roles").then().body("key", org.hamcrest.Matchers.not(hasItems(key)));
    }
}
