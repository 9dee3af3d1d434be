package dev.machinist.simulator;

import java.net.URI;
import java.util.Map;

/** One vendor's API, installed on the shared loopback server under its own paths. */
public interface VendorSimulator {
    /** Key in {@code machinist simulate}'s first-line JSON: pantheon, platformsh, upsun, webpaas, bitwarden, ... */
    String key();

    /** Registers this vendor's routes; {@code base} is the server's root URI (http://127.0.0.1:PORT). */
    void install(Router router, URI base);

    /**
     * What a user needs to point Machinist at this simulator: at least {@code "env"} (variables with a
     * valid demo token) plus demo data (ids of secrets, projects, users).
     */
    Map<String, Object> describe(URI base);
}
