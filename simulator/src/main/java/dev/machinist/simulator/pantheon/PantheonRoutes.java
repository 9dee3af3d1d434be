package dev.machinist.simulator.pantheon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP face of {@link PantheonState}, answering with the bodies Pantheon's API uses. */
final class PantheonRoutes {
    static final String BAD_TOKEN_PREFIX = "sim-bad-";
    static final String AUTH_FAILED = "Authorization failed. Please check that your machine token is valid.";
    static final String INVALID_SESSION = "Invalid or expired session header: X-Pantheon-Session\n";

    private final PantheonState state;
    private final PantheonSimulator simulator;

    PantheonRoutes(PantheonState state, PantheonSimulator simulator) {
        this.state = state;
        this.simulator = simulator;
    }

    void install(Router router) {
        router.add("pantheon.login", "POST", "/api/authorize/machine-token", this::login);
        router.add("pantheon.user", "GET", "/api/users/{id}", this::user);
        router.add("pantheon.tokens.list", "GET", "/api/users/{id}/machine_tokens", this::listTokens);
        router.add("pantheon.tokens.delete", "DELETE", "/api/users/{id}/machine_tokens/{token}", this::deleteToken);
        // Controls for tests in another process (the CLI, pipelines), next to the shared /_sim/faults.
        router.add("pantheon.sim.expire", "POST", "/_sim/pantheon/expire-sessions", request -> {
            state.expireAllSessions();
            return SimResponse.empty(204);
        });
        router.add("pantheon.sim.lifetime", "POST", "/_sim/pantheon/session-lifetime", this::setLifetime);
    }

    private SimResponse login(SimRequest request) {
        JsonNode body = request.json();
        JsonNode token = body == null ? null : body.get("machine_token");
        if (token == null || !token.isTextual()) {
            return SimResponse.json(400, "Bad Request: machine_token is required");
        }
        Optional<PantheonSimulator.MachineToken> known = state.tokenByValue(token.asText());
        if (known.isEmpty()) {
            return rejected(answerFor(token.asText()));
        }
        Map.Entry<String, PantheonState.SessionRecord> session = state.openSession(known.get());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session", session.getKey());
        out.put("expires_at", session.getValue().expiresAt().getEpochSecond());
        out.put("user_id", session.getValue().userId());
        return SimResponse.json(200, out);
    }

    /** {"seconds": N}; negative issues sessions that are already expired. */
    private SimResponse setLifetime(SimRequest request) {
        JsonNode body = request.json();
        if (body == null || !body.path("seconds").isIntegralNumber()) {
            return SimResponse.json(400, Map.of("message", "expected {\"seconds\": N}"));
        }
        state.setSessionLifetime(
                java.time.Duration.ofSeconds(body.get("seconds").asLong()));
        return SimResponse.empty(204);
    }

    private PantheonSimulator.BadTokenAnswer answerFor(String token) {
        if (token.startsWith(BAD_TOKEN_PREFIX)) {
            String rest = token.substring(BAD_TOKEN_PREFIX.length());
            for (PantheonSimulator.BadTokenAnswer a : PantheonSimulator.BadTokenAnswer.values()) {
                if (rest.startsWith(a.name() + "-")) return a;
            }
        }
        return simulator.defaultBadTokenAnswer();
    }

    private static SimResponse rejected(PantheonSimulator.BadTokenAnswer answer) {
        return switch (answer) {
            case UNAUTHORIZED -> SimResponse.json(401, AUTH_FAILED);
            case SERVER_ERROR -> SimResponse.json(500, AUTH_FAILED);
            case NON_JSON ->
                SimResponse.text(
                        200,
                        "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><head><title>Pantheon</title></head>"
                                + "<body><h1>Something went wrong</h1></body></html>");
        };
    }

    private SimResponse user(SimRequest request) {
        return authorized(request, request.param(0), user -> {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("firstname", user.firstName());
            profile.put("lastname", user.lastName());
            profile.put("full_name", user.fullName());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", user.id());
            out.put("email", user.email());
            out.put("profile", profile);
            return SimResponse.json(200, out);
        });
    }

    private SimResponse listTokens(SimRequest request) {
        return authorized(request, request.param(0), user -> {
            List<Map<String, String>> out = state.tokensOf(user.id()).stream()
                    .map(t -> Map.of("id", t.id(), "device_name", t.deviceName()))
                    .toList();
            return SimResponse.json(200, out);
        });
    }

    private SimResponse deleteToken(SimRequest request) {
        return authorized(
                request,
                request.param(0),
                user -> state.revoke(user.id(), request.param(1))
                        ? SimResponse.json(200, "OK.")
                        : SimResponse.json(404, "Not Found"));
    }

    /**
     * Runs {@code action} if the request carries a live session of the user in the path. Pantheon has
     * accepted the session as a Bearer token (Terminus 1.x+), as the X-Pantheon-Session header (Terminus
     * 0.x) and as a cookie of that name (lando/pantheon), so all three are read.
     */
    private SimResponse authorized(SimRequest request, String userId, UserAction action) {
        Optional<PantheonState.SessionRecord> session = sessionOf(request).flatMap(state::liveSession);
        if (session.isEmpty()) {
            return SimResponse.json(401, INVALID_SESSION);
        }
        if (!session.get().userId().equals(userId)) {
            return SimResponse.json(403, "Forbidden");
        }
        return state.user(userId).map(action::answer).orElseGet(() -> SimResponse.json(404, "Not Found"));
    }

    private static Optional<String> sessionOf(SimRequest request) {
        Optional<String> bearer = request.bearer();
        if (bearer.isPresent()) return bearer;
        Optional<String> header = request.header("X-Pantheon-Session");
        if (header.isPresent()) return header;
        return request.header("Cookie").flatMap(PantheonRoutes::sessionCookie);
    }

    private static Optional<String> sessionCookie(String cookieHeader) {
        for (String part : cookieHeader.split(";")) {
            String p = part.trim();
            if (p.startsWith("X-Pantheon-Session=")) return Optional.of(p.substring("X-Pantheon-Session=".length()));
        }
        return Optional.empty();
    }

    @FunctionalInterface
    private interface UserAction {
        SimResponse answer(PantheonState.User user);
    }
}
