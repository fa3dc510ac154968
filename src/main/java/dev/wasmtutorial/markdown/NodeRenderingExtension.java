package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * An HTML extension that only renders some node types its own way (no options): what each of
 * our per-feature extensions is. Each registers its node renderer factory as a lambda written in
 * its own class, never one shared here: flexmark tells extensions and factories apart by class
 * and refuses (factories) or silently drops (extensions) a second one of the same class.
 */
abstract class NodeRenderingExtension implements HtmlRenderer.HtmlRendererExtension {

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }
}
