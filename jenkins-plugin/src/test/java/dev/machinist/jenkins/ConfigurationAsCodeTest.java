package dev.machinist.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.security.ACL;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three credential types import from configuration-as-code YAML (src/test/resources). */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void importsAllThreeCredentialTypes(JenkinsConfiguredWithCodeRule j) {
        List<MachinistCredentials> all =
                CredentialsProvider.lookupCredentialsInItemGroup(MachinistCredentials.class, j.jenkins, ACL.SYSTEM2);
        assertThat(all)
                .extracting(MachinistCredentials::getId)
                .containsExactlyInAnyOrder("pantheon-bot", "upsun-bot", "bitwarden-bot");

        PantheonTokenCredentials pantheon = one(all, PantheonTokenCredentials.class);
        assertThat(pantheon.getToken().getPlainText()).isEqualTo("casc-pantheon-machine-token");
        assertThat(pantheon.getApiUrl()).isNull();

        PlatformTokenCredentials upsun = one(all, PlatformTokenCredentials.class);
        assertThat(upsun.getVendor()).isEqualTo("upsun");
        assertThat(upsun.getAuthUrl()).isEqualTo("https://auth.upsun.example.com");
        assertThat(upsun.getDescription()).isEqualTo("Upsun deploy bot");

        BitwardenTokenCredentials bitwarden = one(all, BitwardenTokenCredentials.class);
        assertThat(bitwarden.getRegion()).isEqualTo("eu");
        assertThat(bitwarden.vendorId()).isEqualTo("bitwarden");
        assertThat(bitwarden.settings()).containsEntry("region", "eu");
    }

    private static <T> T one(List<MachinistCredentials> all, Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
