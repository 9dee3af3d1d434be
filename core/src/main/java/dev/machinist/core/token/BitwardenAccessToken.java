package dev.machinist.core.token;

import dev.machinist.core.Secret;
import dev.machinist.core.crypto.ShareableKey;
import dev.machinist.core.crypto.SymmetricKey;
import dev.machinist.core.token.InvalidAccessTokenException.Reason;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bitwarden Secrets Manager access token, {@code 0.<access token id>.<client secret>:<base64 key>}, checked
 * part by part as bitwarden-core's {@code AccessToken::from_str} does. {@link #toString()} shows only the
 * access token's id, which Bitwarden lists in the web vault and is not a secret.
 */
public final class BitwardenAccessToken {
    /** Hyphenated, simple (32 digits) or braced, the forms the SDK's uuid parser takes. */
    private static final Pattern UUID = Pattern.compile(
            "\\{?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})" + "-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})}?");

    private static final int KEY_BYTES = 16;

    private final String accessTokenId;
    private final Secret clientSecret;
    private final Secret keyText;
    private final SymmetricKey encryptionKey;

    private BitwardenAccessToken(String id, String clientSecret, String keyText, byte[] key) {
        this.accessTokenId = id;
        this.clientSecret = Secret.of("Bitwarden access token client secret", clientSecret);
        this.keyText = Secret.of("Bitwarden access token key", keyText);
        this.encryptionKey = ShareableKey.forAccessToken(key);
    }

    /**
     * Parses a token. Surrounding whitespace (a trailing newline from a file or a CI variable) is ignored.
     *
     * @throws InvalidAccessTokenException of kind USAGE, with a {@link Reason} and a message that never
     *     contains the client secret or the key
     */
    public static BitwardenAccessToken parse(String token) {
        String t = token == null ? "" : token.strip();
        if (t.isEmpty()) throw new InvalidAccessTokenException(Reason.EMPTY);
        int colon = t.indexOf(':');
        if (colon < 0) throw new InvalidAccessTokenException(Reason.NO_KEY);
        String[] parts = t.substring(0, colon).split("\\.", -1);
        if (parts.length != 3) throw new InvalidAccessTokenException(Reason.WRONG_PARTS);
        if (!parts[0].equals("0")) throw new InvalidAccessTokenException(Reason.WRONG_VERSION);
        String id = canonicalUuid(parts[1]);
        if (parts[2].isEmpty()) throw new InvalidAccessTokenException(Reason.EMPTY_SECRET);
        String keyText = t.substring(colon + 1);
        byte[] key = decodeKey(keyText);
        return new BitwardenAccessToken(id, parts[2], keyText, key);
    }

    /** The id as the SDK sends it as client_id: lower-case and hyphenated. */
    private static String canonicalUuid(String text) {
        Matcher m = UUID.matcher(text);
        boolean braced = text.startsWith("{");
        boolean hyphenated = text.indexOf('-') >= 0;
        if (!m.matches()
                || braced != text.endsWith("}")
                || (hyphenated && text.chars().filter(c -> c == '-').count() != 4)) {
            throw new InvalidAccessTokenException(Reason.INVALID_UUID);
        }
        return String.join("-", m.group(1), m.group(2), m.group(3), m.group(4), m.group(5))
                .toLowerCase(Locale.ROOT);
    }

    /** Base64 with or without padding, as the SDK accepts; exactly 16 bytes. */
    private static byte[] decodeKey(String keyText) {
        if (keyText.isEmpty()) throw new InvalidAccessTokenException(Reason.INVALID_KEY_LENGTH);
        byte[] key;
        try {
            // The JDK decoder, like the SDK's, accepts the padding or its absence.
            key = Base64.getDecoder().decode(keyText);
        } catch (IllegalArgumentException e) {
            throw new InvalidAccessTokenException(Reason.INVALID_BASE64);
        }
        if (key.length != KEY_BYTES) throw new InvalidAccessTokenException(Reason.INVALID_KEY_LENGTH);
        return key;
    }

    /** The access token's id (the OAuth client_id); safe to print. */
    public String accessTokenId() {
        return accessTokenId;
    }

    /** The client secret sent to the identity server. */
    public Secret clientSecret() {
        return clientSecret;
    }

    /** The base64 key part, as a secret so callers can mask it on its own. */
    public Secret keyPart() {
        return keyText;
    }

    /** The key derived from the token's 16-byte secret; it decrypts the login's encrypted payload. */
    public SymmetricKey encryptionKey() {
        return encryptionKey;
    }

    @Override
    public String toString() {
        return "BitwardenAccessToken[" + accessTokenId + "]";
    }
}
