package dev.machinist.simulator.bitwarden;

/**
 * The demo organization: fixed ids (so docs and users' own tests can name them), values that exercise the
 * awkward cases: a multi-line PEM-style key, a JSON document, a URL with a password. All values are fake.
 */
final class DemoData {
    static final String ORGANIZATION_ID = "5b1c6e0a-7d2f-4e8b-9c3a-1f0e2d4c6b8a";
    static final String MACHINE_ACCOUNT_ID = "9e8d7c6b-5a49-4382-a716-05f4e3d2c1b0";
    static final String PROJECT_DEPLOY = "0f3b7e1a-2c4d-4e5f-8a6b-7c8d9e0f1a2b";
    static final String PROJECT_STAGING = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    static final String DEPLOY_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
            + "QyNTUxOQAAACBtYWNoaW5pc3QtZGVtby1rZXktbm90LWEtcmVhbC1rZXkAAAAAAAAAAAAA\n"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";
    static final String SERVICE_ACCOUNT_JSON = "{\"type\":\"service_account\",\"project_id\":\"machinist-demo\","
            + "\"private_key_id\":\"d3m0k3y1d\",\"client_email\":\"ci@machinist-demo.example\","
            + "\"token\":\"demo-\\\"quoted\\\"-token\"}";

    private DemoData() {}

    static void load(BitwardenSimulator sim) {
        sim.addProjectWithId(PROJECT_DEPLOY, "ci-deploy");
        sim.addProjectWithId(PROJECT_STAGING, "staging");
        sim.addSecretWithId(
                "3c1f5a7e-9b2d-4c6e-8f0a-1b3d5f7a9c2e",
                "DATABASE_URL",
                "postgres://app:s3cr3t-Demo-Passw0rd@db.internal:5432/app",
                "Production database",
                PROJECT_DEPLOY);
        sim.addSecretWithId(
                "4d2a6b8c-0e1f-4a3b-9c5d-7e9f1a3b5c7d",
                "DEPLOY_KEY",
                DEPLOY_KEY,
                "SSH key of the deploy bot (multi-line)",
                PROJECT_DEPLOY);
        sim.addSecretWithId(
                "5e3b7c9d-1f2a-4b4c-8d6e-8f0a2b4c6d8e",
                "SERVICE_ACCOUNT_JSON",
                SERVICE_ACCOUNT_JSON,
                "",
                PROJECT_DEPLOY);
        sim.addSecretWithId(
                "6f4c8d0e-2a3b-4c5d-9e7f-9a1b3c5d7e9f",
                "STAGING_API_TOKEN",
                "stg_7Qk2p9Xw4Lm8Rt3Vz6Bn",
                "Staging API token",
                PROJECT_STAGING);
    }
}
