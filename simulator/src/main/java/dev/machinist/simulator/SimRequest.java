package dev.machinist.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request as a vendor simulator sees it: path parameters already extracted, body already read. */
public record SimRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        List<String> pathParams) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String param(int index) {
        return pathParams.get(index);
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    /** The bearer token, if the request carries {@code Authorization: Bearer ...}. */
    public Optional<String> bearer() {
        return header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON body, or null if the body is empty or not JSON (simulators answer 400 for that). */
    public JsonNode json() {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    public Map<String, String> form() {
        return decode(bodyText());
    }

    public Map<String, String> query() {
        return rawQuery == null ? Map.of() : decode(rawQuery);
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded.isEmpty()) return out;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
