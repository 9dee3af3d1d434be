package dev.machinist.core.binding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VendorVariablesTest {
    @Test
    void urlsWithUserInfoCountAsCredentials() {
        assertThat(VendorVariables.carriesCredentials("https://user:pw@vault.example.com/api"))
                .isTrue();
        assertThat(VendorVariables.carriesCredentials("https://user@vault.example.com"))
                .isTrue();
        assertThat(VendorVariables.carriesCredentials("https://api.upsun.com/a@b"))
                .isFalse();
        assertThat(VendorVariables.carriesCredentials("terminus.pantheon.io")).isFalse();
    }

    @Test
    void aPantheonApiUrlBecomesTerminusProtocolHostAndPort() {
        assertThat(EndpointSettings.normalize("pantheon", java.util.Map.of("api-url", "http://127.0.0.1:8123")))
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of("protocol", "http", "host", "127.0.0.1", "port", "8123"));
        assertThat(EndpointSettings.normalize("pantheon", java.util.Map.of("api-url", "https://t.example.com/")))
                .containsEntry("port", "443");
        assertThat(EndpointSettings.normalize("upsun", java.util.Map.of("api-url", "https://api.example.com")))
                .containsExactly(java.util.Map.entry("api-url", "https://api.example.com"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> EndpointSettings.normalize("pantheon", java.util.Map.of("api-url", "https://u:p@h")))
                .hasMessageContaining("is not an http(s) URL with a host name")
                .hasMessageNotContaining("u:p");
    }
}
