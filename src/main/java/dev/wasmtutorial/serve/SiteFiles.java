package dev.wasmtutorial.serve;

import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ResourceHandler;

/**
 * Jetty's resource handler, with its content cache switched off while watching. That cache
 * revalidates a file at most once a second, so a page requested within a second of a rebuild
 * would be served as it was before the rebuild.
 */
final class SiteFiles extends ResourceHandler {

    private final boolean alwaysFromDisk;

    SiteFiles(Handler notFound, boolean alwaysFromDisk) {
        super(notFound);
        this.alwaysFromDisk = alwaysFromDisk;
    }

    @Override
    protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized bufferPool) {
        if (alwaysFromDisk) {
            return new ResourceHttpContentFactory(getBaseResource(), getMimeTypes(), bufferPool);
        }
        return super.newHttpContentFactory(bufferPool);
    }
}
