package dev.machinist.core.provider.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.simulator.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformLoginErrorsTest {
    private static final String WRONG = "wrongTokenValue0123456789abcdefghijklmnopq";

    private static MachinistException loginFails(SimulatedVendor v, Secret token) {
        return catchThrowableOfType(MachinistException.class, () -> v.provider().login(token, v.sink));
    }

    @ParameterizedTest
    @ValueSource(strings = {"platformsh", "upsun", "webpaas"})
    void anUnknownTokenIsABadTokenNamingTheVariableAndWhereToCreateOne(String key) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor(key)) {
            MachinistException e = loginFails(v, Secret.of(v.profile.tokenVariable(), WRONG));

            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
            assertThat(e.getMessage())
                    .contains(v.profile.displayName())
                    .contains(v.profile.tokenVariable())
                    .contains("API tokens")
                    .doesNotContain(WRONG);
            assertThat(v.sunk).isEmpty();
        }
    }

    /** The three shapes of "invalid API token" the vendor's servers and mock have used. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "400|{\"error\":\"invalid_grant\",\"error_description\":\"Invalid API token\"}",
                "401|{\"error\":\"invalid_grant\",\"error_description\":\"Invalid API token.\"}",
                "401|{\"error\":\"request_unauthorized\",\"error_description\":\"The request could not be authorized.\",\"error_hint\":\"The API token is invalid.\"}",
                "400|{\"error\":\"invalid API token\"}"
            })
    void everyInvalidTokenShapeIsRecognised(int status, String body) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            v.server.faults().inject("upsun.token", Fault.status(status, "application/json", body));

            MachinistException e = loginFails(v, v.demoToken());

            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
            assertThat(e.getMessage()).contains("UPSUN_CLI_TOKEN").contains("invalid, expired or revoked");
        }
    }

    @Test
    void otherClientErrorsAreNotMistakenForABadToken() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            v.server
                    .faults()
                    .inject(
                            "upsun.token",
                            Fault.status(
                                    400,
                                    "application/json",
                                    "{\"error\":\"unsupported_grant_type\",\"error_description\":\"The grant is not supported.\"}"));

            MachinistException e = loginFails(v, v.demoToken());

            assertThat(e.kind()).isEqualTo(ErrorKind.REFUSED);
            assertThat(e.getMessage()).contains("Upsun login failed").contains("HTTP 400");
        }
    }

    @Test
    void aWrongClientIdIsAUsageErrorNamingTheSetting() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            v.env.put("UPSUN_CLI_OAUTH2_CLIENT_ID", "platform-cli");

            MachinistException e = loginFails(v, v.demoToken());

            assertThat(e.kind()).isEqualTo(ErrorKind.USAGE);
            assertThat(e.getMessage())
                    .contains("'platform-cli'")
                    .contains("UPSUN_CLI_OAUTH2_CLIENT_ID")
                    .contains("'upsun-cli'");
        }
    }

    @Test
    void aMissingTokenIsAUsageErrorBeforeAnyRequest() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("platformsh")) {
            MachinistException e = loginFails(v, Secret.of("PLATFORMSH_CLI_TOKEN", " "));

            assertThat(e.kind()).isEqualTo(ErrorKind.USAGE);
            assertThat(e.getMessage()).contains("PLATFORMSH_CLI_TOKEN");
            assertThat(v.requestsTo("/oauth2/token")).isZero();
        }
    }

    @Test
    void plainHttpToARemoteHostIsRefusedBeforeTheTokenIsSent() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            v.env.put("UPSUN_CLI_AUTH_URL", "http://auth.upsun.example");

            MachinistException e = loginFails(v, v.demoToken());

            assertThat(e.kind()).isEqualTo(ErrorKind.USAGE);
            assertThat(e.getMessage()).contains("https://");
        }
    }
}
