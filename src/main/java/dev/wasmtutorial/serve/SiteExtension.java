package dev.wasmtutorial.serve;

import org.eclipse.jetty.server.Handler;

/**
 * Handlers mounted in front of the static site, inside the same context, host check and
 * security headers (the execution API is one). They share the server's {@link EventStreams}.
 */
@FunctionalInterface
public interface SiteExtension {

    /**
     * @param site        the static site's handler, for every request the extension does not answer
     * @param streams     the server's event streams (one cap for all of them)
     * @param contextPath "/" or "/sub-path/", where the site is mounted, ending in '/'
     */
    Handler wrap(Handler site, EventStreams streams, String contextPath);
}
