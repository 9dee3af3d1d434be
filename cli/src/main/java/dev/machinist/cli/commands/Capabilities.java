package dev.machinist.cli.commands;

import dev.machinist.core.MachinistException;
import dev.machinist.core.provider.Session;

/** Says plainly when the chosen vendor has no such thing, instead of failing somewhere deeper. */
final class Capabilities {
    private Capabilities() {}

    static <T> T require(Session session, Class<T> capability, String what) {
        if (capability.isInstance(session)) return capability.cast(session);
        throw MachinistException.usage(session.provider().displayName() + " has no " + what + ".");
    }
}
