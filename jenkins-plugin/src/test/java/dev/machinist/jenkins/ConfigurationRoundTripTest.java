package dev.machinist.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Items;
import hudson.model.Label;
import hudson.tasks.Shell;
import hudson.util.FormValidation;
import hudson.util.Secret;
import java.util.List;
import org.jenkinsci.plugins.credentialsbinding.impl.SecretBuildWrapper;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Configuration survives saving and the form; freestyle jobs mask like Pipelines; Test connection works. */
@WithJenkins
class ConfigurationRoundTripTest {

    @Test
    void credentialsSurviveXmlWithTheTokenEncrypted(JenkinsRule j) throws Exception {
        PlatformTokenCredentials original = new PlatformTokenCredentials(
                CredentialsScope.GLOBAL, "webpaas-bot", "deploys", "webpaas", Secret.fromString("plain-api-token-1"));
        original.setApiUrl("https://eu.api.webpaas.example.com");
        String xml = Items.XSTREAM2.toXML(original);
        assertThat(xml).doesNotContain("plain-api-token-1").contains("webpaas");
        PlatformTokenCredentials back = (PlatformTokenCredentials) Items.XSTREAM2.fromXML(xml);
        j.assertEqualDataBoundBeans(original, back);
        assertThat(back.getToken().getPlainText()).isEqualTo("plain-api-token-1");

        BitwardenTokenCredentials bitwarden =
                new BitwardenTokenCredentials(CredentialsScope.GLOBAL, "bws", "", Secret.fromString("0.id.secret:key"));
        bitwarden.setRegion("eu");
        bitwarden.setServerUrl(" ");
        j.assertEqualDataBoundBeans(bitwarden, Items.XSTREAM2.fromXML(Items.XSTREAM2.toXML(bitwarden)));
        assertThat(bitwarden.settings()).containsOnlyKeys("region");
    }

    @Test
    void freestyleBindingRoundTripsThroughTheFormAndMasks(JenkinsRule j) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(0).with(new PantheonSimulator())) {
            PantheonSimulator pantheon = sim.vendor(PantheonSimulator.class);
            PantheonTokenCredentials credentials = new PantheonTokenCredentials(
                    CredentialsScope.GLOBAL, "pantheon-bot", "", Secret.fromString(pantheon.demoToken()));
            credentials.setApiUrl(sim.baseUri().toString());
            Simulated.store(credentials);

            MachinistBinding binding = new MachinistBinding("pantheon-bot");
            binding.setMapNames(true);
            FreeStyleProject project = j.createFreeStyleProject("freestyle");
            project.setAssignedLabel(j.createOnlineSlave(Label.get("agent")).getSelfLabel());
            project.getBuildWrappersList().add(new SecretBuildWrapper(List.of(binding)));
            project.getBuildersList().add(new Shell("echo \"t=$TERMINUS_MACHINE_TOKEN s=$MACHINIST_ACCESS_TOKEN\""));

            j.configRoundtrip(project);
            SecretBuildWrapper wrapper = project.getBuildWrappersList().get(SecretBuildWrapper.class);
            j.assertEqualDataBoundBeans(binding, wrapper.getBindings().get(0));

            FreeStyleBuild build = j.buildAndAssertSuccess(project);
            j.assertLogContains("t=**** s=****", build);
            j.assertLogNotContains(pantheon.demoToken(), build);
            j.assertLogNotContains(Simulated.bearerSentTo(sim, "/api/users/"), build);
        }
    }

    @Test
    void testConnectionShowsIdentityOrTheReason(JenkinsRule j) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(0).with(new PantheonSimulator())) {
            PantheonSimulator pantheon = sim.vendor(PantheonSimulator.class);
            PantheonTokenCredentials.DescriptorImpl descriptor =
                    j.jenkins.getDescriptorByType(PantheonTokenCredentials.DescriptorImpl.class);

            FormValidation ok = descriptor.doTestConnection(
                    null, pantheon.demoToken(), sim.baseUri().toString());
            assertThat(ok.kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(ok.getMessage()).contains("Pantheon: logged in as " + pantheon.demoFullName());

            String bad = PantheonSimulator.badToken(PantheonSimulator.BadTokenAnswer.SERVER_ERROR);
            FormValidation refused =
                    descriptor.doTestConnection(null, bad, sim.baseUri().toString());
            assertThat(refused.kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(refused.getMessage()).doesNotContain(bad);

            FormValidation empty =
                    descriptor.doTestConnection(null, "", sim.baseUri().toString());
            assertThat(empty.getMessage()).contains("Enter the token first.");
        }
    }
}
