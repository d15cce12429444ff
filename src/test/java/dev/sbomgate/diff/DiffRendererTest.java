package dev.sbomgate.diff;

import static dev.sbomgate.diff.TestComponents.c;
import static dev.sbomgate.diff.TestComponents.hex64;
import static dev.sbomgate.diff.TestComponents.inventory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Inventory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiffRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Component> baselineComponents() {
        return List.of(
                c("pkg:maven/commons-io/commons-io@2.11.0").sha256('a').publisher("The Apache Software Foundation").build(),
                c("pkg:maven/com.example/stable@1.0").sha256('c').license("MIT").build(),
                c("pkg:npm/left-pad@1.3.0").sha256('e').build(),
                c("pkg:pypi/requests@2.32.0").build());
    }

    private static List<Component> candidateComponents() {
        return List.of(
                c("pkg:maven/commons-io/commons-io@2.21.0").sha256('b').publisher("The Apache Software Foundation").build(),
                c("pkg:maven/com.example/stable@1.0").sha256('d').license("BUSL-1.1").build(),
                c("pkg:npm/left-pad@1.2.0").sha256('f').build(),
                c("pkg:maven/org.apache.commons/commons-text@1.12.0").build());
    }

    private static DiffReport report(List<Component> baseline, List<Component> candidate) {
        return DiffReport.of(inventory("old.cdx.json", baseline.toArray(Component[]::new)),
                inventory("new.cdx.json", candidate.toArray(Component[]::new)));
    }

    @Test
    void textGroupsByKindAndEndsWithASummary() {
        String text = DiffTextRenderer.render(report(baselineComponents(), candidateComponents()));
        assertEquals(String.join("\n",
                "Baseline:  old.cdx.json (4 components)",
                "Candidate: new.cdx.json (4 components)",
                "",
                "Added (1)",
                "  pkg:maven/org.apache.commons/commons-text  1.12.0",
                "",
                "Removed (1)",
                "  pkg:pypi/requests  2.32.0",
                "",
                "Upgraded (1)",
                "  pkg:maven/commons-io/commons-io  2.11.0 -> 2.21.0  (minor)",
                "",
                "Downgraded (1)",
                "  pkg:npm/left-pad  1.3.0 -> 1.2.0  (minor)",
                "",
                "Same version, different hashes (1)",
                "  pkg:maven/com.example/stable  1.0  SHA-256 differ",
                "      was SHA-256:" + hex64('c'),
                "      now SHA-256:" + hex64('d'),
                "",
                "License changed (1)",
                "  pkg:maven/com.example/stable  MIT -> BUSL-1.1",
                "",
                "6 changes in 5 components: 1 added, 1 removed, 1 upgraded, 1 downgraded, 1 same version, different hashes, "
                        + "1 license changed.",
                ""), text);
    }

    @Test
    void textSaysNoChangesWhenThereAreNone() {
        String text = DiffTextRenderer.render(report(baselineComponents(), baselineComponents()));
        assertTrue(text.endsWith("\nNo changes.\n"), text);
        assertFalse(text.contains("("+ "0)"), text);
    }

    @Test
    void textCannotBeForgedByNamesWithLineBreaksOrBidiControls() {
        Component evil = c("evil\nNo changes.\u202e@1.0").build();
        String text = DiffTextRenderer.render(report(List.of(), List.of(evil)));
        assertTrue(text.contains("  name:evil\\u000ano changes.\\u202e  1.0\n"), text);
        assertTrue(text.lines().noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("no changes")), text);
        assertTrue(text.chars().noneMatch(ch -> ch == '\u202e'), text);
    }

    @Test
    void jsonIsByteIdenticalForTheSameInputAndForShuffledInput() {
        String first = DiffJsonRenderer.render(report(baselineComponents(), candidateComponents()));
        assertEquals(first, DiffJsonRenderer.render(report(baselineComponents(), candidateComponents())));
        for (int seed = 0; seed < 5; seed++) {
            List<Component> b = new ArrayList<>(baselineComponents());
            List<Component> n = new ArrayList<>(candidateComponents());
            Collections.shuffle(b, new Random(seed));
            Collections.shuffle(n, new Random(seed + 1));
            assertEquals(first, DiffJsonRenderer.render(report(b, n)));
        }
        assertFalse(first.contains("\r"));
        assertTrue(first.endsWith("}\n"));
    }

    @Test
    void jsonHasTheDocumentedShapeAndKeyOrder() throws Exception {
        JsonNode root = JSON.readTree(DiffJsonRenderer.render(report(baselineComponents(), candidateComponents())));
        assertEquals(List.of("format", "formatVersion", "baseline", "candidate", "summary", "changes"), names(root));
        assertEquals("sbomgate-diff", root.get("format").asText());
        assertEquals(1, root.get("formatVersion").asInt());
        assertEquals("old.cdx.json", root.get("baseline").get("source").asText());
        assertEquals(4, root.get("candidate").get("components").asInt());
        JsonNode summary = root.get("summary");
        assertEquals(6, summary.get("changes").asInt());
        assertEquals(5, summary.get("components").asInt());
        List<String> kinds = new ArrayList<>();
        for (ChangeKind k : ChangeKind.values()) {
            kinds.add(k.name());
        }
        assertEquals(kinds, names(summary.get("byKind")), "every kind, in enum order, zeros included");
        assertEquals(0, summary.get("byKind").get("SUPPLIER_CHANGED").asInt());

        JsonNode changes = root.get("changes");
        assertEquals(6, changes.size());
        for (JsonNode change : changes) {
            assertEquals(List.of("kind", "identity", "aspect", "before", "after", "update", "note", "baseline", "candidate"),
                    names(change));
        }
        List<String> identities = new ArrayList<>();
        changes.forEach(c -> identities.add(c.get("identity").asText()));
        List<String> sorted = new ArrayList<>(identities);
        Collections.sort(sorted);
        assertEquals(sorted, identities, "changes sorted by identity");

        JsonNode upgrade = changes.get(2);
        assertEquals("UPGRADED", upgrade.get("kind").asText());
        assertEquals("MINOR", upgrade.get("update").asText());
        assertEquals("pkg:maven/commons-io/commons-io@2.11.0", upgrade.get("baseline").get("purl").asText());
        assertEquals(List.of("purl", "group", "name", "version", "bomRef"), names(upgrade.get("baseline")));
        JsonNode added = changes.get(3);
        assertEquals("ADDED", added.get("kind").asText());
        assertTrue(added.get("baseline").isNull());
        assertTrue(added.get("before").isNull());
    }

    @Test
    void jsonCountsMatchTheChanges() throws Exception {
        Inventory same = inventory(null, c("pkg:maven/g/a@1").build());
        JsonNode root = JSON.readTree(DiffJsonRenderer.render(DiffReport.of(same, same)));
        assertEquals("baseline", root.get("baseline").get("source").asText());
        assertEquals(0, root.get("summary").get("changes").asInt());
        assertEquals(0, root.get("changes").size());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
