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
 * Load for bench/execute-benchmark.sh (run as a single-file program): CLIENTS threads each submit
 * BODY to POST /execute and follow the run's event stream to its end, for SECONDS. Prints runs/s,
 * p50/p99 latency (submit to done), refusals (429) and lost runs (accepted, no final status).
 *
 *   java bench/ExecuteLoad.java BASE_URL BODY_FILE CLIENTS SECONDS
 */
public class ExecuteLoad {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{32})\"");
    private static final Pattern FINAL = Pattern.compile("\"status\":\"(succeeded|failed|compile_error|timed_out|memory_limit|output_limit)\"");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String body = java.nio.file.Files.readString(java.nio.file.Path.of(args[1]));
        int clients = Integer.parseInt(args[2]);
        long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger failedStatus = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            jobs.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(base.resolve("execute"))
                                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (accepted.statusCode() == 429) {
                            refused.incrementAndGet();
                            Thread.sleep(50);
                            continue;
                        }
                        Matcher id = ID.matcher(accepted.body());
                        if (accepted.statusCode() != 202 || !id.find()) {
                            throw new IllegalStateException("unexpected answer " + accepted.statusCode() + " " + accepted.body());
                        }
                        // The event stream closes after "done"; then the run must answer a final status.
                        http.send(HttpRequest.newBuilder(base.resolve("runs/" + id.group(1) + "/events")).timeout(Duration.ofSeconds(60)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        String run = http.send(HttpRequest.newBuilder(base.resolve("runs/" + id.group(1))).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        Matcher status = FINAL.matcher(run);
                        if (!status.find()) {
                            lost.incrementAndGet();
                        } else {
                            if (!status.group(1).equals("succeeded")) {
                                failedStatus.incrementAndGet();
                            }
                            latencies.add((System.nanoTime() - t0) / 1000);
                        }
                    } catch (Exception e) {
                        lost.incrementAndGet();
                        System.err.println("error: " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("clients=%d runs=%d runs/s=%.1f p50=%.1fms p99=%.1fms refused429=%d lost=%d not-succeeded=%d%n",
                clients, sorted.size(), sorted.size() / seconds, pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0,
                refused.get(), lost.get(), failedStatus.get());
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
