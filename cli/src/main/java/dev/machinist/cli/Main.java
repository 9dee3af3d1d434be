package dev.machinist.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

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
            return MachinistCommand.commandLine(context).execute(args);
        } finally {
            context.close();
        }
    }
}
