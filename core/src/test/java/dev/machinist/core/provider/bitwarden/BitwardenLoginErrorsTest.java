package dev.machinist.core.provider.bitwarden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.provider.SecretScope;
import dev.machinist.core.token.InvalidAccessTokenException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BitwardenLoginErrorsTest {
    private SimulatedBitwarden bw;

    @BeforeEach
    void start() throws Exception {
        bw = new SimulatedBitwarden();
    }

    @AfterEach
    void stop() {
        bw.close();
    }

    @Test
    void unknownAccessTokenIsInvalidClientWithAdvice() {
        String token = "0." + UUID.randomUUID() + ".AbCdEfGhIjKlMnOpQrStUvWxYz0123:"
                + Base64.getEncoder().encodeToString(new byte[16]);

        MachinistException e = loginFails(token);

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
        assertThat(e.getMessage())
                .contains("invalid, revoked or expired")
                .contains("Access tokens tab")
                .contains(token.substring(2, 38));
        SimulatedBitwarden.assertLeaksNothing(e, SimulatedBitwarden.partsOf(token));
    }

    @Test
    void revokedAccessTokenIsInvalidClient() {
        String token = bw.vendor.issueAccessToken(null);
        bw.login(token);
        bw.vendor.revokeAccessToken(token);

        MachinistException e = loginFails(token);

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
        assertThat(e.getMessage()).contains("(invalid_client): it is invalid, revoked or expired");
        SimulatedBitwarden.assertLeaksNothing(e, SimulatedBitwarden.partsOf(token));
    }

    @Test
    void expiredAccessTokenIsInvalidClient() {
        String expired = bw.vendor.issueAccessToken(Instant.now().minusSeconds(60));
        String expiring = bw.vendor.issueAccessToken(Instant.now().plusSeconds(3600));
        bw.login(expiring);
        bw.vendor.expireAccessToken(expiring);

        assertThat(loginFails(expired).kind()).isEqualTo(ErrorKind.BAD_TOKEN);
        assertThat(loginFails(expiring).getMessage()).contains("revoked or expired");
    }

    @Test
    void wrongClientSecretIsInvalidClient() {
        String token = bw.vendor.demoAccessToken();
        int colon = token.indexOf(':');
        String tampered =
                token.substring(0, colon - 1) + (token.charAt(colon - 1) == 'x' ? 'y' : 'x') + token.substring(colon);

        MachinistException e = loginFails(tampered);

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
        SimulatedBitwarden.assertLeaksNothing(e, SimulatedBitwarden.partsOf(tampered));
    }

    @Test
    void damagedKeyPartIsReportedAsSuchAfterTheServerAcceptedTheToken() {
        String token = bw.vendor.demoAccessToken();
        String damaged =
                token.substring(0, token.indexOf(':') + 1) + Base64.getEncoder().encodeToString(new byte[16]);

        MachinistException e = loginFails(damaged);

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
        assertThat(e.getMessage()).contains("could not be decrypted with this access token's key", "after ':'");
        SimulatedBitwarden.assertLeaksNothing(e, SimulatedBitwarden.partsOf(damaged));
        // The JWT was issued and sunk before the decryption failed, so it is already masked.
        assertThat(bw.sunk).extracting(Secret::name).contains("Bitwarden access token JWT");
        SimulatedBitwarden.assertLeaksNothing(e, bw.sunkValues());
    }

    @Test
    void malformedTokenFailsBeforeAnyRequest() {
        InvalidAccessTokenException e = catchThrowableOfType(
                InvalidAccessTokenException.class,
                () -> bw.login(
                        "0.not-a-uuid.secretsecret:" + Base64.getEncoder().encodeToString(new byte[16])));

        assertThat(e.reason()).isEqualTo(InvalidAccessTokenException.Reason.INVALID_UUID);
        assertThat(bw.server.requests()).isEmpty();
        assertThat(bw.sunk).isEmpty();
    }

    @Test
    void apiAnswering401SaysTheLoginIsNoLongerAccepted() {
        BitwardenSession session = bw.login();
        bw.vendor.invalidateIssuedJwts();

        MachinistException e =
                catchThrowableOfType(MachinistException.class, () -> session.listSecrets(SecretScope.organization()));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
        assertThat(e.getMessage()).contains("HTTP 401", "expired or the access token was revoked", "Log in again");
        SimulatedBitwarden.assertLeaksNothing(e, bw.sunkValues());
    }

    @Test
    void anExpiredJwtIsA401OnTheApi() throws Exception {
        bw.vendor.setJwtLifetime(java.time.Duration.ofSeconds(1));
        BitwardenSession session = bw.login();
        Thread.sleep(1100);

        MachinistException e = catchThrowableOfType(MachinistException.class, session::listProjects);

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
    }

    @Test
    void noErrorOfAnyBitwardenFailureRevealsASecret() {
        List<Throwable> errors = new ArrayList<>();
        String token = bw.vendor.issueAccessToken(null);
        BitwardenSession session = bw.login(token);
        List<String> secrets = new ArrayList<>(SimulatedBitwarden.partsOf(token));
        session.getSecrets(SecretScope.organization())
                .forEach(s -> secrets.add(s.value().reveal()));
        secrets.addAll(bw.sunkValues());
        errors.add(catchThrowableOfType(
                MachinistException.class,
                () -> session.getSecrets(
                        List.of(bw.vendor.secretId("DATABASE_URL"), "00000000-0000-4000-8000-000000000000"))));
        bw.vendor.invalidateIssuedJwts();
        errors.add(catchThrowableOfType(MachinistException.class, session::listProjects));
        bw.vendor.revokeAccessToken(token);
        errors.add(catchThrowableOfType(MachinistException.class, () -> bw.login(token)));
        errors.add(catchThrowableOfType(MachinistException.class, () -> bw.login(token.replace(":", ";"))));

        assertThat(errors).hasSize(4).doesNotContainNull();
        errors.forEach(e -> SimulatedBitwarden.assertLeaksNothing(e, secrets));
    }

    private MachinistException loginFails(String token) {
        MachinistException e = catchThrowableOfType(MachinistException.class, () -> bw.login(token));
        assertThat(e).as("login with a bad token must fail").isNotNull();
        return e;
    }
}
