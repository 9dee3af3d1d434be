package dev.machinist.core.binding;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.Providers;
import dev.machinist.core.provider.SecretScope;
import dev.machinist.core.provider.SecretSource;
import dev.machinist.core.provider.Session;
import dev.machinist.core.select.SecretResolver;
import dev.machinist.core.select.SecretSelection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CI credential binding without the CI: logs in with a bot's token, loads the selected secrets, and says
 * which variables to set and which values the host must mask. The Jenkins plugin is a thin shell around this
 * class (so is any other host that binds credentials to a block of build steps).
 *
 * <p>Every value a login or a fetch produces ends up in {@link BindingResult#secretVariables()}: fetched
 * secrets under their names, the bot token under the vendor CLI's variable, the first derived credential that
 * is not a piece of the token (the session or access token the vendor's API takes as a bearer token) as
 * {@value BindingVariables#ACCESS_TOKEN}, and any other (pieces of the token, keys) as {@code MACHINIST_MASKED_<n>},
 * present only so that the host masks it.
 */
public final class CredentialBinding {
    private final HttpTransport http;
    private final Clock clock;

    public CredentialBinding(HttpTransport http) {
        this(http, Clock.systemUTC());
    }

    public CredentialBinding(HttpTransport http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Logs in and loads the secrets; see the class comment for the variables. */
    public BindingResult bind(BindingRequest request) {
        return bind(request, SecretSink.NONE);
    }

    /**
     * As {@link #bind(BindingRequest)}; {@code sink} additionally receives every secret the instant it exists
     * (before this method returns), for hosts that can mask as they go.
     *
     * @throws MachinistException with a message a user can act on, never containing a secret
     */
    public BindingResult bind(BindingRequest request, SecretSink sink) {
        Provider provider = provider(request);
        Optional<SecretSelection> selection = selection(request);
        CollectingSink collected = new CollectingSink();
        Session session = login(provider, request.token(), collected.andThen(sink));
        try {
            return variables(provider, session, selection, collected, request);
        } catch (RuntimeException e) {
            logoutQuietly(session); // nothing will use this login: end it where the vendor can (revoke)
            throw e;
        }
    }

    private static BindingResult variables(
            Provider provider,
            Session session,
            Optional<SecretSelection> selection,
            CollectingSink collected,
            BindingRequest request) {
        BindingVariables variables = new BindingVariables(provider);
        variables.token(request.token());
        if (session instanceof SecretSource source) {
            if (selection.isEmpty()) {
                throw MachinistException.usage("Nothing to load from " + provider.displayName()
                        + ": give secrets as 'ID > NAME' lines, a project id, or choose the whole organization.");
            }
            variables.fetched(SecretResolver.resolve(source, selection.get()));
        } else if (selection.isPresent()) {
            throw MachinistException.usage(provider.displayName() + " has no secrets to load; remove the secrets,"
                    + " project and organization options. The binding gives the login itself: $"
                    + VendorVariables.tokenVariable(provider) + " and $" + BindingVariables.ACCESS_TOKEN + ".");
        }
        variables.derived(collected.seen(), request.token());
        variables.session(session);
        CliHandoff.write(session, request.handoffDirectory());
        variables.vendorSettings(CliHandoff.environment(request.vendor(), request.handoffDirectory()));
        variables.vendorSettings(VendorVariables.fromSettings(
                provider, EndpointSettings.normalize(request.vendor(), request.settings())));
        return variables.result();
    }

    /**
     * The secret variables known before logging in: the bot token's variable, the access token, and the names
     * of explicit {@code ID > NAME} picks. Hosts that must declare sensitive names up front (Jenkins freestyle
     * builds) use this; the values are masked whatever names they end up under.
     */
    public Set<String> declaredSecretVariables(BindingRequest request) {
        Set<String> names = new LinkedHashSet<>();
        names.add(VendorVariables.tokenVariable(provider(request)));
        names.add(BindingVariables.ACCESS_TOKEN);
        for (SecretSelection.Pick p : SecretSelection.parsePicks(request.secrets())) {
            if (p.name() != null) names.add(p.name());
        }
        return names;
    }

    /** Logs in, reads who the token belongs to and when it expires, and logs out again where the vendor can. */
    public ConnectionReport testConnection(BindingRequest request) {
        Provider provider = provider(request);
        Session session = login(provider, request.token(), new CollectingSink());
        try {
            return new ConnectionReport(
                    provider.id(),
                    provider.displayName(),
                    session.identity().id(),
                    session.identity().name(),
                    session.identity().attributes(),
                    session.expiresAt(),
                    session.tokenExpiresAt(),
                    clock.instant());
        } finally {
            logoutQuietly(session);
        }
    }

    private Provider provider(BindingRequest request) {
        if (request.vendor().isEmpty()) {
            throw MachinistException.usage(
                    "The credential names no vendor; choose one of: " + String.join(", ", Providers.ids()) + ".");
        }
        Map<String, String> environment = new LinkedHashMap<>(request.environment());
        environment.putAll(CliHandoff.environment(request.vendor(), request.handoffDirectory()));
        ProviderContext context = new ProviderContext(
                environment, EndpointSettings.normalize(request.vendor(), request.settings()), http, request.home());
        return Providers.create(request.vendor(), context);
    }

    private static Session login(Provider provider, Secret token, SecretSink sink) {
        if (!provider.tokenVariables().isEmpty() && token.reveal().isBlank()) {
            throw MachinistException.usage("The credential has no " + provider.displayName()
                    + " token: paste the bot's token into the credential (the vendor's CLI reads it as "
                    + provider.tokenVariables().get(0) + ").");
        }
        if (!token.isEmpty()) sink.accept(token); // masked before any request can echo it
        return provider.login(token, sink);
    }

    /** The selection, checked before any network call so that a typo costs no login. */
    static Optional<SecretSelection> selection(BindingRequest request) {
        List<SecretSelection.Pick> picks = SecretSelection.parsePicks(request.secrets());
        if (!request.project().isEmpty() && request.organization()) {
            throw MachinistException.usage(
                    "Choose either a project or the whole organization, not both (project " + request.project() + ").");
        }
        Optional<SecretScope> scope = request.organization()
                ? Optional.of(SecretScope.organization())
                : request.project().isEmpty() ? Optional.empty() : Optional.of(SecretScope.project(request.project()));
        if (picks.isEmpty() && scope.isEmpty()) return Optional.empty();
        return Optional.of(SecretSelection.of(picks, scope, request.namePolicy()));
    }

    private static void logoutQuietly(Session session) {
        try {
            session.logout();
        } catch (MachinistException e) {
            // The check succeeded; a failed clean-up of a short-lived login is not worth failing it for.
        }
    }
}
