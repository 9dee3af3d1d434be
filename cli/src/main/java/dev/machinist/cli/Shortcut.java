package dev.machinist.cli;

import dev.machinist.cli.commands.MaskCommand;
import dev.machinist.cli.commands.RunCommand;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code machinist run} and {@code machinist mask} without picocli, for the argument lists this class is sure
 * of: masking options only ({@code --env-file}, {@code --mask-env}, {@code --replacement}, {@code
 * --min-length}), then for {@code run} the command. Why: building picocli's model of the whole CLI (every
 * command, option and converter, and Jackson through the output options) was 0.45 s of the 0.6 s that {@code
 * run --env-file F -- true} took, paid by every build step before it starts.
 *
 * <p>Anything else returns empty and takes the ordinary way — vendor options, {@code --help}, {@code
 * @file}s, a repeated single-value option, a value picocli would convert differently or reject — so the
 * shortcut never changes what a command line means or how an error reads. Both ways fill the same {@link
 * MaskOptions} and run the same command code; {@code ShortcutTest} checks they parse alike.
 */
final class Shortcut {
    /** Names as picocli would accept them for {@code split = ","}, kept to plain variable names. */
    private static final Pattern NAMES = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*");
    /** Decimal, no sign, no leading zero (picocli decodes 010 as octal), no overflow. */
    private static final Pattern SMALL_INT = Pattern.compile("0|[1-9][0-9]{0,8}");

    final String command;
    final MaskOptions masking = new MaskOptions();
    List<String> argv = List.of();

    private Shortcut(String command) {
        this.command = command;
    }

    /** The shortcut for {@code args}, or empty when picocli must parse them. */
    static Optional<Shortcut> parse(String... args) {
        if (args.length == 0 || !(args[0].equals("run") || args[0].equals("mask"))) return Optional.empty();
        Shortcut shortcut = new Shortcut(args[0]);
        boolean replacementSeen = false;
        boolean minimumLengthSeen = false;
        int i = 1;
        for (; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) return Optional.empty(); // picocli reads @files
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-")) break; // the command starts here
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) return Optional.empty();
            switch (name) {
                case "--env-file" -> shortcut.masking.envFiles.add(Path.of(value));
                case "--mask-env" -> {
                    if (!NAMES.matcher(value).matches()) return Optional.empty();
                    shortcut.masking.maskEnv.addAll(Arrays.asList(value.split(",")));
                }
                case "--replacement" -> {
                    if (replacementSeen) return Optional.empty();
                    replacementSeen = true;
                    shortcut.masking.replacement = value;
                }
                case "--min-length" -> {
                    if (minimumLengthSeen || !SMALL_INT.matcher(value).matches()) return Optional.empty();
                    minimumLengthSeen = true;
                    shortcut.masking.minimumLength = Integer.parseInt(value);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        List<String> rest = List.of(args).subList(Math.min(i, args.length), args.length);
        if (shortcut.command.equals("run")) {
            if (rest.isEmpty() || rest.stream().anyMatch(a -> a.startsWith("@"))) return Optional.empty();
            shortcut.argv = List.copyOf(rest);
        } else if (!rest.isEmpty()) {
            return Optional.empty(); // `mask` takes no arguments: let picocli say so
        }
        return Optional.of(shortcut);
    }

    /** Runs the command as picocli would have, errors reported the same way. */
    int execute(CliContext context) {
        try {
            Callable<Integer> callable = command.equals("run")
                    ? RunCommand.withMasking(context, masking, argv)
                    : MaskCommand.withMasking(context, masking);
            return callable.call();
        } catch (Exception e) {
            return ErrorHandling.report(e, context);
        }
    }
}
