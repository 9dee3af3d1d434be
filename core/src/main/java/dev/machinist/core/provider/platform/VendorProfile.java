package dev.machinist.core.provider.platform;

import java.util.Objects;

/**
 * One vendor of the Platform.sh family: the same API and OAuth server software, run under different URLs,
 * OAuth client ids and CLI variable prefixes. Values are those of the vendors' own CLI configurations
 * (platformsh/legacy-cli config.yaml, platformsh/cli upsun-cli.yaml, ovh/webpaas-cli config.yaml).
 *
 * @param envPrefix the CLI's variable prefix: the token is {@code <prefix>TOKEN}, URLs are overridden by
 *     {@code <prefix>API_URL}, {@code <prefix>AUTH_URL} and so on
 * @param tokenUrl the OAuth token endpoint, or null for {@code {authUrl}/oauth2/token}
 * @param revokeUrl the RFC 7009 revocation endpoint, or null for {@code {authUrl}/oauth2/revoke}
 * @param certifierUrl the SSH certifier, or null for {@code {authUrl}} (ignored when {@code sshCertificates}
 *     is false)
 * @param sshCertificates whether the vendor runs an SSH certifier at all (OVHcloud does not)
 * @param tokenHelp where a user creates a new API token, for error messages and docs
 */
public record VendorProfile(
        String id,
        String displayName,
        String envPrefix,
        String apiUrl,
        String authUrl,
        String tokenUrl,
        String revokeUrl,
        String certifierUrl,
        boolean sshCertificates,
        String clientId,
        String tokenHelp) {

    /** The {@code platform} CLI: since January 2026 its default URLs are Upsun's (legacy-cli e8f83f47). */
    public static final VendorProfile PLATFORMSH = new VendorProfile(
            "platformsh",
            "Platform.sh",
            "PLATFORMSH_CLI_",
            "https://api.upsun.com",
            "https://auth.upsun.com",
            null,
            null,
            null,
            true,
            "platform-cli",
            "the Console, My profile > API tokens (https://docs.upsun.com/administration/cli/api-tokens.html)");

    public static final VendorProfile UPSUN = new VendorProfile(
            "upsun",
            "Upsun",
            "UPSUN_CLI_",
            "https://api.upsun.com",
            "https://auth.upsun.com",
            null,
            null,
            null,
            true,
            "upsun-cli",
            "the Console, My profile > API tokens (https://docs.upsun.com/administration/cli/api-tokens.html)");

    /** OVHcloud Web PaaS: explicit token and revoke URLs, no SSH certifier ({@code certifier_url: ~}). */
    public static final VendorProfile WEBPAAS = new VendorProfile(
            "webpaas",
            "OVHcloud Web PaaS",
            "OVHCLOUD_WEBPAAS_CLI_",
            "https://eu.api.webpaas.ovhcloud.com",
            "https://eu.auth.webpaas.ovhcloud.com",
            "https://eu.auth.webpaas.ovhcloud.com/oauth2/token",
            "https://eu.auth.webpaas.ovhcloud.com/oauth2/revoke",
            null,
            false,
            "ovh-eu-cli",
            "the Web PaaS Console, My profile > API tokens");

    public VendorProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(envPrefix, "envPrefix");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(tokenHelp, "tokenHelp");
    }

    /** The variable the vendor's CLI reads the API token from, e.g. UPSUN_CLI_TOKEN. */
    public String tokenVariable() {
        return envPrefix + "TOKEN";
    }
}
