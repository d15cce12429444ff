package dev.sbomgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line of the SBOM text that declares each component, so that SARIF results and annotations point at it:
 * the line of its {@code bom-ref} (CycloneDX JSON {@code "bom-ref": "…"}, XML {@code bom-ref="…"}), else of its
 * {@code purl}. Dependency entries name components by {@code ref}, not {@code bom-ref}, so they never match. The
 * first occurrence wins; a component whose bom-ref was synthesised and whose purl is not in the text has no line.
 */
public final class SbomLines {
    private static final Pattern JSON_BOM_REF = Pattern.compile("\"bom-ref\"\\s*:\\s*(\"(?:[^\"\\\\]++|\\\\.)*+\")");
    private static final Pattern JSON_PURL = Pattern.compile("\"purl\"\\s*:\\s*(\"(?:[^\"\\\\]++|\\\\.)*+\")");
    private static final Pattern XML_BOM_REF = Pattern.compile("\\bbom-ref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern XML_PURL = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?purl>([^<]*)</");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SbomLines() {
    }

    /**
     * @param text       the SBOM's text, line by line
     * @param components the components read from it
     * @return bom-ref → 1-based line, for the components found
     */
    public static Map<String, Integer> locate(BufferedReader text, List<Component> components) throws IOException {
        Map<String, Integer> refLines = new HashMap<>();
        Map<String, Integer> purlLines = new HashMap<>();
        String line;
        int number = 0;
        while ((line = text.readLine()) != null) {
            number++;
            if (line.contains("bom-ref")) {
                collect(JSON_BOM_REF.matcher(line), number, refLines, true);
                collect(XML_BOM_REF.matcher(line), number, refLines, false);
            }
            if (line.contains("purl")) {
                collect(JSON_PURL.matcher(line), number, purlLines, true);
                collect(XML_PURL.matcher(line), number, purlLines, false);
            }
        }
        Map<String, Integer> lines = new TreeMap<>();
        Map<String, Integer> canonicalPurlLines = null; // built only if some component has no bom-ref line
        for (Component c : components) {
            Integer n = refLines.get(c.bomRef());
            if (n == null && c.purl() != null) {
                if (canonicalPurlLines == null) {
                    canonicalPurlLines = canonical(purlLines);
                }
                n = canonicalPurlLines.get(c.purl().toString());
            }
            if (n != null) {
                lines.put(c.bomRef(), n);
            }
        }
        return lines;
    }

    private static void collect(Matcher m, int number, Map<String, Integer> into, boolean json) {
        while (m.find()) {
            String value = json ? jsonString(m.group(1)) : xmlText(m.group(1) != null ? m.group(1) : m.group(2));
            if (value != null) {
                into.putIfAbsent(value, number);
            }
        }
    }

    private static Map<String, Integer> canonical(Map<String, Integer> purlLines) {
        Map<String, Integer> canonicalPurlLines = new HashMap<>();
        purlLines.forEach((raw, n) -> canonical(raw).ifPresent(p -> canonicalPurlLines.merge(p, n, Math::min)));
        return canonicalPurlLines;
    }

    private static String jsonString(String quoted) {
        if (quoted.indexOf('\\') < 0) {
            return quoted.substring(1, quoted.length() - 1); // no escape: the text between the quotes is the value
        }
        try {
            return MAPPER.readValue(quoted, String.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The five predefined entities and character references (XML 1.0 sections 4.1, 4.6). */
    private static String xmlText(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.indexOf('&') < 0) {
            return raw.strip();
        }
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile("&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(raw);
        int last = 0;
        while (m.find()) {
            sb.append(raw, last, m.start());
            String ref = m.group(1);
            try {
                switch (ref) {
                    case "amp" -> sb.append('&');
                    case "lt" -> sb.append('<');
                    case "gt" -> sb.append('>');
                    case "quot" -> sb.append('"');
                    case "apos" -> sb.append('\'');
                    default -> sb.appendCodePoint(ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16)
                            : Integer.parseInt(ref.substring(1)));
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
            last = m.end();
        }
        return sb.append(raw.substring(last)).toString().strip();
    }

    private static java.util.Optional<String> canonical(String purl) {
        try {
            return java.util.Optional.of(Purl.parse(purl).toString());
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
