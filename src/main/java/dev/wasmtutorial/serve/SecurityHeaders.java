package dev.wasmtutorial.serve;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The headers a hosted tutorial should send. The Content-Security-Policy allows only this origin,
 * plus {@code 'wasm-unsafe-eval'} so pages may compile WebAssembly (and nothing else may be
 * evaluated), plus what the Python sandbox frame needs (its loader's hash, blob: scripts). COOP/COEP make the pages cross-origin isolated, so SharedArrayBuffer (threads in
 * Wasm) is available.
 */
final class SecurityHeaders extends Handler.Wrapper {

    /** SHA-256 of FRAME_LOADER in templates/assets/python-runner.js (SecurityHeadersTest checks it). */
    static final String PYTHON_FRAME_LOADER_SHA256 = "sha256-gtC8fkyryzJeduKAdoIX24D9nQiyZ3z0sRZ/Qq40NZE=";

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            // The Python sandbox frame (python-runner.js) is an inline document with one inline
            // script, allowed by its hash; the frame and its Worker load their code from bytes the
            // page hands them, as blob: URLs (a sandboxed frame's own origin can make no other).
            "script-src 'self' 'wasm-unsafe-eval' blob: '" + PYTHON_FRAME_LOADER_SHA256 + "'",
            // Diagrams are inline SVG with <style> elements and style attributes; styles cannot run code.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addTo(response.getHeaders());
        return super.handle(request, response, callback);
    }

    /** Puts the headers on a response; {@link ErrorPage} calls it for errors raised before any handler. */
    static void addTo(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Embedder-Policy", "require-corp");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
    }
}
