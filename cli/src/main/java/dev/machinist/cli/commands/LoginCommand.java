package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Login;
import dev.machinist.cli.Output;
import dev.machinist.cli.VendorOptions;
import dev.machinist.core.provider.Session;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    /** Vendor extras that persist a login for the vendor's own CLI (e.g. the Terminus session file). */
    void afterLogin(Session session) {}
}
