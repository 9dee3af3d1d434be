package dev.machinist.core.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pantheon has no secrets: the binding exposes the login for Terminus, with every credential masked. */
class PantheonBindingTest {
    @TempDir
    Path home;

    private SimulatorServer sim;
    private PantheonSimulator pantheon;
    private final CredentialBinding binding = new CredentialBinding(HttpTransport.defaults());

    @BeforeEach
    void start() throws Exception {
        sim = SimulatorServer.start(0).with(new PantheonSimulator());
        pantheon = sim.vendor(PantheonSimulator.class);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private BindingRequest.Builder request(String token) {
        return BindingRequest.builder("pantheon", Secret.of("Pantheon machine token", token))
                .setting("api-url", sim.baseUri().toString())
                .home(home);
    }

    /** The session the provider used as a bearer token: what Pantheon handed out at login. */
    private String sessionSeenBySimulator() {
        return sim.requests().stream()
                .filter(r -> r.path().startsWith("/api/users/"))
                .map(r -> r.header("Authorization").orElse(""))
                .filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring(7))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void exposesTheTokenTheSessionAndWhoItIs() {
        List<Secret> sunk = new ArrayList<>();
        BindingResult result = binding.bind(request(pantheon.demoToken()).build(), sunk::add);

        String session = sessionSeenBySimulator();
        assertThat(result.secretVariables())
                .containsEntry("TERMINUS_MACHINE_TOKEN", pantheon.demoToken())
                .containsEntry("MACHINIST_ACCESS_TOKEN", session)
                .hasSize(2);
        assertThat(result.publicVariables())
                .containsEntry("MACHINIST_VENDOR", "pantheon")
                .containsEntry("MACHINIST_IDENTITY", pantheon.demoFullName())
                .containsEntry("MACHINIST_IDENTITY_ID", pantheon.demoUserId())
                .containsEntry("TERMINUS_PROTOCOL", "http")
                .containsEntry("TERMINUS_HOST", "127.0.0.1")
                .containsEntry("TERMINUS_PORT", String.valueOf(sim.baseUri().getPort()))
                .containsKey("MACHINIST_EXPIRES_AT");
        assertThat(result.publicVariables().values()).doesNotContain(session, pantheon.demoToken());
        // Derived-token masking: every credential the login produced is in the list the host masks.
        assertThat(sunk).extracting(Secret::reveal).contains(pantheon.demoToken(), session);
        for (Secret s : sunk) assertThat(result.secretValues()).contains(s.reveal());
        assertThat(pantheon.isSessionLive(session)).isTrue();
    }

    @Test
    void writesNoTerminusFilesUnlessGivenAHandoffDirectory() throws Exception {
        binding.bind(request(pantheon.demoToken()).build());
        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void logsTerminusInThroughAPrivateSessionFile() throws Exception {
        Path handoff = Files.createDirectory(home.resolve("handoff"));
        BindingResult result = binding.bind(
                request(pantheon.demoToken()).handoffDirectory(handoff).build());

        Path cacheDir = handoff.resolve("terminus");
        assertThat(result.publicVariables()).containsEntry("TERMINUS_CACHE_DIR", cacheDir.toString());
        Path session = cacheDir.resolve("session");
        assertThat(Files.readString(session)).contains(result.secretVariables().get("MACHINIST_ACCESS_TOKEN"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session)))
                .isEqualTo("rw-------");
    }

    @Test
    void aBadTokenIsABadTokenErrorWithoutTheToken() {
        for (PantheonSimulator.BadTokenAnswer answer : PantheonSimulator.BadTokenAnswer.values()) {
            String bad = PantheonSimulator.badToken(answer);
            // An HTML page instead of JSON cannot be told apart from a broken server: the provider says so.
            ErrorKind expected = answer == PantheonSimulator.BadTokenAnswer.NON_JSON
                    ? ErrorKind.MALFORMED_RESPONSE
                    : ErrorKind.BAD_TOKEN;
            assertThatThrownBy(() -> binding.bind(request(bad).build()))
                    .as(answer.name())
                    .isInstanceOfSatisfying(
                            MachinistException.class, e -> assertThat(e.kind()).isEqualTo(expected))
                    .hasMessageContaining("Pantheon")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void asksForTheTokenWhenTheCredentialHasNone() {
        assertThatThrownBy(() -> binding.bind(request(" ").build()))
                .hasMessage("The credential has no Pantheon token: paste the bot's token into the credential (the"
                        + " vendor's CLI reads it as TERMINUS_MACHINE_TOKEN).");
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void refusesASecretSelectionBecausePantheonHasNoSecrets() {
        assertThatThrownBy(() -> binding.bind(
                        request(pantheon.demoToken()).secrets("abc > X").build()))
                .hasMessage("Pantheon has no secrets to load; remove the secrets, project and organization"
                        + " options. The binding gives the login itself: $TERMINUS_MACHINE_TOKEN and"
                        + " $MACHINIST_ACCESS_TOKEN.");
    }

    @Test
    void testConnectionNamesTheBotAndTheExpiry() {
        ConnectionReport report =
                binding.testConnection(request(pantheon.demoToken()).build());
        assertThat(report.summary())
                .startsWith("Pantheon: logged in as " + pantheon.demoFullName() + " (" + pantheon.demoUserId()
                        + "); login expires ")
                .doesNotContain(pantheon.demoToken());
        assertThat(report.attributes()).containsEntry("email", pantheon.demoEmail());
        assertThat(report.expiresAt()).isPresent();
    }

    @Test
    void theDeclaredVariablesAreTheVendorsOwn() {
        assertThat(binding.declaredSecretVariables(request("").build()))
                .containsExactly("TERMINUS_MACHINE_TOKEN", "MACHINIST_ACCESS_TOKEN");
    }
}
