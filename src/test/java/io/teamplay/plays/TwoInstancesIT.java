package io.teamplay.plays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.teamplay.testdb.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service (the PostgreSQL build, {@code target/postgres}) on one database, the test
 * database, as an operator runs them behind a load balancer: a play saved or activated on one is in force on the other
 * within seconds; events posted to both are each handled once (a redelivered one not again), by whichever worker
 * claims them; a digest run started on both at once sends each recipient one email, to a real SMTP server (GreenMail).
 * Runs after {@code package}, by Failsafe in {@code ./mvnw verify}.
 */
class TwoInstancesIT {

    private static final Path JAR = Path.of("target", "postgres", "quarkus-run.jar").toAbsolutePath();
    private static final String TOKEN = "two-instances-it-admin-token-0123456789";
    private static final int ACCOUNTS = 20;
    private static final int EVENTS = 400;
    private static final Duration IN_FORCE_WITHIN = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> services = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private TestDatabase database;
    private GreenMail smtp;
    private Map<String, String> datasource;

    @AfterEach
    void stop() throws Exception {
        for (Process service : services) {
            service.destroy();
        }
        for (Process service : services) {
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheWorkAndThePlaysAndSendEachDigestItemOnce(@TempDir Path folder) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by ./mvnw package");
        database = new TestDatabase();
        datasource = database.start();
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String a = start(folder.resolve("a"), smtpPort);
        String b = start(folder.resolve("b"), smtpPort);
        awaitReady(a);
        awaitReady(b);

        String run = UUID.randomUUID().toString().substring(0, 8);
        String team = "Two " + run;
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = "holder" + i + "-" + run + "@two.example";
            call(a, "POST", "/api/users", "{\"email\":\"" + email + "\",\"name\":\"Holder " + i + "\","
                    + "\"license\":\"PRACTITIONER\",\"teams\":[\"" + team + "\"]}", 201);
            holders.add(email);
        }
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String id = "two-" + run + "-" + i;
            call(i % 2 == 0 ? a : b, "POST", "/api/accounts", "{\"id\":\"" + id + "\",\"name\":\"Two " + run + " " + i
                    + "\",\"attributes\":{}}", 201);
            call(i % 2 == 0 ? b : a, "PUT", "/api/accounts/" + id + "/team/success_manager",
                    "{\"email\":\"" + holders.get(i % holders.size()) + "\"}", 200);
            accounts.add(id);
        }

