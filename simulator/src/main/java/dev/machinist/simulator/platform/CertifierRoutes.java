package dev.machinist.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SSH certifier on the auth host: {@code POST /ssh {"key": "..."}} returns a certificate for the
 * bearer's user; {@code GET /ssh/authority} lists the CA keys servers trust.
 */
final class CertifierRoutes {
    private final SimProfile profile;
    private final PlatformState state;
    private final BearerAuth auth;
    private final SshCertificateAuthority ca;

    CertifierRoutes(SimProfile profile, PlatformState state, BearerAuth auth, SshCertificateAuthority ca) {
        this.profile = profile;
        this.state = state;
        this.auth = auth;
        this.ca = ca;
    }

    void install(Router router, String prefix) {
        router.add(profile.key() + ".ssh", "POST", prefix + "/ssh", this::certify);
        router.add(
                profile.key() + ".ssh.authority",
                "GET",
                prefix + "/ssh/authority",
                r -> SimResponse.json(200, Map.of("authorities", List.of(ca.authority()))));
    }

    private SimResponse certify(SimRequest request) throws Exception {
        Optional<String> caller = auth.userId(request);
        if (caller.isEmpty()) return auth.unauthorized();
        JsonNode body = request.json();
        String key = body == null ? null : body.path("key").asText(null);
        if (!SshCertificateAuthority.looksLikePublicKey(key)) {
            return SimResponse.json(
                    400,
                    Map.of("status", 400, "title", "Bad Request", "detail", "'key' must be an OpenSSH public key."));
        }
        PlatformState.User user = state.user(caller.get()).orElseThrow();
        return SimResponse.json(200, Map.of("certificate", ca.sign(user.id(), user.username(), key)));
    }
}
