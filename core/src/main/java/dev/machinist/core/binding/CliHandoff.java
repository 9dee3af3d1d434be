package dev.machinist.core.binding;

import dev.machinist.core.provider.Session;
import dev.machinist.core.provider.pantheon.PantheonSession;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Logs the vendor's own CLI in without putting the token on a command line: when the host gives a private
 * directory that it deletes after the block, the login is written there in the CLI's own format and the CLI
 * is pointed at it. Pantheon: Terminus's session file under TERMINUS_CACHE_DIR, so {@code terminus} commands
 * in the block are already logged in. The Platform.sh family and Bitwarden CLIs read their token variable.
 */
final class CliHandoff {
    static final String TERMINUS_CACHE_DIR = "TERMINUS_CACHE_DIR";

    private CliHandoff() {}

    /** Variables that point the vendor CLI (and the provider, which writes the files) at {@code dir}. */
    static Map<String, String> environment(String vendor, Path dir) {
        if (dir == null) return Map.of();
        if ("pantheon".equals(vendor.trim().toLowerCase(Locale.ROOT))) {
            return Map.of(
                    TERMINUS_CACHE_DIR, dir.resolve("terminus").toAbsolutePath().toString());
        }
        return Map.of();
    }

    /** Writes the files for the CLI (0600; the provider writes them atomically). */
    static void write(Session session, Path dir) {
        if (dir != null && session instanceof PantheonSession pantheon) pantheon.writeTerminusSession();
    }
}
