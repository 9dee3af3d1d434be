package dev.machinist.core.binding;

import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every secret a login and a fetch produce, in order, so that none can be left out of the mask list. */
final class CollectingSink implements SecretSink {
    private final List<Secret> seen = new ArrayList<>();

    @Override
    public synchronized void accept(Secret secret) {
        if (secret != null && !secret.isEmpty()) seen.add(secret);
    }

    synchronized List<Secret> seen() {
        return List.copyOf(seen);
    }
}
