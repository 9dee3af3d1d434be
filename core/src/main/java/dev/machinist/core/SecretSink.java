package dev.machinist.core;

/**
 * Receives every secret the moment it exists: fetched values and, above all, credentials derived at login
 * (sessions, access tokens, JWTs, SSH keys). The CLI connects this to the masker and, on GitHub, to
 * {@code ::add-mask::}, so that a derived token is masked before anything could print it.
 */
@FunctionalInterface
public interface SecretSink {
    SecretSink NONE = secret -> {};

    void accept(Secret secret);

    default SecretSink andThen(SecretSink next) {
        return secret -> {
            accept(secret);
            next.accept(secret);
        };
    }
}
