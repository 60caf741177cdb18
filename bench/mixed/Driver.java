import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mixed HTTP load on a running Teamplay service: CLIENTS clients for DURATION seconds, together at RATE requests per
 * second (each client paced at RATE / CLIENTS; a client that falls behind its pace sends at once, never drops one).
 * Each request is one of the REST contract's everyday changes, on a random account b0..b(ACCOUNTS-1):
 * 40 % change the Success Manager (PUT /api/accounts/{id}/team/success_manager, one of MEMBERS users m{i}@bench.example),
 * 30 % change attributes (PATCH /api/accounts/{id}: health green/red and a score),
 * 15 % create a task through the role (POST /api/tasks), 15 % complete one the client created (POST /api/tasks/{id}/done).
 * Prints the requests per second achieved, the failed ones (status >= 400 or no answer) and the latency p50/p99 per
 * kind; writes every request (kind, status, start ms since the load began, latency ms) to OUT when set.
 *
 * java bench/mixed/Driver.java   (settings as environment variables: BASE, TOKEN, CLIENTS, RATE, DURATION (s), ACCOUNTS,
 *                                 MEMBERS, OUT)
 */
public class Driver {
    static final String BASE = env("BASE", "http://127.0.0.1:19030");
    static final String TOKEN = env("TOKEN", "events-bench-admin-token-0123456789abcdef");
    static final int CLIENTS = Integer.parseInt(env("CLIENTS", "16"));
    static final double RATE = Double.parseDouble(env("RATE", "155"));
    static final int SECONDS = Integer.parseInt(env("DURATION", "60"));
    static final int ACCOUNTS = Integer.parseInt(env("ACCOUNTS", "200"));
    static final int MEMBERS = Integer.parseInt(env("MEMBERS", "5"));
    static final Pattern TASK_ID = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}]+)");

    record Sample(String kind, int status, long startMs, double latencyMs) {}

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        long interval = (long) (1e9 * CLIENTS / RATE);
        List<List<Sample>> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<Sample> samples = new ArrayList<>();
            perClient.add(samples);
            long offset = interval * c / CLIENTS;   // spread the clients' first requests over one interval
            Thread t = new Thread(() -> client(http, start, start + offset, end, interval, samples), "client-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Sample> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        report(all, elapsed);
        String out = System.getenv("OUT");
        if (out != null && !out.isBlank()) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(out)))) {
                w.println("kind,status,start_ms,latency_ms");
                for (Sample s : all) {
                    w.printf("%s,%d,%d,%.2f%n", s.kind(), s.status(), s.startMs(), s.latencyMs());
                }
            }
        }
    }

    static void client(HttpClient http, long start, long first, long end, long interval, List<Sample> samples) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Deque<String> openTasks = new ArrayDeque<>();
        long next = first;
        while (true) {
            long now = System.nanoTime();
            if (next > now) {
                sleepNanos(next - now);
            }
            if (System.nanoTime() >= end) {
                return;
            }
            next += interval;
            String account = "b" + random.nextInt(ACCOUNTS);
            int pick = random.nextInt(100);
            String kind;
            HttpRequest request;
            if (pick < 40) {
                kind = "seat";
                request = json("PUT", "/api/accounts/" + account + "/team/success_manager",
                    "{\"email\":\"m" + random.nextInt(MEMBERS) + "@bench.example\"}");
            } else if (pick < 70) {
                kind = "attributes";
                request = json("PATCH", "/api/accounts/" + account, "{\"attributes\":{\"health\":\""
                    + (random.nextBoolean() ? "green" : "red") + "\",\"score\":" + random.nextInt(1000) + "}}");
            } else if (pick < 85 || openTasks.isEmpty()) {
                kind = "task-create";
                request = json("POST", "/api/tasks",
                    "{\"accountId\":\"" + account + "\",\"title\":\"Follow-up call\",\"role\":\"success_manager\"}");
            } else {
                kind = "task-done";
                request = json("POST", "/api/tasks/" + openTasks.pollFirst() + "/done", "");
            }
            long sent = System.nanoTime();
            int status;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (kind.equals("task-create") && status == 201) {
                    Matcher m = TASK_ID.matcher(response.body());
                    if (m.find()) {
                        openTasks.addLast(m.group(1));
                    }
                }
            } catch (IOException | InterruptedException e) {
                status = 0;
            }
            long done = System.nanoTime();
            samples.add(new Sample(kind, status, (sent - start) / 1_000_000, (done - sent) / 1e6));
        }
    }

    static HttpRequest json(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
            .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
    }

    static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void report(List<Sample> all, double elapsed) {
        long failed = all.stream().filter(s -> s.status() == 0 || s.status() >= 400).count();
        System.out.printf("requests %d in %.1f s = %.1f/s (target %.0f/s, %d clients); failed %d%n",
            all.size(), elapsed, all.size() / elapsed, RATE, CLIENTS, failed);
        Map<String, List<Sample>> byKind = new TreeMap<>();
        byKind.put("all", all);
        for (Sample s : all) {
            byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
        }
        for (var e : byKind.entrySet()) {
            double[] ms = e.getValue().stream().mapToDouble(Sample::latencyMs).sorted().toArray();
            Map<Integer, Long> statuses = new TreeMap<>();
            e.getValue().forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
            System.out.printf("latency %-11s n=%-6d p50 %.1f ms p99 %.1f ms max %.1f ms; statuses %s%n", e.getKey(),
                ms.length, pct(ms, 0.50), pct(ms, 0.99), ms.length == 0 ? 0 : ms[ms.length - 1], statuses);
        }
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
