package dev.machinist.core.http;

/** The version string sent in User-Agent and printed by {@code machinist --version}. */
public final class Version {
    private Version() {}

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
