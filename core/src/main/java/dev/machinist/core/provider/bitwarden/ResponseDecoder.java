package dev.machinist.core.provider.bitwarden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.crypto.EncString;
import dev.machinist.core.crypto.SymmetricKey;
import dev.machinist.core.provider.FetchedSecret;
import dev.machinist.core.provider.ProjectSource.Project;
import dev.machinist.core.provider.SecretSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the API's secret and project models and decrypts their EncString fields (key, value, note, name)
 * with the organization key. Messages name the field and the object's id, never the content.
 */
final class ResponseDecoder {
    private final SymmetricKey organizationKey;

    ResponseDecoder(SymmetricKey organizationKey) {
        this.organizationKey = organizationKey;
    }

    /** An item of {@code GET .../secrets}: id, key and projects, without the value. */
    SecretSummary summary(JsonNode secret) {
        String id = required(secret, "id", "a secret");
        return new SecretSummary(id, decrypt(secret, "key", "secret " + id), projectIds(secret));
    }

    /** A {@code SecretResponseModel}: everything, the value included. */
    FetchedSecret secret(JsonNode secret) {
        String id = required(secret, "id", "a secret");
        String where = "secret " + id;
        String key = decrypt(secret, "key", where);
        Secret value = Secret.of(key, decrypt(secret, "value", where));
        String note = secret.hasNonNull("note") ? decrypt(secret, "note", where) : "";
        return new FetchedSecret(id, key, value, note, projectIds(secret));
    }

    Project project(JsonNode project) {
        String id = required(project, "id", "a project");
        String org = project.path("organizationId").asText("");
        return new Project(id, decrypt(project, "name", "project " + id), org);
    }

    private static List<String> projectIds(JsonNode secret) {
        List<String> ids = new ArrayList<>();
        for (JsonNode p : secret.path("projects")) {
            if (p.hasNonNull("id")) ids.add(p.get("id").asText());
        }
        return ids;
    }

    private String decrypt(JsonNode node, String field, String where) {
        String text = required(node, field, where);
        String what = "the " + field + " of " + where;
        return EncString.parse(text, what).decryptToString(organizationKey, what);
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new MachinistException(
                    ErrorKind.MALFORMED_RESPONSE, "Bitwarden sent " + where + " without a '" + field + "' field.");
        }
        return value.asText();
    }
}
