package dev.machinist.cli.commands;

import dev.machinist.core.provider.Session;
import java.io.PrintStream;
import java.time.Duration;
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
        if (at.isEmpty()) return "not stated by the vendor";
        Duration left = Duration.between(now, at.get());
        if (left.isNegative()) return at.get() + " (expired)";
        return at.get() + " (in " + human(left) + ")";
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) return s + " s";
        if (s < 7200) return (s / 60) + " min";
        if (s < 172800) return (s / 3600) + " h";
        return (s / 86400) + " days";
    }
}
