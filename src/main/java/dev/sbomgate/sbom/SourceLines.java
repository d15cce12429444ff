package dev.sbomgate.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The line of the SBOM's text that declares each component, so that SARIF results and annotations point at it,
 * taken from the parser's own token locations during the one read of the document (never a second read or a text
 * scan): the line of its {@code bom-ref} (JSON {@code "bom-ref": "…"}, XML {@code bom-ref="…"}), else of its
 * {@code purl}. Dependency entries name components by {@code ref}, so they never count. The first occurrence wins;
 * a component whose bom-ref was synthesised and whose purl is not in the text has no line.
 */
public final class SourceLines {
    /** No lines: the reader was not asked for them. */
    public static final SourceLines NONE = new SourceLines(Map.of(), Map.of());

    private final Map<String, Integer> bomRefLines;
    private final Map<String, Integer> purlLines;

    private SourceLines(Map<String, Integer> bomRefLines, Map<String, Integer> purlLines) {
        this.bomRefLines = bomRefLines;
        this.purlLines = purlLines;
    }

    /** bom-ref → 1-based line, for those of {@code components} that were found. */
    public Map<String, Integer> of(List<Component> components) {
        Map<String, Integer> lines = new TreeMap<>();
        Map<String, Integer> canonicalPurlLines = null; // built only if some component has no bom-ref line
        for (Component c : components) {
            Integer n = bomRefLines.get(c.bomRef());
            if (n == null && c.purl() != null) {
                if (canonicalPurlLines == null) {
                    canonicalPurlLines = new HashMap<>();
                    for (Map.Entry<String, Integer> e : purlLines.entrySet()) {
                        Optional<String> canonical = canonical(e.getKey());
                        if (canonical.isPresent()) {
                            canonicalPurlLines.merge(canonical.get(), e.getValue(), Math::min);
                        }
                    }
                }
                n = canonicalPurlLines.get(c.purl().toString());
            }
            if (n != null) {
                lines.put(c.bomRef(), n);
            }
        }
        return lines;
    }

    private static Optional<String> canonical(String purl) {
        try {
            return Optional.of(Purl.parse(purl).toString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Collects lines while a loader reads; {@link #lines()} when it is done. */
    static final class Recorder {
        private final Map<String, Integer> bomRefs = new HashMap<>();
        private final Map<String, Integer> purls = new HashMap<>();

        void bomRef(String value, int line) {
            if (value != null && line > 0) {
                bomRefs.putIfAbsent(value, line);
            }
        }

        void purl(String value, int line) {
            if (value != null && line > 0) {
                purls.putIfAbsent(value.strip(), line);
            }
        }

        SourceLines lines() {
            return new SourceLines(Map.copyOf(bomRefs), Map.copyOf(purls));
        }

        /** {@code parser}, reporting every {@code "bom-ref"} and {@code "purl"} string value it passes to this recorder. */
        JsonParser watching(JsonParser parser) {
            return new JsonParserDelegate(parser) {
                @Override
                public JsonToken nextToken() throws IOException {
                    return seen(super.nextToken());
                }

                @Override
                public JsonToken nextValue() throws IOException {
                    return seen(super.nextValue());
                }

                private JsonToken seen(JsonToken token) throws IOException {
                    if (token == JsonToken.VALUE_STRING) {
                        String name = currentName();
                        if ("bom-ref".equals(name)) {
                            bomRef(getText(), currentTokenLocation().getLineNr());
                        } else if ("purl".equals(name)) {
                            purl(getText(), currentTokenLocation().getLineNr());
                        }
                    }
                    return token;
                }
            };
        }
    }
}
