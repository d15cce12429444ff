package dev.sbomgate.diff;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Purl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-built components for diff tests: {@code c("pkg:maven/g/a@1.0").sha256("ab…").supplier("X").build()}. */
final class TestComponents {

    private TestComponents() {
    }

    static Builder c(String purl) {
        return new Builder(purl);
    }

    static Inventory inventory(String source, Component... components) {
        return new Inventory(source == null ? null : Path.of(source), "json", "1.6", null, 1, null, null, List.of(),
                List.of(components), null);
    }

    /** A 64-hex-digit SHA-256 made of one repeated character, so tests read well. */
    static String hex64(char c) {
        return String.valueOf(c).repeat(64);
    }

    static final class Builder {
        private String bomRef;
        private Purl purl;
        private String group;
        private String name;
        private String version;
        private final List<Digest> hashes = new ArrayList<>();
        private String supplier;
        private String publisher;
        private String author;
        private String manufacturer;
        private final List<String> licenses = new ArrayList<>();
        private final List<ExternalReference> references = new ArrayList<>();

        private Builder(String purlText) {
            if (purlText.startsWith("pkg:")) {
                purl = Purl.parse(purlText);
                group = purl.namespace();
                name = purl.name();
                version = purl.version();
            } else {
                // "group:name@version" without a purl
                int at = purlText.indexOf('@');
                String coords = at < 0 ? purlText : purlText.substring(0, at);
                version = at < 0 ? null : purlText.substring(at + 1);
                int colon = coords.indexOf(':');
                group = colon < 0 ? null : coords.substring(0, colon);
                name = colon < 0 ? coords : coords.substring(colon + 1);
            }
            bomRef = purlText;
        }

        Builder bomRef(String ref) {
            bomRef = ref;
            return this;
        }

        Builder version(String v) {
            version = v;
            if (purl != null) {
                purl = purl.withVersion(v);
            }
            return this;
        }

        Builder hash(HashAlgorithm algorithm, String hex) {
            hashes.add(new Digest(algorithm, hex));
            return this;
        }

        Builder sha256(char c) {
            return hash(HashAlgorithm.SHA_256, hex64(c));
        }

        Builder sha1(char c) {
            return hash(HashAlgorithm.SHA_1, String.valueOf(c).repeat(40));
        }

        Builder supplier(String s) {
            supplier = s;
            return this;
        }

        Builder publisher(String s) {
            publisher = s;
            return this;
        }

        Builder author(String s) {
            author = s;
            return this;
        }

        Builder manufacturer(String s) {
            manufacturer = s;
            return this;
        }

        Builder license(String id) {
            licenses.add(id);
            return this;
        }

        Builder reference(String type, String url) {
            references.add(new ExternalReference(type, url));
            return this;
        }

        Builder vcs(String url) {
            return reference("vcs", url);
        }

        Component build() {
            return new Component(bomRef, purl, "library", group, name, version, hashes, supplier, publisher, author,
                    manufacturer, licenses, references, "required", List.of(), null);
        }
    }
}
