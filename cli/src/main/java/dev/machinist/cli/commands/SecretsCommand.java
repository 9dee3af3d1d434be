package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Login;
import dev.machinist.cli.Output;
import dev.machinist.cli.VendorOptions;
import dev.machinist.core.provider.FetchedSecret;
import dev.machinist.core.provider.SecretScope;
import dev.machinist.core.provider.SecretSource;
import dev.machinist.core.provider.SecretSummary;
import dev.machinist.core.provider.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `secrets list` and `secrets get`: the vendor's secrets, like `bws secret list|get`. */
@Command(
        name = "secrets",
        mixinStandardHelpOptions = true,
        description = "List secrets, or print secrets' values.",
        subcommands = {SecretsCommand.ListSecrets.class, SecretsCommand.GetSecrets.class})
public class SecretsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List secrets (ids and keys, no values).")
    static class ListSecrets implements Callable<Integer> {
        @Mixin
        VendorOptions vendor;

        @Mixin
        Output output;

        @Option(
                names = "--project",
                paramLabel = "ID",
                description = "Only this project's secrets (default: the whole organization).")
        String project;

        private final CliContext context;

        ListSecrets(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Session session = new Login(context, vendor).login();
            SecretSource source = Capabilities.require(session, SecretSource.class, "secrets to list");
            List<SecretSummary> secrets =
                    source.listSecrets(project == null ? SecretScope.organization() : SecretScope.project(project));
            if (output.json()) {
                Output.printJson(context.out(), secrets);
            } else {
                for (SecretSummary s : secrets) context.out().println(s.id() + "  " + s.key());
            }
            return 0;
        }
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = {
                "Print secrets with their values (the values are the output you asked for, so they are not masked",
                "here: capture them, e.g. VALUE=$(machinist secrets get ID --value), rather than printing them in a",
                "CI log; to use secrets in a build step prefer `machinist run`)."
            })
    static class GetSecrets implements Callable<Integer> {
        @Mixin
        VendorOptions vendor;

        @Mixin
        Output output;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Secret ids.")
        List<String> ids;

        @Option(names = "--value", description = "Print only the value (one secret only).")
        boolean valueOnly;

        private final CliContext context;

        GetSecrets(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (valueOnly && ids.size() != 1) {
                throw dev.machinist.core.MachinistException.usage("--value prints one secret; give exactly one id.");
            }
            Session session = new Login(context, vendor).login();
            SecretSource source = Capabilities.require(session, SecretSource.class, "secrets to get");
            List<FetchedSecret> secrets = source.getSecrets(ids);
            if (valueOnly) {
                context.rawOut().print(secrets.get(0).value().reveal());
                context.rawOut().println();
            } else if (output.json()) {
                Output.printJson(
                        context.rawOut(),
                        secrets.stream().map(GetSecrets::asMap).toList());
            } else {
                for (FetchedSecret s : secrets)
                    context.rawOut().println(s.key() + "=" + s.value().reveal());
            }
            context.rawOut().flush();
            return 0;
        }

        private static Map<String, Object> asMap(FetchedSecret s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("key", s.key());
            m.put("value", s.value().reveal());
            m.put("note", s.note());
            m.put("projectIds", s.projectIds());
            return m;
        }
    }
}
