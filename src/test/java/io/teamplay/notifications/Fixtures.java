package io.teamplay.notifications;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Fixtures over HTTP with the test admin token, and reading what GreenMail received. */
final class Fixtures {

    static final String ADMIN_TOKEN = "test-admin-token-at-least-32-characters";
    static final String SUCCESS_MANAGER = "success_manager";
    static final String SALES_MANAGER = "sales_manager";
    private static final AtomicInteger RUN = new AtomicInteger();

    private Fixtures() {
    }

    /** A prefix no other test uses, so each test's users, accounts and mail domain are its own. */
    static String unique(String name) {
        return name + RUN.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    static RequestSpecification asAdmin() {
        return as(ADMIN_TOKEN);
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static String user(String email, String name, String permission, String... teams) {
        asAdmin().body(Map.of("email", email, "name", name, "license", "PRACTITIONER", "permission", permission,
                        "teams", List.of(teams)))
                .post("/api/users").then().statusCode(201);
        return email;
    }

    static String user(String email, String name) {
        return user(email, name, "STANDARD");
    }

    static String tokenOf(String email) {
        return asAdmin().post("/api/users/{email}/tokens", email).then().statusCode(201).extract().path("token");
    }

    static String account(String id, String name, Map<String, Object> attributes) {
        asAdmin().body(Map.of("id", id, "name", name, "attributes", attributes)).post("/api/accounts").then().statusCode(201);
        return id;
    }

    static String account(String id, String name) {
        return account(id, name, Map.of());
    }

    static void assign(String token, String accountId, String role, String email) {
        as(token).body(Map.of("email", email)).put("/api/accounts/{id}/team/{role}", accountId, role).then().statusCode(200);
    }

    static long task(String accountId, String title, String role) {
        return ((Number) asAdmin().body(Map.of("accountId", accountId, "title", title, "role", role))
                .post("/api/tasks").then().statusCode(201).extract().path("id")).longValue();
    }

    static void policy(String policy) {
        asAdmin().body(Map.of("policy", policy)).put("/api/settings/task-ownership-policy").then().statusCode(200);
    }

    static Map<String, Integer> runDigest() {
        return asAdmin().post("/api/digests/run").then().statusCode(200).extract().jsonPath().getMap("");
    }

    static List<MimeMessage> to(MimeMessage[] received, String recipient) {
        return Arrays.stream(received).filter(m -> recipientsOf(m).contains(recipient)).toList();
    }

    static List<String> recipientsOf(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of the given type ("text/plain", "text/html") of a multipart/alternative email. */
    static String part(MimeMessage message, String type) {
        try {
            return find(message.getContent(), message.getContentType(), type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Object content, String contentType, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = find(part.getContent(), part.getContentType(), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return contentType != null && contentType.toLowerCase().startsWith(type) ? content.toString() : null;
    }
}
