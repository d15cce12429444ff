package dev.sbomgate.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Which JSON input a document is, told by its top-level keys, never by its file name: CycloneDX
 * ({@code bomFormat}), SPDX 2.x ({@code spdxVersion}), SPDX 3 JSON-LD ({@code @context} with {@code @graph}), an npm
 * lockfile ({@code lockfileVersion} with {@code packages}). The top level is read until the first deciding key
 * (the others' values skipped, not built); anything undecided or malformed is left to the CycloneDX reader, whose
 * messages say what is wrong.
 */
enum Kind {
    CYCLONEDX, SPDX2, SPDX3, NPM_LOCK;

    static Kind of(JsonFactory factory, byte[] bytes) {
        boolean context = false;
        boolean graph = false;
        boolean lockfile = false;
        boolean packages = false;
        try (JsonParser p = factory.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return CYCLONEDX;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                switch (name) {
                    case "bomFormat" -> {
                        return CYCLONEDX;
                    }
                    case "spdxVersion" -> {
                        return SPDX2;
                    }
                    case "@context" -> context = true;
                    case "@graph" -> graph = true;
                    case "lockfileVersion" -> lockfile = true;
                    case "packages" -> packages = true;
                    default -> {
                    }
                }
                if (context && graph) {
                    return SPDX3;
                }
                p.nextToken();
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            return CYCLONEDX;
        }
        return lockfile && packages ? NPM_LOCK : CYCLONEDX;
    }
}
