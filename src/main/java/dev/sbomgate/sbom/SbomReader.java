package dev.sbomgate.sbom;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a CycloneDX SBOM, JSON or XML (told apart by content), spec 1.0 to 1.7, into an {@link Inventory},
 * after validating it against its spec version's schema; anything unusable is a one-line {@link BadInputException}.
 * SPDX 2.2/2.3 JSON and tag-value ({@link SpdxReader}), SPDX 3.0.1 JSON-LD ({@link Spdx3Reader}) and npm lockfiles
 * v2/v3 ({@link NpmLockReader}) are recognised by their content ({@link Kind}) and read into the same inventory.
 *
 * <p>What is bad input, beyond files that cannot be read or are not CycloneDX: a schema violation; a spec version
 * that sbomgate has no schema for (1.8 and later; 1.7 is validated against the specification's schemas shipped in
 * the jar; a 1.7 XML document is read with the library's 1.6 beans, what they cannot bind left out first); a JSON document with duplicate keys; nesting
 * deeper than the limit; an XML document with a DOCTYPE; two components (or, in XML, any two elements) with one
 * bom-ref; a component without a name; a malformed purl; a hash whose algorithm is unknown, whose length does not
 * fit its algorithm, or that contradicts another hash of the same algorithm for the same component.
 *
 * <p>How CycloneDX maps to the inventory: components nested in {@code components} are flattened depth-first in
 * document order, with {@code parentRef}; {@code metadata.component} is the root, and components nested inside it
 * (parts of the subject itself) are not listed; a component without a bom-ref gets its purl, else
 * {@code group/name@version}, as bom-ref (with "#2", "#3"… if taken); a component's hashes are its own
 * {@code hashes} and those of its {@code distribution} external references; the timestamp is null when the
 * document has none.
 */
public final class SbomReader {

    /** Largest SBOM read by default: far above real SBOMs (tens of MB at most), far below what exhausts memory. */
    public static final long DEFAULT_MAX_BYTES = Limits.SBOM.bytes();
    /** Deepest nesting of JSON values or XML elements accepted by default; real SBOMs stay well under 50. */
    public static final int DEFAULT_MAX_DEPTH = 256;

    private final long maxBytes;
    private final int maxDepth;
    private final boolean locatingLines;
    /** SHA-256 of CycloneDX JSON bytes known to pass their schema with nothing tolerated, or null. */
    private final String schemaValidSha256;

    /** A reader with the default limits. */
    public SbomReader() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }

    /**
     * A reader with these limits that also records, during its one read, the line that declares each component
     * ({@link Document#lines()}); reports that point at lines (SARIF, annotations) ask for it, others need not pay.
     */
    public SbomReader locatingLines() {
        return new SbomReader(maxBytes, maxDepth, true, schemaValidSha256);
    }

    /**
     * A reader that does not apply the JSON schema again to a CycloneDX JSON document whose bytes have this SHA-256:
     * those of the approved SBOM, recorded in the hash-chained baseline as having passed their schema with no
     * tolerated deviation ({@code Baseline.sbomSchemaValid}). Everything else (parsing, duplicate keys, nesting,
     * bom-refs, purls, hashes) is checked as always, and other bytes are validated as always. The caller must make
     * sure the SHA-256 comes from an authenticated baseline; null reads everything in full.
     */
    public SbomReader approved(String sha256) {
        return new SbomReader(maxBytes, maxDepth, locatingLines, sha256);
    }


    /**
     * A reader with other limits.
     *
     * @param maxBytes largest file accepted, 1 byte to 1 GiB
     * @param maxDepth deepest nesting accepted, 8 to 1000
     */
    public SbomReader(long maxBytes, int maxDepth) {
        this(maxBytes, maxDepth, false, null);
    }

    private SbomReader(long maxBytes, int maxDepth, boolean locatingLines, String schemaValidSha256) {
        if (maxBytes < 1 || maxBytes > 1L << 30) {
            throw new IllegalArgumentException("maxBytes must be 1 to 1073741824, got " + maxBytes);
        }
        if (maxDepth < 8 || maxDepth > 1000) {
            throw new IllegalArgumentException("maxDepth must be 8 to 1000, got " + maxDepth);
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.locatingLines = locatingLines;
        this.schemaValidSha256 = schemaValidSha256;
    }

    /**
     * An SBOM as read: its inventory and the SHA-256 of the very bytes it was parsed from (what a report and an
     * approval record), so that no second read of the file, which may have changed or be a pipe, can disagree.
     *
     * @param sha256 lower-case hex
     * @param lines  where each component is declared; {@link SourceLines#NONE} unless the reader was
     *               {@link #locatingLines() asked} for them
     */
    public record Document(Inventory inventory, String sha256, SourceLines lines) {
        public Document {
            Objects.requireNonNull(inventory, "inventory");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(lines, "lines");
        }
    }

    /** Reads one SBOM with the default limits. */
    public static Inventory read(Path file) {
        return new SbomReader().load(file);
    }

    /** Reads one SBOM with the default limits, with the SHA-256 of the bytes read. */
    public static Document readDocument(Path file) {
        return new SbomReader().loadDocument(file);
    }

    /** Reads one SBOM; throws {@link BadInputException} naming the file and the problem when it cannot be used. */
    public Inventory load(Path file) {
        return loadDocument(file).inventory();
    }

    /** As {@link #load}, with the SHA-256 of the bytes read. */
    public Document loadDocument(Path file) {
        Objects.requireNonNull(file, "file");
        return parse(file, readBounded(file));
    }

    /**
     * As {@link #loadDocument(Path)}, from a stream (standard input, {@code --sbom -}) read whole, at most this
     * reader's size limit, before parsing; {@code name} names it in messages and reports.
     */
    public Document loadDocument(Path name, InputStream in) {
        Objects.requireNonNull(name, "name");
        try {
            return parse(name, InputFiles.read(in, name.toString(), Limits.SBOM.withBytes(maxBytes)));
        } catch (IOException e) {
            throw Parsed.bad(name, "cannot be read: " + Untrusted.message(e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private Document parse(Path file, byte[] bytes) {
        String sha256 = Digest.of(HashAlgorithm.SHA_256, sha256(bytes)).hex();
        if (bytes.length == 0) {
            throw Parsed.bad(file, "is empty (0 bytes), expected a CycloneDX SBOM in JSON or XML");
        }
        Syntax syntax;
        try {
            syntax = Syntax.sniff(bytes);
        } catch (Syntax.NotRecognised e) {
            if (SpdxTagValue.looksLike(bytes)) {
                return new Document(SpdxReader.tagValue(file, bytes), sha256, SourceLines.NONE);
            }
            throw Parsed.bad(file, "not a CycloneDX SBOM: " + e.getMessage());
        }
        try {
            if (syntax == Syntax.JSON) {
                JsonLoader loader = new JsonLoader(maxDepth);
                Kind kind = Kind.of(loader.factory(), bytes);
                if (kind == Kind.SPDX2) {
                    return new Document(SpdxReader.json(file, loader.readTree(file, bytes)), sha256, SourceLines.NONE);
                } else if (kind == Kind.SPDX3) {
                    return new Document(Spdx3Reader.read(file, loader.readTree(file, bytes)), sha256, SourceLines.NONE);
                } else if (kind == Kind.NPM_LOCK) {
                    return new Document(NpmLockReader.read(file, loader.readTree(file, bytes)), sha256, SourceLines.NONE);
                }
            }
            SourceLines.Recorder recorder = locatingLines ? new SourceLines.Recorder() : null;
            JsonLoader json = syntax == Syntax.JSON ? new JsonLoader(maxDepth, recorder, sha256.equals(schemaValidSha256)) : null;
            XmlLoader xml = syntax == Syntax.XML ? new XmlLoader(maxDepth, recorder) : null;
            Parsed parsed = json != null ? json.load(file, bytes) : xml.load(file, bytes);
            bytes = null; // the file's bytes (up to the size limit) are not needed while converting
            Inventory inventory = BomConverter.convert(parsed);
            if (json != null ? json.next() : xml.next()) {
                inventory = Inventories.withSpecVersion(inventory, SpecSchemas.CYCLONEDX_17);
            }
            if (json != null && !json.deviations().isEmpty()) {
                inventory = Inventories.withDeviations(inventory, json.deviations());
            }
            return new Document(inventory, sha256, recorder == null ? SourceLines.NONE : recorder.lines());
        } catch (StackOverflowError e) {
            // Depth is bounded before any recursive code runs; this is the last line of defence, not the plan.
            throw Parsed.bad(file, "nested too deeply to be read (refused as hostile)");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private byte[] readBounded(Path file) {
        if (Files.isDirectory(file)) {
            throw Parsed.bad(file, "is a directory, expected an SBOM file");
        }
        try {
            return InputFiles.read(file, Limits.SBOM.withBytes(maxBytes));
        } catch (NoSuchFileException e) {
            throw Parsed.bad(file, "no such file");
        } catch (AccessDeniedException e) {
            throw Parsed.bad(file, "cannot be read: permission denied");
        } catch (IOException e) {
            throw Parsed.bad(file, "cannot be read: " + Untrusted.message(e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
