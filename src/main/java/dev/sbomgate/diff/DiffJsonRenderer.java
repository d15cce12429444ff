package dev.sbomgate.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.model.Component;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a {@link DiffReport} as the JSON document specified in docs/diff-format.md. The tree is built in a
 * fixed key order and changes come sorted, so the same report always gives the same bytes (two-space indent,
 * {@code \n} line ends on every platform, no timestamps).
 */
public final class DiffJsonRenderer {

    /** Value of the top-level {@code format} key. */
    public static final String FORMAT = "sbomgate-diff";
    /** Value of the top-level {@code formatVersion} key; raised on incompatible changes. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectWriter WRITER = Mappers.writer(Mappers.indented(true));

    private DiffJsonRenderer() {
    }

    public static String render(DiffReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.set("baseline", source(report.baselineSource(), report.baselineCount()));
        root.set("candidate", source(report.candidateSource(), report.candidateCount()));
        ObjectNode summary = root.putObject("summary");
        summary.put("changes", report.changes().size());
        summary.put("components", report.changedComponents());
        ObjectNode byKind = summary.putObject("byKind");
        for (Map.Entry<ChangeKind, Integer> e : report.counts().entrySet()) {
            byKind.put(e.getKey().name(), e.getValue());
        }
        ArrayNode changes = root.putArray("changes");
        for (Change c : report.changes()) {
            ObjectNode node = changes.addObject();
            node.put("kind", c.kind().name());
            node.put("identity", c.identity());
            node.put("aspect", c.aspect());
            node.put("before", c.before());
            node.put("after", c.after());
            node.put("update", c.update() == null ? null : c.update().name());
            node.put("note", c.note());
            node.set("baseline", component(c.oldComponent()));
            node.set("candidate", component(c.newComponent()));
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings and numbers always serialises
        }
    }

    private static ObjectNode source(String file, int components) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("source", file);
        node.put("components", components);
        return node;
    }

    private static ObjectNode component(Component c) {
        if (c == null) {
            return null;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("purl", c.purl() == null ? null : c.purl().toString());
        node.put("group", c.group());
        node.put("name", c.name());
        node.put("version", c.effectiveVersion());
        node.put("bomRef", c.bomRef());
        return node;
    }
}
