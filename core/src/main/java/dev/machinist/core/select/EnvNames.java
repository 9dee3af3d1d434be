package dev.machinist.core.select;

import java.util.regex.Pattern;

/** Environment variable names as POSIX shells accept them. */
public final class EnvNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvNames() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** A valid name made from {@code key}: invalid characters become '_', a leading digit gets a '_'. */
    public static String map(String key) {
        String mapped = key.replaceAll("[^A-Za-z0-9_]", "_");
        if (mapped.isEmpty() || Character.isDigit(mapped.charAt(0))) mapped = "_" + mapped;
        return mapped;
    }
}
