package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Login;
import dev.machinist.cli.Output;
import dev.machinist.cli.VendorOptions;
import dev.machinist.core.provider.TokenManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `token list|create|revoke`: the bot's own long-lived tokens, where the vendor has an API for them. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manage the bot's own tokens (Pantheon: list, revoke; Platform.sh family: list, create, revoke).",
        subcommands = {TokenCommand.ListTokens.class, TokenCommand.CreateToken.class, TokenCommand.RevokeToken.class})
public class TokenCommand {

    static Map<String, Object> asMap(TokenManager.TokenInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("createdAt", t.createdAt().map(Instant::toString).orElse(null));
        m.put("lastUsedAt", t.lastUsedAt().map(Instant::toString).orElse(null));
        return m;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the bot's tokens (never their values).")
    static class ListTokens implements Callable<Integer> {
        @Mixin
        VendorOptions vendor;

        @Mixin
        Output output;

        private final CliContext context;

        ListTokens(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            TokenManager tokens =
                    Capabilities.require(new Login(context, vendor).login(), TokenManager.class, "token API");
            List<TokenManager.TokenInfo> list = tokens.listTokens();
            if (output.json()) {
                Output.printJson(
                        context.out(), list.stream().map(TokenCommand::asMap).toList());
            } else {
                for (TokenManager.TokenInfo t : list) {
                    context.out()
                            .println(t.id() + "  " + t.name()
                                    + t.createdAt().map(c -> "  created " + c).orElse("")
                                    + t.lastUsedAt()
                                            .map(c -> "  last used " + c)
                                            .orElse(""));
                }
            }
            return 0;
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create a token. Its value is written to --out FILE (0600), never to the terminal or log,",
                "unless --print is given."
            })
    static class CreateToken implements Callable<Integer> {
        @Mixin
        VendorOptions vendor;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the new token to FILE with mode 0600.")
        java.nio.file.Path out;

        @Option(
                names = "--print",
                description = "Print the new token on stdout (capture it; do not let it reach a log).")
        boolean print;

        private final CliContext context;

        CreateToken(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            if (out == null && !print) {
                throw dev.machinist.core.MachinistException.usage(
                        "Say where the new token goes: --out FILE (written 0600) or --print.");
            }
            TokenManager tokens =
                    Capabilities.require(new Login(context, vendor).login(), TokenManager.class, "token API");
            TokenManager.CreatedToken created = tokens.createToken(name);
            if (out != null) {
                PrivateFiles.write(out, created.token().reveal());
                context.err()
                        .println("Created token " + created.info().id() + " ("
                                + created.info().name() + "); written to " + out + " (mode 0600).");
            }
            if (print) {
                context.rawOut().println(created.token().reveal());
                context.rawOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id.")
    static class RevokeToken implements Callable<Integer> {
        @Mixin
        VendorOptions vendor;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        private final CliContext context;

        RevokeToken(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            TokenManager tokens =
                    Capabilities.require(new Login(context, vendor).login(), TokenManager.class, "token API");
            tokens.revokeToken(id);
            context.out().println("Revoked token " + id + ".");
            return 0;
        }
    }
}
