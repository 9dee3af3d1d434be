package dev.machinist.core.store;

/** Whether {@link SecretStore#store} created the secret or replaced an existing value. */
public enum StoreResult {
    CREATED,
    UPDATED;

    /** "created" / "updated", for messages. */
    public String verb() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
