package dev.machinist.core.provider.bitwarden;

import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.Session;
import dev.machinist.core.token.BitwardenAccessToken;
import java.net.URI;
import java.util.List;

/**
 * Bitwarden Secrets Manager with a machine account's access token (BWS_ACCESS_TOKEN). Servers: the US cloud
 * by default, "region" eu, or a self-hosted server through BWS_SERVER_URL as bws reads it; see
 * {@link BitwardenServers}.
 */
public final class BitwardenProvider implements Provider {
    public static final String ID = "bitwarden";
    public static final String TOKEN_VARIABLE = "BWS_ACCESS_TOKEN";

    private final HttpTransport http;
    private final BitwardenServers servers;

    public BitwardenProvider(ProviderContext context) {
        this.http = context.http();
        this.servers = BitwardenServers.resolve(context);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Bitwarden Secrets Manager";
    }

    @Override
    public List<String> tokenVariables() {
        return List.of(TOKEN_VARIABLE);
    }

    public URI apiUrl() {
        return servers.api();
    }

    public URI identityUrl() {
        return servers.identity();
    }

    /**
     * Parses the access token, exchanges it for a JWT and decrypts the organization key. The token's client
     * secret and key part, the JWT and the organization key all reach {@code sink} as soon as they exist.
     */
    @Override
    public Session login(Secret token, SecretSink sink) {
        BitwardenAccessToken accessToken = BitwardenAccessToken.parse(token.reveal());
        sink.accept(accessToken.clientSecret());
        sink.accept(accessToken.keyPart());
        AccessTokenLogin.Result login = new AccessTokenLogin(http, servers).login(accessToken, sink);
        return new BitwardenSession(
                this,
                new BitwardenApi(http, servers, login.accessToken()),
                new ResponseDecoder(login.organizationKey()),
                login.claims(),
                accessToken.accessTokenId(),
                servers.api().toString(),
                sink);
    }
}
