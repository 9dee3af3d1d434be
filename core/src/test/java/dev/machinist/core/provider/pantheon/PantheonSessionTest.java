package dev.machinist.core.provider.pantheon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.provider.Identity;
import dev.machinist.core.provider.TokenManager.TokenInfo;
import dev.machinist.simulator.Fault;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PantheonSessionTest {
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
    void identityIsReadFromPantheonWithTheSessionAsBearer() {
        PantheonSession session = f.login();

        Identity who = session.identity();

        assertThat(who.id()).isEqualTo(f.pantheon.demoUserId());
        assertThat(who.name()).isEqualTo(f.pantheon.demoFullName());
        assertThat(who.attributes())
                .containsEntry("email", f.pantheon.demoEmail())
                .containsEntry("fullName", f.pantheon.demoFullName());
        SimulatorServer.RecordedRequest get = f.requestsTo("/api/users/").get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.header("Authorization"))
                .hasValue("Bearer " + f.sunk.get(0).reveal());
    }

    @Test
    void aUserAnswerThatIsNotAUserIsMalformed() {
        f.server.faults().inject("pantheon.user", Fault.status(200, "application/json", "\"OK.\""));

        assertThatThrownBy(() -> f.login().identity())
                .hasFieldOrPropertyWithValue("kind", ErrorKind.MALFORMED_RESPONSE)
                .hasMessageContaining("Pantheon user lookup");
    }

    @Test
    void identityIsReadOnce() {
        PantheonSession session = f.login();
        session.identity();
        session.identity();

        assertThat(f.requestsTo("/api/users/")).hasSize(1);
    }

    @Test
    void listsTheBotsMachineTokensByIdAndDeviceName() {
        PantheonSimulator.MachineToken extra = f.pantheon.addMachineToken("Deploy box");

        assertThat(f.login().listTokens())
                .extracting(TokenInfo::id, TokenInfo::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(f.pantheon.demoTokenId(), "Machinist CI"),
                        org.assertj.core.groups.Tuple.tuple(extra.id(), "Deploy box"));
    }

    @Test
    void acceptsATokenListKeyedById() {
        f.server
                .faults()
                .inject(
                        "pantheon.tokens.list",
                        Fault.status(
                                200,
                                "application/json",
                                "{\"dcr_a\":{\"device_name\":\"A\"},\"dcr_b\":{\"id\":\"dcr_b\"}}"));

        assertThat(f.login().listTokens())
                .extracting(TokenInfo::id, TokenInfo::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dcr_a", "A"),
                        org.assertj.core.groups.Tuple.tuple("dcr_b", "dcr_b"));
    }

    @Test
    void aTokenListThatIsNotAListIsMalformed() {
        f.server.faults().inject("pantheon.tokens.list", Fault.status(200, "application/json", "\"OK.\""));

        assertThatThrownBy(() -> f.login().listTokens())
                .hasFieldOrPropertyWithValue("kind", ErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void revokesAToken() {
        PantheonSimulator.MachineToken extra = f.pantheon.addMachineToken("old laptop");
        PantheonSession session = f.login();

        session.revokeToken(extra.id());

        assertThat(f.pantheon.hasMachineToken(extra.id())).isFalse();
        assertThat(session.listTokens()).extracting(TokenInfo::id).doesNotContain(extra.id());
        SimulatorServer.RecordedRequest delete = f.server.requests().stream()
                .filter(r -> r.method().equals("DELETE"))
                .findFirst()
                .orElseThrow();
        assertThat(delete.path()).isEqualTo("/api/users/" + f.pantheon.demoUserId() + "/machine_tokens/" + extra.id());
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        assertThatThrownBy(() -> f.login().revokeToken("dcr_doesnotexist"))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.NOT_FOUND)
                .hasMessageContaining("dcr_doesnotexist");
    }

    @Test
    void aTokenIdThatCouldEscapeThePathIsAUsageError() {
        PantheonSession session = f.login();

        assertThatThrownBy(() -> session.revokeToken("../../x")).hasFieldOrPropertyWithValue("kind", ErrorKind.USAGE);
        assertThat(f.server.requests()).noneMatch(r -> r.method().equals("DELETE"));
    }

    @Test
    void tokensCannotBeCreatedThroughTheApi() {
        PantheonSession session = f.login();

        assertThat(session.canCreateTokens()).isFalse();
        assertThatThrownBy(() -> session.createToken("ci"))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.USAGE)
                .hasMessageContaining("dashboard")
                .hasMessageContaining("https://dashboard.pantheon.io/");
    }

    @Test
    void aSessionExpiredAtPantheonSaysSoAndHowToRecover() {
        PantheonSession session = f.login();
        f.pantheon.expireAllSessions();

        assertThatThrownBy(session::identity)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.BAD_TOKEN)
                .hasMessageContaining("Invalid or expired session header")
                .hasMessageContaining("expired")
                .hasMessageContaining("machinist login --vendor pantheon");
        assertThatThrownBy(session::listTokens).hasFieldOrPropertyWithValue("kind", ErrorKind.BAD_TOKEN);
        assertThatThrownBy(() -> session.revokeToken(f.pantheon.demoTokenId()))
                .hasFieldOrPropertyWithValue("kind", ErrorKind.BAD_TOKEN);
    }

    @Test
    void aSessionPastItsExpiryIsNotSentAtAll() {
        f.pantheon.setSessionLifetime(Duration.ofSeconds(-5));
        PantheonSession session = f.login();

        assertThatThrownBy(session::identity)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.BAD_TOKEN)
                .hasMessageContaining("The Pantheon session expired at")
                .hasMessageContaining("Log in again");
        assertThat(f.requestsTo("/api/users/")).isEmpty();
    }

    @Test
    void aForbiddenAnswerIsForbidden() {
        f.server.faults().inject("pantheon.user", Fault.status(403, "application/json", "\"Forbidden\""));

        assertThatThrownBy(() -> f.login().identity()).hasFieldOrPropertyWithValue("kind", ErrorKind.FORBIDDEN);
    }

    @Test
    void toStringShowsTheUserNotTheSession() {
        PantheonSession session = f.login();

        assertThat(session.toString())
                .contains(f.pantheon.demoUserId())
                .doesNotContain(f.sunk.get(0).reveal());
    }
}
