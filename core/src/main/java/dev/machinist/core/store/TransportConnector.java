package dev.machinist.core.store;

import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpResult;
import dev.machinist.core.http.HttpTransport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Plugs GitHub API for Java into the core's one HTTP layer through its transport SPI, so that the library's
 * calls get the same timeouts, retries, TLS rule, size limit and credential-safe redirects as every other
 * vendor call. It also remembers the last status, because the library's createSecret does not tell 201
 * (created) from 204 (updated).
 */
final class TransportConnector implements GitHubConnector {
    private final HttpTransport http;
    private volatile int lastStatus;

    TransportConnector(HttpTransport http) {
        this.http = http;
    }

    int lastStatus() {
        return lastStatus;
    }

    private static HttpCall.Builder builderFor(String method, URI uri) throws IOException {
        return switch (method) {
            case "GET" -> HttpCall.get(uri);
            case "PUT" -> HttpCall.put(uri);
            case "DELETE" -> HttpCall.delete(uri);
            case "POST" -> HttpCall.post(uri);
            case "PATCH" -> HttpCall.patch(uri);
            default -> throw new IOException("unsupported method " + method);
        };
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        URI uri;
        try {
            uri = request.url().toURI();
        } catch (URISyntaxException e) {
            throw new IOException("invalid GitHub URL", e);
        }
        HttpCall.Builder call =
                builderFor(request.method(), uri).what("GitHub " + request.method() + " " + uri.getPath());
        request.allHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) call.header(name, String.join(", ", values));
        });
        if (request.hasBody()) {
            try (InputStream body = request.body()) {
                String type = request.contentType() == null ? "application/json" : request.contentType();
                call.body(type, body.readAllBytes());
            }
        }
        HttpResult result = http.send(call.build());
        lastStatus = result.status();
        return new GitHubConnectorResponse.ByteArrayResponse(request, result.status(), result.headers()) {
            @Override
            protected InputStream rawBodyStream() {
                return new ByteArrayInputStream(result.body());
            }
        };
    }
}
