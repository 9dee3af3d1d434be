package dev.machinist.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import dev.machinist.simulator.platform.PlatformSimulator;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Label;
import hudson.model.Result;
import hudson.util.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Real Pipelines on a real agent against the Machinist simulators: every value the binding sets, derived
 * tokens included, is echoed and must show as **** in the log; a bad token fails the build with the core's
 * message and no stack trace.
 */
@WithJenkins
class MachinistPipelineTest {
    private JenkinsRule j;
    private SimulatorServer sim;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = SimulatorServer.start(0)
                .with(new PantheonSimulator())
                .with(new PlatformSimulator("upsun"))
                .with(new BitwardenSimulator());
        j.createOnlineSlave(Label.get("agent"));
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    private WorkflowRun run(String name, String body, Result expected) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("node('agent') {\n" + body + "\n}", true));
        WorkflowRun run = job.scheduleBuild2(0).get();
        j.assertBuildStatus(expected, run);
        return run;
    }

    @Test
    void pantheonLoginIsExposedAndEveryCredentialMasked() throws Exception {
        PantheonSimulator pantheon = sim.vendor(PantheonSimulator.class);
        PantheonTokenCredentials credentials = new PantheonTokenCredentials(
                CredentialsScope.GLOBAL, "pantheon-bot", "CI bot", Secret.fromString(pantheon.demoToken()));
        credentials.setApiUrl(sim.baseUri().toString());
        Simulated.store(credentials);

        WorkflowRun run = run("pantheon", """
                withCredentials([machinist(credentialsId: 'pantheon-bot')]) {
                  sh 'echo "token=$TERMINUS_MACHINE_TOKEN"; echo "session=$MACHINIST_ACCESS_TOKEN"'
                  sh 'echo "who=$MACHINIST_IDENTITY host=$TERMINUS_HOST vendor=$MACHINIST_VENDOR"'
                  sh 'test -f "$TERMINUS_CACHE_DIR/session" && echo "terminus-session-in=$TERMINUS_CACHE_DIR"'
                }
                """, Result.SUCCESS);

        String session = Simulated.bearerSentTo(sim, "/api/users/");
        j.assertLogContains("token=****", run);
        j.assertLogContains("session=****", run);
        j.assertLogNotContains(pantheon.demoToken(), run);
        j.assertLogNotContains(session, run);
        j.assertLogContains("who=" + pantheon.demoFullName() + " host=127.0.0.1 vendor=pantheon", run);
        // Terminus was logged in through a private session file, removed when the block ended.
        String cacheDir = JenkinsRule.getLog(run)
                .lines()
                .filter(l -> l.startsWith("terminus-session-in="))
                .map(l -> l.substring("terminus-session-in=".length()))
                .findFirst()
                .orElseThrow();
        assertThat(Path.of(cacheDir)).doesNotExist();
    }

    @Test
    void upsunAccessTokenIsMaskedTheMomentItExists() throws Exception {
        PlatformSimulator upsun = sim.vendor(PlatformSimulator.class);
        PlatformTokenCredentials credentials = new PlatformTokenCredentials(
                CredentialsScope.GLOBAL, "upsun-bot", "", "upsun", Secret.fromString(upsun.demoApiToken()));
        credentials.setApiUrl(upsun.apiUrl(sim.baseUri()));
        credentials.setAuthUrl(upsun.authUrl(sim.baseUri()));
        Simulated.store(credentials);

        WorkflowRun run = run("upsun", """
                withCredentials([machinist(credentialsId: 'upsun-bot')]) {
                  sh 'echo "token=$UPSUN_CLI_TOKEN access=$MACHINIST_ACCESS_TOKEN api=$UPSUN_CLI_API_URL"'
                }
                """, Result.SUCCESS);

        String accessToken = Simulated.bearerSentTo(sim, "/users/me");
        j.assertLogContains("token=**** access=****", run);
        j.assertLogContains("api=" + upsun.apiUrl(sim.baseUri()), run);
        j.assertLogNotContains(upsun.demoApiToken(), run);
        j.assertLogNotContains(accessToken, run);
    }

    @Test
    void secretsFromTheLocalProviderAreMaskedInShellAndGroovy() throws Exception {
        Path env = dir.resolve("ci.env");
        Files.writeString(env, "DB_PASSWORD=s3cr3t-db-password\nAPI_KEY=k3y-4pi-value\n");
        // The local provider has no credential type of its own: a test-only subclass binds it.
        Simulated.store(new LocalFileCredentials("local", env.toString()));

        WorkflowRun run = run("local", """
                withCredentials([machinist(credentialsId: 'local', secrets: 'DB_PASSWORD\\nAPI_KEY > KEY')]) {
                  sh 'echo "db=$DB_PASSWORD key=$KEY"'
                  echo "groovy sees ${env.KEY}"
                }
                """, Result.SUCCESS);

        j.assertLogContains("db=**** key=****", run);
        j.assertLogContains("groovy sees ****", run);
        j.assertLogNotContains("s3cr3t-db-password", run);
        j.assertLogNotContains("k3y-4pi-value", run);
    }

    @Test
    void bitwardenSecretsTheJwtAndTheKeyAreAllMasked() throws Exception {
        BitwardenSimulator bitwarden = sim.vendor(BitwardenSimulator.class);
        BitwardenTokenCredentials credentials = new BitwardenTokenCredentials(
                CredentialsScope.GLOBAL, "bws-bot", "", Secret.fromString(bitwarden.demoAccessToken()));
        credentials.setServerUrl(BitwardenSimulator.serverUrl(sim.baseUri()));
        Simulated.store(credentials);
        String dbId = bitwarden.secretId("DATABASE_URL");
        String pemId = bitwarden.addSecret(
                "PEM",
                "-----BEGIN TEST KEY-----\nb64-line-one-0123456789\nb64-line-two-9876543210\n-----END TEST KEY-----",
                "");

        WorkflowRun run = run("bitwarden", """
                withCredentials([machinist(credentialsId: 'bws-bot', secrets: '%s > DB_URL, %s > PEM')]) {
                  sh 'echo "$PEM"'  // multi-line: Jenkins masks line by line, Machinist masks each line
                  sh 'echo "db=$DB_URL token=$BWS_ACCESS_TOKEN jwt=$MACHINIST_ACCESS_TOKEN k1=$MACHINIST_MASKED_1 k2=$MACHINIST_MASKED_2 k3=$MACHINIST_MASKED_3"'
                  sh 'echo "$DB_URL" | base64'
                }
                """.formatted(dbId, pemId), Result.SUCCESS);

        j.assertLogContains("db=**** token=**** jwt=**** k1=**** k2=**** k3=****", run);
        j.assertLogNotContains("s3cr3t-Demo-Passw0rd", run);
        j.assertLogNotContains(bitwarden.demoAccessToken(), run);
        j.assertLogNotContains(Simulated.bearerSentTo(sim, BitwardenSimulator.PATH + "/api/"), run);
        j.assertLogNotContains("b64-line-one-0123456789", run);
        j.assertLogNotContains("b64-line-two-9876543210", run);
        j.assertLogContains("machinist: warning: $PEM spans several lines", run);
        // Jenkins' own Base64 patterns cover the encoded form too.
        j.assertLogNotContains(
                java.util.Base64.getEncoder()
                        .encodeToString("postgres://app:s3cr3t-Demo-Passw0rd@db.internal:5432/app\n".getBytes()),
                run);
    }

    @Test
    void aBadTokenFailsTheBuildWithTheCoresMessage() throws Exception {
        String bad = PantheonSimulator.badToken(PantheonSimulator.BadTokenAnswer.UNAUTHORIZED);
        PantheonTokenCredentials credentials =
                new PantheonTokenCredentials(CredentialsScope.GLOBAL, "pantheon-bad", "", Secret.fromString(bad));
        credentials.setApiUrl(sim.baseUri().toString());
        Simulated.store(credentials);

        WorkflowRun run = run(
                "bad",
                "withCredentials([machinist(credentialsId: 'pantheon-bad')]) { echo 'never here' }",
                Result.FAILURE);

        j.assertLogContains(
                "machinist: credentials 'pantheon-bad': Pantheon rejected the machine token"
                        + " (Jenkins credential 'pantheon-bad')",
                run);
        j.assertLogNotContains("never here", run);
        j.assertLogNotContains(bad, run);
        assertThat(JenkinsRule.getLog(run)).doesNotContain("\tat dev.machinist", "MachinistException");
    }

    @Test
    void aSecretSelectionForALoginOnlyVendorIsRefusedClearly() throws Exception {
        PantheonSimulator pantheon = sim.vendor(PantheonSimulator.class);
        PantheonTokenCredentials credentials = new PantheonTokenCredentials(
                CredentialsScope.GLOBAL, "pantheon-sel", "", Secret.fromString(pantheon.demoToken()));
        credentials.setApiUrl(sim.baseUri().toString());
        Simulated.store(credentials);

        WorkflowRun run = run(
                "selection",
                "withCredentials([machinist(credentialsId: 'pantheon-sel', secrets: 'x > Y')]) { echo 'no' }",
                Result.FAILURE);

        j.assertLogContains("Pantheon has no secrets to load", run);
        j.assertLogNotContains(pantheon.demoToken(), run);
    }

    /**
     * Binds the core's local provider ("env", secrets from a dotenv file) so that masking of fetched secrets is
     * tested without any vendor. Test-only: it is not a credential type users should have.
     */
    public static class LocalFileCredentials extends MachinistCredentials {
        private static final long serialVersionUID = 1L;
        private final String envFile;

        LocalFileCredentials(String id, String envFile) {
            super(CredentialsScope.GLOBAL, id, "", Secret.fromString(""));
            this.envFile = envFile;
        }

        @NonNull
        @Override
        public String vendorId() {
            return "env";
        }

        @NonNull
        @Override
        public Map<String, String> settings() {
            return Map.of("env-file", envFile);
        }
    }

    /** A direct member of the test class, so that @TestExtension registers it for this test only. */
    @TestExtension
    public static class LocalFileDescriptor extends CredentialsDescriptor {
        public LocalFileDescriptor() {
            super(LocalFileCredentials.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Local env file (test)";
        }
    }
}
