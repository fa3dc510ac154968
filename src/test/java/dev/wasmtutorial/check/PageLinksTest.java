package dev.wasmtutorial.check;

import dev.wasmtutorial.config.Diagnostics;
import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.content.ContentLoader;
import dev.wasmtutorial.content.FrontMatterParser;
import dev.wasmtutorial.content.Navigation;
import dev.wasmtutorial.content.Page;
import dev.wasmtutorial.content.SiteLayout;
import dev.wasmtutorial.markdown.MarkdownRenderer;
import dev.wasmtutorial.render.AssetManifest;
import dev.wasmtutorial.render.PageComposer;
import dev.wasmtutorial.render.TemplateRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PageLinks#of} against jsoup's DOM (the reference it replaces): snippets, random markup, real pages. */
class PageLinksTest {

    private static void assertSameAsJsoup(String html) {
        PageLinks jsoup = JsoupPageLinks.of(html);
        PageLinks ours = PageLinks.of(html);
        assertThat(ours.hrefs()).as("hrefs of %s", html).containsExactlyElementsOf(jsoup.hrefs());
        assertThat(ours.ids()).as("ids of %s", html).isEqualTo(jsoup.ids());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // values: quoting, case, duplicates, white space, character references, stripping
            "<a href=\"a?x=1&amp;y=2\" id=\"caf&eacute;\">", "<A HREF=' x '>", "<a href=\"\n x\t\">", "<a href=x/>",
            "<a href='x'y>", "<a href=\"x\"href=y>", "<a href=x href=y HREF=z>", "<a id=x ID=y>", "<a/b href=x>",
            "<a =x href=y>", "<a \"x=y href=z>", "<a\fhref=ff>", "<a href=x\r\nid=y>", "<a href=x id=>", "<a href=x id>",
            "<a name>", "<a name=''>", "<a name=n id=i><a name=n2><p name=n3>", "<a href='a\0b' id='\0'>",
            "<a href=\"&amp;&notin;&notx=&copy=\">", "<a href=&notx=1 id=&copyx>", "<a href=&amp;&lt>",
            "<a href=\"x&#0;y&#x26;&#38;&#1114112;&#55296;&#x80;\">", "<a href=\"&AMP;&amp&lt&ltx&Aacute&Aacutex\">",
            "<a href=' \u00a0x\u00a0 '>", "<a href=' \u2003x '>", "<a href=\"java\nscript:x\">",
            // which elements link, and href before src
            "<link href=l src=s><img href=h src=s2><script href=h2 src=s3></script>", "<img src=x href=''>",
            "<area href=ar><source src=so><video src=vi></video><audio src=au></audio><track src=tr><embed src=em><object data=ob>",
            "<image src=x>", "<iframe src=if><a href=inif></iframe>",
            // comments, bogus comments, doctype, CDATA
            "<!-- <a href=\"x\"> --><a href=y>", "<!-- a --!><a href=after>", "<!---!><a href=no> -->", "<!--><a href=yes>",
            "<!--->< a href=no2><a href=yes2>", "<!-- x --!> y --><a href=z>", "<!--a-- ><a href=no> --><a href=yes>",
            "<!DOCTYPE html><!doctype x '>' ><a href=dt>", "<!x <a href=no>><a href=yes>", "<?xml <a href=x> ?><a href=y>",
            "</ a href=x><a href=y>", "</><a href=z>", "<![CDATA[ x > <a href=y> ]]><a href=z>",
            // text-only elements, their end tags, script escapes
            "<script>var s = '<a href=\"in-script\">';</script><a href=after>", "<style>a[x='<a href=s>']{}</style>",
            "<textarea><a href=t></textarea><title><a href=t2></title><a href=t3>", "<title></title foo='>'><a href=t1>",
            "<textarea></textarea\n><a href=t2>", "<style>a</style x=\"</style>\"><a href=t3>",
            "<xmp><a href=x></xmp><noembed><a href=y></noembed><noframes><a href=z></noframes>",
            "<script></script ><a href=a1><script></SCRIPT><a href=a2><script></script/><a href=a3><script></scriptx><a href=a4></script><a href=a5>",
            "<script><!--<script></script><a href=x></script><a href=after>", "<script><!-- <script> </script> --><a href=1></script><a href=2>",
            "<script><!--<script></script>--><a href=2></script>", "<script><!--></script><a href=3>", "<plaintext><a href=pt>",
            "<body><noscript><p id=x><a href=y></noscript><a href=z>", "<template><a href=tpl id=tid></template>",
            "<template><style><a href=ts></style></template>",
            // SVG and MathML
            "<svg><a href=sv xlink:href=xl id=i1></a><image href=im src=ims id=i2></svg>", "<svg><a HREF=x ID=Y></svg>",
            "<p><svg id=s1><circle id=c1/><text id=t1>hi</text></svg><a href=after>", "<svg><![CDATA[ x > <a href=y> ]]></svg><a href=z>",
            "<svg><style><a href=x></style></svg>", "<svg><title><a href=x id=t></title></svg>", "<svg><script><a href=x></script><a href=y></svg>",
            "<svg><script/><a href=r></script><a href=s></svg>", "<math><script><a href=m></script></math>",
            "<svg><math><script><a href=m3></script></math></svg>", "<math><svg><script><a href=m4></script></svg></math>",
            "<svg><foreignObject><style><a href=fo></style></foreignObject><style><a href=after></style></svg>",
            "<svg><foreignobject><style><a href=lower></style></foreignobject></svg>", "<svg><DESC><style><a href=2></style></DESC></svg>",
            "<svg><desc><style><a href=d></style></desc></svg>", "<svg><textarea><a href=ta></textarea><xmp><a href=xm></xmp></svg>",
            "<svg><div><style><a href=d></style></div><style><a href=back></style></svg>", "<svg><font color=red><style><a href=fc></style></font></svg>",
            "<svg><font><style><a href=fn></style></font></svg>", "<svg><img src=si><style><a href=q16></style></svg>",
            "<svg><p/><style><a href=pp></style></svg>", "<svg></p><style><a href=ep></style></svg>", "<svg/><a href=afterself><style><a href=no></style>",
            "<svg><svg></svg><style><a href=inner></style></svg>", "<svg></g><style><a href=stray></style></svg>",
            "<svg><foreignObject><svg><style><a href=nested></style></svg><style><a href=fo2></style></foreignObject></svg>",
            "<math><mi><style><a href=mi></style></mi></math>", "<math><MI><style><a href=4></style></MI></math>",
            "<math><mi><mglyph><style><a href=mg></style></mglyph></mi></math>", "<math><mi><svg><style><a href=q></style></svg></mi></math>",
            "<math><annotation-xml><style><a href=ax></style></annotation-xml></math>",
            "<math><annotation-xml encoding='TEXT/HTML'><style><a href=ax2></style></annotation-xml><style><a href=q4></style></math>",
            "<math><annotation-xml><svg><style><a href=q2></style></svg></annotation-xml></math>", "<math><title><style><a href=q9></style></title></math>",
            "<math><a href=m id=mm></math>", "<svg><a id=A1></svg><svg id=S><title id=T></title></svg>",
            // cut off by the end of the input
            "<a href=x", "<a href=\"x", "<a href='x", "<a href=x ", "<a href", "<a", "<", "</", "</a", "<!-- <a href=x>", "<!--", "<!",
            "<![CDATA[ <a href=x>", "<script><a href=x>", "<script><!--<script>", "<title><a href=x>", "<title><a href=x></titlex <a href=y>", "<textarea>a<a href=t>",
            "<title>x</title><title><a href=w>", "<title><a href=1></TITLE", "<style><a href=s>", "<svg><a href=x", "&", "<a href=\"x\"/",
    })
    void snippetsGiveWhatJsoupsDomGives(String html) {
        assertSameAsJsoup(html);
    }

    @Test
    void readsValuesAsTheDomHoldsThem() {
        PageLinks links = PageLinks.of("""
                <a href="a?x=1&amp;y=2" id="caf&eacute;">x</a><!-- <a href="commented"> -->
                <script>document.write('<a href="scripted">')</script><img src=' pic.png ' href=preferred>
                <a NAME=old></a><svg><g id=icon></g></svg>""");
        assertThat(links.hrefs()).containsExactly("a?x=1&y=2", "preferred");
        assertThat(links.ids()).containsExactlyInAnyOrder("café", "old", "icon");
    }

    /** Tag by tag, as written: the tree builder's repairs of misnested markup are not replayed (documented in TagScanner). */
    @Test
    void reportsMisnestedTagsAsWritten() {
        String misnested = "<a href=x><p>text</a>"; // a DOM clones the <a> into the <p>
        assertThat(JsoupPageLinks.of(misnested).hrefs()).containsExactly("x", "x");
        assertThat(PageLinks.of(misnested).hrefs()).containsExactly("x");
        String strayCell = "<td id=cell>"; // a DOM drops a cell outside a table
        assertThat(JsoupPageLinks.of(strayCell).ids()).isEmpty();
        assertThat(PageLinks.of(strayCell).ids()).containsExactly("cell");
    }

    @Test
    void randomWellNestedMarkupGivesWhatJsoupsDomGives() {
        for (long seed = 0; seed < 3_000; seed++) {
            assertSameAsJsoup(new RandomMarkup(seed).document());
        }
    }

    /**
     * This project's own pages, rendered through the real templates as a build renders them (no
     * demos are built: only their sources are included), plus the generated contents and 404 pages.
     */
    @Test
    void realPagesGiveWhatJsoupsDomGives() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        List<Path> demos;
        try (Stream<Path> dirs = Files.list(root)) {
            demos = dirs.filter(d -> Files.isRegularFile(d.resolve("wasm-checks.yaml"))).sorted().toList();
        }
        SiteConfig config = SiteConfig.builder(root).baseUrl(URI.create("https://example.org/tutorial/")).demoDirs(demos).build();
        SiteLayout layout = new SiteLayout(config.contentDir(), config.demoDirs());
        List<Page> pages = new ContentLoader(config, layout, new FrontMatterParser(new Diagnostics())).load();
        MarkdownRenderer markdown = new MarkdownRenderer(layout, config.projectRoot());
        PageComposer composer = new PageComposer(new TemplateRenderer(config.templatesDir(), "templates"), new Navigation(pages),
                config.siteTitle(), config.baseUrl(), null, AssetManifest.read(config.assetsDir(), "assets"));
        List<String> html = new ArrayList<>();
        for (Page page : pages) {
            html.add(composer.compose(page, markdown.render(page)));
        }
        html.add(composer.composeContents(config.contentDir()));
        html.add(composer.composeNotFound());
        for (Path demo : demos) {
            try (Stream<Path> files = Files.walk(demo)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                    html.add(Files.readString(file));
                }
            }
        }

        assertThat(pages).as("pages under content/").hasSizeGreaterThan(5);
        int links = 0;
        for (String page : html) {
            assertSameAsJsoup(page);
            links += PageLinks.of(page).hrefs().size();
        }
        assertThat(links).as("links in the rendered pages").isGreaterThan(100);
    }
}
