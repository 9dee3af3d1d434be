package dev.machinist.core.binding;

import dev.machinist.core.MachinistException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lets every credential form offer one "API URL" field. Pantheon's provider is configured like Terminus, by
 * protocol, host and port; a URL given as "api-url" is split into those three (explicit ones win).
 */
final class EndpointSettings {
    private EndpointSettings() {}

    static Map<String, String> normalize(String vendor, Map<String, String> settings) {
        String url = settings.get("api-url");
        if (url == null || !"pantheon".equals(vendor.trim().toLowerCase(Locale.ROOT))) return settings;
        URI uri = parse(url);
        Map<String, String> out = new LinkedHashMap<>(settings);
        out.remove("api-url");
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        out.putIfAbsent("protocol", scheme);
        out.putIfAbsent("host", uri.getHost());
        out.putIfAbsent("port", String.valueOf(uri.getPort() > 0 ? uri.getPort() : scheme.equals("http") ? 80 : 443));
        return out;
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() != null
                    && uri.getUserInfo() == null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        // The URL is not echoed: one with a user name or password in it would put a credential in the log.
        throw MachinistException.usage("The Pantheon API URL is not an http(s) URL with a host name and no"
                + " user name or password, such as https://terminus.pantheon.io.");
    }
}
