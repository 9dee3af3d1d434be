package dev.machinist.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import java.io.IOException;

/**
 * Turns an unsuccessful response into an error a user can act on. Vendors refine this where their
 * answers need it (Pantheon's 500 for a bad token, Bitwarden's invalid_client); everything else lands here.
 */
public final class HttpErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 200;

    private HttpErrors() {}

    public static ErrorKind kindOf(int status) {
        if (status == 401) return ErrorKind.BAD_TOKEN;
        if (status == 403) return ErrorKind.FORBIDDEN;
        if (status == 404 || status == 410) return ErrorKind.NOT_FOUND;
        if (status == 429) return ErrorKind.RATE_LIMITED;
        if (status >= 500) return ErrorKind.VENDOR_UNAVAILABLE;
        if (status >= 400) return ErrorKind.REFUSED;
        return ErrorKind.MALFORMED_RESPONSE;
    }

    /**
     * @param hint what the user should do, or null for the default advice of the kind
     */
    public static MachinistException classify(HttpResult result, String hint) {
        ErrorKind kind = kindOf(result.status());
        StringBuilder message = new StringBuilder()
                .append(result.call().what())
                .append(" failed: ")
                .append(result.finalUri().getHost())
                .append(" answered HTTP ")
                .append(result.status());
        vendorMessage(result).ifPresent(m -> message.append(" (").append(m).append(')'));
        message.append(". ").append(hint != null ? hint : adviceFor(kind));
        return new MachinistException(kind, message.toString().trim());
    }

    static String adviceFor(ErrorKind kind) {
        return switch (kind) {
            case BAD_TOKEN -> "Check that the token is current and has not been revoked.";
            case FORBIDDEN -> "The token is valid but lacks permission for this; check the bot user's role.";
            case NOT_FOUND -> "Check the id or name; the bot may also lack access to it.";
            case RATE_LIMITED -> "The vendor is throttling requests; try again later.";
            case VENDOR_UNAVAILABLE -> "The vendor's service is failing; try again later.";
            default -> "";
        };
    }

    /**
     * A short, single-line message the vendor put in its error body, if any. Only well-known fields are
     * read (a raw body could echo anything), and the text is cut to a bounded length.
     */
    public static java.util.Optional<String> vendorMessage(HttpResult result) {
        JsonNode node;
        try {
            node = JSON.readTree(result.body());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        if (node == null) return java.util.Optional.empty();
        String text = null;
        if (node.isTextual()) {
            text = node.asText();
        } else if (node.isObject()) {
            for (String field : new String[] {"error_description", "message", "Message", "error", "detail", "title"}) {
                JsonNode value = node.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    text = value.asText();
                    break;
                }
            }
            JsonNode model = node.get("ErrorModel");
            if (text == null && model != null && model.hasNonNull("Message")) {
                text = model.get("Message").asText();
            }
        }
        if (text == null) return java.util.Optional.empty();
        text = text.replaceAll("[\\r\\n\\t]+", " ").trim();
        if (text.length() > MAX_DETAIL) text = text.substring(0, MAX_DETAIL) + "...";
        return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text);
    }
}
