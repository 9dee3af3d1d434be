package dev.machinist.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** Entry point. {@link #run} returns the exit code so that tests never call System.exit. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = run(System.in, System.out, System.err, System.getenv(), args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    public static int run(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        CliContext context = new CliContext(in, out, err, env);
        try {
            // `run`/`mask` with masking options only: skip building picocli's model of the whole CLI.
            Optional<Shortcut> shortcut = Shortcut.parse(args);
            if (shortcut.isPresent()) return shortcut.get().execute(context);
            return MachinistCommand.commandLine(context).execute(args);
        } finally {
            context.close();
        }
    }
}
