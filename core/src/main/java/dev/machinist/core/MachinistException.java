package dev.machinist.core;

/**
 * The one exception the core throws for anything a user can act on. The message is a complete sentence for
 * the user and never contains a secret value; {@link #kind()} decides the exit code.
 */
public class MachinistException extends RuntimeException {
    private final ErrorKind kind;

    public MachinistException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public MachinistException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public static MachinistException usage(String message) {
        return new MachinistException(ErrorKind.USAGE, message);
    }
}
