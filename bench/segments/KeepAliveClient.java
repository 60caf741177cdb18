import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The segments bench's client as a real one is: one JVM, kept-alive HTTP/1.1 connections, a warm service.
 * For each path, on each base URL (several: their requests interleaved one by one, so both see the same machine):
 * WARMUP requests, then SAMPLES timed ones (request sent to body read). Prints one line per path: "p50 p95 total"
 * for each base, in ms; total is the page's total ("200+" when bounded), "-" for a body without one.
 *
 *   java KeepAliveClient.java TOKEN WARMUP SAMPLES OUT_DIR http://host:port[,http://host:port2] path...
 */
public class KeepAliveClient {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern INEXACT = Pattern.compile("\"totalExact\"\\s*:\\s*false");

    public static void main(String[] args) throws Exception {
        String token = args[0];
        int warmup = Integer.parseInt(args[1]);
        int samples = Integer.parseInt(args[2]);
        String[] bases = args[4].split(",");
        List<HttpClient> clients = new ArrayList<>();
        for (String ignored : bases) { // a connection (pool) per service
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
        for (int p = 5; p < args.length; p++) {
            HttpRequest[] requests = new HttpRequest[bases.length];
            for (int b = 0; b < bases.length; b++) {
                requests[b] = HttpRequest.newBuilder(URI.create(bases[b] + args[p]))
                        .header("Authorization", "Bearer " + token).GET().build();
            }
            for (int i = 0; i < warmup; i++) {
                for (int b = 0; b < bases.length; b++) {
                    clients.get(b).send(requests[b], HttpResponse.BodyHandlers.ofString());
                }
            }
            double[][] ms = new double[bases.length][samples];
            String[] bodies = new String[bases.length];
            for (int i = 0; i < samples; i++) {
                for (int b = 0; b < bases.length; b++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = clients.get(b).send(requests[b], HttpResponse.BodyHandlers.ofString());
                    ms[b][i] = (System.nanoTime() - t0) / 1e6;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(bases[b] + args[p] + " answered " + response.statusCode() + ": " + response.body());
                    }
                    bodies[b] = response.body();
                }
            }
            StringBuilder line = new StringBuilder();
            for (int b = 0; b < bases.length; b++) {
                Arrays.sort(ms[b]);
                line.append(String.format("%s%.1f %.1f %s", b == 0 ? "" : " ", ms[b][rank(samples, 0.50)],
                        ms[b][rank(samples, 0.95)], total(bodies[b])));
            }
            System.out.println(line);
        }
    }

    private static String total(String body) {
        Matcher total = TOTAL.matcher(body);
        return !total.find() ? "-" : total.group(1) + (INEXACT.matcher(body).find() ? "+" : "");
    }

    /** The same nearest-rank percentile the bench's shell side uses. */
    private static int rank(int n, double p) {
        return Math.max(1, (int) (n * p + 0.5)) - 1;
    }
}
