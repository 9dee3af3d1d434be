package dev.machinist.cli.store;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Login;
import dev.machinist.cli.Output;
import dev.machinist.cli.VendorOptions;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.provider.BearerApiAccess;
import dev.machinist.core.provider.Session;
import dev.machinist.core.store.PlatformApiAccess;
import dev.machinist.core.store.PlatformVariableOptions;
import dev.machinist.core.store.PlatformVariableStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "platform",
        mixinStandardHelpOptions = true,
        description = {
            "Store a project or environment variable of a Platform.sh-family project (platformsh, upsun,",
            "webpaas), creating or updating it, e.g. the bot's own API token as the sensitive top-level",
            "variable env:PLATFORMSH_CLI_TOKEN of an environment so the vendor CLI works in cron jobs."
        })
class StorePlatformCommand implements Callable<Integer> {
    @Option(names = "--project", required = true, paramLabel = "ID", description = "Project id.")
    String project;

    @Option(names = "--environment", paramLabel = "ENV", description = "Environment (default: a project variable).")
    String environment;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Variable name, e.g. env:FOO.")
    String name;

    @Option(names = "--sensitive", description = "Never readable again through the API or console.")
    boolean sensitive;

    @Option(names = "--json", arity = "0..1", paramLabel = "BOOL", description = "The value is JSON.")
    Boolean json;

    @Option(names = "--visible-build", arity = "0..1", paramLabel = "BOOL", description = "Visible at build time.")
    Boolean visibleBuild;

    @Option(names = "--visible-runtime", arity = "0..1", paramLabel = "BOOL", description = "Visible at runtime.")
    Boolean visibleRuntime;

    @Option(
            names = "--inheritable",
            arity = "0..1",
            paramLabel = "BOOL",
            description = "Child environments inherit it.")
    Boolean inheritable;

    @Option(names = "--enabled", arity = "0..1", paramLabel = "BOOL", description = "The variable is enabled.")
    Boolean enabled;

    @Mixin
    VendorOptions vendor;

    @Mixin
    ValueOptions value;

    @Mixin
    Output output;

    final CliContext context;

    StorePlatformCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Secret secret = value.read(context, name);
        PlatformVariableStore store = buildStore(new Login(context, vendor).login());
        return StoreReport.print(context, output, "platform", name, store, store.store(name, secret));
    }

    PlatformVariableStore buildStore(Session session) {
        PlatformVariableOptions options =
                new PlatformVariableOptions(sensitive, json, visibleBuild, visibleRuntime, inheritable, enabled);
        if (!(session instanceof BearerApiAccess api)) {
            throw MachinistException.usage(session.provider().displayName()
                    + " has no project variables; store platform works with platformsh, upsun and webpaas.");
        }
        PlatformApiAccess access = new PlatformApiAccess(
                context.http(),
                api.apiBase(),
                api::accessToken,
                session.provider().displayName(),
                api.tokenVariable());
        return environment == null
                ? PlatformVariableStore.project(access, project, options)
                : PlatformVariableStore.environment(access, project, environment, options);
    }
}
