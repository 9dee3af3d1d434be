package dev.machinist.core.provider.pantheon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.simulator.Fault;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import dev.machinist.simulator.pantheon.PantheonSimulator.BadTokenAnswer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Neither the machine token nor the session appears in any message, stack trace, toString or debug log
 * line, whatever goes wrong.
 */
class PantheonSecrecyTest {
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
    void noFailureOfLoginShowsTheToken() {
        List<String> tokens = new ArrayList<>();
        for (BadTokenAnswer a : BadTokenAnswer.values()) tokens.add(PantheonSimulator.badToken(a));
        tokens.add("has inner space");
        List<String> texts = new ArrayList<>();
        for (String token : tokens) {
            MachinistException e =
                    failure(() -> f.provider().login(Secret.of("TERMINUS_MACHINE_TOKEN", token), SecretSink.NONE));
            texts.add(everything(e));
            assertThat(everything(e)).doesNotContain(token);
        }
        assertThat(texts).hasSize(4);
        assertThat(String.join("\n", f.debugLog)).doesNotContain(tokens.toArray(String[]::new));
    }

    @Test
    void noFailureAfterLoginShowsTheSessionOrTheToken() {
        PantheonSession session = f.login();
        String sessionValue = f.sunk.get(0).reveal();
        List<MachinistException> failures = new ArrayList<>();
        f.server.faults().inject("pantheon.user", Fault.status(500));
        failures.add(failure(session::identity));
        f.server.faults().inject("pantheon.tokens.list", Fault.status(200, "text/html", "<html/>"));
        failures.add(failure(session::listTokens));
        failures.add(failure(() -> session.revokeToken("dcr_unknown")));
        f.pantheon.expireAllSessions();
        failures.add(failure(session::identity));

        for (MachinistException e : failures) {
            assertThat(everything(e)).doesNotContain(sessionValue).doesNotContain(f.pantheon.demoToken());
        }
        assertThat(session.toString()).doesNotContain(sessionValue);
        assertThat(f.provider().toString()).doesNotContain(f.pantheon.demoToken());
        assertThat(String.join("\n", f.debugLog))
                .isNotEmpty()
                .doesNotContain(sessionValue)
                .doesNotContain(f.pantheon.demoToken());
    }

    private static MachinistException failure(Runnable r) {
        try {
            r.run();
        } catch (MachinistException e) {
            return e;
        }
        throw new AssertionError("expected a MachinistException");
    }

    private static String everything(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w + e.toString();
    }
}
