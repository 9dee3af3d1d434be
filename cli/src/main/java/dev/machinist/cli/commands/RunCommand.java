package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Login;
import dev.machinist.cli.MaskOptions;
import dev.machinist.cli.VendorOptions;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.inject.ChildProcess;
import dev.machinist.core.mask.Masker;
import dev.machinist.core.provider.SecretScope;
import dev.machinist.core.provider.SecretSource;
import dev.machinist.core.provider.Session;
import dev.machinist.core.select.SecretResolver;
import dev.machinist.core.select.SecretSelection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a build step with secrets injected and its stdout and stderr masked. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Fetch secrets, run COMMAND with them as environment variables, and mask every secret, every token",
            "derived at login, and their encoded forms in its stdout and stderr. Returns COMMAND's exit code.",
            "",
            "  machinist run --vendor bitwarden --secret 'ID > DB_PASSWORD' -- ./deploy.sh",
            "  machinist run --vendor bitwarden --project ID -- make release",
            "  machinist run --env-file secrets.env -- ./test.sh",
            "",
            "The bot's own token variable is removed from COMMAND's environment unless --keep-token."
        })
public class RunCommand implements Callable<Integer> {
    @Mixin
    VendorOptions vendor;

    @Mixin
    MaskOptions masking;

    @Option(
            names = "--secret",
            paramLabel = "'ID > NAME'",
            description = "A secret to load; NAME defaults to its key (repeatable).")
    List<String> secrets = new ArrayList<>();

    @Option(
            names = "--secrets-file",
            paramLabel = "FILE",
            description = "'ID > NAME' lines, as in Bitwarden's sm-action.")
    Path secretsFile;

    @Option(
            names = "--project",
            paramLabel = "ID",
            description = "Load every secret of this project, named by their keys.")
    String project;

    @Option(
            names = {"--all", "--organization"},
            description = "Load every secret the token can see, named by their keys.")
    boolean all;

    @Option(
            names = "--map-names",
            description = "Map keys that are not valid variable names (my-key -> my_key) instead of failing.")
    boolean mapNames;

    @Option(
            names = "--keep-token",
            description = "Leave the bot's token variable in COMMAND's environment (for the vendor's own CLI).")
    boolean keepToken;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments (after --).")
    List<String> command;

    private final CliContext context;

    RunCommand(CliContext context) {
        this.context = context;
    }

    /** {@code run [masking options] -- command}, parsed without picocli (the CLI's start-up shortcut). */
    public static RunCommand withMasking(CliContext context, MaskOptions masking, List<String> command) {
        RunCommand run = new RunCommand(context);
        run.vendor = new VendorOptions();
        run.masking = masking;
        run.command = List.copyOf(command);
        return run;
    }

    @Override
    public Integer call() {
        Masker masker = masking.masker(context);
        context.guard().use(masker);
        Map<String, Secret> inject = new LinkedHashMap<>(masking.envFileSecrets());
        masking.maskEnvSecrets(context.env()).forEach(masker.sink()::accept);
        Set<String> tokenVariables = new LinkedHashSet<>();
        if (wantsVendor()) {
            Login login = new Login(context, vendor);
            Session session = login.login(masker.sink());
            tokenVariables.addAll(session.provider().tokenVariables());
            Optional<SecretSelection> selection = selection();
            if (selection.isPresent()) {
                SecretSource source = Capabilities.require(session, SecretSource.class, "secrets to load");
                inject.putAll(SecretResolver.resolve(source, selection.get()));
            }
        }
        ChildProcess.Builder child = ChildProcess.command(command)
                .inheritFrom(context.env())
                .masker(masker)
                // Registering every form of every secret, and building the automaton, overlap the child's start;
                // its output waits in the pipe until then.
                .beforeOutput(() -> {
                    inject.values().forEach(masker.sink()::accept);
                    masker.compile();
                })
                // The process's own stdin is inherited: a terminal stays a terminal, and nothing is read ahead of
                // the child (a copy thread would swallow input meant for the commands after it). Another stream
                // (in-process callers) is piped.
                .stdin(context.in() == System.in ? null : context.in())
                .stdout(context.rawOut())
                .stderr(context.rawErr())
                .forwardSignals(true);
        if (!keepToken) tokenVariables.forEach(child::remove);
        inject.forEach(child::secret);
        return child.build().run();
    }

    private boolean wantsVendor() {
        return vendor.vendorNamed() || !secrets.isEmpty() || secretsFile != null || project != null || all;
    }

    private Optional<SecretSelection> selection() {
        List<SecretSelection.Pick> picks = new ArrayList<>();
        for (String s : secrets) picks.addAll(SecretSelection.parsePicks(s));
        if (secretsFile != null) {
            try {
                picks.addAll(SecretSelection.parsePicks(Files.readString(secretsFile, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw MachinistException.usage(
                        "Cannot read " + secretsFile + " (" + e.getClass().getSimpleName() + ").");
            }
        }
        Optional<SecretScope> scope = project != null
                ? Optional.of(SecretScope.project(project))
                : all ? Optional.of(SecretScope.organization()) : Optional.empty();
        if (picks.isEmpty() && scope.isEmpty()) return Optional.empty();
        return Optional.of(SecretSelection.of(
                picks, scope, mapNames ? SecretSelection.NamePolicy.MAP : SecretSelection.NamePolicy.REJECT));
    }
}
