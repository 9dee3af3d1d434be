package dev.machinist.cli.store;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Output;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.store.GitHubConnection;
import dev.machinist.core.store.GitHubStore;
import dev.machinist.core.store.OrgVisibility;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "github",
        mixinStandardHelpOptions = true,
        description = {
            "Store a GitHub Actions secret of a repository, of an environment of a repository, or of an",
            "organization. Authenticates with GITHUB_TOKEN or GH_TOKEN; the API is --github-api-url, else",
            "GITHUB_API_URL (set by GitHub Actions, also on GitHub Enterprise Server), else api.github.com."
        })
class StoreGitHubCommand implements Callable<Integer> {
    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "Repository (repository or environment secret).")
    String repo;

    @Option(names = "--environment", paramLabel = "ENV", description = "Deployment environment of --repo.")
    String environment;

    @Option(names = "--org", paramLabel = "ORG", description = "Organization secret instead of a repository secret.")
    String org;

    @Option(
            names = "--visibility",
            paramLabel = "all|private|selected",
            description = "Which repositories of --org may use it (default: private).")
    String visibility;

    @Option(
            names = "--repository-id",
            paramLabel = "ID",
            split = ",",
            description = "With --visibility selected: ids of the repositories that may use it.")
    List<Long> repositoryIds = new ArrayList<>();

    @Option(names = "--name", required = true, paramLabel = "SECRET", description = "Secret name.")
    String name;

    @Option(names = "--github-api-url", paramLabel = "URL", description = "GitHub REST API base URL.")
    String apiUrl;

    @Mixin
    ValueOptions value;

    @Mixin
    Output output;

    final CliContext context;

    StoreGitHubCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        GitHubStore store = buildStore();
        Secret secret = value.read(context, name);
        return StoreReport.print(context, output, "github", name, store, store.store(name, secret));
    }

    GitHubStore buildStore() {
        GitHubConnection connection = GitHubConnection.fromEnvironment(context.env(), apiUrl, context.http());
        context.protect(connection.token());
        return store(connection);
    }

    private GitHubStore store(GitHubConnection connection) {
        if (org != null) {
            if (repo != null || environment != null) {
                throw MachinistException.usage(
                        "--org stores an organization secret: leave out --repo and --environment.");
            }
            OrgVisibility v = visibility == null ? OrgVisibility.PRIVATE : OrgVisibility.parse(visibility);
            return GitHubStore.organization(connection, org, v, repositoryIds);
        }
        if (visibility != null || !repositoryIds.isEmpty()) {
            throw MachinistException.usage("--visibility and --repository-id apply to organization secrets (--org).");
        }
        if (repo == null)
            throw MachinistException.usage("Say where: --repo OWNER/NAME [--environment ENV] or --org ORG.");
        return environment == null
                ? GitHubStore.repository(connection, repo)
                : GitHubStore.environment(connection, repo, environment);
    }
}
