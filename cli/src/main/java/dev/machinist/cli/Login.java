package dev.machinist.cli;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.Providers;
import dev.machinist.core.provider.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the vendor, finds the token (environment, file or stdin — argv only with a warning) and logs
 * in. The token and everything derived from it are masked in the CLI's output from the first instant.
 */
public final class Login {
    private final CliContext context;
    private final VendorOptions options;

    public Login(CliContext context, VendorOptions options) {
        this.context = context;
        this.options = options;
    }

    public Provider provider() {
        ProviderContext providerContext = context.providerContext(options.settings());
        return Providers.create(vendorId(providerContext), providerContext);
    }

    public Session login() {
        return login(SecretSink.NONE);
    }

    /** Logs in; credentials go to the CLI's output guard and then to {@code extraSink}. */
    public Session login(SecretSink extraSink) {
        Provider provider = provider();
        SecretSink sink = context.credentialSink().andThen(extraSink);
        Secret token = token(provider);
        sink.accept(token);
        return provider.login(token, sink);
    }

    String vendorId(ProviderContext providerContext) {
        if (options.vendor != null && !options.vendor.isBlank()) return options.vendor;
        String fromEnv = context.env().get("MACHINIST_VENDOR");
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv;
        List<String> withToken = new ArrayList<>();
        for (String id : Providers.ids()) {
            Provider p = Providers.create(id, providerContext);
            if (p.tokenVariables().stream().anyMatch(v -> providerContext.env(v).isPresent())) withToken.add(id);
        }
        if (withToken.size() == 1) return withToken.get(0);
        if (withToken.isEmpty()) {
            throw MachinistException.usage("Which vendor? Pass --vendor (" + String.join(", ", Providers.ids())
                    + ") or set the vendor's token variable.");
        }
        throw MachinistException.usage(
                "Tokens for several vendors are set (" + String.join(", ", withToken) + "); choose one with --vendor.");
    }

    Secret token(Provider provider) {
        String label = provider.displayName() + " token";
        if (options.tokenFile != null) {
            try {
                return Secret.of(label, stripNewline(Files.readString(options.tokenFile, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw MachinistException.usage("Cannot read the token file " + options.tokenFile + " ("
                        + e.getClass().getSimpleName() + ").");
            }
        }
        if (options.tokenStdin) {
            try {
                return Secret.of(label, stripNewline(new String(context.in().readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw MachinistException.usage("Cannot read the token from standard input.");
            }
        }
        if (options.tokenArgument != null) {
            context.err()
                    .println("machinist: warning: a token on the command line is visible to every process"
                            + " on this machine (ps, /proc); use "
                            + provider.tokenVariables().get(0)
                            + ", --token-file or --token-stdin instead.");
            return Secret.of(label, options.tokenArgument.trim());
        }
        for (String variable : provider.tokenVariables()) {
            String value = context.env().get(variable);
            if (value != null && !value.isBlank()) return Secret.of(variable, value.trim());
        }
        if (provider.tokenVariables().isEmpty()) return Secret.of(label, "");
        throw MachinistException.usage("No " + label + ": set " + String.join(" or ", provider.tokenVariables())
                + ", or pass --token-file FILE or --token-stdin.");
    }

    private static String stripNewline(String s) {
        String t = s.strip();
        if (t.isEmpty()) throw MachinistException.usage("The token is empty.");
        return t;
    }
}
