package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.core.github.GitHubAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The container entrypoint of the GitHub Action. Everything comes from the environment the runner sets
 * (INPUT_*, GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP), so there are no options.
 */
@Command(
        name = "github-action",
        mixinStandardHelpOptions = true,
        description = {
            "Run as the Machinist GitHub Action (the container's entrypoint): read the INPUT_* variables, log in,",
            "announce every credential and value with ::add-mask::, then write GITHUB_ENV, GITHUB_OUTPUT and the",
            "step summary. Failures become ::error:: annotations. See github-action/README.md."
        })
public class GitHubActionCommand implements Callable<Integer> {
    private final CliContext context;

    GitHubActionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // Raw stdout: ::add-mask:: must carry the value itself, and the action prints nothing else secret.
        return GitHubAction.forEnvironment(context.env(), context.rawOut()).run();
    }
}
