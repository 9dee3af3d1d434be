package dev.machinist.core.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request to a vendor. Headers whose names are listed in {@link HttpClientSettings#SENSITIVE_HEADERS}
 * are credentials: they are never logged and never follow a redirect to another origin.
 *
 * @param idempotent whether sending it twice is harmless; decides which failures may be retried
 * @param what a short description for error messages, e.g. "Pantheon login"
 */
public record HttpCall(
        String method, URI uri, Map<String, String> headers, byte[] body, boolean idempotent, String what) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        what = what == null ? method + " " + uri.getPath() : what;
    }

    public static Builder get(URI uri) {
        return new Builder("GET", uri, true);
    }

    public static Builder delete(URI uri) {
        return new Builder("DELETE", uri, true);
    }

    public static Builder put(URI uri) {
        return new Builder("PUT", uri, true);
    }

    /** A POST is not idempotent unless the caller says so (e.g. exchanging a token is). */
    public static Builder post(URI uri) {
        return new Builder("POST", uri, false);
    }

    public static Builder patch(URI uri) {
        return new Builder("PATCH", uri, false);
    }

    @Override
    public String toString() {
        return method + " " + HttpClientSettings.redactedUri(uri);
    }

    public static final class Builder {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean idempotent;
        private String what;

        private Builder(String method, URI uri, boolean idempotent) {
            this.method = method;
            this.uri = uri;
            this.idempotent = idempotent;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Builder json(String json) {
            header("Content-Type", "application/json");
            body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder form(String formEncoded) {
            header("Content-Type", "application/x-www-form-urlencoded");
            body = formEncoded.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder body(String contentType, byte[] bytes) {
            header("Content-Type", contentType);
            body = bytes;
            return this;
        }

        /** Marks a POST as safe to repeat, e.g. a token exchange. */
        public Builder idempotent(boolean value) {
            idempotent = value;
            return this;
        }

        public Builder what(String description) {
            what = description;
            return this;
        }

        public HttpCall build() {
            return new HttpCall(method, uri, headers, body, idempotent, what);
        }
    }
}
