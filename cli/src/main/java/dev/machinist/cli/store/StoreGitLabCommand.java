package dev.machinist.cli.store;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Output;
import dev.machinist.core.Secret;
import dev.machinist.core.store.GitLabConnection;
import dev.machinist.core.store.GitLabStore;
import dev.machinist.core.store.GitLabVariableOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "gitlab",
        mixinStandardHelpOptions = true,
        description = {
            "Store a GitLab CI/CD variable of a project, creating or updating it in its environment scope.",
            "Authenticates with GITLAB_TOKEN (CI_JOB_TOKEN cannot manage variables); the API is --gitlab-api-url,",
            "else CI_API_V4_URL, else gitlab.com. Masked values are checked against GitLab's rules first."
        })
class StoreGitLabCommand implements Callable<Integer> {
    @Option(names = "--project", required = true, paramLabel = "ID|PATH", description = "Project id or full path.")
    String project;

    @Option(names = "--name", required = true, paramLabel = "VAR", description = "Variable key.")
    String name;

    @Option(names = "--protected", description = "Only protected branches and tags see it.")
    boolean protectedVariable;

    @Option(names = "--masked", description = "Mask it in job logs.")
    boolean masked;

    @Option(names = "--masked-and-hidden", description = "Mask it and never show it again (only when creating).")
    boolean maskedAndHidden;

    @Option(names = "--raw", description = "No $-expansion of the value (also allows more characters when masked).")
    boolean raw;

    @Option(names = "--environment-scope", paramLabel = "SCOPE", description = "Environment scope (default *).")
    String environmentScope;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description shown in the settings.")
    String description;

    @Option(names = "--gitlab-api-url", paramLabel = "URL", description = "GitLab REST API v4 base URL.")
    String apiUrl;

    @Mixin
    ValueOptions value;

    @Mixin
    Output output;

    final CliContext context;

    StoreGitLabCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        GitLabStore store = buildStore();
        Secret secret = value.read(context, name);
        return StoreReport.print(context, output, "gitlab", name, store, store.store(name, secret));
    }

    GitLabStore buildStore() {
        GitLabVariableOptions options = new GitLabVariableOptions(
                masked, maskedAndHidden, protectedVariable, raw, environmentScope, description);
        GitLabConnection connection = GitLabConnection.fromEnvironment(context.env(), apiUrl, context.http());
        context.protect(connection.token());
        return GitLabStore.project(connection, project, options);
    }
}
