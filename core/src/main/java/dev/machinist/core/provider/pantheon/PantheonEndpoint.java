package dev.machinist.core.provider.pantheon;

import dev.machinist.core.MachinistException;
import dev.machinist.core.provider.ProviderContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where Pantheon's API is: {@code {protocol}://{host}:{port}/api/}, built the way Terminus builds it
 * (Request::getBaseURI) from TERMINUS_PROTOCOL, TERMINUS_HOST and TERMINUS_PORT, which explicit settings
 * "protocol", "host" and "port" override.
 */
record PantheonEndpoint(URI api) {
    static final String DEFAULT_HOST = "terminus.pantheon.io";

    static PantheonEndpoint from(ProviderContext context) {
        String protocol =
                context.setting("protocol", "TERMINUS_PROTOCOL").orElse("https").toLowerCase(Locale.ROOT);
        String host = context.setting("host", "TERMINUS_HOST").orElse(DEFAULT_HOST);
        // Terminus defaults the port to 443 whatever the protocol; so do we, to reach the server it would.
        String portText = context.setting("port", "TERMINUS_PORT").orElse("443");
        if (!protocol.equals("https") && !protocol.equals("http")) {
            throw MachinistException.usage(
                    "TERMINUS_PROTOCOL (or the protocol setting) must be https or http, not '" + protocol + "'.");
        }
        if (host.contains("/") || host.contains("@") || host.isBlank()) {
            throw MachinistException.usage("TERMINUS_HOST (or the host setting) must be a host name such as "
                    + DEFAULT_HOST + ", not a URL: '" + host + "'.");
        }
        int port = parsePort(portText);
        try {
            URI api = new URI(protocol, null, host, port, "/api/", null, null);
            if (api.getHost() == null) throw new URISyntaxException(host, "no host");
            return new PantheonEndpoint(api);
        } catch (URISyntaxException e) {
            throw MachinistException.usage(
                    "TERMINUS_HOST (or the host setting) is not a valid host name: '" + host + "'.");
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw MachinistException.usage(
                "TERMINUS_PORT (or the port setting) must be a port number from 1 to 65535, not '" + text + "'.");
    }

    /** {@code path} relative to /api/, e.g. "users/ID/machine_tokens". Callers pass checked segments only. */
    URI resolve(String path) {
        return api.resolve(path);
    }
}
