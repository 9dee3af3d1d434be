package dev.machinist.core.token;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;

/**
 * A Bitwarden access token that cannot be parsed, with the exact part that is wrong. Messages describe the
 * expected shape and never quote the token.
 */
public final class InvalidAccessTokenException extends MachinistException {
    private static final String SHAPE =
            " A Bitwarden access token looks like 0.<access token id>.<client secret>:<key>;"
                    + " copy it again in full from the machine account's Access tokens tab"
                    + " (https://bitwarden.com/help/access-tokens/).";

    /** What is wrong, one value per way a token can be malformed. */
    public enum Reason {
        EMPTY("The Bitwarden access token is empty."),
        NO_KEY("The Bitwarden access token has no ':' before its encryption key, so it is cut short or not a"
                + " Secrets Manager access token."),
        WRONG_PARTS(
                "The part of the Bitwarden access token before ':' should have exactly 3 parts separated by" + " '.'."),
        WRONG_VERSION(
                "The Bitwarden access token does not start with version '0.', the only version Bitwarden" + " issues."),
        INVALID_UUID("The Bitwarden access token's id (between the first and second '.') is not a UUID."),
        EMPTY_SECRET("The Bitwarden access token's client secret (between the second '.' and ':') is empty."),
        INVALID_BASE64("The Bitwarden access token's encryption key (after ':') is not valid base64."),
        INVALID_KEY_LENGTH("The Bitwarden access token's encryption key (after ':') is not 16 bytes long.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    InvalidAccessTokenException(Reason reason) {
        super(ErrorKind.USAGE, reason.message + SHAPE);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
