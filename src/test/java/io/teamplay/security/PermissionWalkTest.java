package io.teamplay.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static io.teamplay.TestFixtures.ADMIN_TOKEN;
import static io.teamplay.TestFixtures.account;
import static io.teamplay.TestFixtures.asAdmin;
import static io.teamplay.TestFixtures.task;
import static io.teamplay.TestFixtures.tokenOf;
import static io.teamplay.TestFixtures.unique;
import static io.teamplay.TestFixtures.userWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Walks every operation of the OpenAPI document and proves the README's permission table on it: 401 without a token
 * (or with a bad one), 403 for READ_ONLY on every change, 403 for each permission below the lowest allowed, and
 * neither 401 nor 403 from the lowest allowed up. An operation missing from {@link #LOWEST} fails the walk: a new
 * endpoint is not done until its permission is written down here.
 */
@QuarkusTest
class PermissionWalkTest {

    /** Strongest first: a permission allows an operation when it is at least the operation's lowest. */
    private static final List<String> LADDER = List.of("ADMIN", "ADVANCED", "STANDARD", "READ_ONLY");

    /** Every operation, and the lowest permission that may call it. */
    private static final Map<String, String> LOWEST = new TreeMap<>(Map.ofEntries(
            // users: managed by ADMIN users; read by anyone; a token for oneself (checked against the path)
            Map.entry("POST /api/users", "ADMIN"),
            Map.entry("GET /api/users", "READ_ONLY"),
            Map.entry("GET /api/users/{email}", "READ_ONLY"),
            Map.entry("PATCH /api/users/{email}", "ADMIN"),
            Map.entry("POST /api/users/{email}/tokens", "READ_ONLY"),
            Map.entry("POST /api/users/{email}/disable", "ADMIN"),
            Map.entry("POST /api/users/{email}/enable", "ADMIN"),
            Map.entry("POST /api/users/{email}/password-link", "ADMIN"),
            // a user's leave: read by anyone; set and ended by the user themself or an ADMIN (the walk acts on a
            // bystander, so below ADMIN the data refuses it)
            Map.entry("GET /api/users/{email}/availability", "READ_ONLY"),
            Map.entry("PUT /api/users/{email}/availability", "ADMIN"),
            Map.entry("DELETE /api/users/{email}/availability", "ADMIN"),
            // account roles and the task-ownership policy: ADMIN or ADVANCED
            Map.entry("GET /api/roles", "READ_ONLY"),
            Map.entry("GET /api/roles/{key}", "READ_ONLY"),
            Map.entry("POST /api/roles", "ADVANCED"),
            Map.entry("PATCH /api/roles/{key}", "ADVANCED"),
            Map.entry("DELETE /api/roles/{key}", "ADVANCED"),
            Map.entry("GET /api/settings/task-ownership-policy", "READ_ONLY"),
            Map.entry("PUT /api/settings/task-ownership-policy", "ADVANCED"),
            // accounts, teams, segments, imports, tasks: STANDARD changes
            Map.entry("POST /api/accounts", "STANDARD"),
            Map.entry("GET /api/accounts", "READ_ONLY"),
            Map.entry("GET /api/accounts/{id}", "READ_ONLY"),
            Map.entry("PATCH /api/accounts/{id}", "STANDARD"),
            Map.entry("PUT /api/accounts/{id}/team/{role}", "STANDARD"),
            Map.entry("DELETE /api/accounts/{id}/team/{role}", "STANDARD"),
            Map.entry("GET /api/accounts/{id}/history", "READ_ONLY"),
            Map.entry("POST /api/accounts/bulk-assign", "STANDARD"),
            // saved segments: read by anyone, written by ADMIN or ADVANCED
            Map.entry("POST /api/segments", "ADVANCED"),
            Map.entry("GET /api/segments", "READ_ONLY"),
            Map.entry("GET /api/segments/{name}", "READ_ONLY"),
            Map.entry("PUT /api/segments/{name}", "ADVANCED"),
            Map.entry("DELETE /api/segments/{name}", "ADVANCED"),
            Map.entry("POST /api/accounts/bulk-clear", "STANDARD"),
            Map.entry("POST /api/imports/accounts", "STANDARD"),
            Map.entry("GET /api/imports/{id}", "STANDARD"),
            Map.entry("POST /api/tasks", "STANDARD"),
            Map.entry("GET /api/tasks", "READ_ONLY"),
            Map.entry("GET /api/tasks/{id}", "READ_ONLY"),
            Map.entry("POST /api/tasks/{id}/done", "STANDARD"),
            // one's own notifications (the path and the data say whose); the digest: ADMIN
            Map.entry("GET /api/notifications", "READ_ONLY"),
            Map.entry("POST /api/notifications/{id}/read", "READ_ONLY"),
            Map.entry("POST /api/notifications/read-all", "READ_ONLY"),
            Map.entry("POST /api/digests/run", "ADMIN"),
            Map.entry("GET /api/digests/items", "ADMIN"),
            // plays: read by anyone; saved and run by ADVANCED members of the play's team (ADMIN: any play)
            Map.entry("GET /api/plays", "READ_ONLY"),
            Map.entry("GET /api/plays/{name}", "READ_ONLY"),
            Map.entry("PUT /api/plays/{name}", "ADVANCED"),
            Map.entry("POST /api/plays/{name}/activate", "ADVANCED"),
            Map.entry("POST /api/plays/{name}/deactivate", "ADVANCED"),
            Map.entry("POST /api/plays/{name}/dry-run", "ADVANCED"),
            Map.entry("POST /api/plays/{name}/preview", "ADVANCED"),
            Map.entry("GET /api/plays/{name}/runs", "READ_ONLY"),
            Map.entry("GET /api/plays/{name}/versions", "READ_ONLY"),
            Map.entry("GET /api/plays/{name}/versions/{version}", "READ_ONLY"),
            Map.entry("GET /api/plays/{name}/versions/{version}/diff", "READ_ONLY"),
            Map.entry("POST /api/plays/{name}/versions/{version}/activate", "ADVANCED"),
            Map.entry("GET /api/plays/{name}/export", "READ_ONLY"),
            // events from outside: STANDARD (a DAILY replay: ADMIN, see PlayPermissionsTest)
            Map.entry("POST /api/events", "STANDARD"),
            Map.entry("GET /api/events/{id}", "READ_ONLY")));

    /** The changes READ_ONLY users may make: on their own things only, which the data decides, not the permission. */
    private static final Set<String> SELF_SERVICE = Set.of("POST /api/users/{email}/tokens",
            "POST /api/notifications/{id}/read", "POST /api/notifications/read-all");

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    /** Who calls: one user per permission, each with a token. */
    private record Caller(String permission, String email, String token) {
    }

    private final Map<String, Caller> callers = new TreeMap<>();
    private String walkTeam;
    private String target;
    private String accountId;
    private long taskId;
    private String roleKey;
    private String play;

    @TestFactory
    Stream<DynamicTest> everyOperationKeepsThePermissionTable() {
        Map<String, Map<String, Object>> operations = operations();
        assertEquals(new TreeSet<>(LOWEST.keySet()), new TreeSet<>(operations.keySet()),
                "the permission table and the OpenAPI document list the same operations");
        createFixtures();
        return operations.entrySet().stream()
                .map(op -> DynamicTest.dynamicTest(op.getKey(), () -> walk(op.getKey(), op.getValue())));
    }

    private void walk(String operation, Map<String, Object> definition) {
        String lowest = LOWEST.get(operation);
        String method = operation.substring(0, operation.indexOf(' '));
        if (!method.equals("GET")) {
            assertEquals(SELF_SERVICE.contains(operation), lowest.equals("READ_ONLY"),
                    operation + ": READ_ONLY users make no change but self-service ones");
        }

        Response anonymous = call(given(), operation, definition, null);
        assertEquals(401, anonymous.statusCode(), operation + " without a token: " + anonymous.asString());
        assertTrue(anonymous.contentType().startsWith("application/problem+json"), operation + ": a problem document");
        Response badToken = call(given().auth().oauth2("tp_not-a-token"), operation, definition, null);
        assertEquals(401, badToken.statusCode(), operation + " with an unknown token: " + badToken.asString());

        int rank = LADDER.indexOf(lowest);
        for (int i = 0; i < LADDER.size(); i++) {
            Caller caller = callers.get(LADDER.get(i));
            Response answer = call(given().auth().oauth2(caller.token()), operation, definition, caller);
            if (i > rank) {
                assertEquals(403, answer.statusCode(), operation + " as " + caller.permission() + ": " + answer.asString());
                assertTrue(answer.contentType().startsWith("application/problem+json"), operation + ": a problem document");
            } else {
                assertTrue(answer.statusCode() != 401 && answer.statusCode() != 403,
                        operation + " as " + caller.permission() + " answered " + answer.statusCode() + ": " + answer.asString());
            }
        }
    }

    private Response call(RequestSpecification request, String operation, Map<String, Object> definition, Caller caller) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = fill(operation.substring(operation.indexOf(' ') + 1), caller);
        String mediaType = requestMediaType(definition);
        if (mediaType != null) {
            request = request.contentType(mediaType).body(mediaType.contains("json") ? "{}" : "");
        }
        return request.request(method, path);
    }

    /** Path parameters get existing fixtures, so a permission that passes reaches the method's own checks. */
    private String fill(String template, Caller caller) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                // a token is asked for oneself (what a READ_ONLY user may do); other user calls act on a bystander
                case "email" -> template.endsWith("/tokens") && caller != null ? caller.email() : target;
                case "key" -> roleKey;
                case "role" -> "success_manager";
                case "name" -> play;
                case "version" -> "1";
                case "id" -> template.startsWith("/api/accounts/") ? accountId
                        : template.startsWith("/api/tasks/") ? String.valueOf(taskId)
                        : template.startsWith("/api/notifications/") ? "987654321"
                        : template.startsWith("/api/events/") ? "walk-unknown-event"
                        : template.startsWith("/api/imports/") ? "imp-walk-unknown"
                        : fail("no fixture for {id} in " + template);
                default -> fail("no fixture for {" + m.group(1) + "} in " + template + ": add one to the walk");
            };
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return m.appendTail(path).toString();
    }

    @SuppressWarnings("unchecked")
    private static String requestMediaType(Map<String, Object> definition) {
        Map<String, Object> body = (Map<String, Object>) definition.get("requestBody");
        if (body == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) body.get("content");
        return content.keySet().stream().filter(t -> t.contains("json")).findFirst()
                .orElse(content.keySet().stream().filter(t -> !t.contains("*")).findFirst().orElse("text/plain"));
    }

    /** Every operation of the document, as "METHOD /path" to its definition. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        assertNotNull(paths);
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options");
        paths.forEach((path, item) -> item.forEach((method, definition) -> {
            if (methods.contains(method)) {
                operations.put(method.toUpperCase() + " " + path, (Map<String, Object>) definition);
            }
        }));
        return operations;
    }

    private void createFixtures() {
        walkTeam = unique("Walk");
        for (String permission : LADDER) {
            String email = userWith(unique(permission.toLowerCase().replace('_', '-')) + "@example.com",
                    "Walker " + permission, "PRACTITIONER", permission, walkTeam);
            callers.put(permission, new Caller(permission, email, tokenOf(email)));
        }
        target = userWith(unique("target") + "@example.com", "Walk Target", "PRACTITIONER", "STANDARD");
        accountId = account();
        taskId = task(accountId, "walk task", target, null, "MANUAL");
        String displayName = "Walk " + unique("r").replace("-", "");
        roleKey = asAdmin().body(Map.of("displayName", displayName)).post("/api/roles")
                .then().statusCode(201).extract().path("key");
        // a play of the walkers' team that never fires: activating it changes nothing for other tests
        String attribute = "walk" + unique("a").replace("-", "");
        play = "walk-" + unique("play");
        given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain")
                .body("// team: " + walkTeam + "\nexpander plays.dsl\n\nrule \"walk\"\nwhen\n    the " + attribute
                        + " changes to \"never\"\nthen\n    notify the \"Success Manager\" that \"walk\"\nend\n")
                .put("/api/plays/{name}.dslr", play).then().statusCode(201);
    }

    @AfterEach
    void deactivateTheWalkPlay() {
        if (play != null) {
            asAdmin().post("/api/plays/{name}/deactivate", play).then().statusCode(200);
        }
    }
}
