package dev.sbomgate.signature.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.text.Untrusted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Verifies the npm registry's signatures of one version ({@code dist.signatures} of its version document): each entry
 * is an ECDSA P-256 / SHA-256 signature, DER-encoded and base64, over the UTF-8 bytes of
 * {@code NAME@VERSION:INTEGRITY}, where INTEGRITY is {@code dist.integrity} exactly as served (npm's
 * {@code lib/utils/verify-signatures.js}). The signature binds the tarball only through INTEGRITY, so its
 * {@code sha512-} part must equal the tarball's SHA-512 (else BAD_SIGNATURE: the document vouches for other bytes).
 * The signature carries no time: the caller passes the time to judge key expiry at (the publish attestation's
 * verified time, else the document's unverified {@code time}); a signature dated after its key's {@code expires} is
 * KEY_EXPIRED. Immutable and thread-safe.
 */
public final class NpmRegistrySignatures {

    /** A version document holds a handful of signatures (one per key in use); more is not a registry's document. */
    static final int MAX_SIGNATURES = 16;

    private final List<RegistryKey> keys;

    /** @param keys the registry keys pinned for the registry the version document came from */
    public NpmRegistrySignatures(List<RegistryKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * One check per {@code dist.signatures} entry; empty when the document has none (evidence of absence), one
     * MALFORMED check when the document cannot be read.
     *
     * @param document      the version document's bytes
     * @param documentFile  names it in results
     * @param name          the package name the SBOM names (scoped: {@code @scope/name})
     * @param version       its version
     * @param tarballSha512 the SHA-512 computed from the tarball
     * @param signedAt      the time the signature is judged at, or null when none is known
     * @param timeVerified  whether {@code signedAt} comes from a verified source (shown)
     */
    public List<SignatureCheck> verify(byte[] document, Path documentFile, String name, String version,
                                       byte[] tarballSha512, Instant signedAt, boolean timeVerified) {
        Objects.requireNonNull(document, "document");
        JsonNode root;
        try {
            root = StrictJson.parse(document, documentFile.toString());
        } catch (RuntimeException e) {
            return List.of(failed(SignatureStatus.MALFORMED, documentFile, "the version document is not valid JSON: "
                    + Untrusted.printable(String.valueOf(e.getMessage()))));
        }
        JsonNode dist = root.path("dist");
        JsonNode signatures = dist.path("signatures");
        if (signatures.isMissingNode() || signatures.isNull()) {
            return List.of();
        }
        if (!signatures.isArray() || signatures.size() > MAX_SIGNATURES) {
            return List.of(failed(SignatureStatus.MALFORMED, documentFile, "dist.signatures is not an array of at most "
                    + MAX_SIGNATURES + " entries"));
        }
        String docName = root.path("name").asText(null);
        String docVersion = root.path("version").asText(null);
        if (!name.equals(docName) || !version.equals(docVersion)) {
            return List.of(failed(SignatureStatus.BAD_SIGNATURE, documentFile, "the version document is for "
                    + Untrusted.printable(docName + "@" + docVersion) + ", not " + Untrusted.printable(name + "@" + version)));
        }
        JsonNode integrityNode = dist.path("integrity");
        if (!integrityNode.isTextual()) {
            return List.of(failed(SignatureStatus.MALFORMED, documentFile, "the version document has no dist.integrity"
                    + " for its signatures to cover"));
        }
        String integrity = integrityNode.textValue();
        String binding = bindingProblem(integrity, tarballSha512);
        List<SignatureCheck> out = new ArrayList<>();
        for (JsonNode entry : signatures) {
            out.add(verifyOne(entry, documentFile, name + "@" + version + ":" + integrity, binding, signedAt, timeVerified));
        }
        return out;
    }

    /** Null when the integrity's SHA-512 is the tarball's; else why not. */
    private static String bindingProblem(String integrity, byte[] tarballSha512) {
        // W3C Subresource Integrity: space-separated "alg-base64" tokens; npm writes one sha512 token.
        String sha512 = null;
        for (String token : integrity.trim().split("\\s+")) {
            if (token.startsWith("sha512-")) {
                sha512 = token.substring("sha512-".length());
            }
        }
        if (sha512 == null) {
            return "dist.integrity '" + Untrusted.printable(integrity) + "' names no SHA-512, so the signature binds no"
                    + " tarball this verifier can check";
        }
        byte[] declared;
        try {
            declared = Base64.getDecoder().decode(sha512);
        } catch (IllegalArgumentException e) {
            return "dist.integrity's SHA-512 is not base64";
        }
        if (!MessageDigest.isEqual(declared, tarballSha512)) {
            return "dist.integrity names SHA-512 " + HexFormat.of().formatHex(declared).substring(0, 16)
                    + "… but the tarball's is " + HexFormat.of().formatHex(tarballSha512).substring(0, 16)
                    + "…: the signed document vouches for other bytes";
        }
        return null;
    }

    private SignatureCheck verifyOne(JsonNode entry, Path file, String message, String binding, Instant signedAt,
                                     boolean timeVerified) {
        String keyid = entry.path("keyid").asText(null);
        String sig = entry.path("sig").asText(null);
        if (keyid == null || sig == null) {
            return failed(SignatureStatus.MALFORMED, file, "a dist.signatures entry lacks 'keyid' or 'sig'");
        }
        String shownKey = Untrusted.printable(keyid);
        RegistryKey key = keys.stream().filter(k -> k.keyid().equals(keyid)).findFirst().orElse(null);
        if (key == null) {
            return new SignatureCheck(SignatureKind.NPM_REGISTRY_SIGNATURE, SignatureStatus.UNKNOWN_KEY, null, null,
                    shownKey, signedAt, "ECDSA-P256/SHA-256", file, "registry signature by key " + shownKey
                    + ", which no registry key pin of the trust store holds for this registry; import the registry's"
                    + " keys document with 'sbomgate trust add-registry-keys'");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return check(SignatureStatus.MALFORMED, key, signedAt, file, "the registry signature is not base64");
        }
        boolean valid;
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(key.key());
            ecdsa.update(message.getBytes(StandardCharsets.UTF_8));
            valid = ecdsa.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            return check(SignatureStatus.BAD_SIGNATURE, key, signedAt, file, "the registry signature by " + shownKey
                    + " does not verify over '" + Untrusted.printable(message) + "': the name, version or integrity was"
                    + " changed");
        }
        if (binding != null) {
            return check(SignatureStatus.BAD_SIGNATURE, key, signedAt, file, "the registry signature verifies, but "
                    + binding);
        }
        String when = signedAt == null ? "no publish time known" : "published " + signedAt
                + (timeVerified ? " (time of the verified publish attestation)" : " (the version document's time, unverified)");
        if (key.expires() != null && (signedAt == null || signedAt.isAfter(key.expires()))) {
            return check(SignatureStatus.KEY_EXPIRED, key, signedAt, file, "registry signature by " + shownKey
                    + " verifies, but the key expired " + key.expires() + " and the version was " + when
                    + (signedAt == null ? "" : " after it"));
        }
        return check(SignatureStatus.VERIFIED, key, signedAt, file, "registry signature by " + shownKey
                + " verified over name@version:integrity, integrity equal to the tarball's SHA-512; " + when);
    }

    private static SignatureCheck check(SignatureStatus status, RegistryKey key, Instant signedAt, Path file, String detail) {
        Fingerprint fp = key.fingerprint();
        return new SignatureCheck(SignatureKind.NPM_REGISTRY_SIGNATURE, status, fp, fp, key.keyid(), signedAt,
                "ECDSA-P256/SHA-256", file, detail);
    }

    private static SignatureCheck failed(SignatureStatus status, Path file, String detail) {
        return new SignatureCheck(SignatureKind.NPM_REGISTRY_SIGNATURE, status, null, null, null, null, null, file, detail);
    }
}
