package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.MaskOptions;
import dev.machinist.core.inject.MaskFilter;
import dev.machinist.core.mask.Masker;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A filter from stdin to stdout, for pipelines that cannot wrap a command. */
@Command(
        name = "mask",
        mixinStandardHelpOptions = true,
        description = {
            "Copy stdin to stdout with secrets and their encoded forms masked. Output is passed on as soon as",
            "it cannot be part of a secret (no waiting for a newline).",
            "",
            "  ./build.sh 2>&1 | machinist mask --env-file secrets.env --mask-env DB_PASSWORD"
        })
public class MaskCommand implements Callable<Integer> {
    @Mixin
    MaskOptions masking;

    private final CliContext context;

    MaskCommand(CliContext context) {
        this.context = context;
    }

    /** {@code mask [masking options]}, parsed without picocli (the CLI's start-up shortcut). */
    public static MaskCommand withMasking(CliContext context, MaskOptions masking) {
        MaskCommand mask = new MaskCommand(context);
        mask.masking = masking;
        return mask;
    }

    @Override
    public Integer call() throws IOException {
        Masker masker = masking.masker(context);
        masking.envFileSecrets().values().forEach(masker.sink()::accept);
        masking.maskEnvSecrets(context.env()).forEach(masker.sink()::accept);
        MaskFilter.copy(context.in(), context.rawOut(), masker);
        return 0;
    }
}
