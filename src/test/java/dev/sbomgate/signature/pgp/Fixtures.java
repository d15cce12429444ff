package dev.sbomgate.signature.pgp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test resources under {@code signature/pgp/} and the tab-separated case tables beside them. */
final class Fixtures {

    private Fixtures() {
    }

    /** A directory or file under {@code src/test/resources/signature/pgp/}. */
    static Path path(String relative) {
        URL url = Fixtures.class.getResource("/signature/pgp/" + relative);
        if (url == null) {
            throw new IllegalStateException("missing test resource signature/pgp/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a TSV file with a header line, each as column name to value. */
    static List<Map<String, String>> table(Path tsv) {
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != header.length) {
                    throw new IllegalStateException(tsv + ": row has " + cells.length + " cells, header "
                            + header.length + ": " + line);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A verifier over a comma-separated list of key files relative to {@code base}. */
    static PgpSignatureVerifier verifier(Path base, String keyList) {
        List<Path> files = new ArrayList<>();
        for (String name : Arrays.asList(keyList.split(","))) {
            files.add(base.resolve(name));
        }
        return PgpSignatureVerifier.fromKeyFiles(files);
    }

    /** '-' in a case table means "none" (or "not asserted", as the table's header comment says). */
    static String orNull(String cell) {
        return cell.equals("-") ? null : cell;
    }
}
