package dev.machinist.core.provider.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.ProviderContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformEndpointsTest {

    private static PlatformEndpoints resolve(VendorProfile p, Map<String, String> env, Map<String, String> settings) {
        return PlatformEndpoints.resolve(
                p, new ProviderContext(env, settings, HttpTransport.defaults(), Path.of("/nonexistent")));
    }

    @Test
    void profilesCarryTheVendorsCurrentDefaults() {
        PlatformEndpoints upsun = resolve(VendorProfile.UPSUN, Map.of(), Map.of());
        assertThat(upsun.api()).isEqualTo(URI.create("https://api.upsun.com"));
        assertThat(upsun.token()).isEqualTo(URI.create("https://auth.upsun.com/oauth2/token"));
        assertThat(upsun.revoke()).isEqualTo(URI.create("https://auth.upsun.com/oauth2/revoke"));
        assertThat(upsun.certifier()).contains(URI.create("https://auth.upsun.com"));
        assertThat(upsun.clientId()).isEqualTo("upsun-cli");

        PlatformEndpoints platform = resolve(VendorProfile.PLATFORMSH, Map.of(), Map.of());
        assertThat(platform.api()).isEqualTo(URI.create("https://api.upsun.com"));
        assertThat(platform.clientId()).isEqualTo("platform-cli");

        PlatformEndpoints ovh = resolve(VendorProfile.WEBPAAS, Map.of(), Map.of());
        assertThat(ovh.api()).isEqualTo(URI.create("https://eu.api.webpaas.ovhcloud.com"));
        assertThat(ovh.token()).isEqualTo(URI.create("https://eu.auth.webpaas.ovhcloud.com/oauth2/token"));
        assertThat(ovh.certifier()).isEmpty();
        assertThat(ovh.clientId()).isEqualTo("ovh-eu-cli");
    }

    @Test
    void theTokenVariablesAreTheVendorCliOnes() {
        assertThat(VendorProfile.PLATFORMSH.tokenVariable()).isEqualTo("PLATFORMSH_CLI_TOKEN");
        assertThat(VendorProfile.UPSUN.tokenVariable()).isEqualTo("UPSUN_CLI_TOKEN");
        assertThat(VendorProfile.WEBPAAS.tokenVariable()).isEqualTo("OVHCLOUD_WEBPAAS_CLI_TOKEN");
    }

    @Test
    void settingBeatsVariableBeatsProfile() {
        Map<String, String> env = Map.of(
                "UPSUN_CLI_API_URL", "https://api.env.example",
                "UPSUN_CLI_AUTH_URL", "https://auth.env.example/",
                "UPSUN_CLI_OAUTH2_CLIENT_ID", "env-client");
        PlatformEndpoints fromEnv = resolve(VendorProfile.UPSUN, env, Map.of());
        assertThat(fromEnv.api()).isEqualTo(URI.create("https://api.env.example"));
        assertThat(fromEnv.auth()).isEqualTo(URI.create("https://auth.env.example"));
        assertThat(fromEnv.clientId()).isEqualTo("env-client");

        PlatformEndpoints fromSetting = resolve(
                VendorProfile.UPSUN,
                env,
                Map.of("api-url", "https://api.setting.example", "client-id", "setting-client"));
        assertThat(fromSetting.api()).isEqualTo(URI.create("https://api.setting.example"));
        assertThat(fromSetting.auth()).isEqualTo(URI.create("https://auth.env.example"));
        assertThat(fromSetting.clientId()).isEqualTo("setting-client");
    }

    @Test
    void derivedUrlsFollowAnOverriddenAuthUrlUnlessSetThemselves() {
        PlatformEndpoints e = resolve(
                VendorProfile.WEBPAAS,
                Map.of(
                        "OVHCLOUD_WEBPAAS_CLI_AUTH_URL", "http://127.0.0.1:9/auth",
                        "OVHCLOUD_WEBPAAS_CLI_OAUTH2_REVOKE_URL", "https://revoke.example/r"),
                Map.of());
        assertThat(e.token()).isEqualTo(URI.create("http://127.0.0.1:9/auth/oauth2/token"));
        assertThat(e.revoke()).isEqualTo(URI.create("https://revoke.example/r"));
        assertThat(e.certifier()).isEmpty();

        PlatformEndpoints platform = resolve(
                VendorProfile.PLATFORMSH,
                Map.of(
                        "PLATFORMSH_CLI_AUTH_URL", "https://auth.legacy.example",
                        "PLATFORMSH_CLI_OAUTH2_TOKEN_URL", "https://token.example/t"),
                Map.of("certifier-url", "https://cert.example"));
        assertThat(platform.token()).isEqualTo(URI.create("https://token.example/t"));
        assertThat(platform.revoke()).isEqualTo(URI.create("https://auth.legacy.example/oauth2/revoke"));
        assertThat(platform.certifier()).isEqualTo(Optional.of(URI.create("https://cert.example")));
    }

    @Test
    void aCertifierVariableEnablesCertificatesForAWhiteLabelVendor() {
        PlatformEndpoints e = resolve(
                VendorProfile.WEBPAAS, Map.of("OVHCLOUD_WEBPAAS_CLI_CERTIFIER_URL", "https://ssh.example"), Map.of());
        assertThat(e.certifier()).contains(URI.create("https://ssh.example"));
    }

    @Test
    void theGoClisGenericVariablesCountButTheLegacyNamesWin() {
        PlatformEndpoints generic = resolve(
                VendorProfile.UPSUN,
                Map.of(
                        "UPSUN_CLI_API_BASE_URL", "https://api.generic.example",
                        "UPSUN_CLI_API_AUTH_URL", "https://auth.generic.example",
                        "UPSUN_CLI_API_OAUTH2_CLIENT_ID", "generic-client"),
                Map.of());
        assertThat(generic.api()).isEqualTo(URI.create("https://api.generic.example"));
        assertThat(generic.token()).isEqualTo(URI.create("https://auth.generic.example/oauth2/token"));
        assertThat(generic.clientId()).isEqualTo("generic-client");

        PlatformEndpoints both = resolve(
                VendorProfile.UPSUN,
                Map.of(
                        "UPSUN_CLI_API_BASE_URL",
                        "https://api.generic.example",
                        "UPSUN_CLI_API_URL",
                        "https://api.legacy.example"),
                Map.of());
        assertThat(both.api()).isEqualTo(URI.create("https://api.legacy.example"));
    }

    @Test
    void blankValuesCountAsUnset() {
        PlatformEndpoints e = resolve(VendorProfile.UPSUN, Map.of("UPSUN_CLI_API_URL", "  "), Map.of("api-url", ""));
        assertThat(e.api()).isEqualTo(URI.create("https://api.upsun.com"));
    }

    @Test
    void aMalformedUrlIsAUsageErrorNamingTheVariable() {
        assertThatThrownBy(() -> resolve(VendorProfile.UPSUN, Map.of("UPSUN_CLI_API_URL", "api.upsun.com"), Map.of()))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("UPSUN_CLI_API_URL")
                .hasMessageContaining("api-url")
                .extracting(ex -> ((MachinistException) ex).kind())
                .isEqualTo(ErrorKind.USAGE);
    }
}
