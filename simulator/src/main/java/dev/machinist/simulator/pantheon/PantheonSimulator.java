package dev.machinist.simulator.pantheon;

import dev.machinist.simulator.Router;
import dev.machinist.simulator.VendorSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Pantheon's Terminus API ({@code /api/...} at the server root, because Terminus builds its URL from
 * TERMINUS_PROTOCOL, TERMINUS_HOST and TERMINUS_PORT only): machine-token login, user lookup, machine-token
 * list and delete. Stateful, with a demo bot user holding one machine token.
 *
 * <p>A rejected token is answered the way Pantheon has answered it over the years (see
 * {@link BadTokenAnswer}): by default for every unknown token ({@link #answerBadTokensWith}), or per token
 * with {@link #badToken}, which also works from another process because the mode is in the token text.
 */
public final class PantheonSimulator implements VendorSimulator {
    public static final String KEY = "pantheon";

    private final PantheonState state;
    private final PantheonState.User demoUser;
    private final MachineToken demoToken;
    private volatile BadTokenAnswer defaultBadTokenAnswer = BadTokenAnswer.UNAUTHORIZED;

    public PantheonSimulator() {
        this(Clock.systemUTC());
    }

    PantheonSimulator(Clock clock) {
        state = new PantheonState(clock);
        demoUser = state.addUser("ci-bot@example.com", "CI", "Bot");
        demoToken = state.addToken(demoUser.id(), "Machinist CI");
    }

    /** How Pantheon has answered a machine token it does not accept. */
    public enum BadTokenAnswer {
        /** 401 with the JSON string "Authorization failed..." (Terminus #1691, lando/pantheon#25). */
        UNAUTHORIZED,
        /** 500 with the same JSON string (Terminus fixture auth-login-machine-token-invalid.yml, #2443). */
        SERVER_ERROR,
        /** 200 with an HTML page instead of JSON (Terminus 4.0.2 "json_decode exception", #2832). */
        NON_JSON
    }

    /** A machine token as the simulator stores it; {@link #toString()} hides the value. */
    public record MachineToken(String id, String userId, String deviceName, String token) {
        @Override
        public String toString() {
            return "MachineToken[" + id + ", " + deviceName + "]";
        }
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public void install(Router router, URI base) {
        new PantheonRoutes(state, this).install(router);
    }

    @Override
    public Map<String, Object> describe(URI base) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TERMINUS_MACHINE_TOKEN", demoToken.token());
        env.put("TERMINUS_HOST", base.getHost());
        env.put("TERMINUS_PORT", String.valueOf(base.getPort()));
        env.put("TERMINUS_PROTOCOL", base.getScheme());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("env", env);
        out.put("userId", demoUser.id());
        out.put("email", demoUser.email());
        out.put("fullName", demoUser.fullName());
        out.put("machineTokenId", demoToken.id());
        Map<String, String> bad = new LinkedHashMap<>();
        for (BadTokenAnswer a : BadTokenAnswer.values()) bad.put(a.name(), badToken(a));
        out.put("badTokens", bad);
        return out;
    }

    public String demoToken() {
        return demoToken.token();
    }

    public String demoTokenId() {
        return demoToken.id();
    }

    public String demoUserId() {
        return demoUser.id();
    }

    public String demoEmail() {
        return demoUser.email();
    }

    public String demoFullName() {
        return demoUser.fullName();
    }

    /** Adds another machine token for the demo user, as creating one in the dashboard would. */
    public MachineToken addMachineToken(String deviceName) {
        return state.addToken(demoUser.id(), deviceName);
    }

    /** A token the simulator rejects in the given way, whatever the default. */
    public static String badToken(BadTokenAnswer answer) {
        return PantheonRoutes.BAD_TOKEN_PREFIX + answer.name() + "-" + UUID.randomUUID();
    }

    /** How unknown and revoked tokens are answered (UNAUTHORIZED unless changed). */
    public void answerBadTokensWith(BadTokenAnswer answer) {
        defaultBadTokenAnswer = answer;
    }

    BadTokenAnswer defaultBadTokenAnswer() {
        return defaultBadTokenAnswer;
    }

    /** How long new sessions live; a negative value issues sessions that are already expired. */
    public void setSessionLifetime(Duration lifetime) {
        state.setSessionLifetime(lifetime);
    }

    /** Expires every session on the server while clients still believe them valid. */
    public void expireAllSessions() {
        state.expireAllSessions();
    }

    /** Whether this session string is currently accepted. */
    public boolean isSessionLive(String session) {
        return state.liveSession(session).isPresent();
    }

    /** Whether the machine token with this id still exists (was not revoked). */
    public boolean hasMachineToken(String tokenId) {
        return state.tokensOf(demoUser.id()).stream().anyMatch(t -> t.id().equals(tokenId));
    }
}
