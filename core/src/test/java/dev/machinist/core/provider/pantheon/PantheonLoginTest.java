package dev.machinist.core.provider.pantheon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.provider.Providers;
import dev.machinist.simulator.Fault;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import dev.machinist.simulator.pantheon.PantheonSimulator.BadTokenAnswer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PantheonLoginTest {
    @TempDir
    Path home;

    private PantheonFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new PantheonFixture(home);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void exchangesTheMachineTokenForASessionAndSinksItAtOnce() {
        PantheonSession session = f.login();

        assertThat(session.userId()).isEqualTo(f.pantheon.demoUserId());
        assertThat(session.expiresAt()).hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now()));
        assertThat(f.sunk).hasSize(1);
        assertThat(f.sunk.get(0).name()).isEqualTo("Pantheon session");
        assertThat(f.pantheon.isSessionLive(f.sunk.get(0).reveal())).isTrue();
    }

    @Test
    void sendsTheLoginAsTerminusDoesWithoutACredentialHeader() {
        f.login();

        SimulatorServer.RecordedRequest login =
                f.requestsTo("/api/authorize/machine-token").get(0);
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.header("Authorization")).isEmpty();
        assertThat(login.header("Content-Type")).hasValue("application/json");
        assertThat(login.header("Accept")).hasValue("application/json");
    }

    @Test
    void isRegisteredUnderItsId() {
        assertThat(Providers.create("pantheon", f.context())).isInstanceOf(PantheonProvider.class);
        PantheonProvider p = f.provider();
        assertThat(p.id()).isEqualTo("pantheon");
        assertThat(p.displayName()).isEqualTo("Pantheon");
        assertThat(p.tokenVariables()).containsExactly("TERMINUS_MACHINE_TOKEN", "PANTHEON_MACHINE_TOKEN");
    }

    @Test
    void a401IsARejectedToken() {
        assertThatThrownBy(() -> login(PantheonSimulator.badToken(BadTokenAnswer.UNAUTHORIZED)))
                .isInstanceOf(MachinistException.class)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.BAD_TOKEN)
                .hasMessageContaining("Pantheon rejected the machine token (TERMINUS_MACHINE_TOKEN)")
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("https://dashboard.pantheon.io/");
    }

    @Test
    void a500CarryingAuthorizationFailedIsARejectedTokenAndIsNotRetried() {
        assertThatThrownBy(() -> login(PantheonSimulator.badToken(BadTokenAnswer.SERVER_ERROR)))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.BAD_TOKEN)
                .hasMessageContaining("HTTP 500 \"Authorization failed\"");
        assertThat(f.requestsTo("/api/authorize/machine-token")).hasSize(1);
        assertThat(f.sleeps).isEmpty();
    }

    @Test
    void aNonJsonAnswerIsMalformedNamingPantheonAndHintingAtTheToken() {
        assertThatThrownBy(() -> login(PantheonSimulator.badToken(BadTokenAnswer.NON_JSON)))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.MALFORMED_RESPONSE)
                .hasMessageContaining("Pantheon login")
                .hasMessageContaining("not JSON")
                .hasMessageContaining("check the token");
    }

    @Test
    void theDefaultBadTokenAnswerAppliesToUnknownTokens() {
        f.pantheon.answerBadTokensWith(BadTokenAnswer.SERVER_ERROR);

        assertThatThrownBy(() -> login("no-such-token"))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.BAD_TOKEN)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void a403IsARejectedToken() {
        f.server.faults().inject("pantheon.login", Fault.status(403, "application/json", "\"Forbidden\""));

        assertThatThrownBy(f::login).hasFieldOrPropertyWithValue("kind", ErrorKind.BAD_TOKEN);
    }

    @Test
    void aWrongShaped200IsMalformed() {
        f.server.faults().inject("pantheon.login", Fault.status(200, "application/json", "{\"user_id\":\"u1\"}"));

        assertThatThrownBy(f::login)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.MALFORMED_RESPONSE)
                .hasMessageContaining("Pantheon login")
                .hasMessageContaining("\"session\"");
        assertThat(f.sunk).isEmpty();
    }

    @Test
    void aSessionWithoutExpiryIsMalformedButTheSessionIsStillMasked() {
        f.server
                .faults()
                .inject(
                        "pantheon.login",
                        Fault.status(200, "application/json", "{\"session\":\"a:b:cdefghij\",\"user_id\":\"u1\"}"));

        assertThatThrownBy(f::login)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.MALFORMED_RESPONSE)
                .hasMessageContaining("expires_at");
        assertThat(f.sunk).extracting(Secret::reveal).containsExactly("a:b:cdefghij");
    }

    @Test
    void theAuthorizationFailedStringWithStatus200IsARejectedToken() {
        // What Terminus would store as the session; we recognize it instead.
        f.server.faults().inject("pantheon.login", Fault.status(200, "application/json", "\"Authorization failed\""));

        assertThatThrownBy(f::login).hasFieldOrPropertyWithValue("kind", ErrorKind.BAD_TOKEN);
    }

    @Test
    void anOrdinary500IsPantheonFailingNotTheToken() {
        f.server.faults().inject("pantheon.login", Fault.status(500));

        assertThatThrownBy(f::login).hasFieldOrPropertyWithValue("kind", ErrorKind.VENDOR_UNAVAILABLE);
    }

    @Test
    void aRevokedTokenNoLongerLogsIn() {
        PantheonSimulator.MachineToken extra = f.pantheon.addMachineToken("temporary");
        PantheonSession session = f.login();
        session.revokeToken(extra.id());

        assertThatThrownBy(() -> login(extra.token())).hasFieldOrPropertyWithValue("kind", ErrorKind.BAD_TOKEN);
    }

    @Test
    void surroundingWhitespaceIsIgnoredButInnerWhitespaceIsAUsageError() {
        assertThat(login("  " + f.pantheon.demoToken() + "\n").userId()).isEqualTo(f.pantheon.demoUserId());

        assertThatThrownBy(() -> login("abc def"))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.USAGE)
                .hasMessageContaining("spaces");
        assertThatThrownBy(() -> login("\"" + f.pantheon.demoToken() + "\""))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.USAGE)
                .hasMessageContaining("quotes");
        assertThatThrownBy(() -> login("   "))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.USAGE)
                .hasMessageContaining("empty")
                .hasMessageContaining("TERMINUS_MACHINE_TOKEN or PANTHEON_MACHINE_TOKEN");
        assertThat(f.requestsTo("/api/authorize")).hasSize(1);
    }

    @Test
    void aWrongHostIsReportedAsSuch() {
        f.server.faults().inject("pantheon.login", Fault.status(404, "text/html", "<html>nope</html>"));

        assertThatThrownBy(f::login)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.NOT_FOUND)
                .hasMessageContaining("TERMINUS_HOST");
    }

    private PantheonSession login(String token) {
        return f.provider().login(Secret.of("TERMINUS_MACHINE_TOKEN", token), SecretSink.NONE);
    }
}
