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

/** Identity and expiry of the bot's token; never the token. */
@Command(
        name = "whoami",
        mixinStandardHelpOptions = true,
        description = "Show whom the token belongs to and when the login and the token expire (never the token).")
public class WhoamiCommand implements Callable<Integer> {
    @Mixin
    VendorOptions vendor;

    @Mixin
    Output output;

    private final CliContext context;

    WhoamiCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Session session = new Login(context, vendor).login();
        try {
            if (output.json()) {
                Output.printJson(context.out(), IdentityView.asMap(session));
            } else {
                IdentityView.printText(context.out(), session, Instant.now());
            }
        } finally {
            session.logout();
        }
        return 0;
    }
}
