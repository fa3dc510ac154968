import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side Python through serve --api: submit {"language":"python","code":"print(1)"}, then
 * follow the run's event stream to its end (one request more, as a client would), and time
 * submit -> done. Sequential runs give latency while the pool is not exhausted; concurrent
 * clients for a fixed time give the sustained rate. Plain JDK, no dependencies.
 *
 *   java bench/PythonApiBench.java http://127.0.0.1:8120/ SEQUENTIAL PAUSE_MS CLIENTS SECONDS
 */
public class PythonApiBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z_]+)\"");
    private static final String BODY = "{\"language\":\"python\",\"code\":\"print(1)\"}";

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int sequential = Integer.parseInt(args[1]);
        long pauseMs = Long.parseLong(args[2]);
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);

        List<Double> latencies = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < sequential; i++) {
            long started = System.nanoTime();
            String status = runOnce(base);
            latencies.add((System.nanoTime() - started) / 1e6);
            if (!status.equals("succeeded")) {
                failed++;
            }
            Thread.sleep(pauseMs); // lets the pool start the replacement, as an idle client would
        }
        Collections.sort(latencies);
        System.out.printf("ours, print(1) submit->done, %d sequential runs %d ms apart: p50 %.0f ms, p99 %.0f ms, min %.0f, max %.0f, not succeeded %d%n",
                sequential, pauseMs, pct(latencies, 50), pct(latencies, 99), latencies.get(0), latencies.get(latencies.size() - 1), failed);

        AtomicInteger done = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> all = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            all.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    try {
                        if (runOnce(base).equals("succeeded")) {
                            done.incrementAndGet();
                        } else {
                            bad.incrementAndGet();
                        }
                    } catch (Exception e) {
                        bad.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("ours, sustained: %d clients for %.1f s: %d runs succeeded (%.2f runs/s), %d not%n",
                clients, elapsed, done.get(), done.get() / elapsed, bad.get());
    }

    /** Submits print(1), follows the event stream to its end, returns the final status. */
    static String runOnce(URI base) throws Exception {
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(base.resolve("execute"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            return "http " + accepted.statusCode();
        }
        Matcher id = ID.matcher(accepted.body());
        if (!id.find()) {
            return "no id";
        }
        // The stream ends when the run is done; its last event is the run's JSON.
        String events = HTTP.send(HttpRequest.newBuilder(base.resolve("runs/" + id.group(1) + "/events"))
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString()).body();
        String last = events.substring(Math.max(0, events.lastIndexOf("event: done")));
        Matcher status = STATUS.matcher(last);
        return status.find() ? status.group(1) : "no final status";
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
