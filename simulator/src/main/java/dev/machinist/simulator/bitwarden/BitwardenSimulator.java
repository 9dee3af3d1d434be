package dev.machinist.simulator.bitwarden;

import dev.machinist.simulator.Router;
import dev.machinist.simulator.VendorSimulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bitwarden Secrets Manager: identity server and API under {@code {base}/bitwarden}, so that
 * {@code BWS_SERVER_URL={base}/bitwarden} works as for a self-hosted server. One organization, one machine
 * account with a valid demo access token, and demo projects and secrets ({@link DemoData}). Tests add
 * secrets and tokens, revoke or expire tokens, shorten the JWT lifetime or invalidate every issued JWT.
 */
public final class BitwardenSimulator implements VendorSimulator {
    public static final String PATH = "/bitwarden";

    private final SimOrganization org = new SimOrganization(DemoData.ORGANIZATION_ID);
    private final SimAccessTokens tokens = new SimAccessTokens();
    private final SimJwt jwt = new SimJwt();
    private final String demoAccessToken;
    private final Map<String, String> secretIdsByKey = new LinkedHashMap<>();
    private volatile Duration jwtLifetime = Duration.ofHours(1);

    public BitwardenSimulator() {
        DemoData.load(this);
        demoAccessToken = issueAccessToken(null);
    }

    @Override
    public String key() {
        return "bitwarden";
    }

    @Override
    public void install(Router router, URI base) {
        new IdentityRoutes(this).install(router, PATH);
        new ApiRoutes(this).install(router, PATH);
        new ControlRoutes(this).install(router);
    }

    /** BWS_ACCESS_TOKEN and BWS_SERVER_URL for the demo token, plus the demo organization's ids. */
    @Override
    public Map<String, Object> describe(URI base) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("env", Map.of("BWS_ACCESS_TOKEN", demoAccessToken, "BWS_SERVER_URL", serverUrl(base)));
        out.put("organizationId", organizationId());
        out.put(
                "projectIds",
                org.projects().stream().map(SimOrganization.Project::id).toList());
        synchronized (secretIdsByKey) {
            out.put("secretIds", new LinkedHashMap<>(secretIdsByKey));
        }
        return out;
    }

    public static String serverUrl(URI base) {
        return base.toString().replaceAll("/+$", "") + PATH;
    }

    public String demoAccessToken() {
        return demoAccessToken;
    }

    public String organizationId() {
        return org.id();
    }

    public String machineAccountId() {
        return DemoData.MACHINE_ACCOUNT_ID;
    }

    public List<String> projectIds() {
        return org.projects().stream().map(SimOrganization.Project::id).toList();
    }

    /** The id of the secret with this key (the last one added under it). */
    public String secretId(String key) {
        synchronized (secretIdsByKey) {
            String id = secretIdsByKey.get(key);
            if (id == null) throw new IllegalArgumentException("no secret with key " + key);
            return id;
        }
    }

    /** @return the new project's id */
    public String addProject(String name) {
        return org.addProject(SimOrganization.newId(), name);
    }

    String addProjectWithId(String id, String name) {
        return org.addProject(id, name);
    }

    /** @return the new secret's id */
    public String addSecret(String key, String value, String note, String... projectIds) {
        return addSecretWithId(SimOrganization.newId(), key, value, note, projectIds);
    }

    String addSecretWithId(String id, String key, String value, String note, String... projectIds) {
        org.addSecret(id, key, value, note, List.of(projectIds));
        synchronized (secretIdsByKey) {
            secretIdsByKey.put(key, id);
        }
        return id;
    }

    /**
     * Issues a new access token for the machine account.
     *
     * @param expiresAt when it stops working, or null for never
     * @return the full token {@code 0.<id>.<secret>:<key>}
     */
    public String issueAccessToken(Instant expiresAt) {
        return tokens.issue(expiresAt, "{\"encryptionKey\":\"" + org.keyBase64() + "\"}");
    }

    /** Revokes an access token, given in full or by its id; its next login gets invalid_client. */
    public void revokeAccessToken(String tokenOrId) {
        tokens.revoke(SimAccessTokens.idOf(tokenOrId));
    }

    /** Makes an access token (in full or by id) expired from now on. */
    public void expireAccessToken(String tokenOrId) {
        tokens.setExpiry(SimAccessTokens.idOf(tokenOrId), Instant.now().minusSeconds(1));
    }

    /** Lifetime of the JWTs issued from now on (the real server's is an hour). */
    public void setJwtLifetime(Duration lifetime) {
        jwtLifetime = lifetime;
    }

    /** Every JWT issued so far is answered with 401 from now on, as after a key rotation. */
    public void invalidateIssuedJwts() {
        jwt.rotateKey();
    }

    SimOrganization org() {
        return org;
    }

    SimAccessTokens tokens() {
        return tokens;
    }

    SimJwt jwt() {
        return jwt;
    }

    Duration jwtLifetime() {
        return jwtLifetime;
    }
}
