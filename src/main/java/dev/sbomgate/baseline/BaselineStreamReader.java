package dev.sbomgate.baseline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Property;
import dev.sbomgate.model.Purl;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fast path of {@link BaselineJson#read}: reads {@code baseline.json} as a token stream straight into records,
 * never holding the document as a tree (a 100,000-component baseline is about 130 MiB of JSON and several times
 * that as a tree). It accepts only what the tree reader accepts and builds the same {@link Baseline}; for anything
 * else (a syntax error, an unknown key, a wrong type, a malformed value, or merely a layout sbomgate does not write,
 * such as {@code format} not first) it gives up, and the tree reader reads the document again to name the problem
 * with its exact message. So the rules of the format live in one place, {@link BaselineJson}, and this class
 * only has to be at least as strict.
 */
final class BaselineStreamReader {

    private static final Map<String, HashAlgorithm> ALGORITHMS = algorithms();

    /** The document is not one this reader vouches for: the tree reader decides. Carries no stack trace. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private final JsonParser parser;
    private final String source;

    private BaselineStreamReader(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    /**
     * The baseline in {@code in}, or null when the tree reader must decide (see the class comment). Reads the
     * document to its end (a trailing token means null); what the stream holds after that is not read.
     *
     * @throws IOException when {@code in} itself fails (not for malformed JSON, which gives null)
     */
    static Baseline read(InputStream in, String source) throws IOException {
        try (JsonParser parser = StrictJson.parser(in)) {
            return new BaselineStreamReader(parser, source).document();
        } catch (GiveUp | JsonProcessingException | BadInputException | IllegalArgumentException e) {
            // JsonProcessingException: syntax, a repeated key or an exceeded limit; BadInputException: the tree
            // reader's checks of a small member; IllegalArgumentException: a model record refused a value.
            return null;
        }
    }

    private Baseline document() throws IOException, GiveUp {
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        // sbomgate writes format first; the tree reader checks it before anything else, so must we.
        expect(parser.nextToken(), JsonToken.FIELD_NAME);
        if (!"format".equals(parser.currentName())) {
            throw new GiveUp();
        }
        expect(parser.nextToken(), JsonToken.VALUE_NUMBER_INT);
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw new GiveUp();
        }
        int format = parser.getIntValue();
        if (format < Baseline.OLDEST_FORMAT_READ || format > Baseline.FORMAT) {
            throw new GiveUp();
        }
        BaselineJson.SbomPart sbom = null;
        String trustStoreDigest = null;
        ApprovedTrust trust = null;
        ApprovedFeed feed = null;
        List<BaselineComponent> components = null;
        SortedMap<String, SortedSet<String>> dependencies = new TreeMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "sbom" -> {
                    expect(value, JsonToken.START_OBJECT);
                    sbom = BaselineJson.sbom(new StrictJson.Obj(StrictJson.readValue(parser), source, "sbom"), format);
                }
                case "trustStoreDigest" -> trustStoreDigest = text(value, true);
                case "trust" -> {
                    if (format < 3) {
                        throw new GiveUp();
                    }
                    JsonNode tree = value == JsonToken.VALUE_NULL ? null : objectTree(value);
                    trust = tree == null ? null : BaselineJson.trust(new StrictJson.Obj(tree, source, "trust"));
                }
                case "feed" -> {
                    if (format < 3) {
                        throw new GiveUp();
                    }
                    JsonNode tree = value == JsonToken.VALUE_NULL ? null : objectTree(value);
                    feed = tree == null ? null : BaselineJson.feed(new StrictJson.Obj(tree, source, "feed"));
                }
                case "components" -> components = components(value, format);
                case "dependencies" -> dependencies(value, dependencies);
                default -> throw new GiveUp();
            }
        }
        expect(token, JsonToken.END_OBJECT);
        if (parser.nextToken() != null || sbom == null || components == null) {
            throw new GiveUp();
        }
        return new Baseline(sbom.format(), sbom.specVersion(), sbom.encoding(), sbom.serialNumber(), sbom.version(),
                sbom.timestamp(), sbom.sha256(), sbom.schemaValid(), trustStoreDigest, trust, feed, components, dependencies);
    }

    private List<BaselineComponent> components(JsonToken value, int format) throws IOException, GiveUp {
        expect(value, JsonToken.START_ARRAY);
        List<BaselineComponent> out = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
            out.add(component(format));
        }
        expect(token, JsonToken.END_ARRAY);
        return out;
    }

    /** One element of {@code components}; the parser is on its START_OBJECT. */
    private BaselineComponent component(int format) throws IOException, GiveUp {
        boolean withContent = format >= 2;
        String bomRef = null;
        String purl = null;
        String type = null;
        String group = null;
        String name = null;
        String version = null;
        List<Digest> hashes = List.of();
        String supplier = null;
        String publisher = null;
        String author = null;
        String manufacturer = null;
        List<String> licenses = List.of();
        List<ExternalReference> references = List.of();
        String scope = null;
        List<Property> properties = List.of();
        String parentRef = null;
        List<Digest> artifactDigests = List.of();
        JsonNode signature = null;
        JsonNode content = null;
        JsonNode evidence = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "bomRef" -> bomRef = text(value, false);
                case "purl" -> purl = text(value, true);
                case "type" -> type = text(value, true);
                case "group" -> group = text(value, true);
                case "name" -> name = text(value, false);
                case "version" -> version = text(value, true);
                case "hashes" -> hashes = digests(value);
                case "supplier" -> supplier = text(value, true);
                case "publisher" -> publisher = text(value, true);
                case "author" -> author = text(value, true);
                case "manufacturer" -> manufacturer = text(value, true);
                case "licenses" -> licenses = strings(value);
                case "externalReferences" -> references = references(value);
                case "scope" -> scope = text(value, true);
                case "properties" -> properties = properties(value);
                case "parentRef" -> parentRef = text(value, true);
                case "artifactDigests" -> artifactDigests = digests(value);
                case "signature" -> signature = value == JsonToken.VALUE_NULL ? null : objectTree(value);
                case "content" -> {
                    // Format 1 predates content summaries: there the key is unknown.
                    if (!withContent) {
                        throw new GiveUp();
                    }
                    content = value == JsonToken.VALUE_NULL ? null : objectTree(value);
                }
                case "evidence" -> {
                    // Before format 3 the key is unknown.
                    if (format < 3) {
                        throw new GiveUp();
                    }
                    evidence = value == JsonToken.VALUE_NULL ? null : objectTree(value);
                }
                default -> throw new GiveUp();
            }
        }
        expect(token, JsonToken.END_OBJECT);
        if (bomRef == null || name == null) {
            throw new GiveUp();
        }
        Component component = new Component(bomRef, purl == null ? null : Purl.parse(purl), type, group, name, version,
                hashes, supplier, publisher, author, manufacturer, licenses, references, scope, properties, parentRef);
        BaselineJson.Signed signed = signature == null ? new BaselineJson.Signed(null, null, null)
                : BaselineJson.signature(new StrictJson.Obj(signature, source, "signature"));
        ContentSummary summary = content == null ? null
                : BaselineJson.content(new StrictJson.Obj(content, source, "content"));
        ComponentEvidence proved = evidence == null ? null
                : BaselineJson.evidence(new StrictJson.Obj(evidence, source, "evidence"));
        return new BaselineComponent(component, artifactDigests, signed.kind(), signed.signer(), signed.created(),
                summary, proved);
    }

    /** An array of {@code {"alg": ..., "content": ...}} objects. */
    private List<Digest> digests(JsonToken value) throws IOException, GiveUp {
        expect(value, JsonToken.START_ARRAY);
        List<Digest> out = new ArrayList<>(4);
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
            String alg = null;
            String hex = null;
            JsonToken field;
            while ((field = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken v = parser.nextToken();
                switch (key) {
                    case "alg" -> alg = text(v, false);
                    case "content" -> hex = text(v, false);
                    default -> throw new GiveUp();
                }
            }
            expect(field, JsonToken.END_OBJECT);
            HashAlgorithm algorithm = alg == null ? null : ALGORITHMS.get(alg);
            if (algorithm == null || hex == null) {
                throw new GiveUp();
            }
            out.add(new Digest(algorithm, hex));
        }
        expect(token, JsonToken.END_ARRAY);
        return out;
    }

    private List<ExternalReference> references(JsonToken value) throws IOException, GiveUp {
        List<ExternalReference> out = new ArrayList<>();
        for (String[] pair : pairs(value, "type", "url")) {
            out.add(new ExternalReference(pair[0], pair[1]));
        }
        return out;
    }

    private List<Property> properties(JsonToken value) throws IOException, GiveUp {
        List<Property> out = new ArrayList<>();
        for (String[] pair : pairs(value, "name", "value")) {
            out.add(new Property(pair[0], pair[1]));
        }
        return out;
    }

    /** An array of objects with exactly two string members, {@code first} and {@code second}, neither null. */
    private List<String[]> pairs(JsonToken value, String first, String second) throws IOException, GiveUp {
        expect(value, JsonToken.START_ARRAY);
        List<String[]> out = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
            String[] pair = new String[2];
            JsonToken field;
            while ((field = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken v = parser.nextToken();
                if (key.equals(first)) {
                    pair[0] = text(v, false);
                } else if (key.equals(second)) {
                    pair[1] = text(v, false);
                } else {
                    throw new GiveUp();
                }
            }
            expect(field, JsonToken.END_OBJECT);
            if (pair[0] == null || pair[1] == null) {
                throw new GiveUp();
            }
            out.add(pair);
        }
        expect(token, JsonToken.END_ARRAY);
        return out;
    }

    /** {@code dependencies}: null, or an object of identity to an array of identities. */
    private void dependencies(JsonToken value, SortedMap<String, SortedSet<String>> out) throws IOException, GiveUp {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        expect(value, JsonToken.START_OBJECT);
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String identity = parser.currentName();
            out.put(identity, new TreeSet<>(strings(parser.nextToken())));
        }
        expect(token, JsonToken.END_OBJECT);
    }

    /** An array of strings (no nulls). */
    private List<String> strings(JsonToken value) throws IOException, GiveUp {
        expect(value, JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
            out.add(parser.getText());
        }
        expect(token, JsonToken.END_ARRAY);
        return out;
    }

    private String text(JsonToken value, boolean nullable) throws IOException, GiveUp {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (value == JsonToken.VALUE_NULL && nullable) {
            return null;
        }
        throw new GiveUp();
    }

    /** A small object member (signature, content) as a tree, for {@link BaselineJson}'s own checks. */
    private JsonNode objectTree(JsonToken value) throws IOException, GiveUp {
        expect(value, JsonToken.START_OBJECT);
        return StrictJson.readValue(parser);
    }

    private static void expect(JsonToken token, JsonToken expected) throws GiveUp {
        if (token != expected) {
            throw new GiveUp();
        }
    }

    private static Map<String, HashAlgorithm> algorithms() {
        Map<String, HashAlgorithm> out = new HashMap<>();
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            out.putIfAbsent(algorithm.cycloneDxName(), algorithm);
        }
        return Map.copyOf(out);
    }
}
