package dev.machinist.core.provider.pantheon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.simulator.Fault;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared transport's failure handling, as the Pantheon calls experience it. */
class PantheonFaultsTest {
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
    void a503OnLoginIsRetriedThenSucceeds() {
        f.server.faults().inject("pantheon.login", Fault.status(503).times(2));

        assertThat(f.login().userId()).isEqualTo(f.pantheon.demoUserId());
        assertThat(f.requestsTo("/api/authorize/machine-token")).hasSize(3);
        assertThat(f.sleeps).hasSize(2);
    }

    @Test
    void a502OnIdentityIsRetriedThenSucceeds() {
        PantheonSession session = f.login();
        f.server.faults().inject("pantheon.user", Fault.status(502));

        assertThat(session.identity().attributes()).containsEntry("email", f.pantheon.demoEmail());
    }

    @Test
    void persistent503sEndAsVendorUnavailable() {
        f.server.faults().inject("pantheon.login", Fault.status(503).times(10));

        assertThatThrownBy(f::login)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.VENDOR_UNAVAILABLE)
                .hasMessageContaining("Pantheon login");
        assertThat(f.requestsTo("/api/authorize/machine-token")).hasSize(4);
    }

    @Test
    void aDroppedConnectionOnLoginIsRetriedBecauseTheExchangeIsIdempotent() {
        f.server.faults().inject("pantheon.login", Fault.dropConnection());

        assertThat(f.login().userId()).isEqualTo(f.pantheon.demoUserId());
        assertThat(f.sleeps).hasSize(1);
    }

    @Test
    void aTruncatedBodyIsRetried() {
        f.server.faults().inject("pantheon.login", Fault.truncatedBody());

        assertThat(f.login().userId()).isEqualTo(f.pantheon.demoUserId());
        assertThat(f.requestsTo("/api/authorize/machine-token")).hasSize(2);
    }

    @Test
    void aTruncatedBodyEveryTimeIsANetworkError() {
        f.server.faults().inject("pantheon.login", Fault.truncatedBody().times(10));

        assertThatThrownBy(f::login)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.NETWORK)
                .hasMessageContaining("Pantheon login");
    }

    @Test
    void a429WaitsAsLongAsRetryAfterSays() {
        f.server.faults().inject("pantheon.tokens.list", Fault.rateLimit(2));
        PantheonSession session = f.login();

        assertThat(session.listTokens()).isNotEmpty();
        assertThat(f.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsVendorUnavailable() {
        f.settings = f.settings.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
        f.server
                .faults()
                .inject("pantheon.login", Fault.delay(Duration.ofSeconds(2)).times(10));

        assertThatThrownBy(f::login)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.VENDOR_UNAVAILABLE)
                .hasMessageContaining("did not answer");
    }

    @Test
    void aRefusedConnectionIsANetworkError() {
        int port = f.server.baseUri().getPort();
        f.close();
        f.env.put("TERMINUS_PORT", String.valueOf(port));

        assertThatThrownBy(f::login)
                .hasFieldOrPropertyWithValue("kind", ErrorKind.NETWORK)
                .hasMessageContaining("refused");
    }
}
