package dev.machinist.core.mask;

/**
 * A value (or one line of a multi-line value) that is not masked on its own because it is too weak to be a
 * pattern: masking it everywhere would garble the log and reveal the value. Names the secret, never the value.
 */
public record MaskWarning(String secretName, String message) {
    @Override
    public String toString() {
        return message;
    }
}
