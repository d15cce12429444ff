package dev.sbomgate.sbom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.model.Deviation;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cyclonedx.Format;
import org.cyclonedx.Version;

/**
 * Reads a CycloneDX JSON document (spec 1.2 to 1.7): a strict read of our own into one tree, validated against the
 * library's JSON schema of the declared spec version (1.7: the bundled schema; called directly rather than through
 * {@code JsonParser.validate}, which drops the JSON path of each violation); the tree is what {@link BomConverter}
 * converts, no bean is bound. Valid documents take a faster road with the same checks and the same result
 * ({@link JsonStream}).
 */
final class JsonLoader {

    private final int maxDepth;
    private final ObjectMapper strict;
    private final JsonStream stream;
    /** The last document loaded was CycloneDX 1.7 (its Parsed says 1.6, the library's newest version). */
    private boolean next;
    /** What the last document loaded deviates from its schema in, as tolerated ({@link KnownDeviations}). */
    private List<Deviation> deviations = List.of();

    private final SourceLines.Recorder lines;
    private final boolean schemaKnownValid;

    JsonLoader(int maxDepth) {
        this(maxDepth, null);
    }

    /** @param lines where to report the lines of bom-refs and purls, or null */
    JsonLoader(int maxDepth, SourceLines.Recorder lines) {
        this(maxDepth, lines, false);
    }

    /**
     * @param lines            where to report the lines of bom-refs and purls, or null
     * @param schemaKnownValid the bytes to be read are those of an approved SBOM that passed its schema with nothing
     *                         tolerated ({@link SbomReader#approved}): the schema is not applied again
     */
    JsonLoader(int maxDepth, SourceLines.Recorder lines, boolean schemaKnownValid) {
        this.maxDepth = maxDepth;
        this.lines = lines;
        this.schemaKnownValid = schemaKnownValid;
        // Our own read comes first and is stricter than the library's: bounded nesting (hostile input could
        // otherwise exhaust the stack of the schema validator), and duplicate keys refused, so that the schema
        // validator and the bean parser cannot disagree about which of two "specVersion" or "purl" values counts.
        this.strict = Mappers.strictJson(maxDepth);
        this.stream = new JsonStream(strict.getFactory().streamReadConstraints(), schemaKnownValid);
    }

    /**
     * A valid document is read by {@link JsonStream}, element by element; a document it does not accept is read
     * here as a whole tree, which says what is wrong with it (or, if nothing is, loads it all the same).
     */
    Parsed load(Path file, byte[] bytes) {
        Parsed parsed = stream.load(file, bytes, lines);
        return parsed != null ? parsed : whole(file, bytes);
    }

    /** The strict factory (duplicate keys refused, nesting bounded), for telling inputs apart ({@link Kind}). */
    com.fasterxml.jackson.core.JsonFactory factory() {
        return strict.getFactory();
    }

    /** True when the last document loaded declared CycloneDX 1.7 (its Parsed says 1.6). */
    boolean next() {
        return next;
    }

    /** The tolerated deviations of the last document loaded (empty when it was valid). */
    List<Deviation> deviations() {
        return deviations;
    }

    /** The fast road alone: the document when {@link JsonStream} accepts it, else null (for tests). */
    Parsed streamed(Path file, byte[] bytes) {
        return stream.load(file, bytes);
    }

    /** The whole document as one tree, validated at once; the same tree is what {@link BomConverter} reads. */
    Parsed whole(Path file, byte[] bytes) {
        JsonNode root = readTree(file, bytes);
        if (!root.isObject()) {
            throw Parsed.bad(file, "not a CycloneDX SBOM: the JSON is " + kind(root)
                    + ", expected an object with \"bomFormat\": \"CycloneDX\"");
        }
        Version version = version(file, root);
        // CycloneDX 1.7 is validated against the bundled 1.7 schema
        next = SpecSchemas.CYCLONEDX_17.equals(root.path("specVersion").textValue());
        String label = next ? SpecSchemas.CYCLONEDX_17 : version.getVersionString();
        // "$schema" only points at a schema document. The 1.2 and 1.3 schemas bundled with the library pin it to
        // one revision ("bom-1.2a"), while SBOMs made by CycloneDX's own tools name later ones ("bom-1.2b",
        // "bom-1.3a"); the document is validated against its specVersion's schema whatever it points at.
        ((ObjectNode) root).remove("$schema");
        if (schemaKnownValid) {
            return new Parsed(file, Syntax.JSON, version, root, Map.of(), root.path("metadata").has("timestamp"));
        }
        List<com.networknt.schema.Error> violations;
        try {
            violations = (next ? SpecSchemas.cyclonedx17Json() : LibraryCache.json(version)).validate(root);
        } catch (RuntimeException e) {
            throw Parsed.bad(file, "cannot be checked against the CycloneDX " + label
                    + " JSON schema: " + Untrusted.message(e.getMessage()));
        }
        if (!violations.isEmpty()) {
            // a real generator's violation in a field the gate does not judge is loaded and reported; any other refuses
            KnownDeviations.Outcome outcome = KnownDeviations.sort("CycloneDX", root,
                    violations.stream().map(JsonLoader::pointerAndMessage).toList());
            if (!outcome.refused().isEmpty()) {
                throw Parsed.bad(file, Violations.describe("CycloneDX " + label + " JSON schema", outcome.refused()));
            }
            deviations = outcome.tolerated();
        }
        boolean hasTimestamp = root.path("metadata").has("timestamp");
        return new Parsed(file, Syntax.JSON, version, root, Map.of(), hasTimestamp);
    }

