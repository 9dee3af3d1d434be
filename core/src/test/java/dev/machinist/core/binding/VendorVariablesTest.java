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
}
