package dev.machinist.core.provider.pantheon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.ProviderContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PantheonEndpointTest {
    private static PantheonEndpoint endpoint(Map<String, String> env, Map<String, String> settings) {
        return PantheonEndpoint.from(new ProviderContext(env, settings, HttpTransport.defaults(), Path.of("/tmp")));
    }

    @Test
    void defaultsToTerminusDefaults() {
        assertThat(endpoint(Map.of(), Map.of()).api()).hasToString("https://terminus.pantheon.io:443/api/");
    }

    @Test
    void followsTerminusVariables() {
        assertThat(endpoint(
                                Map.of(
                                        "TERMINUS_HOST",
                                        "127.0.0.1",
                                        "TERMINUS_PORT",
                                        "8443",
                                        "TERMINUS_PROTOCOL",
                                        "HTTP"),
                                Map.of())
                        .api())
                .hasToString("http://127.0.0.1:8443/api/");
    }

    @Test
    void settingsWinOverTheEnvironment() {
        assertThat(endpoint(
                                Map.of("TERMINUS_HOST", "env.example", "TERMINUS_PORT", "1"),
                                Map.of("host", "setting.example", "port", "2"))
                        .api())
                .hasToString("https://setting.example:2/api/");
    }

    @Test
    void badValuesAreUsageErrorsNamingTheVariable() {
        assertThatThrownBy(() -> endpoint(Map.of("TERMINUS_PROTOCOL", "ftp"), Map.of()))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.USAGE)
                .hasMessageContaining("TERMINUS_PROTOCOL");
        assertThatThrownBy(() -> endpoint(Map.of("TERMINUS_PORT", "99999"), Map.of()))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.USAGE)
                .hasMessageContaining("TERMINUS_PORT");
        assertThatThrownBy(() -> endpoint(Map.of("TERMINUS_HOST", "https://terminus.pantheon.io"), Map.of()))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.USAGE)
                .hasMessageContaining("not a URL");
    }

    @Test
    void plainHttpToARemoteHostIsRefusedBeforeTheTokenIsSent() {
        PantheonProvider provider = new PantheonProvider(new ProviderContext(
                Map.of("TERMINUS_HOST", "terminus.pantheon.io", "TERMINUS_PROTOCOL", "http"),
                Map.of(),
                HttpTransport.defaults(),
                Path.of("/tmp")));

        assertThatThrownBy(() -> provider.login(dev.machinist.core.Secret.of("t", "abc"), s -> {}))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.USAGE)
                .hasMessageContaining("https://");
    }
}
