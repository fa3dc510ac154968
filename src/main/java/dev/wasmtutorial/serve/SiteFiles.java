package dev.wasmtutorial.serve;

import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.Resources;

/**
 * Jetty's resource handler, with two changes. Its content cache is switched off while watching:
 * that cache revalidates a file at most once a second, so a page requested within a second of a
 * rebuild would be served as it was before the rebuild. And a folder without an index page is
 * passed to the next handler (the site's 404) instead of Jetty's 403 or its redirect to add a
 * slash, both of which tell a visitor that the folder exists.
 */
final class SiteFiles extends ResourceHandler {

    private final boolean alwaysFromDisk;

    SiteFiles(Handler notFound, boolean alwaysFromDisk) {
        super(notFound);
        this.alwaysFromDisk = alwaysFromDisk;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Resource resource = getBaseResource().resolve(Request.getPathInContext(request));
        if (Resources.isReadableDirectory(resource) && getWelcomeFiles().stream()
                .noneMatch(name -> Resources.isReadableFile(resource.resolve(name)))) {
            return getHandler().handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }

    @Override
    protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized bufferPool) {
        if (alwaysFromDisk) {
            return new ResourceHttpContentFactory(getBaseResource(), getMimeTypes(), bufferPool);
        }
        return super.newHttpContentFactory(bufferPool);
    }
}
