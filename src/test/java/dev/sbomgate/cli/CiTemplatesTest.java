package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CI glue agrees with itself: action.yml's inputs reach ci/github/run.sh and its outputs are ones the script
 * writes; the GitLab template's reports are files the script writes; the pre-commit hook's entry exists and is
 * executable. (What the script does is ActionScriptTest's.)
 */
class CiTemplatesTest {
    private static final String RUN = read("ci/github/run.sh");

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new AssertionError(file, e);
        }
    }

    private static JsonNode yaml(String file) throws IOException {
        return Mappers.strictYaml().readTree(read(file));
    }

    @Test
    void everyActionInputReachesTheScriptAndEveryOutputIsWrittenByIt() throws IOException {
        JsonNode action = yaml("action.yml");
        assertEquals("composite", action.at("/runs/using").asText());
        JsonNode gate = null;
        for (JsonNode step : action.at("/runs/steps")) {
            if ("gate".equals(step.path("id").asText())) {
                gate = step;
            }
        }
        assertTrue(gate != null && gate.path("run").asText().contains("ci/github/run.sh"));
        String env = gate.path("env").toString();
        for (Iterator<String> it = action.get("inputs").fieldNames(); it.hasNext(); ) {
            String input = it.next();
            boolean used = env.contains("inputs." + input + " ") || read("action.yml").contains("inputs." + input + " ==")
                    || read("action.yml").contains("${{ inputs." + input + " }}");
            assertTrue(used, "input " + input + " is used");
        }
        Matcher vars = Pattern.compile("(SBOMGATE_[A-Z_]+):").matcher(env);
        while (vars.find()) {
            assertTrue(RUN.contains("${" + vars.group(1)), vars.group(1) + " is read by run.sh");
        }
        for (Iterator<String> it = action.get("outputs").fieldNames(); it.hasNext(); ) {
            String output = it.next();
            assertTrue(RUN.contains("output " + output + " "), "run.sh writes output " + output);
            assertEquals("${{ steps.gate.outputs." + output + " }}", action.at("/outputs/" + output + "/value").asText());
        }
    }

    @Test
    void theGitlabTemplateReportsFilesTheScriptWrites() throws IOException {
        JsonNode job = yaml("ci/gitlab/sbomgate.gitlab-ci.yml").get("sbomgate");
        JsonNode reports = job.at("/artifacts/reports");
        assertEquals("sbomgate-reports/sbomgate.junit.xml", reports.get("junit").asText());
        assertEquals("sbomgate-reports/gl-code-quality-report.json", reports.get("codequality").asText());
        assertTrue(RUN.contains("\"$outdir/sbomgate.junit.xml\"") && RUN.contains("\"$outdir/gl-code-quality-report.json\""));
        String script = job.get("script").toString();
        assertTrue(script.contains("SBOMGATE_FORMATS=\\\"junit codequality\\\"") && script.contains("SBOMGATE_OUTPUT_DIR=sbomgate-reports"),
                script);
        assertTrue(script.contains("ci/github/run.sh"), "the same steps as the action");
    }

    @Test
    void thePreCommitHookRunsTheLauncher() throws IOException {
        JsonNode hooks = yaml(".pre-commit-hooks.yaml");
        List<String> ids = new ArrayList<>();
        for (JsonNode hook : hooks) {
            ids.add(hook.get("id").asText());
            assertEquals("script", hook.get("language").asText());
            Path entry = Path.of(hook.get("entry").asText().split(" ")[0]);
            assertTrue(Files.isRegularFile(entry) && Files.isExecutable(entry), entry + " is an executable in the repository");
            assertTrue(Pattern.compile(hook.get("files").asText()).matcher("service/pom.xml").find());
        }
        assertEquals(List.of("sbomgate-check"), ids);
    }
}
