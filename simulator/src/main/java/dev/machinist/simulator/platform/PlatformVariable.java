package dev.machinist.simulator.platform;

/**
 * A project or environment variable as the Platform.sh-family API stores it (field names from
 * platformsh-client-php's ProjectLevelVariable/Variable and upsun-sdk-php's EnvironmentVariable).
 * {@code inheritable} and {@code enabled} apply to environment variables only.
 */
public record PlatformVariable(
        String name,
        String value,
        boolean json,
        boolean sensitive,
        boolean visibleBuild,
        boolean visibleRuntime,
        boolean inheritable,
        boolean enabled,
        int writes) {

    @Override
    public String toString() {
        return "PlatformVariable[" + name + ", sensitive=" + sensitive + ", writes=" + writes + "]";
    }
}
