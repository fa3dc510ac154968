package dev.wasmtutorial.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.RealPaths;
import dev.wasmtutorial.config.SourceTree;
import dev.wasmtutorial.content.SiteLayout;
import dev.wasmtutorial.content.TextFiles;
import dev.wasmtutorial.markdown.LinkRewriter;
import dev.wasmtutorial.wasm.DemoStage;
import dev.wasmtutorial.wasm.ModuleReport;
import dev.wasmtutorial.wasm.ModuleValidator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes one validated demo: its files under the demo's name, a JSON report beside each
 * module, and its HTML pages with the module inspector filled in (and the configured extra
 * script, e.g. the development server's live reload).
 */
public final class DemoPublisher {

    /** An HTML page of a demo as published: its site path, and the file it came from. */
    public record PublishedPage(String sitePath, String display, Path file) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final SiteConfig config;
    private final SiteLayout layout;
    private final StagingSite staging;
    private final LinkRewriter links;

    public DemoPublisher(SiteConfig config, SiteLayout layout, StagingSite staging) {
        this.config = config;
        this.layout = layout;
        this.staging = staging;
        this.links = new LinkRewriter(layout, config.projectRoot());
    }

    public List<PublishedPage> publish(DemoStage.DemoResult demo) {
        List<ModuleReport> reports = demo.modules().stream().map(ModuleValidator.Outcome::report).toList();
        Map<String, String> reportPaths = new HashMap<>();
        for (ModuleReport r : reports) {
            String sitePath = layout.outputPathOf(config.projectRoot().resolve(r.module())).orElseThrow() + ".json";
            reportPaths.put(r.module(), sitePath);
            try {
                staging.write(sitePath, (JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8), r.module());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<PublishedPage> pages = new ArrayList<>();
        for (Path file : SourceTree.files(demo.dir())) {
            String sitePath = layout.outputPathOf(file).orElseThrow();
            String display = config.display(file);
            RealPaths.requireInside(file, SourceLocation.of(display), config.projectRoot(), demo.dir());
            if (!sitePath.endsWith(".html")) {
                staging.copy(file, sitePath, display);
                continue;
            }
            String html = DemoSourceLinks.rewrite(TextFiles.readUtf8(file, display), file, sitePath, display, links);
            String panel = null;
            if (DemoPageDecorator.wantsInspector(html)) {
                List<String> urls = reports.stream().map(r -> SiteLayout.relativeUrl(sitePath, reportPaths.get(r.module()))).toList();
                panel = InspectorPanel.html(reports, urls);
            }
            String extraScript = config.extraScript() == null ? null : SiteLayout.rootPrefix(sitePath) + config.extraScript().sitePath();
            staging.writeText(sitePath, DemoPageDecorator.decorate(html, panel, extraScript), display);
            pages.add(new PublishedPage(sitePath, display, file));
        }
        return pages;
    }
}
