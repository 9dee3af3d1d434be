package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Login;
import dev.machinist.cli.Output;
import dev.machinist.cli.VendorOptions;
import dev.machinist.core.provider.Session;
import dev.machinist.core.provider.VendorCliLogin;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Checks a token by logging in with it, and shows who it belongs to. */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = {
            "Log in with the bot's token and show who it is and when the login expires.",
            "The token is read from the vendor's variable (TERMINUS_MACHINE_TOKEN, PLATFORMSH_CLI_TOKEN,",
            "UPSUN_CLI_TOKEN, OVHCLOUD_WEBPAAS_CLI_TOKEN, BWS_ACCESS_TOKEN), --token-file or --token-stdin."
        })
public class LoginCommand implements Callable<Integer> {
    @Mixin
    VendorOptions vendor;

    @Mixin
    Output output;

    @Option(
            names = {"--vendor-cli", "--terminus-session"},
            description = "Also log in the vendor's own CLI for later steps (Pantheon: write the terminus"
                    + " session file, 0600, where terminus reads it).")
    boolean vendorCli;

    final CliContext context;

    LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Session session = new Login(context, vendor).login();
        afterLogin(session);
        if (output.json()) {
            Output.printJson(context.out(), IdentityView.asMap(session));
        } else {
            IdentityView.printText(context.out(), session, Instant.now());
        }
        return 0;
    }

    /** Persists the login for the vendor's own CLI (e.g. the Terminus session file) when asked. */
    void afterLogin(Session session) {
        if (!vendorCli) return;
        VendorCliLogin handOff = Capabilities.require(session, VendorCliLogin.class, "CLI session to hand over");
        for (Path file : handOff.handOffToVendorCli()) {
            context.err().println("Logged in " + handOff.vendorCli() + ": wrote " + file + " (mode 0600).");
        }
    }
}
