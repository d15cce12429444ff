package dev.sbomgate.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.json.Mappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.cyclonedx.Format;
import org.cyclonedx.Version;

/**
 * The fast way through a CycloneDX JSON document that is valid, for large SBOMs: the top-level {@code components}
 * and {@code dependencies} arrays are read one element at a time, each element validated against the item schema
 * the document's schema applies to it ({@code #/definitions/component}, {@code #/definitions/dependency}) on all
 * cores; the rest of the document, with those arrays emptied, is validated against the whole schema. No tree of the
 * whole document is held at once. While at it, the workers convert each component into its records
 * ({@link BomConverter#ahead}, its tree then dropped) and the reading thread builds the dependency graph
 * ({@link BomConverter#addPlain}), so that little is left for the conversion in order.
 *
 * <p>It only ever says yes. Anything it does not accept, for whatever reason (a schema violation, duplicate keys,
 * nesting, two elements that might be equal, an array schema with keywords it does not
 * know), makes it answer {@code null}, and {@link JsonLoader} reads the document the whole-tree way, which produces
 * the same verdict and the same message as before this class existed. So every message about a bad document comes
 * from one place, and this class can only speed up documents that pass.
 *
 * <p>Why the split is sound: in every CycloneDX JSON schema from 1.2 to 1.6 the root is a draft-07 object schema
 * whose {@code components} and {@code dependencies} properties are {@code {"type": "array", "items": {"$ref": …},
 * "uniqueItems": true}} (plus annotations, and an {@code additionalItems} that has no effect beside an object
 * {@code items}); nothing else in the schema looks into those arrays. A document is therefore valid exactly when the
 * document with the arrays emptied is valid, every element is valid against the {@code items} schema, and no two
 * elements are equal. {@link #itemSchema} checks that shape before it streams an array, for every version.
 */
final class JsonStream {

    /** Top-level arrays read element by element. */
    private static final Set<String> STREAMED = Set.of("components", "dependencies");
    /** Keywords of an array's schema that this class enforces or that do not constrain; any other keyword means "do not stream". */
    private static final Set<String> ARRAY_KEYWORDS = Set.of("type", "items", "uniqueItems", "additionalItems",
            "title", "description", "$id", "$comment");
    /** Elements per task: large enough to amortise the hand-off, small enough to bound what is in flight. */
    private static final int BATCH = 256;
    private static final int THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    /** Batches in flight at most: the elements' trees waiting for a worker are the only per-element memory held. */
    private static final int IN_FLIGHT = 2 * THREADS + 2;

    private final ObjectMapper values;
    /** The document's bytes are known to pass their schema (approved with these very bytes): none is applied. */
    private final boolean schemaKnownValid;

    /**
     * @param constraints      the bounds of {@link JsonLoader}'s strict reader: nesting, string and number sizes
     * @param schemaKnownValid the bytes to be read passed their schema before ({@link SbomReader#approved})
     */
    JsonStream(StreamReadConstraints constraints, boolean schemaKnownValid) {
        // Values are read one at a time from inside the document; the end of the document is checked by hand.
        this.values = Mappers.valuesInside(constraints);
        this.schemaKnownValid = schemaKnownValid;
    }

    /** The document, parsed, when it is valid and this class could check that; null otherwise (read it the whole way). */
    Parsed load(Path file, byte[] bytes) {
        return load(file, bytes, null);
    }

