package dev.machinist.cli;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import picocli.CommandLine;

/**
 * The one place that turns failures into a message and an exit code. Users see one line (never a stack
 * trace); {@code --debug} adds the exception class for bug reports. Everything printed passes through the
 * {@link OutputGuard}, so credentials are masked even in unexpected exceptions.
 */
final class ErrorHandling {
    private ErrorHandling() {}

    static void install(CommandLine cl, CliContext context) {
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, context));
        cl.setParameterExceptionHandler((ex, args) -> {
            context.err().println("machinist: " + ex.getMessage());
            context.err()
                    .println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ErrorKind.USAGE.exitCode();
        });
    }

    static int report(Throwable ex, CliContext context) {
        if (ex instanceof MachinistException me) {
            context.err().println("machinist: " + me.getMessage());
            return me.kind().exitCode();
        }
        if (ex instanceof CommandLine.ParameterException pe) {
            context.err().println("machinist: " + pe.getMessage());
            return ErrorKind.USAGE.exitCode();
        }
        context.err()
                .println("machinist: internal error (" + ex.getClass().getSimpleName() + ")"
                        + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                        + ". Please report it; --debug shows where it happened.");
        if (context.debug()) {
            for (StackTraceElement e : ex.getStackTrace()) context.err().println("    at " + e);
        }
        return ErrorKind.INTERNAL.exitCode();
    }
}
