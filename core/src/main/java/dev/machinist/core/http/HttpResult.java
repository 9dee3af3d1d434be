package dev.machinist.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A complete response (the body is already read, within the size limit). */
public record HttpResult(HttpCall call, URI finalUri, int status, Map<String, List<String>> headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    /** Parses the body as JSON; a body that is not JSON is a MALFORMED_RESPONSE naming the call. */
    public JsonNode json() {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed("an empty body");
            }
            return node;
        } catch (IOException e) {
            throw malformed("a body that is not JSON");
        }
    }

    /** Parses the body into a type; unknown fields are ignored, missing ones are the caller's to check. */
    public <T> T json(Class<T> type) {
        try {
            return JSON.readerFor(type)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(body);
        } catch (IOException e) {
            throw malformed("a body of an unexpected shape");
        }
    }

    public MachinistException malformed(String what) {
        return new MachinistException(
                ErrorKind.MALFORMED_RESPONSE,
                call.what() + ": " + finalUri.getHost() + " answered HTTP " + status + " with " + what + ".");
    }

    /** Throws the classified error unless the status is 2xx. */
    public HttpResult requireSuccess() {
        if (!isSuccess()) {
            throw HttpErrors.classify(this, null);
        }
        return this;
    }
}
