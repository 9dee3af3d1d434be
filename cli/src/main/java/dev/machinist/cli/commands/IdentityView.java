package dev.machinist.cli.commands;

import dev.machinist.core.provider.Expiry;
import dev.machinist.core.provider.Session;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How a logged-in session is shown: who, for which vendor, and when the login and the token expire. */
final class IdentityView {
    private IdentityView() {}

    static Map<String, Object> asMap(Session session) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vendor", session.provider().id());
        m.put("id", session.identity().id());
        m.put("name", session.identity().name());
        m.putAll(session.identity().attributes());
        m.put("expiresAt", session.expiresAt().map(Instant::toString).orElse(null));
        m.put("tokenExpiresAt", session.tokenExpiresAt().map(Instant::toString).orElse(null));
        return m;
    }

    static void printText(PrintStream out, Session session, Instant now) {
        out.println(session.provider().displayName() + ": logged in as "
                + session.identity().name()
                + (session.identity().name().equals(session.identity().id())
                        ? ""
                        : " (" + session.identity().id() + ")"));
        session.identity().attributes().forEach((k, v) -> out.println("  " + k + ": " + v));
        out.println("  login expires: " + describe(session.expiresAt(), now));
        session.tokenExpiresAt().ifPresent(t -> out.println("  token expires: " + describe(Optional.of(t), now)));
    }

    static String describe(Optional<Instant> at, Instant now) {
        return Expiry.describe(at, now);
    }
}
