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

    /**
     * The image's entrypoint: exactly {@code machinist github-action}, but without first building the whole
     * picocli command tree, which took a third of the container's start-up (measured: 0.3 s of 0.8 s). Any
     * argument (e.g. --help) goes the ordinary way.
     */
    public static void main(String[] args) {
        if (args.length > 0) {
            String[] all = new String[args.length + 1];
            all[0] = "github-action";
            System.arraycopy(args, 0, all, 1, args.length);
            dev.machinist.cli.Main.main(all);
            return;
        }
        int code = GitHubAction.forEnvironment(System.getenv(), System.out).run();
        System.out.flush();
        System.exit(code);
    }

    @Override
    public Integer call() {
        // Raw stdout: ::add-mask:: must carry the value itself, and the action prints nothing else secret.
        return GitHubAction.forEnvironment(context.env(), context.rawOut()).run();
    }
}