    /** As {@link #load(Path, byte[])}, reporting where bom-refs and purls are declared to {@code lines} (or null). */
    Parsed load(Path file, byte[] bytes, SourceLines.Recorder lines) {
        List<Elements> streams = new ArrayList<>();
        JsonParser raw;
        try {
            raw = values.getFactory().createParser(bytes);
        } catch (IOException e) {
            return null;
        }
        try (JsonParser parser = lines == null ? raw : lines.watching(raw)) {
            return read(file, parser, streams);
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (StackOverflowError e) {
            // Nesting is bounded by the factory; the whole-tree path will say what is wrong.
            return null;
        } finally {
            streams.forEach(Elements::cancel);
        }
    }

    private Parsed read(Path file, JsonParser parser, List<Elements> streams) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw Fallback.INSTANCE;
        }
        ObjectNode skeleton = values.createObjectNode();
        Version version = null;
        Map<String, Elements> byName = new java.util.HashMap<>();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY && STREAMED.contains(name)) {
                Elements stream = new Elements(name.equals("components"), file);
                streams.add(stream);
                byName.put(name, stream);
                if (version != null) {
                    stream.start(schemaKnownValid ? null : itemSchema(version, name));
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    stream.add(values.readTree(parser));
                }
                skeleton.putArray(name);
                continue;
            }
            JsonNode node = values.readTree(parser);
            skeleton.set(name, node);
            if ("specVersion".equals(name)) {
                version = jsonVersion(node);
                for (Map.Entry<String, Elements> e : byName.entrySet()) {
                    e.getValue().start(schemaKnownValid ? null : itemSchema(version, e.getKey()));
                }
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            throw Fallback.INSTANCE; // trailing content, or not an object: the whole-tree read says which
        }
        if (version == null) {
            throw Fallback.INSTANCE;
        }
        JsonNode format = skeleton.get("bomFormat");
        if (format == null || !"CycloneDX".equals(format.textValue())) {
            throw Fallback.INSTANCE;
        }
        // As in JsonLoader: "$schema" only points at a schema document; the specVersion decides the schema.
        skeleton.remove("$schema");
        if (!schemaKnownValid && !LibraryCache.json(version).validate(skeleton).isEmpty()) {
            throw Fallback.INSTANCE;
        }
        boolean hasTimestamp = skeleton.path("metadata").has("timestamp");
        Elements components = byName.get("components");
        List<List<dev.sbomgate.model.Component>> converted = null;
        if (components != null) {
            skeleton.set("components", components.finish());
            converted = components.converted;
        }
        Elements dependencies = byName.get("dependencies");
        TreeMap<String, SortedSet<String>> graph = null;
        if (dependencies != null) {
            skeleton.set("dependencies", dependencies.finish());
            graph = dependencies.graph;
        }
        return new Parsed(file, Syntax.JSON, version, skeleton, Map.of(), hasTimestamp, new Parsed.Ahead(converted, graph));
    }

    /** The version a specVersion value names, when it is one the library has a JSON schema for. */
    private static Version jsonVersion(JsonNode node) {
        Version version = node.isTextual() ? Parsed.versionOf(node.textValue()) : null;
        if (version == null || !version.getFormats().contains(Format.JSON)) {
            throw Fallback.INSTANCE;
        }
        return version;
    }

    /**
     * The schema the version's document schema applies to each element of a top-level array, found by its place in
     * that schema (so with the same $ref resolution as a whole-document validation); only when the array's schema
     * has the shape this class relies on (see the class comment), else the document is not streamed.
     */
    static com.networknt.schema.Schema itemSchema(Version version, String array) {
        com.networknt.schema.Schema root = LibraryCache.json(version);
        JsonNode arraySchema = root.getSchemaNode().path("properties").path(array);
        if (!arraySchema.isObject() || !"array".equals(arraySchema.path("type").textValue())
                || !arraySchema.path("items").isObject() || !arraySchema.path("items").has("$ref")
                || arraySchema.path("items").size() != 1) {
            throw Fallback.INSTANCE;
        }
        for (Iterator<String> names = arraySchema.fieldNames(); names.hasNext(); ) {
            if (!ARRAY_KEYWORDS.contains(names.next())) {
                throw Fallback.INSTANCE;
            }
        }
        if (arraySchema.has("uniqueItems") && !arraySchema.get("uniqueItems").isBoolean()) {
            throw Fallback.INSTANCE;
        }
        return LibraryCache.jsonItems(version, array);
    }

    /** The elements of one streamed array: validated (and components converted) in batches on the worker threads, kept in order. */
    private static final class Elements {
        private final boolean components;
        private final Path file;
        /** The elements as read, in order; a component converted ahead is a JSON null here, its tree let go. */
        private final ArrayNode kept = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        /** For components: the records each converts to, when worked out ahead (BomConverter.ahead). */
        final List<List<dev.sbomgate.model.Component>> converted = new ArrayList<>();
        /** For dependencies: the graph, built here while the workers are busy, as long as every entry is plain. */
        TreeMap<String, SortedSet<String>> graph = new TreeMap<>();
        /** Equal elements have equal fingerprints; the converse may fail, which only costs a fallback. */
        private final Set<Long> fingerprints = new HashSet<>();
        private final ArrayDeque<Future<List<Result>>> pending = new ArrayDeque<>();
        /** Trees read before the spec version was known (when "specVersion" comes after the array), or the batch being filled. */
        private List<JsonNode> batch = new ArrayList<>();
        /** The item schema, or null when the document's schema is known to pass ({@link #schemaKnownValid}). */
        private com.networknt.schema.Schema schema;
        /** The spec version is known, so the elements can be checked and converted. */
        private boolean started;
        private boolean unique;
        private boolean submitted;

        Elements(boolean components, Path file) {
            this.components = components;
            this.file = file;
        }


        /** @param itemSchema what each element must pass, or null when the document is known to pass its schema */
        void start(com.networknt.schema.Schema itemSchema) {
            this.schema = itemSchema;
            this.started = true;
            // every version's schema says uniqueItems: true (itemSchema checked the shape); known-valid bytes passed it
            this.unique = itemSchema != null;
            List<JsonNode> early = batch;
            batch = new ArrayList<>();
            for (JsonNode node : early) {
                add(node);
            }
        }

        void add(JsonNode node) {
            batch.add(node);
            if (started && batch.size() >= BATCH) {
                submit();
            }
        }

        private void submit() {
            List<JsonNode> work = batch;
            batch = new ArrayList<>(BATCH);
            com.networknt.schema.Schema s = schema;
            pending.add(pool().submit(() -> process(s, work)));
            submitted = true;
            while (pending.size() > IN_FLIGHT) {
                collect(pending.poll());
            }
        }

        private List<Result> process(com.networknt.schema.Schema itemSchema, List<JsonNode> nodes) {
            List<Result> out = new ArrayList<>(nodes.size());
            for (JsonNode node : nodes) {
                if (itemSchema != null && !itemSchema.validate(node).isEmpty()) {
                    throw Fallback.INSTANCE;
                }
                List<dev.sbomgate.model.Component> records = components ? BomConverter.ahead(file, node) : null;
                out.add(new Result(node, Fingerprint.of(node), records));
            }
            return out;
        }

        private void collect(Future<List<Result>> future) {
            List<Result> results;
            try {
                results = future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Fallback.INSTANCE;
            } catch (ExecutionException | CancellationException e) {
                if (e.getCause() instanceof Error error && !(error instanceof StackOverflowError)) {
                    throw error;
                }
                throw Fallback.INSTANCE;
            }
            for (Result r : results) {
                // CycloneDX: "uniqueItems": true on the array; two elements that might be equal go the whole way
                if (unique && !fingerprints.add(r.fingerprint())) {
                    throw Fallback.INSTANCE;
                }
                // A component converted ahead is not needed as a tree any more: a null keeps its place in the array.
                if (r.converted() == null) {
                    kept.add(r.node());
                } else {
                    kept.addNull();
                }
                converted.add(r.converted());
                if (graph != null && !components && !BomConverter.addPlain(graph, r.node())) {
                    graph = null;
                }
            }
        }

        /** The array as the conversion reads it: every element in order, those converted ahead as nulls. */
        ArrayNode finish() {
            if (!started) {
                throw Fallback.INSTANCE;
            }
            if (!batch.isEmpty()) {
                List<JsonNode> last = batch;
                batch = new ArrayList<>();
                if (submitted) {
                    pending.add(pool().submit(() -> process(schema, last)));
                } else {
                    // a small array: not worth a hand-off
                    pending.add(java.util.concurrent.CompletableFuture.completedFuture(process(schema, last)));
                }
            }
            while (!pending.isEmpty()) {
                collect(pending.poll());
            }
            return kept;
        }

        void cancel() {
            pending.forEach(f -> f.cancel(false));
            pending.clear();
        }
    }

    private record Result(JsonNode node, long fingerprint, List<dev.sbomgate.model.Component> converted) {
    }

    /** Built on first use: a JSON SBOM of a few components never starts a thread. */
    private static ExecutorService pool() {
        return Pool.POOL;
    }

    private static final class Pool {
        static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "sbomgate-json-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
    }

    /** "Not accepted here; read the whole way." Carries no stack: it is control flow, not an error. */
    private static final class Fallback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Fallback INSTANCE = new Fallback();

        private Fallback() {
            super("not streamed", null, false, false);
        }
    }
}
