package dev.machinist.core.github;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.Provider;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.Providers;
import dev.machinist.core.provider.SecretSource;
import dev.machinist.core.provider.Session;
import dev.machinist.core.select.SecretResolver;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GitHub Action, run inside its container: reads the inputs, logs in, loads the secrets and hands them
 * to the job. The order is the point: the token, every credential derived at login and every value (and
 * each of its lines) are announced with {@code ::add-mask::} before anything else is printed or written,
 * so the runner masks them in every later line of the log. Failures end as one {@code ::error::}
 * annotation and the exit code of their {@link ErrorKind}; this class never throws.
 */
public final class GitHubAction {
    private final Map<String, String> env;
    private final WorkflowOutput out;
    private final HttpTransport http;
    private final Clock clock;

    public GitHubAction(Map<String, String> env, PrintStream stdout, HttpTransport http, Clock clock) {
        this.env = Map.copyOf(env);
        this.out = new WorkflowOutput(stdout, this.env);
        this.http = http;
        this.clock = clock;
    }

    /** The action as the container entrypoint runs it: real clock, default HTTP settings. */
    public static GitHubAction forEnvironment(Map<String, String> env, PrintStream stdout) {
        return new GitHubAction(env, stdout, new HttpTransport(HttpClientSettings.defaults()), Clock.systemUTC());
    }

    /** @return the process exit code: 0, or the failure's {@link ErrorKind#exitCode()} */
    public int run() {
        Masking[] masking = new Masking[1];
        try {
            runOrThrow(masking);
            return 0;
        } catch (MachinistException e) {
            flushHeld(masking[0]);
            fail(e.getMessage());
            return e.kind().exitCode();
        } catch (RuntimeException e) {
            flushHeld(masking[0]);
            // The message of an unexpected exception is not ours to trust: name only its type.
            fail("Internal error (" + e.getClass().getSimpleName() + "). Please report it at"
                    + " https://github.com/machinist-dev/machinist/issues with the step's log.");
            return ErrorKind.INTERNAL.exitCode();
        } finally {
            out.flush();
        }
    }

    private void runOrThrow(Masking[] holder) {
        ActionRequest request = ActionRequest.parse(ActionInputs.from(env));
        Masking masking = new Masking(out, request.maskMinLength(), request.unmaskedNames());
        holder[0] = masking;
        masking.credential(request.token());
        for (String v : request.extraMaskValues()) masking.credential(Secret.of("mask-values", v));

        Map<String, String> providerEnv = new LinkedHashMap<>(env);
        RunnerPaths paths = request.terminusSession() || request.sshCertificate() ? RunnerPaths.from(env) : null;
        if (request.terminusSession()) {
            providerEnv.put(
                    "TERMINUS_CACHE_DIR",
                    paths.containerDir().resolve("terminus").toString());
        }
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        ProviderContext context = new ProviderContext(providerEnv, request.providerSettings(), http, home);
        Provider provider = Providers.create(request.vendor(), context);
        Session session = provider.login(request.token(), masking.sink());

        masking.holdFetchedValues();
        Map<String, Secret> loaded = request.selection()
                .map(selection -> SecretResolver.resolve(requireSecrets(session, provider), selection))
                .orElse(Map.of());
        masking.settle(loaded);

        JobFiles files = new JobFiles(paths, out);
        List<String> fileNotes = new ArrayList<>();
        if (request.terminusSession()) fileNotes.add(files.terminusSession(session));
        if (request.sshCertificate()) fileNotes.add(files.sshCertificate(session));

        for (Map.Entry<String, Secret> e : loaded.entrySet()) {
            if (request.exportEnv()) out.exportVariable(e.getKey(), e.getValue());
            out.setOutput(e.getKey(), e.getValue());
        }
        files.export(request.exportEnv());

        List<String> names = List.copyOf(loaded.keySet());
        out.setOutput("names", Secret.of("names", String.join(",", names)));
        out.setOutput("identity", Secret.of("identity", session.identity().id()));
        session.expiresAt().ifPresent(t -> out.setOutput("expires-at", Secret.of("expires-at", t.toString())));

        StepSummary summary = new StepSummary("Machinist: " + provider.displayName())
                .identity(session.identity())
                .expiry("Login expires", session.expiresAt(), clock.instant())
                .expiry("Token expires", session.tokenExpiresAt(), clock.instant())
                .names(request.exportEnv() ? "Loaded (environment and outputs)" : "Loaded (outputs only)", names);
        if (!fileNotes.isEmpty()) summary.row("Files for later steps", String.join(", ", fileNotes));
        out.appendSummary(summary.render());
        out.info("Machinist: logged in to " + provider.displayName() + " as "
                + session.identity().name()
                + "; loaded " + names.size() + (names.size() == 1 ? " secret" : " secrets")
                + (names.isEmpty() ? "" : ": " + String.join(", ", names)) + ".");
    }

    private static SecretSource requireSecrets(Session session, Provider provider) {
        if (session instanceof SecretSource source) return source;
        throw MachinistException.usage(provider.displayName() + " has no secrets to load: remove 'secrets',"
                + " 'project' and 'all-secrets' (with this vendor the action logs in"
                + " and can write a Terminus session or an SSH certificate).");
    }

    /** Values fetched before a failure are masked before its message is printed. */
    private static void flushHeld(Masking masking) {
        try {
            if (masking != null) masking.flushHeld();
        } catch (RuntimeException ignored) {
            // the failure being reported is the one that matters
        }
    }

    private void fail(String message) {
        out.error(message);
        try {
            out.appendSummary(StepSummary.failure(message));
        } catch (RuntimeException ignored) {
            // the annotation is what matters; a missing summary file must not hide it
        }
    }
}