    /** The document as one tree: duplicate keys refused, nesting bounded; any failure a one-line bad input. */
    JsonNode readTree(Path file, byte[] bytes) {
        try {
            JsonNode node;
            if (lines == null) {
                node = strict.readTree(bytes);
            } else {
                try (JsonParser parser = lines.watching(strict.getFactory().createParser(bytes))) {
                    node = strict.readTree(parser);
                }
            }
            if (node == null || node.isMissingNode()) {
                throw Parsed.bad(file, "is empty, expected a CycloneDX SBOM");
            }
            return node;
        } catch (StreamConstraintsException e) {
            // Jackson's StreamReadConstraints: our nesting bound, and its own bounds on string and number sizes
            String limit = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (limit.contains("nesting depth")) {
                throw Parsed.bad(file, "JSON nested deeper than " + maxDepth + " levels" + at(e.getLocation())
                        + " (refused as hostile; CycloneDX SBOMs are far shallower)");
            }
            throw Parsed.bad(file, "JSON beyond a parser limit" + at(e.getLocation()) + " (refused as hostile): "
                    + Untrusted.message(limit));
        } catch (JsonProcessingException e) {
            throw Parsed.bad(file, "malformed JSON" + at(e.getLocation()) + ": " + Untrusted.message(e.getOriginalMessage()));
        } catch (IOException e) {
            throw Parsed.bad(file, "cannot be read as JSON: " + Untrusted.message(e.getMessage()));
        }
    }

    /** {@code bomFormat} and {@code specVersion} are required at the top level (CycloneDX 1.2+ JSON schema). */
    private static Version version(Path file, JsonNode root) {
        JsonNode format = root.get("bomFormat");
        if (format == null) {
            if (root.has("spdxVersion") || root.has("SPDXID")) {
                throw Parsed.bad(file, "not a CycloneDX SBOM: it is an SPDX document (has \"spdxVersion\"); "
                        + "sbomgate reads CycloneDX JSON or XML only");
            }
            throw Parsed.bad(file, "not a CycloneDX SBOM: the JSON object has no \"bomFormat\": \"CycloneDX\"");
        }
        if (!format.isTextual() || !"CycloneDX".equals(format.textValue())) {
            throw Parsed.bad(file, "not a CycloneDX SBOM: \"bomFormat\" is " + Untrusted.message(format.toString(), Text.MAX_VALUE)
                    + ", expected \"CycloneDX\"");
        }
        JsonNode spec = root.get("specVersion");
        if (spec == null || !spec.isTextual()) {
            throw Parsed.bad(file, "CycloneDX JSON without a \"specVersion\" string (found "
                    + (spec == null ? "none" : Text.quote(spec.toString())) + "), expected e.g. \"1.6\"");
        }
        Version version = SpecSchemas.CYCLONEDX_17.equals(spec.textValue()) ? Version.VERSION_16
                : Parsed.versionOf(spec.textValue());
        if (version == null) {
            throw Parsed.bad(file, "unsupported CycloneDX spec version " + Text.quote(spec.textValue())
                    + "; sbomgate reads " + Parsed.supportedVersions() + " (export the SBOM as CycloneDX 1.6)");
        }
        if (!version.getFormats().contains(Format.JSON)) {
            throw Parsed.bad(file, "declares CycloneDX " + version.getVersionString()
                    + " in JSON, but JSON exists only from CycloneDX 1.2 on");
        }
        return version;
    }

    /** A JSON schema violation: the JSON pointer of the value it is about (e.g. {@code /components/2/purl}), its message. */
    static Map.Entry<String, String> pointerAndMessage(com.networknt.schema.Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return Map.entry(location, String.valueOf(error.getMessage()));
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
