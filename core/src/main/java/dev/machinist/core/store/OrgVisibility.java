package dev.machinist.core.store;

import dev.machinist.core.MachinistException;
import java.util.Locale;

/** Which repositories of an organization may use an organization secret. */
public enum OrgVisibility {
    ALL,
    PRIVATE,
    SELECTED;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrgVisibility parse(String text) {
        for (OrgVisibility v : values()) {
            if (v.apiValue().equalsIgnoreCase(text == null ? "" : text.trim())) return v;
        }
        throw MachinistException.usage("Unknown visibility '" + text + "': use all, private or selected.");
    }
}
