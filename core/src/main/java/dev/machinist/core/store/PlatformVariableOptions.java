package dev.machinist.core.store;

/**
 * Flags of a Platform.sh-family variable (API fields is_sensitive, is_json, visible_build, visible_runtime,
 * and for environment variables is_inheritable, is_enabled). A null flag is not sent: the API's default on
 * creation (visible at build and runtime, inheritable, enabled), unchanged on update. Sensitivity can only be
 * turned on: the API never returns a sensitive value again, so Machinist never asks to turn it off.
 */
public record PlatformVariableOptions(
        boolean sensitive,
        Boolean json,
        Boolean visibleBuild,
        Boolean visibleRuntime,
        Boolean inheritable,
        Boolean enabled) {

    /** A sensitive variable with the API's defaults otherwise: what a bot token needs. */
    public static PlatformVariableOptions sensitiveDefaults() {
        return new PlatformVariableOptions(true, null, null, null, null, null);
    }

    public static PlatformVariableOptions defaults() {
        return new PlatformVariableOptions(false, null, null, null, null, null);
    }
}
