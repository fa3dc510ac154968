package dev.wasmtutorial.publish;

import dev.wasmtutorial.wasm.ModuleReport;
import dev.wasmtutorial.wasm.ModuleShape;
import org.jsoup.nodes.Entities;

import java.util.List;

/**
 * The "module inspector" shown on each demo page, generated at build time from the module
 * reports: size, memory, imports and exports with signatures, and every check that was run.
 */
public final class InspectorPanel {

    private InspectorPanel() {
    }

    /**
     * @param reports   the demo's module reports
     * @param reportUrl for each report, the relative URL of its JSON file from the demo page
     */
    public static String html(List<ModuleReport> reports, List<String> reportUrl) {
        StringBuilder out = new StringBuilder();
        out.append("<h2>Module inspector</h2>\n");
        out.append("<p class=\"inspector-note\">Generated when the site was built: each module below was loaded and run on the JVM "
                + "(Chicory) and passed these checks before it was published.</p>\n");
        for (int i = 0; i < reports.size(); i++) {
            ModuleReport r = reports.get(i);
            String name = r.module().substring(r.module().lastIndexOf('/') + 1);
            out.append("<section class=\"inspector-module\" data-module=\"").append(e(name)).append("\">\n");
            out.append("<h3><code>").append(e(name)).append("</code></h3>\n");
            out.append("<p>").append(r.sizeBytes()).append(" bytes");
            if (r.memoryInitialPages() != null) {
                out.append(" · memory ").append(r.memoryInitialPages()).append(" pages (")
                        .append(r.memoryInitialPages() * 64).append(" KiB)");
            }
            out.append(" · <a href=\"").append(e(reportUrl.get(i))).append("\">report (JSON)</a></p>\n");
            table(out, "Imports", r.imports());
            table(out, "Exports", r.exports());
            out.append("<table class=\"inspector-checks\"><caption>Checks run at build time</caption>")
                    .append("<thead><tr><th>check</th><th>call</th><th>result</th></tr></thead><tbody>\n");
            for (ModuleReport.CheckResult c : r.checks()) {
                out.append("<tr><td>").append(e(c.name())).append("</td><td><code>").append(e(c.call()))
                        .append(e(c.args().toString().replace('[', '(').replace(']', ')'))).append("</code></td><td>")
                        .append(c.passed() ? "✔ " : "✘ ").append(e(c.actual())).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n</section>\n");
        }
        return out.toString();
    }

    private static void table(StringBuilder out, String caption, List<ModuleShape.Entry> entries) {
        out.append("<table class=\"inspector-").append(caption.toLowerCase()).append("\"><caption>").append(caption)
                .append(" (").append(entries.size()).append(")</caption>");
        if (entries.isEmpty()) {
            out.append("<tbody><tr><td>none</td></tr></tbody></table>\n");
            return;
        }
        out.append("<thead><tr><th>name</th><th>kind</th><th>signature</th></tr></thead><tbody>\n");
        for (ModuleShape.Entry entry : entries) {
            out.append("<tr><td><code>").append(e(entry.name())).append("</code></td><td>").append(e(entry.kind()))
                    .append("</td><td><code>").append(e(entry.signature())).append("</code></td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static String e(String s) {
        return Entities.escape(s);
    }
}
