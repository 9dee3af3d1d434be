package dev.machinist.simulator.platform;

import dev.machinist.simulator.Router;
import dev.machinist.simulator.VendorSimulator;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Platform.sh-family vendor (key {@code platformsh}, {@code upsun} or {@code webpaas}): its auth server
 * under {@code {base}/<key>/auth} (OAuth token and revoke, and the SSH certifier where the vendor has one)
 * and its API under {@code {base}/<key>/api} (users, API tokens). Starts with one machine user holding one
 * API token; route names are prefixed with the key, e.g. {@code upsun.token}.
 */
public final class PlatformSimulator implements VendorSimulator {
    private final SimProfile profile;
    private final PlatformState state = new PlatformState();
    private final AccessTokens accessTokens = new AccessTokens(state);
    private final SshCertificateAuthority ca = new SshCertificateAuthority();
    private final BearerAuth auth = new BearerAuth(accessTokens);
    private final PlatformState.User demoUser;
    private final PlatformState.ApiToken demoToken;
    private final PlatformVariablesRoutes variables;

    public PlatformSimulator(String profileKey) {
        this.profile = SimProfile.of(profileKey);
        this.demoUser =
                state.addUser("machine-user+" + profile.key() + "@example.com", "ci-bot-" + profile.key(), "CI", "Bot");
        this.demoToken = state.createApiToken(demoUser.id(), "Machinist demo");
        this.variables = new PlatformVariablesRoutes(
                        "/" + profile.key() + "/api",
                        t -> accessTokens.validSubject(t).isPresent())
                .addProject(DEMO_PROJECT, "main", "staging");
    }

    /** The demo project (environments main and staging) whose variables the simulator keeps. */
    public static final String DEMO_PROJECT = "demoproject123";

    /** Project and environment variables, for tests to read what clients stored. */
    public PlatformVariablesRoutes variables() {
        return variables;
    }

    @Override
    public String key() {
        return profile.key();
    }

    @Override
    public void install(Router router, URI base) {
        String authPrefix = "/" + profile.key() + "/auth";
        String apiPrefix = "/" + profile.key() + "/api";
        new OAuthRoutes(profile, state, accessTokens).install(router, authPrefix);
        if (profile.hasCertifier()) new CertifierRoutes(profile, state, auth, ca).install(router, authPrefix);
        new UserRoutes(profile, state, auth).install(router, apiPrefix);
        new ApiTokenRoutes(profile, state, auth).install(router, apiPrefix);
        variables.install(router, profile.key());
    }

    @Override
    public Map<String, Object> describe(URI base) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(profile.tokenVariable(), demoToken.token);
        env.put(profile.envPrefix() + "API_URL", apiUrl(base));
        env.put(profile.envPrefix() + "AUTH_URL", authUrl(base));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("env", env);
        out.put("userId", demoUser.id());
        out.put("email", demoUser.email());
        out.put("username", demoUser.username());
        out.put("apiTokenId", demoToken.id);
        out.put("sshCertificates", profile.hasCertifier());
        out.put("projectId", DEMO_PROJECT);
        return out;
    }

    public String authUrl(URI base) {
        return base + "/" + profile.key() + "/auth";
    }

    public String apiUrl(URI base) {
        return base + "/" + profile.key() + "/api";
    }

    /** The OAuth client id this vendor accepts (e.g. upsun-cli). */
    public String clientId() {
        return profile.clientId();
    }

    public String tokenVariable() {
        return profile.tokenVariable();
    }

    /** The demo machine user's API token (plaintext). */
    public String demoApiToken() {
        return demoToken.token;
    }

    public String demoApiTokenId() {
        return demoToken.id;
    }

    public String demoUserId() {
        return demoUser.id();
    }

    public String demoEmail() {
        return demoUser.email();
    }

    public String demoUsername() {
        return demoUser.username();
    }

    /** Gives the demo user another API token and returns its plaintext. */
    public String createApiToken(String name) {
        return state.createApiToken(demoUser.id(), name).token;
    }

    /** Whether an API token (plaintext) can still log in. */
    public boolean isApiTokenActive(String plaintext) {
        return state.activeTokenByValue(plaintext).isPresent();
    }

    /** How long new access tokens live (at least a second); tests shorten it to force a 401 and renewal. */
    public PlatformSimulator accessTokenLifetime(Duration lifetime) {
        accessTokens.lifetime(lifetime);
        return this;
    }

    /** Makes API calls demand MFA/SSO step-up authentication (a 401 that renewal cannot cure). */
    public PlatformSimulator requireStepUpAuthentication(boolean required) {
        auth.requireStepUp(required);
        return this;
    }

    /** Whether an access token would be accepted by the API right now. */
    public boolean isAccessTokenValid(String accessToken) {
        return accessTokens.validSubject(accessToken).isPresent();
    }

    /** The certificate authority's public key line (what {@code GET /ssh/authority} serves). */
    public String certificateAuthority() throws IOException, InterruptedException {
        return ca.authority();
    }
}
