package dev.machinist.cli.store;

import picocli.CommandLine.Command;

/** `store github|gitlab|platform`: put a bot token (or any secret) where later pipelines can use it. */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        description = {
            "Store a secret as a CI secret or vendor variable, creating or updating it. The value comes from",
            "--value-stdin, --value-file or --value-env, never from the command line."
        },
        subcommands = {StoreGitHubCommand.class, StoreGitLabCommand.class, StorePlatformCommand.class})
public class StoreCommand {}
