package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A 64-bit hash of a JSON value under an equality coarser than Jackson's {@code JsonNode.equals} (which the schema
 * validator's {@code uniqueItems} uses): member order does not count, and numbers count by their double value. Equal
 * values always have equal fingerprints, so distinct fingerprints prove elements distinct; equal fingerprints prove
 * nothing and send the document to the whole-tree validation.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static long of(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                // sum: independent of member order, as JSON object equality is
                long h = 0x6F626A656374L;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    h += mix(text(e.getKey()) * 0x9E3779B97F4A7C15L + of(e.getValue()));
                }
                return mix(h);
            }
            case ARRAY: {
                long h = 0x6172726179L;
                for (JsonNode element : node) {
                    h = mix(h * 31 + of(element));
                }
                return mix(h + node.size());
            }
            case STRING:
                return mix(text(node.textValue()) ^ 0x737472L);
            case NUMBER: {
                double d = node.doubleValue();
                return mix(Double.doubleToLongBits(d == 0.0 ? 0.0 : d) ^ 0x6E756DL);
            }
            case BOOLEAN:
                return node.booleanValue() ? 0x74727565L : 0x66616C7365L;
            case NULL:
                return 0x6E756C6CL;
            default:
                return mix(text(node.toString()) ^ 0x6F74686572L);
        }
    }

    /** FNV-1a over the UTF-16 units, then mixed. */
    private static long text(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return mix(h ^ s.length());
    }

    /** The finaliser of SplitMix64. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
