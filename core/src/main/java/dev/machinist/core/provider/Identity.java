package dev.machinist.core.provider;

import java.util.Map;
import java.util.Objects;

/**
 * Who a token belongs to. {@code attributes} holds vendor details worth showing (organization id, full
 * name, ...), never a credential.
 */
public record Identity(String id, String name, Map<String, String> attributes) {
    public Identity {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        attributes = Map.copyOf(attributes);
    }
}
