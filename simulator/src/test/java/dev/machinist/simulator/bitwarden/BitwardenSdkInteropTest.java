package dev.machinist.simulator.bitwarden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.simulator.SimulatorServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bitwarden's official SDK (@bitwarden/sdk-napi, the engine of bws and the sm-action) logs in to the
 * simulator and reads back exactly the secrets and projects the simulator holds: proof that the simulator
 * speaks the real protocol and crypto, independently of Machinist's own client.
 */
class BitwardenSdkInteropTest {
    @Test
    void officialSdkLogsInAndDecryptsEverySecretAndProject() throws Exception {
        NodeInterop.requireNode();
        Path nodeModules = NodeInterop.requireModule("@bitwarden/sdk-napi");
        BitwardenSimulator bitwarden = new BitwardenSimulator();
        String unicode =
                bitwarden.addSecret("UNICODE_VALUE", "päss wörd ✓ 🔑", "note with ünïcode", DemoData.PROJECT_STAGING);

        try (SimulatorServer server = SimulatorServer.start(0).with(bitwarden)) {
            String url = BitwardenSimulator.serverUrl(server.baseUri());
            Map<String, String> env = new LinkedHashMap<>();
            env.put("BWS_ACCESS_TOKEN", bitwarden.demoAccessToken());
            env.put("BW_API_URL", url + "/api");
            env.put("BW_IDENTITY_URL", url + "/identity");
            env.put("BW_ORGANIZATION_ID", bitwarden.organizationId());
            env.put("BW_EXPECTED", new ObjectMapper().writeValueAsString(expected(bitwarden, unicode)));

            NodeInterop.Run run = NodeInterop.run(NodeInterop.script("bitwarden-sdk.cjs"), nodeModules, env);

            assertThat(run.output()).doesNotContain("FAIL").contains("ok login", "ok getByIds.count", "ok sync");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output())
                    .doesNotContain(bitwarden.demoAccessToken().split(":")[0].substring(39));
            SimulatorServer.RecordedRequest login = server.requests().stream()
                    .filter(r -> r.path().endsWith("/identity/connect/token"))
                    .findFirst()
                    .orElseThrow();
            // protocols.md: the SDK identifies itself as DeviceType::SDK; Machinist sends the same.
            assertThat(login.header("Device-Type")).contains("21");
        }
    }

    @Test
    void officialSdkSeesARevokedTokenAsInvalidClient() throws Exception {
        NodeInterop.requireNode();
        Path nodeModules = NodeInterop.requireModule("@bitwarden/sdk-napi");
        BitwardenSimulator bitwarden = new BitwardenSimulator();
        String token = bitwarden.issueAccessToken(null);
        bitwarden.revokeAccessToken(token);

        try (SimulatorServer server = SimulatorServer.start(0).with(bitwarden)) {
            String url = BitwardenSimulator.serverUrl(server.baseUri());
            NodeInterop.Run run = NodeInterop.run(
                    NodeInterop.script("bitwarden-sdk.cjs"),
                    nodeModules,
                    Map.of(
                            "BWS_ACCESS_TOKEN",
                            token,
                            "BW_API_URL",
                            url + "/api",
                            "BW_IDENTITY_URL",
                            url + "/identity",
                            "BW_ORGANIZATION_ID",
                            bitwarden.organizationId(),
                            "BW_EXPECTED",
                            "{\"secrets\":{},\"projects\":{}}",
                            "BW_EXPECT_LOGIN_FAILURE",
                            "1"));

            assertThat(run.output()).contains("ok login rejected");
            assertThat(run.exitCode()).as(run.output()).isZero();
        }
    }

    private static Map<String, Object> expected(BitwardenSimulator bitwarden, String unicodeId) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        secrets.put(
                bitwarden.secretId("DATABASE_URL"),
                secret(
                        "DATABASE_URL",
                        "postgres://app:s3cr3t-Demo-Passw0rd@db.internal:5432/app",
                        "Production database",
                        DemoData.PROJECT_DEPLOY));
        secrets.put(
                bitwarden.secretId("DEPLOY_KEY"),
                secret(
                        "DEPLOY_KEY",
                        DemoData.DEPLOY_KEY,
                        "SSH key of the deploy bot (multi-line)",
                        DemoData.PROJECT_DEPLOY));
        secrets.put(
                bitwarden.secretId("SERVICE_ACCOUNT_JSON"),
                secret("SERVICE_ACCOUNT_JSON", DemoData.SERVICE_ACCOUNT_JSON, "", DemoData.PROJECT_DEPLOY));
        secrets.put(
                bitwarden.secretId("STAGING_API_TOKEN"),
                secret("STAGING_API_TOKEN", "stg_7Qk2p9Xw4Lm8Rt3Vz6Bn", "Staging API token", DemoData.PROJECT_STAGING));
        secrets.put(
                unicodeId, secret("UNICODE_VALUE", "päss wörd ✓ 🔑", "note with ünïcode", DemoData.PROJECT_STAGING));
        return Map.of(
                "secrets",
                secrets,
                "projects",
                Map.of(DemoData.PROJECT_DEPLOY, "ci-deploy", DemoData.PROJECT_STAGING, "staging"));
    }

    private static Map<String, String> secret(String key, String value, String note, String projectId) {
        return Map.of("key", key, "value", value, "note", note, "projectId", projectId);
    }
}
