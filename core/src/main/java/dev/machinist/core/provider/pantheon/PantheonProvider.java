package dev.machinist.core.provider.pantheon;

import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.ProviderContext;
import java.time.Clock;
import java.util.List;

/**
 * Pantheon: a machine token (TERMINUS_MACHINE_TOKEN or PANTHEON_MACHINE_TOKEN) is exchanged for a session
 * at POST /api/authorize/machine-token. Terminus itself never reads TERMINUS_MACHINE_TOKEN; Machinist accepts
 * it because pipelines commonly name the secret so. The API location follows TERMINUS_PROTOCOL, TERMINUS_HOST
 * and TERMINUS_PORT, overridden by the settings "protocol", "host" and "port".
 */
public final class PantheonProvider implements Provider {
    static final List<String> TOKEN_VARIABLES = List.of("TERMINUS_MACHINE_TOKEN", "PANTHEON_MACHINE_TOKEN");

    private final ProviderContext context;
    private final PantheonApi api;
    private final Clock clock;

    public PantheonProvider(ProviderContext context) {
        this(context, Clock.systemUTC());
    }

    PantheonProvider(ProviderContext context, Clock clock) {
        this.context = context;
        this.api = new PantheonApi(context.http(), PantheonEndpoint.from(context));
        this.clock = clock;
    }

    @Override
    public String id() {
        return "pantheon";
    }

    @Override
    public String displayName() {
        return "Pantheon";
    }

    @Override
    public List<String> tokenVariables() {
        return TOKEN_VARIABLES;
    }

    /** Exchanges the machine token; the session is passed to {@code sink} as soon as it is read. */
    @Override
    public PantheonSession login(Secret token, SecretSink sink) {
        PantheonLogin.Login login = new PantheonLogin(api).login(token, sink);
        return new PantheonSession(this, api, TerminusFiles.from(context), login, clock);
    }

    @Override
    public String toString() {
        return "PantheonProvider[" + api.endpoint().api() + "]";
    }
}
