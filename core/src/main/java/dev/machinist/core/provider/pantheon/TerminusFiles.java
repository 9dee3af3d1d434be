package dev.machinist.core.provider.pantheon;

import dev.machinist.core.provider.ProviderContext;
import java.nio.file.Path;

/**
 * Where Terminus keeps its files, resolved as Terminus resolves them (config/constants.yml): TERMINUS_CACHE_DIR,
 * else TERMINUS_BASE_DIR/cache, else TERMINUS_USER_HOME (or the home directory)/.terminus/cache; saved tokens
 * in TERMINUS_TOKENS_DIR, else the cache dir's tokens/.
 */
record TerminusFiles(Path cacheDir, Path tokensDir) {
    static TerminusFiles from(ProviderContext context) {
        Path home = context.env("TERMINUS_USER_HOME").map(Path::of).orElse(context.home());
        Path base = context.env("TERMINUS_BASE_DIR").map(Path::of).orElse(home.resolve(".terminus"));
        Path cache = context.env("TERMINUS_CACHE_DIR").map(Path::of).orElse(base.resolve("cache"));
        Path tokens = context.env("TERMINUS_TOKENS_DIR").map(Path::of).orElse(cache.resolve("tokens"));
        return new TerminusFiles(cache.toAbsolutePath(), tokens.toAbsolutePath());
    }

    Path sessionFile() {
        return cacheDir.resolve("session");
    }

    /** The saved-token file for an email: Terminus's FileStore replaces [^a-zA-Z0-9-_@.] with '-'. */
    Path tokenFile(String email) {
        String name = email.replaceAll("[^a-zA-Z0-9\\-_@.]", "-");
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException("not a usable file name for a saved token");
        }
        return tokensDir.resolve(name);
    }
}
