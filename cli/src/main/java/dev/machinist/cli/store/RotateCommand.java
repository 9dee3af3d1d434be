package dev.machinist.cli.store;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Login;
import dev.machinist.cli.VendorOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `rotate github|gitlab|platform`: the store commands' options plus the vendor login. Without a value
 * source a new token is created through the vendor's API (Platform.sh family); with one, the given token is
 * the new one (Pantheon, Bitwarden: create it in the console first).
 */
@Command(
        name = "rotate",
        mixinStandardHelpOptions = true,
        description = {
            "Replace the bot's token without losing access: create a new token (or take one made by hand from",
            "--value-stdin/--value-file/--value-env), prove it logs in as the same user, store it like `store`",
            "does, then revoke the old one. A failure at any step leaves the old token working."
        },
        subcommands = {RotateCommand.GitHub.class, RotateCommand.GitLab.class, RotateCommand.Platform.class})
public class RotateCommand {
    @Command(name = "github", mixinStandardHelpOptions = true, description = "Rotate into a GitHub Actions secret.")
    static final class GitHub extends StoreGitHubCommand implements Callable<Integer> {
        @Mixin
        VendorOptions vendor;

        @Mixin
        RotateOptions rotate;

        GitHub(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            var store = buildStore();
            return rotate.run(context, new Login(context, vendor).login(), store, name, value, output);
        }
    }

    @Command(name = "gitlab", mixinStandardHelpOptions = true, description = "Rotate into a GitLab CI/CD variable.")
    static final class GitLab extends StoreGitLabCommand implements Callable<Integer> {
        @Mixin
        VendorOptions vendor;

        @Mixin
        RotateOptions rotate;

        GitLab(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            var store = buildStore();
            return rotate.run(context, new Login(context, vendor).login(), store, name, value, output);
        }
    }

    @Command(
            name = "platform",
            mixinStandardHelpOptions = true,
            description = "Rotate into a Platform.sh-family variable (e.g. env:PLATFORMSH_CLI_TOKEN).")
    static final class Platform extends StorePlatformCommand implements Callable<Integer> {
        @Mixin
        RotateOptions rotate;

        Platform(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            var session = new Login(context, vendor).login();
            return rotate.run(context, session, buildStore(session), name, value, output);
        }
    }
}
