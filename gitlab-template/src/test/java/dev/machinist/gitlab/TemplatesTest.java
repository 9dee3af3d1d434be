package dev.machinist.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The component and the classic template: well-formed, consistent with each other, valid for GitLab. */
class TemplatesTest {
    private static final Path COMPONENT = Interop.templateDir().resolve("templates/machinist/template.yml");
    private static final Path CLASSIC = Interop.templateDir().resolve("Machinist.gitlab-ci.yml");
    private static final Pattern INPUT_USE = Pattern.compile("\\$\\[\\[\\s*inputs\\.([A-Za-z0-9_-]+)\\s*]]");

    @Test
    void componentIsAHeaderWithTypedDescribedInputsThenTheJobs() throws IOException {
        String text = Files.readString(COMPONENT);
        List<JsonNode> docs = documents(COMPONENT);
        assertThat(docs).hasSize(2);
        assertThat(text).contains("\n---\n");
        JsonNode header = docs.get(0);
        assertThat(fieldNames(header)).containsExactly("spec");
        JsonNode inputs = header.path("spec").path("inputs");
        assertThat(inputs.size()).isGreaterThanOrEqualTo(15);
        inputs.fields().forEachRemaining(input -> {
            JsonNode spec = input.getValue();
            assertThat(spec.path("description").asText()).as(input.getKey()).isNotBlank();
            // Every input has a default: including the component must take no more than its own line.
            assertThat(spec.has("default")).as(input.getKey()).isTrue();
            assertThat(spec.has("type"))
                    .as(input.getKey() + " declares its type")
                    .isTrue();
            String type = spec.get("type").asText();
            assertThat(type).isIn("string", "number", "boolean", "array");
            if (type.equals("boolean"))
                assertThat(spec.get("default").isBoolean()).isTrue();
            if (spec.has("options")) {
                assertThat(spec.get("options")).as(input.getKey()).contains(spec.get("default"));
            }
            if (spec.has("regex")) {
                assertThat(spec.get("default").asText())
                        .matches(spec.get("regex").asText());
            }
        });
    }

    @Test
    void everyDeclaredInputIsUsedAndEveryUsedInputIsDeclared() throws IOException {
        String body = Files.readString(COMPONENT).split("\n---\n", 2)[1];
        Set<String> used = new TreeSet<>();
        Matcher m = INPUT_USE.matcher(body);
        while (m.find()) used.add(m.group(1));
        Set<String> declared =
                fieldNames(documents(COMPONENT).get(0).path("spec").path("inputs"));
        assertThat(used).isEqualTo(declared);
    }

    @Test
    void classicTemplateUsesVariablesOnlyAndOffersTheSameJobs() throws IOException {
        assertThat(Files.readString(CLASSIC)).doesNotContain("$[[");
        JsonNode classic = documents(CLASSIC).get(0);
        JsonNode component = documents(COMPONENT).get(1);
        Set<String> classicJobs = fieldNames(classic);
        classicJobs.remove("variables");
        assertThat(classicJobs).isEqualTo(fieldNames(component));
        Set<String> componentVariables =
                fieldNames(component.path(".machinist-variables").path("variables"));
        // Global, not job-level: a job-level default would beat the user's own global variables.
        Set<String> classicVariables = fieldNames(classic.path("variables"));
        assertThat(classic.path(".machinist-variables").path("variables").size())
                .isZero();
        // The component takes the image as an input, and switches the check job on by its input.
        componentVariables.addAll(List.of("MACHINIST_IMAGE", "MACHINIST_CHECK_TOKEN"));
        assertThat(classicVariables).isEqualTo(componentVariables);
        for (String job : List.of(".machinist", ".machinist-terminus", ".machinist-ssh-cert", ".machinist-setup")) {
            assertThat(classic.get(job)).as(job).isNotNull();
        }
    }

    @Test
    void setupSnippetIsInstallShVerbatimInBothTemplates() throws IOException {
        String install = Files.readString(Interop.templateDir().resolve("install.sh"));
        for (Path template : List.of(COMPONENT, CLASSIC)) {
            JsonNode jobs = documents(template).get(template == COMPONENT ? 1 : 0);
            JsonNode script = jobs.path(".machinist-setup").path("script");
            assertThat(script.size()).isEqualTo(1);
            assertThat(script.get(0).asText())
                    .as(template + " is stale: run gitlab-template/generate-templates.py")
                    .isEqualTo(install);
        }
    }

    @Test
    void templatesAreValidAgainstGitLabsCiSchema(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(gitLabCiSchema());
        List<String> problems = new ArrayList<>();
        for (Path template : List.of(COMPONENT, CLASSIC)) {
            for (JsonNode doc : documents(template)) {
                for (ValidationMessage message : schema.validate(doc)) problems.add(template + ": " + message);
            }
        }
        assertThat(problems).isEmpty();
        // The validator is not vacuous: a job with a misspelt keyword fails.
        JsonNode broken = new YAMLMapper().readTree("job:\n  scirpt: [echo]\n");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    /** GitLab's CI schema as gitlab-ci-local 4.73.0 bundles it, extracted with node (see src/test/node). */
    private static JsonNode gitLabCiSchema() throws IOException, InterruptedException {
        Path packageDir = Interop.gitlabCiLocal().toRealPath().getParent().getParent();
        Path node = Interop.onPath("node");
        Path script = Interop.templateDir().resolve("src/test/node/gitlab-ci-schema.js");
        Process p = new ProcessBuilder(node.toString(), script.toString(), packageDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] json = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return new ObjectMapper().readTree(new String(json, StandardCharsets.UTF_8));
    }

    static List<JsonNode> documents(Path yaml) throws IOException {
        try (var it = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml.toFile())) {
            return it.readAll();
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
