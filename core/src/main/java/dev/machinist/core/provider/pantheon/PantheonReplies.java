package dev.machinist.core.provider.pantheon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.provider.Identity;
import dev.machinist.core.provider.TokenManager.TokenInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads Pantheon's user and machine-token answers (lenient about extra fields, strict about the shape). */
final class PantheonReplies {
    private PantheonReplies() {}

    /** A user: {"id","email","profile":{"full_name","firstname","lastname"}}. */
    static Identity identity(JsonNode user, String userId) {
        if (!user.isObject()) throw malformed("Pantheon user lookup", "a user");
        String email = user.path("email").asText("");
        JsonNode profile = user.path("profile");
        String fullName = profile.path("full_name").asText("");
        if (fullName.isBlank()) {
            fullName = (profile.path("firstname").asText("") + " "
                            + profile.path("lastname").asText(""))
                    .trim();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!email.isBlank()) attributes.put("email", email);
        if (!fullName.isBlank()) attributes.put("fullName", fullName);
        String id = user.path("id").asText(userId);
        String name = !fullName.isBlank() ? fullName : !email.isBlank() ? email : id;
        return new Identity(id, name, attributes);
    }

    /**
     * Machine tokens, [{"id","device_name"}]. Terminus's collections also accept an object keyed by id, so
     * this does too.
     */
    static List<TokenInfo> machineTokens(JsonNode body) {
        if (!body.isArray() && !body.isObject()) throw malformed("Pantheon machine-token list", "a list of tokens");
        List<String> keys = new ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        List<TokenInfo> out = new ArrayList<>();
        int index = 0;
        for (JsonNode t : body) {
            String fallback = body.isObject() ? keys.get(index) : "";
            index++;
            String id = t.path("id").asText(fallback);
            if (id.isEmpty()) continue;
            out.add(new TokenInfo(id, t.path("device_name").asText(id), Optional.empty(), Optional.empty()));
        }
        return out;
    }

    private static MachinistException malformed(String what, String expected) {
        return new MachinistException(
                ErrorKind.MALFORMED_RESPONSE, what + ": Pantheon's answer is not " + expected + ".");
    }
}
