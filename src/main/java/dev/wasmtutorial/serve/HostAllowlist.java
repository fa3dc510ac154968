package dev.wasmtutorial.serve;

import dev.wasmtutorial.config.BuildException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers only requests whose {@code Host} names this server: localhost, the loopback addresses,
 * the bind address and names added with {@code --allowed-host}, with any port. A page on another
 * site can point its own DNS name at 127.0.0.1 ("DNS rebinding") and then read the answers as
 * same-origin; its requests still carry that foreign name in {@code Host}, so they get 421 here.
 * It sits in front of every other handler, so nothing behind it needs to check again.
 */
final class HostAllowlist extends Handler.Wrapper {

    /** A DNS name or IPv4 literal, or a bracketed IPv6 literal. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]+|\\[[0-9a-f:.]+]");

    private final Set<String> allowed = new LinkedHashSet<>();

    /**
     * @param bindAddress the interface the server listens on (its literal is accepted too)
     * @param extra       further names the server may be reached by, with or without a port
     */
    HostAllowlist(String bindAddress, List<String> extra, Handler handler) {
        super(handler);
        allowed.add("localhost");
        allowed.add("127.0.0.1");
        allowed.add("[::1]");
        String bound = bindAddress == null ? null : configured(bindAddress);
        if (bound != null) {
            allowed.add(bound);
        }
        for (String name : extra) {
            String host = configured(name);
            if (host == null) {
                throw new BuildException(null, "--allowed-host " + name + " is not a host name",
                        "give a name or an address, e.g. --allowed-host mybox.local or --allowed-host 192.168.1.5");
            }
            allowed.add(host);
        }
    }

    /** A configured name as a Host header would carry it: IPv6 literals such as ::1 in brackets. */
    private static String configured(String name) {
        boolean bareIpv6 = !name.startsWith("[") && name.indexOf(':') != name.lastIndexOf(':');
        return hostName(bareIpv6 ? "[" + name + "]" : name);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // An absolute request target naming another host than Host is already refused by Jetty (400).
        String host = hostName(request.getHeaders().get(HttpHeader.HOST));
        if (host == null || !allowed.contains(host)) {
            Response.writeError(request, response, callback, HttpStatus.MISDIRECTED_REQUEST_421,
                    "This server does not answer to that host name. To reach it by another name, start it with --allowed-host NAME.");
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** The lower-case name of a {@code Host} value ({@code name}, {@code name:port}, {@code [v6]:port}), or null if malformed. */
    private static String hostName(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        String name;
        String port;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                return null;
            }
            name = v.substring(0, close + 1);
            String rest = v.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return null;
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = v.indexOf(':');
            name = colon < 0 ? v : v.substring(0, colon);
            port = colon < 0 ? "" : v.substring(colon + 1);
        }
        if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
            return null;
        }
        // "localhost." is the same name as "localhost" written fully qualified.
        if (name.endsWith(".") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        return NAME.matcher(name).matches() ? name : null;
    }
}
