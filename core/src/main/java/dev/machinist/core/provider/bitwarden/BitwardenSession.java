package dev.machinist.core.provider.bitwarden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.SecretSink;
import dev.machinist.core.provider.FetchedSecret;
import dev.machinist.core.provider.Identity;
import dev.machinist.core.provider.ProjectSource;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.SecretScope;
import dev.machinist.core.provider.SecretSource;
import dev.machinist.core.provider.SecretSummary;
import dev.machinist.core.provider.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A machine account logged in to Secrets Manager: its organization's secrets and projects, decrypted. */
final class BitwardenSession implements Session, SecretSource, ProjectSource {
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Provider provider;
    private final BitwardenApi api;
    private final ResponseDecoder decoder;
    private final JwtClaims claims;
    private final String accessTokenId;
    private final String apiUrl;
    private final SecretSink sink;

    BitwardenSession(
            Provider provider,
            BitwardenApi api,
            ResponseDecoder decoder,
            JwtClaims claims,
            String accessTokenId,
            String apiUrl,
            SecretSink sink) {
        this.provider = provider;
        this.api = api;
        this.decoder = decoder;
        this.claims = claims;
        this.accessTokenId = accessTokenId;
        this.apiUrl = apiUrl;
        this.sink = sink;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    /** From the identity server's JWT: Secrets Manager has no "who am I" call for machine accounts. */
    @Override
    public Identity identity() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("organizationId", claims.organizationId());
        attributes.put("machineAccountId", claims.subject());
        attributes.put("accessTokenId", accessTokenId);
        attributes.put("scope", String.join(" ", claims.scopes()));
        attributes.put("apiUrl", apiUrl);
        return new Identity(claims.subject(), "machine account in organization " + claims.organizationId(), attributes);
    }

    @Override
    public Optional<Instant> expiresAt() {
        return Optional.of(claims.expiresAt());
    }

    String organizationId() {
        return claims.organizationId();
    }

    @Override
    public List<SecretSummary> listSecrets(SecretScope scope) {
        JsonNode body = scope.isOrganization()
                ? api.get(
                        "/organizations/" + organizationId() + "/secrets",
                        "Listing Bitwarden secrets",
                        "The organization " + organizationId() + " is not visible to this machine account.")
                : api.get(
                        "/projects/" + uuid(scope.projectId(), "project") + "/secrets",
                        "Listing the Bitwarden secrets of project " + scope.projectId(),
                        "Project " + scope.projectId() + " does not exist or this machine account cannot read it.");
        List<SecretSummary> out = new ArrayList<>();
        for (JsonNode secret : body.path("secrets")) out.add(decoder.summary(secret));
        return out;
    }

    @Override
    public List<FetchedSecret> getSecrets(List<String> ids) {
        List<String> asked = ids.stream().map(id -> uuid(id, "secret")).toList();
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(asked));
        if (wanted.isEmpty()) return List.of();
        Map<String, FetchedSecret> byId = new LinkedHashMap<>();
        if (wanted.size() == 1) {
            JsonNode one = api.get(
                    "/secrets/" + wanted.get(0),
                    "Fetching Bitwarden secret " + wanted.get(0),
                    "Secret " + wanted.get(0) + " does not exist or this machine account cannot read it.");
            keep(byId, one);
        } else {
            ObjectNode request = JSON.createObjectNode();
            ArrayNode array = request.putArray("ids");
            wanted.forEach(array::add);
            JsonNode body = api.postRead(
                    "/secrets/get-by-ids",
                    request.toString(),
                    "Fetching " + wanted.size() + " Bitwarden secrets",
                    "One of the secrets " + String.join(", ", wanted)
                            + " does not exist or this machine account cannot read it.");
            for (JsonNode secret : body.path("data")) keep(byId, secret);
        }
        List<String> missing =
                wanted.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new MachinistException(
                    ErrorKind.NOT_FOUND,
                    "Bitwarden did not return the secret" + (missing.size() == 1 ? " " : "s ")
                            + String.join(", ", missing)
                            + ": they do not exist or this machine account cannot read them.");
        }
        return asked.stream().map(byId::get).toList();
    }

    /** Decrypts one secret and hands its value to the sink before anyone else sees it. */
    private void keep(Map<String, FetchedSecret> byId, JsonNode node) {
        FetchedSecret secret = decoder.secret(node);
        sink.accept(secret.value());
        byId.put(secret.id().toLowerCase(Locale.ROOT), secret);
    }

    @Override
    public List<Project> listProjects() {
        JsonNode body = api.get(
                "/organizations/" + organizationId() + "/projects",
                "Listing Bitwarden projects",
                "The organization " + organizationId() + " is not visible to this machine account.");
        List<Project> out = new ArrayList<>();
        for (JsonNode project : body.path("data")) out.add(decoder.project(project));
        return out;
    }

    @Override
    public Project getProject(String id) {
        String projectId = uuid(id, "project");
        return decoder.project(api.get(
                "/projects/" + projectId,
                "Fetching Bitwarden project " + projectId,
                "Project " + projectId + " does not exist or this machine account cannot read it."));
    }

    /** Ids go into URL paths, so anything but a UUID is refused before a request is made. */
    private static String uuid(String id, String what) {
        String v = id == null ? "" : id.trim();
        if (!UUID.matcher(v).matches()) {
            throw MachinistException.usage("'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v)
                    + "' is not a Bitwarden " + what + " id; ids are UUIDs such as"
                    + " 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b (see `machinist " + what + "s list`).");
        }
        return v.toLowerCase(Locale.ROOT);
    }
}
