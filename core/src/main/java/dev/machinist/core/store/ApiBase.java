package dev.machinist.core.store;

import dev.machinist.core.MachinistException;
import java.net.URI;

/** A CI host's REST API base URL as the user gave it: checked to be absolute, kept without a trailing slash. */
final class ApiBase {
    private ApiBase() {}

    /** {@code api} as an absolute URI, or a usage error naming {@code host} and showing {@code examples}. */
    static URI parse(String api, String host, String examples) {
        URI base;
        try {
            base = URI.create(api.trim());
        } catch (IllegalArgumentException e) {
            throw MachinistException.usage("The " + host + " API URL '" + api + "' is not a valid URL.");
        }
        if (base.getScheme() == null || base.getHost() == null) {
            throw MachinistException.usage(
                    "The " + host + " API URL '" + api + "' must be absolute, e.g. " + examples + ".");
        }
        return base;
    }

    /** Paths are appended to the base, so it must not end in a slash. */
    static URI withoutTrailingSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : base;
    }
}
