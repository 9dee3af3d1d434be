package dev.machinist.simulator.gitlab;

/** A project variable as the simulator stores it. */
public record GitLabVariable(
        String key,
        String value,
        String environmentScope,
        boolean masked,
        boolean hidden,
        boolean isProtected,
        boolean raw,
        String description,
        String variableType) {

    @Override
    public String toString() {
        return "GitLabVariable[" + key + ", scope=" + environmentScope + ", masked=" + masked + ", hidden=" + hidden
                + "]";
    }
}
