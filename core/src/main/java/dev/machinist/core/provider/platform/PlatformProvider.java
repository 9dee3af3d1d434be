package dev.machinist.core.provider.platform;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.Session;
import java.util.List;
import java.util.Objects;

/**
 * Platform.sh, Upsun and OVHcloud Web PaaS: one implementation, one {@link VendorProfile} per vendor. The
 * returned session is also a {@link dev.machinist.core.provider.TokenManager} and an
 * {@link dev.machinist.core.provider.SshCertificateIssuer}.
 */
public final class PlatformProvider implements Provider {
    private final VendorProfile profile;
    private final ProviderContext context;

    public PlatformProvider(VendorProfile profile, ProviderContext context) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.context = Objects.requireNonNull(context, "context");
    }

    public VendorProfile profile() {
        return profile;
    }

    @Override
    public String id() {
        return profile.id();
    }

    @Override
    public String displayName() {
        return profile.displayName();
    }

    @Override
    public List<String> tokenVariables() {
        return List.of(profile.tokenVariable());
    }

    @Override
    public Session login(Secret token, SecretSink sink) {
        if (token == null || token.reveal().isBlank()) {
            throw MachinistException.usage("No " + profile.displayName() + " API token: set "
                    + profile.tokenVariable() + " to the machine user's API token (create one in "
                    + profile.tokenHelp() + ").");
        }
        Secret apiToken = token.reveal().equals(token.reveal().trim())
                ? token
                : Secret.of(token.name(), token.reveal().trim());
        PlatformEndpoints endpoints = PlatformEndpoints.resolve(profile, context);
        TokenGrant grant = new TokenGrant(profile, endpoints, context.http(), sink);
        AccessToken first = grant.exchange(apiToken);
        PlatformApi api = new PlatformApi(profile, endpoints, context.http(), grant, apiToken, first);
        return new PlatformSession(this, profile, api, sink);
    }

    @Override
    public String toString() {
        return "PlatformProvider[" + profile.id() + "]";
    }
}