        String play = "two-" + run;
        String attribute = "step_" + run;
        putPlay(a, play, team, attribute, "v1", 201);
        call(a, "POST", "/api/plays/" + play + "/activate", null, 200);
        long activatedOnB = awaitInForce(b, play, 1);
        putPlay(b, play, team, attribute, "v2", 200); // saving an active play puts the new version in force
        long savedOnA = awaitInForce(a, play, 2);
        awaitInForce(b, play, 2);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String id = "two-" + run + "-e" + i;
            call(i % 2 == 0 ? a : b, "POST", "/api/events", event(id, accounts.get(i % ACCOUNTS), attribute, i), 202);
            ids.add(id);
        }
        for (int i = 0; i < EVENTS; i += 20) { // redelivered to the other instance: known, not queued again
            String answer = call(i % 2 == 0 ? b : a, "POST", "/api/events",
                    event(ids.get(i), accounts.get(i % ACCOUNTS), attribute, i), -1);
            assertTrue(answer.startsWith("200") || answer.startsWith("202"), answer);
        }
        awaitUntil(Duration.ofSeconds(90), () -> count("select count(*) from play_event where id like ? and status = 'PENDING'",
                "two-" + run + "-e%") == 0, "every event handled");

        assertEquals(EVENTS, count("select count(*) from play_event where id like ? and status = 'DONE'", "two-" + run + "-e%"));
        assertEquals(0, count("""
                select count(*) from (select event_id from play_run where play = ? group by event_id having count(*) <> 1) twice""",
                play), "each event's play ran once");
        assertEquals(EVENTS, count("select count(*) from play_run where play = ? and outcome = 'APPLIED'", play));
        assertEquals(EVENTS, count("select count(*) from task where account_id like ? and title = 'Step v2'",
                "two-" + run + "-%"), "one task per event, each by the version in force on both");

        CompletableFuture<String> digestOnA = CompletableFuture.supplyAsync(() -> call(a, "POST", "/api/digests/run", null, 200));
        CompletableFuture<String> digestOnB = CompletableFuture.supplyAsync(() -> call(b, "POST", "/api/digests/run", null, 200));
        CompletableFuture.allOf(digestOnA, digestOnB).get(2, TimeUnit.MINUTES);
        Map<String, Integer> emails = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                emails.merge(to.toString().replaceAll(".*<|>.*", ""), 1, Integer::sum);
            }
        }
        for (String holder : holders) {
            assertEquals(1, emails.getOrDefault(holder, 0), "emails to " + holder + ": " + emails);
            assertEquals(0, count("select count(*) from digest_item where recipient = ? and status <> 'SENT'", holder));
        }
        System.out.printf("two instances: play activated on A in force on B after %d ms, saved on B in force on A after "
                + "%d ms; %d events handled once each; batches handled by A: %d, by B: %d%n", activatedOnB, savedOnA,
                EVENTS, batches(0), batches(1));
    }

    private String start(Path folder, int smtpPort) throws IOException {
        Files.createDirectories(folder.resolve("rules"));
        int port = freePort();
        Path log = folder.resolve("service.log");
        ProcessBuilder start = new ProcessBuilder(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-Dquarkus.http.port=" + port, "-jar", JAR.toString())
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = start.environment();
        env.keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("TEAMPLAY_"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", datasource.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", datasource.get("quarkus.datasource.username"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", datasource.getOrDefault("quarkus.datasource.password", ""));
        env.put("TEAMPLAY_ADMIN_TOKEN", TOKEN);
        env.put("TEAMPLAY_DIGEST_EVERY", "off");
        env.put("QUARKUS_MAILER_MOCK", "false");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(smtpPort));
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        services.add(start.start());
        logs.add(log);
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(String base) {
        awaitUntil(Duration.ofMinutes(2), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }, base + " ready");
    }

    /** Waits until the instance shows the play active at the version (the version in force there); answers the ms. */
    private long awaitInForce(String base, String play, int version) {
        long start = System.nanoTime();
        awaitUntil(IN_FORCE_WITHIN, () -> {
            String answer = call(base, "GET", "/api/plays/" + play, null, -1); // 404 until it learns of the play
            return answer.startsWith("200 ") && answer.contains("\"active\":true")
                    && answer.contains("\"version\":" + version + ",");
        }, play + " version " + version + " in force on " + base);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void putPlay(String base, String play, String team, String attribute, String title, int status) {
        String source = "// team: " + team + "\nrule \"step\"\nwhen\n    $e : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == \""
                + attribute + "\" )\n    $a : Account( id == $e.accountId )\nthen\n"
                + "    actions.createTask(\"Success Manager\", \"Step " + title + "\", 3);\nend\n";
        call(base, "PUT", "/api/plays/" + play + ".drl", source, status, "text/plain");
    }

    private static String event(String id, String account, String attribute, int i) {
        return "{\"id\":\"" + id + "\",\"type\":\"ATTRIBUTE_CHANGED\",\"accountId\":\"" + account + "\",\"attribute\":\""
                + attribute + "\",\"oldValue\":\"x\",\"newValue\":\"v" + i + "\"}";
    }

    private String call(String base, String method, String path, String body, int status) {
        return call(base, method, path, body, status, "application/json");
    }

    /** The body, or with status -1 the status and the body. */
    private String call(String base, String method, String path, String body, int status, String type) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", type)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (status < 0) {
                return response.statusCode() + " " + response.body();
            }
            assertEquals(status, response.statusCode(), method + " " + base + path + ": " + response.body());
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(datasource.get("quarkus.datasource.jdbc.url"),
                datasource.get("quarkus.datasource.username"), datasource.getOrDefault("quarkus.datasource.password", ""));
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Batches the instance's workers handled (its log's lines). */
    private long batches(int instance) throws IOException {
        return Files.readAllLines(logs.get(instance)).stream().filter(l -> l.contains("event(s) handled")).count();
    }

    private void awaitUntil(Duration atMost, Check check, String what) {
        long end = System.nanoTime() + atMost.toNanos();
        try {
            while (System.nanoTime() < end) {
                if (check.ok()) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException(what, e);
        }
        throw new AssertionError(what + ": not within " + atMost + "; the services' logs: " + logs);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
