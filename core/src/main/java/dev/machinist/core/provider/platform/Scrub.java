package dev.machinist.core.provider.platform;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;

/**
 * Error messages quote what the vendor said, and a vendor may echo what it was sent. Before such a message
 * leaves, every secret of this login is cut out of it.
 */
final class Scrub {
    private Scrub() {}

    static MachinistException of(MachinistException e, Secret... secrets) {
        String message = e.getMessage();
        boolean changed = false;
        for (Secret s : secrets) {
            if (s != null && !s.isEmpty() && message.contains(s.reveal())) {
                message = message.replace(s.reveal(), "****");
                changed = true;
            }
        }
        return changed ? new MachinistException(e.kind(), message) : e;
    }
}
