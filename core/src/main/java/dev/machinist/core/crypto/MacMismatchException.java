package dev.machinist.core.crypto;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;

/**
 * An encrypted string whose MAC does not match under the key tried: the key is wrong or the data was
 * altered. Callers that know which of the two is likely (a login) rephrase it.
 */
public final class MacMismatchException extends MachinistException {
    MacMismatchException(String message) {
        super(ErrorKind.MALFORMED_RESPONSE, message);
    }
}
