package dev.sbomgate.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The registry's digests of an artifact, read from the evidence beside it (docs/evidence.md): the Maven
 * repository's {@code .sha512} / {@code .sha256} files, npm's {@code dist.integrity} in {@code version.json}, or
 * PyPI's SHA-256 of the file in {@code version.json} (JSON API) or {@code simple.json} (PEP 691).
 * They stand in for the SBOM's declared hashes when it declares none, so bytes swapped by a server still mismatch.
 * SHA-1 and MD5 files are not read: too weak to be declared.
 */
public final class RegistryDigests {

    /** Checksum files and version documents are small; anything larger is not one. */
    static final long MAX_BYTES = Limits.REGISTRY_DOCUMENT.bytes();

    private RegistryDigests() {
    }

    /** The digests the registry published for {@code artifact}, empty when there is none beside it or it is malformed. */
    public static List<Digest> beside(Path artifact) {
        List<Digest> out = new ArrayList<>();
        checksumFile(artifact, ".sha512", HashAlgorithm.SHA_512, out);
        checksumFile(artifact, ".sha256", HashAlgorithm.SHA_256, out);
        if (out.isEmpty() && artifact.getFileName().toString().endsWith(".tgz")) {
            npmIntegrity(artifact.resolveSibling("version.json"), out);
        }
        if (out.isEmpty() && inPypiLayout(artifact)) {
            pypiDigest(artifact, out);
        }
        return List.copyOf(out);
    }

    private static boolean inPypiLayout(Path artifact) {
        Path version = artifact.getParent();
        Path project = version == null ? null : version.getParent();
        Path pypi = project == null ? null : project.getParent();
        return pypi != null && pypi.getFileName() != null && pypi.getFileName().toString().equals("pypi");
    }

    /**
     * PyPI: {@code urls[].digests.sha256} of the JSON API's version.json, or {@code files[].hashes.sha256} of a PEP 691
     * simple.json, for the entry whose {@code filename} is the artifact's name.
     */
    private static void pypiDigest(Path artifact, List<Digest> out) {
        String name = artifact.getFileName().toString();
        for (String[] source : new String[][] {{"version.json", "urls", "digests"}, {"simple.json", "files", "hashes"}}) {
            String text = read(artifact.resolveSibling(source[0]));
            if (text == null) {
                continue;
            }
            try {
                JsonNode doc = StrictJson.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), source[0]);
                for (JsonNode f : doc.path(source[1])) {
                    String hex = f.path(source[2]).path("sha256").asText("").toLowerCase(java.util.Locale.ROOT);
                    if (name.equals(f.path("filename").asText()) && Digest.isWellFormed(HashAlgorithm.SHA_256, hex)) {
                        out.add(new Digest(HashAlgorithm.SHA_256, hex));
                        return;
                    }
                }
            } catch (RuntimeException e) {
                // a malformed document declares nothing
            }
        }
    }

    private static void checksumFile(Path artifact, String suffix, HashAlgorithm algorithm, List<Digest> out) {
        Path file = artifact.resolveSibling(artifact.getFileName() + suffix);
        String text = read(file);
        if (text == null) {
            return;
        }
        // The first token: repositories write "HEX" or "HEX  file-name" (sha256sum style).
        String[] tokens = text.strip().split("\\s+", 2);
        if (tokens.length > 0 && Digest.isWellFormed(algorithm, tokens[0])) {
            out.add(new Digest(algorithm, tokens[0]));
        }
    }

    /** {@code dist.integrity} is a Subresource Integrity string (W3C SRI): {@code sha512-BASE64}, possibly several. */
    private static void npmIntegrity(Path versionJson, List<Digest> out) {
        String text = read(versionJson);
        if (text == null) {
            return;
        }
        try {
            JsonNode integrity = StrictJson.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    versionJson.toString()).path("dist").path("integrity");
            for (String part : integrity.asText("").trim().split("\\s+")) {
                int dash = part.indexOf('-');
                if (dash < 0) {
                    continue;
                }
                HashAlgorithm algorithm = switch (part.substring(0, dash)) {
                    case "sha512" -> HashAlgorithm.SHA_512;
                    case "sha384" -> HashAlgorithm.SHA_384;
                    case "sha256" -> HashAlgorithm.SHA_256;
                    default -> null;
                };
                if (algorithm != null) {
                    out.add(Digest.of(algorithm, Base64.getDecoder().decode(part.substring(dash + 1))));
                }
            }
        } catch (RuntimeException e) {
            // a malformed version document declares nothing; the artifact is then judged without a declared hash
        }
    }

    private static String read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return null;
            }
            return new String(InputFiles.read(file, Limits.REGISTRY_DOCUMENT), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
