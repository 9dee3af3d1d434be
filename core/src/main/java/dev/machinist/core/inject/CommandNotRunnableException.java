package dev.machinist.core.inject;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;

/**
 * The command could not be started at all. {@link #exitCode()} follows the shell convention a CI script
 * expects from a failed exec: 127 when the command is not found, 126 when it is found but cannot be run.
 */
public final class CommandNotRunnableException extends MachinistException {
    private final int exitCode;

    CommandNotRunnableException(String message, int exitCode, Throwable cause) {
        super(ErrorKind.USAGE, message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
