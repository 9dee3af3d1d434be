package dev.machinist.core;

/**
 * What went wrong, as a user can act on it. Each kind has the process exit code that the CLI and the
 * adapters document (docs/exit-codes.md); the codes never change meaning.
 */
public enum ErrorKind {
    /** Wrong options or arguments, a malformed token, a missing token or setting. */
    USAGE(2),
    /** The vendor rejected the token: invalid, revoked or expired. */
    BAD_TOKEN(3),
    /** The token is valid but may not do this. */
    FORBIDDEN(4),
    /** The project, secret, repository or variable does not exist (or is invisible to this token). */
    NOT_FOUND(5),
    /** The vendor throttled us and retries did not get through. */
    RATE_LIMITED(6),
    /** The vendor answered 5xx (or timed out) after retries. */
    VENDOR_UNAVAILABLE(7),
    /** Could not reach the vendor: DNS, connection refused, TLS, reset. */
    NETWORK(8),
    /** The vendor answered something we cannot understand. */
    MALFORMED_RESPONSE(9),
    /** A write was refused because it would be unsafe or invalid (e.g. a value GitLab cannot mask). */
    REFUSED(10),
    /** A bug in Machinist or an unexpected local failure. */
    INTERNAL(1);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
