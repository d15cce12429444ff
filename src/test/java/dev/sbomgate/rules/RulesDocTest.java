package dev.sbomgate.rules;
import dev.sbomgate.finding.RuleId;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is generated from the rules' own explain texts, so the documentation cannot drift from what
 * {@code sbomgate explain} prints. Regenerate with {@code SBOMGATE_UPDATE_DOCS=1 mvn test -Dtest=RulesDocTest}.
 */
class RulesDocTest {
    private static final Path DOC = Path.of("docs/rules.md");

    static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Rules\n\n");
        md.append("Generated from each rule's `explain()` text (the output of `sbomgate explain RULE`); do not edit by hand.\n");
        md.append("Severities are the defaults of `policies/default.yaml`; a policy can change them (docs/policy.md).\n\n");
        md.append("| rule | category | default | detects |\n|---|---|---|---|\n");
        for (Rule rule : Rules.all()) {
            RuleId id = rule.id();
            md.append("| [`").append(id.name()).append("`](#").append(id.name().toLowerCase(Locale.ROOT)).append(") | ")
                    .append(id.category().name().toLowerCase(Locale.ROOT)).append(" | ").append(id.defaultSeverity().label())
                    .append(" | ").append(id.summary()).append(" |\n");
        }
        for (Rule rule : Rules.all()) {
            md.append("\n## ").append(rule.id().name()).append("\n\n```text\n").append(rule.explain().strip()).append("\n```\n");
        }
        return md.toString();
    }

    @Test
    void docsRulesMdMatchesTheExplainTexts() throws IOException {
        String expected = render();
        if (System.getenv("SBOMGATE_UPDATE_DOCS") != null) {
            Files.writeString(DOC, expected);
        }
        assertEquals(expected, Files.exists(DOC) ? Files.readString(DOC) : "",
                "docs/rules.md is stale: regenerate with SBOMGATE_UPDATE_DOCS=1 mvn test -Dtest=RulesDocTest");
    }
}
