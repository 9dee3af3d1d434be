package dev.machinist.core.provider.bitwarden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.ProviderContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BitwardenServersTest {
    @Test
    void usCloudIsTheDefault() {
        BitwardenServers s = resolve(Map.of(), Map.of());

        assertThat(s.api()).hasToString("https://api.bitwarden.com");
        assertThat(s.identity()).hasToString("https://identity.bitwarden.com");
    }

    @Test
    void euRegion() {
        BitwardenServers s = resolve(Map.of(), Map.of("region", "EU"));

        assertThat(s.api()).hasToString("https://api.bitwarden.eu");
        assertThat(s.identity()).hasToString("https://identity.bitwarden.eu");
    }

    @Test
    void selfHostedFromBwsServerUrlAsBwsDerivesIt() {
        BitwardenServers s = resolve(Map.of("BWS_SERVER_URL", "https://vault.example.com/"), Map.of());

        assertThat(s.api()).hasToString("https://vault.example.com/api");
        assertThat(s.identity()).hasToString("https://vault.example.com/identity");
        assertThat(s.apiPath("/secrets/x")).hasToString("https://vault.example.com/api/secrets/x");
    }

    @Test
    void selfHostedUnderAPathPrefixKeepsIt() {
        BitwardenServers s = resolve(Map.of("BWS_SERVER_URL", "https://example.com/bitwarden"), Map.of());

        assertThat(s.identityPath("/connect/token"))
                .hasToString("https://example.com/bitwarden/identity/connect/token");
    }

    @Test
    void serverUrlSettingWinsOverTheEnvironmentAndOverTheRegion() {
        BitwardenServers s = resolve(
                Map.of("BWS_SERVER_URL", "https://env.example.com"),
                Map.of("server-url", "https://setting.example.com", "region", "eu"));

        assertThat(s.api()).hasToString("https://setting.example.com/api");
    }

    @Test
    void explicitApiAndIdentityUrlsOverrideEachPart() {
        BitwardenServers s = resolve(
                Map.of("BWS_SERVER_URL", "https://vault.example.com"),
                Map.of("identity-url", "https://id.example.com/"));

        assertThat(s.api()).hasToString("https://vault.example.com/api");
        assertThat(s.identity()).hasToString("https://id.example.com");
    }

    @Test
    void serverUrlWithoutSchemeIsAUsageErrorThatQuotesNothing() {
        assertThatThrownBy(() -> resolve(Map.of("BWS_SERVER_URL", "bw.internal.test"), Map.of()))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessageContaining("must start with http:// or https://")
                .hasMessageNotContaining("bw.internal.test");
    }

    @Test
    void serverUrlWithUserInfoOrQueryIsRefused() {
        assertThatThrownBy(() -> resolve(Map.of("BWS_SERVER_URL", "https://user:pw@vault.example.com"), Map.of()))
                .hasMessageContaining("not a valid server URL")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> resolve(Map.of("BWS_SERVER_URL", "https://vault.example.com?token=x"), Map.of()))
                .hasMessageContaining("not a valid server URL");
    }

    @Test
    void unknownRegionIsAUsageError() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("region", "mars")))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessageContaining("'us' or 'eu'");
    }

    @Test
    void plainHttpToANonLoopbackServerIsRefusedBeforeTheTokenIsSent() {
        BitwardenProvider provider = new BitwardenProvider(
                ProviderContext.of(Map.of("BWS_SERVER_URL", "http://vault.example.com"), HttpTransport.defaults()));
        String token = "0.ec2c1d46-6a4b-4751-a310-af9601317f2d.C2IgxjjLF7qSshsbwe8JGcbM075YXw:X8vbvA0bduihIDe/qrzIQQ==";

        assertThatThrownBy(() -> provider.login(Secret.of("t", token), SecretSink.NONE))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessageContaining("only sent over https://");
        assertThat(provider.identityUrl()).hasToString("http://vault.example.com/identity");
    }

    private static BitwardenServers resolve(Map<String, String> env, Map<String, String> settings) {
        return BitwardenServers.resolve(
                ProviderContext.of(env, HttpTransport.defaults()).withSettings(settings));
    }
}
