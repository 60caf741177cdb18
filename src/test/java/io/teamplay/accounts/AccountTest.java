package io.teamplay.accounts;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
class AccountTest {

    @Test
    void shouldCreateAnAccountWithTypedAttributes() {
        String id = unique("acme");
        asAdmin().body(Map.of("id", id, "name", "Acme", "attributes",
                        Map.of("segment", "enterprise", "arr", 120000, "churned", false, "renewal_date", "2027-03-01", "score", 4.5)))
                .post("/api/accounts").then().statusCode(201)
                .body("id", equalTo(id))
                .body("attributes.segment", equalTo("enterprise"))
                .body("attributes.arr", equalTo(120000))
                .body("attributes.churned", equalTo(false))
                .body("attributes.renewal_date", equalTo("2027-03-01"))
                .body("attributes.score", equalTo(4.5f))
                .body("team", empty());
        asAdmin().body(Map.of("id", id, "name", "Again")).post("/api/accounts").then().statusCode(409);
    }

    @Test
    void aMissingBodyIs400NamingTheBody() {
        asAdmin().post("/api/accounts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("body")))
                .body("errors[0].message", equalTo("a JSON body is required"));
        asAdmin().put("/api/accounts/{id}/team/{role}", unique("acme"), "success_manager").then().statusCode(400)
                .body("errors.field", equalTo(List.of("body")));
    }

    @Test
    void aUserWithoutLicenseIs400NamingTheFieldAndIsNotCreated() {
        String email = unique("nolicense") + "@example.com";
        asAdmin().body(Map.of("email", email, "name", "No License")).post("/api/users").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("license")))
                .body("errors[0].message", equalTo("license is required: PRACTITIONER, CONTRIBUTOR or VIEWER"));
        asAdmin().get("/api/users/{email}", email).then().statusCode(404);
    }

    @Test
    void shouldPatchNameAndAttributesRemovingNulls() {
        String id = unique("acme");
        asAdmin().body(Map.of("id", id, "name", "Acme", "attributes", Map.of("stage", "onboarding", "tier", "gold")))
                .post("/api/accounts").then().statusCode(201);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("stage", "adoption");
        attributes.put("tier", null);
        asAdmin().body(Map.of("name", "Acme Corp", "attributes", attributes)).patch("/api/accounts/{id}", id).then()
                .statusCode(200)
                .body("name", equalTo("Acme Corp"))
                .body("attributes.stage", equalTo("adoption"))
                .body("attributes", not(hasKey("tier")));
    }

    @Test
    void shouldRefuseNonScalarAttributesNamingTheFieldAndKeepTheAccount() {
        String id = unique("acme");
        asAdmin().body(Map.of("id", id, "name", "Acme", "attributes", Map.of("stage", "onboarding")))
                .post("/api/accounts").then().statusCode(201);
        asAdmin().body(Map.of("attributes", Map.of("stage", "adoption", "contacts", List.of("a", "b"))))
                .patch("/api/accounts/{id}", id).then().statusCode(400)
                .body("errors[0].field", equalTo("attributes.contacts"));
        asAdmin().get("/api/accounts/{id}", id).then().body("attributes.stage", equalTo("onboarding"));
    }

    @Test
    void shouldRefuseMissingIdAndNameAndMalformedJson() {
        asAdmin().body(Map.of("name", "No id")).post("/api/accounts").then().statusCode(400).body("errors[0].field", equalTo("id"));
        asAdmin().body(Map.of("id", unique("x"))).post("/api/accounts").then().statusCode(400).body("errors[0].field", equalTo("name"));
        asAdmin().body("{\"id\": ").post("/api/accounts").then().statusCode(400).body("title", equalTo("Malformed JSON"));
        asAdmin().get("/api/accounts/{id}", "no-such-account").then().statusCode(404).body("status", equalTo(404));
    }
}
