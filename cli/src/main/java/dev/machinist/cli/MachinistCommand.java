package dev.machinist.cli;

import dev.machinist.cli.commands.DemoCommand;
import dev.machinist.cli.commands.LoginCommand;
import dev.machinist.cli.commands.MaskCommand;
import dev.machinist.cli.commands.ProjectsCommand;
import dev.machinist.cli.commands.RunCommand;
import dev.machinist.cli.commands.SecretsCommand;
import dev.machinist.cli.commands.SimulateCommand;
import dev.machinist.cli.commands.SshCertCommand;
import dev.machinist.cli.commands.TokenCommand;
import dev.machinist.cli.commands.WhoamiCommand;
import dev.machinist.core.http.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level `machinist` command; subcommands do the work. */
@Command(
        name = "machinist",
        mixinStandardHelpOptions = true,
        versionProvider = MachinistCommand.VersionProvider.class,
        description = {
            "Safe access for CI bots: log in with a machine token, fetch secrets, run build steps with them",
            "injected and masked, and store tokens as CI secrets.",
            "",
            "Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad token, 4 forbidden, 5 not found,",
            "6 rate limited, 7 vendor unavailable, 8 network, 9 malformed response, 10 refused",
            "(see docs/exit-codes.md). `run` returns the command's own exit code."
        },
        subcommands = {
            LoginCommand.class,
            WhoamiCommand.class,
            SecretsCommand.class,
            ProjectsCommand.class,
            TokenCommand.class,
            SshCertCommand.class,
            SimulateCommand.class,
            DemoCommand.class,
            RunCommand.class,
            MaskCommand.class,
            dev.machinist.cli.commands.GitHubActionCommand.class,
            dev.machinist.cli.store.StoreCommand.class,
            dev.machinist.cli.store.RotateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class MachinistCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--debug",
            description = "Log each HTTP request (method, URL without query, status, time).",
            scope = CommandLine.ScopeType.INHERIT)
    void debug(boolean on) {
        context.setDebug(on);
    }

    private final CliContext context;

    MachinistCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(new MachinistCommand(context), new ContextFactory(context));
        cl.setOut(new java.io.PrintWriter(context.out(), true));
        cl.setErr(new java.io.PrintWriter(context.err(), true));
        ErrorHandling.install(cl, context);
        // `run -- cmd -x`: everything from the command on belongs to the command, not to Machinist.
        cl.getSubcommands().get("run").setStopAtPositional(true);
        return cl;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"machinist " + Version.current()};
        }
    }
}
