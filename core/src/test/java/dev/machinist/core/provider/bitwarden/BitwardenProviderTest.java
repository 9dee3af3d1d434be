package dev.machinist.core.provider.bitwarden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.FetchedSecret;
import dev.machinist.core.provider.Identity;
import dev.machinist.core.provider.ProjectSource.Project;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.Providers;
import dev.machinist.core.provider.SecretScope;
import dev.machinist.core.provider.SecretSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BitwardenProviderTest {
    private static final String PEM_HEAD = "-----BEGIN OPENSSH PRIVATE KEY-----\n";

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
    void isRegisteredUnderItsIdWithBwsAccessToken() {
        var provider = Providers.create("bitwarden", ProviderContext.of(Map.of(), HttpTransport.defaults()));

        assertThat(provider).isInstanceOf(BitwardenProvider.class);
        assertThat(provider.tokenVariables()).containsExactly("BWS_ACCESS_TOKEN");
        assertThat(provider.displayName()).isEqualTo("Bitwarden Secrets Manager");
    }

    @Test
    void loginGivesTheMachineAccountsIdentityAndTheJwtsExpiry() {
        Instant before = Instant.now();

        BitwardenSession session = bw.login();

        Identity who = session.identity();
        assertThat(who.id()).isEqualTo(bw.vendor.machineAccountId());
        assertThat(who.name()).isEqualTo("machine account in organization " + bw.vendor.organizationId());
        assertThat(who.attributes())
                .containsEntry("organizationId", bw.vendor.organizationId())
                .containsEntry("accessTokenId", bw.vendor.demoAccessToken().substring(2, 38))
                .containsEntry("scope", "api.secrets");
        assertThat(session.expiresAt()).get().satisfies(exp -> assertThat(exp)
                .isBetween(before.plus(Duration.ofMinutes(59)), before.plus(Duration.ofMinutes(61))));
    }

    @Test
    void expiryFollowsTheJwtTheServerIssued() {
        bw.vendor.setJwtLifetime(Duration.ofMinutes(5));

        Instant exp = bw.login().expiresAt().orElseThrow();

        assertThat(exp).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
    }

    @Test
    void loginPassesEveryDerivedCredentialToTheSinkAtOnce() {
        BitwardenSession session = bw.login();

        List<String> sunk = bw.sunkValues();
        List<String> parts = SimulatedBitwarden.partsOf(bw.vendor.demoAccessToken());
        assertThat(sunk).contains(parts.get(1), parts.get(2)); // client secret and key part
        assertThat(bw.sunk)
                .extracting(s -> s.name())
                .contains("Bitwarden access token JWT", "Bitwarden organization key");
        String jwt = bw.sunk.stream()
                .filter(s -> s.name().equals("Bitwarden access token JWT"))
                .findFirst()
                .orElseThrow()
                .reveal();
        assertThat(jwt.split("\\.")).hasSize(3);
        assertThat(session.toString()).doesNotContain(jwt);
    }

    @Test
    void sendsTheSdkIdentityRequestAndBearerCalls() {
        bw.login().listProjects();

        var login = bw.server.requests().stream()
                .filter(r -> r.path().equals("/bitwarden/identity/connect/token"))
                .findFirst()
                .orElseThrow();
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.header("Device-Type")).contains("21");
        assertThat(login.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/x-www-form-urlencoded"));
        var projects = bw.server.requests().stream()
                .filter(r -> r.path().endsWith("/projects"))
                .findFirst()
                .orElseThrow();
        assertThat(projects.path())
                .isEqualTo("/bitwarden/api/organizations/" + bw.vendor.organizationId() + "/projects");
        assertThat(projects.header("Authorization"))
                .hasValueSatisfying(a -> assertThat(a).startsWith("Bearer ey"));
        assertThat(projects.header("Device-Type")).contains("21");
    }

    @Test
    void listsTheOrganizationsSecretsWithDecryptedKeys() {
        List<SecretSummary> secrets = bw.login().listSecrets(SecretScope.organization());

        assertThat(secrets)
                .extracting(SecretSummary::key)
                .containsExactly("DATABASE_URL", "DEPLOY_KEY", "SERVICE_ACCOUNT_JSON", "STAGING_API_TOKEN");
        assertThat(secrets.get(0).id()).isEqualTo(bw.vendor.secretId("DATABASE_URL"));
        assertThat(secrets.get(0).projectIds())
                .containsExactly(bw.vendor.projectIds().get(0));
    }

    @Test
    void listsTheSecretsOfOneProject() {
        String staging = bw.vendor.projectIds().get(1);

        List<SecretSummary> secrets = bw.login().listSecrets(SecretScope.project(staging));

        assertThat(secrets).extracting(SecretSummary::key).containsExactly("STAGING_API_TOKEN");
    }

    @Test
    void getsOneSecretWithValueAndNote() {
        String id = bw.vendor.secretId("DATABASE_URL");

        List<FetchedSecret> got = bw.login().getSecrets(List.of(id));

        assertThat(got).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("DATABASE_URL");
            assertThat(s.value().reveal()).isEqualTo("postgres://app:s3cr3t-Demo-Passw0rd@db.internal:5432/app");
            assertThat(s.value().name()).isEqualTo("DATABASE_URL");
            assertThat(s.note()).isEqualTo("Production database");
            assertThat(s.toString()).doesNotContain("s3cr3t");
        });
        assertThat(bw.server.requests()).anyMatch(r -> r.path().equals("/bitwarden/api/secrets/" + id));
    }

    @Test
    void getsManySecretsInOneBulkRequestInTheOrderAsked() {
        BitwardenSession session = bw.login();
        List<String> ids = List.of(
                bw.vendor.secretId("SERVICE_ACCOUNT_JSON"),
                bw.vendor.secretId("DEPLOY_KEY"),
                bw.vendor.secretId("DATABASE_URL"));

        List<FetchedSecret> got = session.getSecrets(ids);

        assertThat(got)
                .extracting(FetchedSecret::key)
                .containsExactly("SERVICE_ACCOUNT_JSON", "DEPLOY_KEY", "DATABASE_URL");
        assertThat(got.get(0).value().reveal())
                .startsWith("{\"type\":\"service_account\"")
                .contains("\\\"quoted\\\"");
        assertThat(got.get(1).value().reveal()).startsWith(PEM_HEAD).endsWith("-----END OPENSSH PRIVATE KEY-----\n");
        assertThat(got.get(2).note()).isEqualTo("Production database");
        assertThat(bw.server.requests().stream().filter(r -> r.path().endsWith("/secrets/get-by-ids")))
                .hasSize(1);
    }

    @Test
    void everyFetchedValueReachesTheSink() {
        BitwardenSession session = bw.login();
        int before = bw.sunk.size();

        List<FetchedSecret> all = session.getSecrets(SecretScope.organization());

        assertThat(all).hasSize(4);
        assertThat(bw.sunkValues().subList(before, bw.sunk.size()))
                .containsExactlyInAnyOrderElementsOf(
                        all.stream().map(s -> s.value().reveal()).toList());
    }

    @Test
    void fetchesTheWholeProjectWithValues() {
        String deploy = bw.vendor.projectIds().get(0);

        List<FetchedSecret> got = bw.login().getSecrets(SecretScope.project(deploy));

        assertThat(got)
                .extracting(FetchedSecret::key)
                .containsExactly("DATABASE_URL", "DEPLOY_KEY", "SERVICE_ACCOUNT_JSON");
        assertThat(got).allSatisfy(s -> assertThat(s.projectIds()).containsExactly(deploy));
    }

    @Test
    void seesSecretsAddedAfterStartWithUnicodeAndEmptyValues() {
        String unicode = bw.vendor.addSecret(
                "UNICODE", "päss ✓ 🔑", "", bw.vendor.projectIds().get(1));
        String empty = bw.vendor.addSecret(
                "EMPTY", "", "empty on purpose", bw.vendor.projectIds().get(1));

        List<FetchedSecret> got = bw.login().getSecrets(List.of(unicode, empty));

        assertThat(got.get(0).value().reveal()).isEqualTo("päss ✓ 🔑");
        assertThat(got.get(1).value().isEmpty()).isTrue();
    }

    @Test
    void listsAndGetsProjectsWithDecryptedNames() {
        BitwardenSession session = bw.login();

        List<Project> projects = session.listProjects();
        Project one = session.getProject(bw.vendor.projectIds().get(1));

        assertThat(projects).extracting(Project::name).containsExactly("ci-deploy", "staging");
        assertThat(projects).allSatisfy(p -> assertThat(p.organizationId()).isEqualTo(bw.vendor.organizationId()));
        assertThat(one).isEqualTo(new Project(bw.vendor.projectIds().get(1), "staging", bw.vendor.organizationId()));
    }

    @Test
    void unknownSecretIdsAreNotFoundAndNamed() {
        BitwardenSession session = bw.login();
        String known = bw.vendor.secretId("DATABASE_URL");
        String unknown = "00000000-0000-4000-8000-000000000000";

        assertThatThrownBy(() -> session.getSecrets(List.of(unknown)))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessageContaining(unknown);
        assertThatThrownBy(() -> session.getSecrets(List.of(known, unknown)))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessageContaining(unknown);
    }

    @Test
    void unknownProjectIsNotFound() {
        BitwardenSession session = bw.login();
        String unknown = "00000000-0000-4000-8000-000000000001";

        assertThatThrownBy(() -> session.getProject(unknown))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessageContaining(unknown);
        assertThatThrownBy(() -> session.listSecrets(SecretScope.project(unknown)))
                .isInstanceOfSatisfying(
                        MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void idsThatAreNotUuidsAreAUsageErrorBeforeAnyRequest() {
        BitwardenSession session = bw.login();
        int requests = bw.server.requests().size();

        for (String bad : List.of("DATABASE_URL", "../organizations", "3c1f5a7e-9b2d-4c6e-8f0a-1b3d5f7a9c2e/x", "")) {
            assertThatThrownBy(() -> session.getSecrets(List.of(bad)))
                    .isInstanceOfSatisfying(
                            MachinistException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USAGE))
                    .hasMessageContaining("is not a Bitwarden secret id");
        }
        assertThatThrownBy(() -> session.getProject("staging")).hasMessageContaining("is not a Bitwarden project id");
        assertThat(bw.server.requests()).hasSize(requests);
    }

    @Test
    void idsAreMatchedWhateverTheirCaseOrSurroundingSpaceAndRepeatsAreFetchedOnce() {
        BitwardenSession session = bw.login();
        String id = bw.vendor.secretId("DATABASE_URL");
        String other = bw.vendor.secretId("STAGING_API_TOKEN");

        List<FetchedSecret> got = session.getSecrets(List.of(" " + id.toUpperCase() + " ", other, id));

        assertThat(got)
                .extracting(FetchedSecret::key)
                .containsExactly("DATABASE_URL", "STAGING_API_TOKEN", "DATABASE_URL");
    }

    @Test
    void emptyIdListMakesNoRequest() {
        BitwardenSession session = bw.login();
        int requests = bw.server.requests().size();

        assertThat(session.getSecrets(List.of())).isEmpty();
        assertThat(bw.server.requests()).hasSize(requests);
    }

    @Test
    void aSecondServerCanRunSideBySide() throws Exception {
        try (SimulatedBitwarden other = new SimulatedBitwarden()) {
            assertThat(other.login().identity().attributes().get("apiUrl"))
                    .isEqualTo(other.serverUrl() + "/api")
                    .isNotEqualTo(bw.serverUrl() + "/api");
        }
    }
}
