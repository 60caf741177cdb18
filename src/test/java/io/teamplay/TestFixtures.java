package io.teamplay;

import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Fixtures created over HTTP, as a client would, with unique ids so test classes never collide. */
public final class TestFixtures {

    public static final String ADMIN_TOKEN = "test-admin-token-at-least-32-characters";
    public static final String SUCCESS_MANAGER = "success_manager";
    public static final String SALES_MANAGER = "sales_manager";

    private TestFixtures() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN_TOKEN).contentType("application/json");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a user and answers their (normalised) email. */
    public static String user(String name, String license, String... teams) {
        return userWith(unique(name.toLowerCase().replace(' ', '.')) + "@example.com", name, license, "STANDARD", teams);
    }

    /** A PRACTITIONER with STANDARD permission under the given email (tests of emails choose the domain). */
    public static String userWith(String email, String name) {
        return userWith(email, name, "PRACTITIONER", "STANDARD");
    }

    public static String userWith(String email, String name, String license, String permission, String... teams) {
        return asAdmin().body(Map.of("email", email, "name", name, "license", license, "permission", permission,
                        "teams", List.of(teams)))
                .post("/api/users").then().statusCode(201).extract().path("email");
    }

    public static String tokenOf(String email) {
        return asAdmin().post("/api/users/{email}/tokens", email).then().statusCode(201).extract().path("token");
    }

    public static String account(Map<String, Object> attributes) {
        String id = unique("acct");
        return account(id, "Account " + id, attributes);
    }

    public static String account(String id, String name, Map<String, Object> attributes) {
        asAdmin().body(Map.of("id", id, "name", name, "attributes", attributes)).post("/api/accounts").then().statusCode(201);
        return id;
    }

    public static String account() {
        return account(Map.of());
    }

    public static void assign(String accountId, String role, String email) {
        assignAs(ADMIN_TOKEN, accountId, role, email);
    }

    /** Changes the seat as the token's user (who is then told of the tasks that moved). */
    public static void assignAs(String token, String accountId, String role, String email) {
        as(token).body(Map.of("email", email)).put("/api/accounts/{id}/team/{role}", accountId, role).then().statusCode(200);
    }

    /** Creates an open task and answers its id. */
    public static long task(String accountId, String title, String assignee, String role, String source) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("accountId", accountId, "title", title, "source", source));
        if (assignee != null) {
            body.put("assignee", assignee);
        }
        if (role != null) {
            body.put("role", role);
        }
        return asAdmin().body(body).post("/api/tasks").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    public static String assigneeOfTask(long id) {
        return asAdmin().get("/api/tasks/{id}", id).then().statusCode(200).extract().path("assignee");
    }

    /** A browser's session in the web app: its cookie and the CSRF token its forms carry. */
    public record WebSession(String cookie, String csrf) {

        public RequestSpecification given() {
            return io.restassured.RestAssured.given().redirects().follow(false).cookie("tp_session", cookie);
        }
    }

    /** Signs in to the web app as a browser does (the form's double-submit token included). */
    public static WebSession signIn(String email, String token) {
        var form = given().get("/sign-in").then().statusCode(200).extract();
        String cookie = given().redirects().follow(false).cookie("tp_sign_in", form.cookie("tp_sign_in"))
                .formParam("email", email).formParam("token", token)
                .formParam("csrf", csrfIn(form.asString())).formParam("next", "/accounts")
                .post("/sign-in").then().statusCode(303).extract().cookie("tp_session");
        String page = given().cookie("tp_session", cookie).get("/notifications").then().statusCode(200).extract().asString();
        return new WebSession(cookie, csrfIn(page));
    }

    /** The CSRF token of the first form on an HTML page. */
    public static String csrfIn(String html) {
        var found = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!found.find()) {
            throw new AssertionError("no CSRF field on the page");
        }
        return found.group(1);
    }

    public static void policy(String policy) {
        asAdmin().body(Map.of("policy", policy)).put("/api/settings/task-ownership-policy").then().statusCode(200);
    }
}
