package dev.machinist.core.provider.bitwarden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.provider.FetchedSecret;
import dev.machinist.core.provider.SecretScope;
import dev.machinist.simulator.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the vendor's failures look like to a user, through the shared transport's retry rules. */
class BitwardenFaultsTest {
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
    void loginIsRetriedAfterA503AndADroppedConnection() {
        bw.server.faults().inject("bitwarden.identity.token", Fault.status(503));
        bw.server.faults().inject("bitwarden.identity.token", Fault.dropConnection());

        BitwardenSession session = bw.login();

        assertThat(session.identity().id()).isEqualTo(bw.vendor.machineAccountId());
        assertThat(loginRequests()).isEqualTo(3);
        assertThat(bw.sleeps).hasSize(2);
    }

    @Test
    void bulkFetchIsRetriedAfterATruncatedBodyAndA502() {
        BitwardenSession session = bw.login();
        bw.server.faults().inject("bitwarden.secrets.getByIds", Fault.truncatedBody());
        bw.server.faults().inject("bitwarden.secrets.getByIds", Fault.status(502));

        List<FetchedSecret> got = session.getSecrets(SecretScope.organization());

        assertThat(got).hasSize(4);
        assertThat(got.get(1).value().reveal()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    }

    @Test
    void rateLimitWaitsAsLongAsRetryAfterSays() {
        BitwardenSession session = bw.login();
        bw.server.faults().inject("bitwarden.secrets.list", Fault.rateLimit(2));

        assertThat(session.listSecrets(SecretScope.organization())).hasSize(4);
        assertThat(bw.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void persistentRateLimitIsRateLimited() {
        BitwardenSession session = bw.login();
        bw.server.faults().inject("bitwarden.projects.list", Fault.rateLimit(1).times(10));

        MachinistException e = catchThrowableOfType(MachinistException.class, session::listProjects);

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.getMessage()).contains("Listing Bitwarden projects failed", "HTTP 429");
    }

    /** The shared transport does not retry a plain 500 (only 502/503/504/429): one clear error, no trace. */
    @Test
    void internalServerErrorIsVendorUnavailableAndNamesTheStep() {
        bw.server
                .faults()
                .inject(
                        "bitwarden.identity.token",
                        Fault.status(
                                500, "application/json", "{\"message\":\"An unhandled server error has occurred.\"}"));

        MachinistException e = catchThrowableOfType(MachinistException.class, () -> bw.login());

        assertThat(e.kind()).isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("Bitwarden login failed").contains("HTTP 500", "try again later");
        SimulatedBitwarden.assertLeaksNothing(e, SimulatedBitwarden.partsOf(bw.vendor.demoAccessToken()));
    }

    @Test
    void fiveHundredThenSuccessIsRetriedOnTheNextAttemptByTheCaller() {
        bw.server.faults().inject("bitwarden.secrets.get", Fault.status(500));
        BitwardenSession session = bw.login();
        String id = bw.vendor.secretId("DATABASE_URL");

        assertThat(catchThrowableOfType(MachinistException.class, () -> session.getSecrets(List.of(id)))
                        .kind())
                .isEqualTo(ErrorKind.VENDOR_UNAVAILABLE);
        assertThat(session.getSecrets(List.of(id)))
                .singleElement()
                .extracting(FetchedSecret::key)
                .isEqualTo("DATABASE_URL");
    }

    @Test
    void droppedConnectionsThatPersistAreANetworkErrorNamingTheHost() {
        bw.server
                .faults()
                .inject("bitwarden.identity.token", Fault.dropConnection().times(10));

        MachinistException e = catchThrowableOfType(MachinistException.class, () -> bw.login());

        assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(e.getMessage()).contains("Bitwarden login failed", "127.0.0.1", "5 attempts");
    }

    @Test
    void aLoginAnswerThatIsNotJsonIsMalformed() {
        bw.server.faults().inject("bitwarden.identity.token", Fault.status(200, "text/html", "<html>proxy</html>"));

        MachinistException e = catchThrowableOfType(MachinistException.class, () -> bw.login());

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("not JSON");
    }

    @Test
    void aUserLoginAnswerWithKdfFieldsIsRefused() {
        bw.server
                .faults()
                .inject(
                        "bitwarden.identity.token",
                        Fault.status(
                                200,
                                "application/json",
                                "{\"access_token\":\"a.b.c\",\"Kdf\":0,\"KdfIterations\":600000}"));

        MachinistException e = catchThrowableOfType(MachinistException.class, () -> bw.login());

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("user login");
        assertThat(bw.sunkValues()).contains("a.b.c");
    }

    @Test
    void anUnknownIdentityErrorIsRefusedWithTheVendorsWords() {
        bw.server
                .faults()
                .inject(
                        "bitwarden.identity.token",
                        Fault.status(
                                400,
                                "application/json",
                                "{\"error\":\"invalid_scope\",\"error_description\":\"bad scope\"}"));

        MachinistException e = catchThrowableOfType(MachinistException.class, () -> bw.login());

        assertThat(e.kind()).isEqualTo(ErrorKind.REFUSED);
        assertThat(e.getMessage()).contains("HTTP 400", "bad scope");
    }

    private long loginRequests() {
        return bw.server.requests().stream()
                .filter(r -> r.path().endsWith("/identity/connect/token"))
                .count();
    }
}
