package dev.wasmtutorial.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One site, whatever starts the build: what `./mvnw package` published (site/) is byte for byte
 * what `java -jar target/wasm-tutorial.jar build` and `serve --watch` publish from the same
 * project with no options, the development server's live-reload script aside.
 */
class OneSiteIT {

    private static final Path JAR = Path.of("target/wasm-tutorial.jar");
    private static final Pattern LIVE_RELOAD_TAG = Pattern.compile("<script src=\"(\\.\\./)*assets/livereload\\.js\"></script>");

    @TempDir
    Path tmp;

    private final Path site = Path.of(System.getProperty("site.dir", "site")).toAbsolutePath();

    @Test
    void theJarPublishesWhatMavenPublished() throws Exception {
        Path out = tmp.resolve("jar-site");
        Process build = jar("build", "--out", out.toString()).start();
        String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(build.exitValue()).as(log).isZero();
        assertThat(log).doesNotContain("note: no front-end build").contains("post-process:");
        Map<String, String> jarSite = files(out, false);
        assertThat(differences(jarSite, files(site, false))).isEmpty();
        assertThat(jarSite).isEqualTo(files(site, false));
    }

    @Test
    void serveWatchPublishesTheSameSitePlusItsLiveReloadScript() throws Exception {
        Path out = tmp.resolve("dev-site");
        Process serve = jar("serve", "--watch", "--port", "0", "--dir", out.toString()).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> log = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("serving ")) {
                log.add(line);
            }
            assertThat(line).as(String.join("\n", log)).isNotNull();
            Map<String, String> dev = files(out, true);
            Map<String, String> built = files(site, false);
            assertThat(dev.remove("assets/livereload.js")).contains("__livereload");
            // The service worker's cache name hashes every file (the extra one too), and it may list it: compare the rest.
            dev.put("sw.js", withoutCacheName(dev.get("sw.js").replace("  'assets/livereload.js',\n", "")));
            built.put("sw.js", withoutCacheName(built.get("sw.js")));
            assertThat(differences(dev, built)).isEmpty();
            assertThat(dev).isEqualTo(built);
        } finally {
            serve.destroy();
            serve.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static String withoutCacheName(String sw) {
        return sw.replaceFirst("const CACHE = PREFIX \\+ '[0-9a-f]+';", "const CACHE = PREFIX + '…';");
    }

    /** Site paths present in only one of the two, or with different contents (a readable failure). */
    private static List<String> differences(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all.stream().filter(k -> !java.util.Objects.equals(a.get(k), b.get(k))).toList();
    }

    private ProcessBuilder jar(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Every file's text (hex for binary files), by site path; with {@code dropLiveReload}, HTML without its tag. */
    private static Map<String, String> files(Path dir, boolean dropLiveReload) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                String name = dir.relativize(p).toString().replace('\\', '/');
                String text = name.endsWith(".html") || name.endsWith(".js") || name.endsWith(".json")
                        ? new String(bytes, StandardCharsets.UTF_8) : java.util.HexFormat.of().formatHex(bytes);
                out.put(name, dropLiveReload && name.endsWith(".html") ? LIVE_RELOAD_TAG.matcher(text).replaceAll("") : text);
            }
        }
        return out;
    }
}
