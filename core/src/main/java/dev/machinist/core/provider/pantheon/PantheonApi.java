package dev.machinist.core.provider.pantheon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpResult;
import dev.machinist.core.http.HttpTransport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The calls Machinist makes to Pantheon, with Terminus's conventions: JSON bodies, {@code Accept:
 * application/json}, and {@code Authorization: Bearer <session>} on every call except the machine-token
 * exchange, which carries no credential header at all.
 */
final class PantheonApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ids that go into URL paths: Pantheon's are UUIDs and "dcr_..." strings. */
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final HttpTransport http;
    private final PantheonEndpoint endpoint;

    PantheonApi(HttpTransport http, PantheonEndpoint endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    PantheonEndpoint endpoint() {
        return endpoint;
    }

    /**
     * POST /api/authorize/machine-token. Marked idempotent: exchanging the same token twice only opens a
     * second session, so connection failures and 502/503/504 may be retried.
     */
    HttpResult exchange(Secret machineToken) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("machine_token", machineToken.reveal());
        body.put("client", "terminus");
        HttpCall call = HttpCall.post(endpoint.resolve("authorize/machine-token"))
                .header("Accept", "application/json")
                .json(toJson(body))
                .idempotent(true)
                .what("Pantheon login")
                .build();
        return http.send(call);
    }

    HttpResult get(String path, Secret session, String what) {
        return http.send(HttpCall.get(endpoint.resolve(path))
                .header("Accept", "application/json")
                .bearer(session.reveal())
                .what(what)
                .build());
    }

    HttpResult delete(String path, Secret session, String what) {
        return http.send(HttpCall.delete(endpoint.resolve(path))
                .header("Accept", "application/json")
                .bearer(session.reveal())
                .what(what)
                .build());
    }

    static boolean isSafeSegment(String id) {
        return id != null && PATH_SEGMENT.matcher(id).matches();
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Cannot happen for a map of strings; never include the value in the message.
            throw new MachinistException(ErrorKind.INTERNAL, "Could not encode the Pantheon login request.");
        }
    }
}
