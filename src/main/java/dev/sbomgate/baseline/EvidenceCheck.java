package dev.sbomgate.baseline;

import dev.sbomgate.model.Digest;
import dev.sbomgate.model.Fingerprint;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One piece of evidence that verified at approval (docs/formats.md §1.2 {@code checks[]}): what would be needed to
 * reuse the result later without verifying it again (issue 17).
 *
 * @param kind            what was verified
 * @param file            the evidence file's name relative to the component's evidence location, {@code /}-separated,
 *                        no {@code ..}, e.g. {@code x.jar.asc}
 * @param sha256          SHA-256 of that file's bytes as verified, 64 lower-case hex
 * @param subject         the artifact digest the evidence is bound to
 * @param signer          the pin that verified it
 * @param signingKey      the key or subkey that actually signed; null for keyless bundles
 * @param algorithm       as {@code SignatureCheck.algorithm}, or null when the verifier named none
 * @param created         the signing time used for window and expiry decisions, or null
 * @param createdVerified whether {@code created} is a signed time (then it is non-null)
 * @param trustedRoot     SHA-256 of the Sigstore trusted root a Sigstore-based result depends on; null for other kinds
 */
public record EvidenceCheck(EvidenceKind kind, String file, String sha256, Digest subject, Fingerprint signer,
                            Fingerprint signingKey, String algorithm, Instant created, boolean createdVerified,
                            String trustedRoot) implements Comparable<EvidenceCheck> {

    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_FILE_LENGTH = 1024;

    /** Sorted by kind, then file (then the rest, so that the order never depends on input order). */
    private static final Comparator<EvidenceCheck> ORDER = Comparator.comparing(EvidenceCheck::kind)
            .thenComparing(EvidenceCheck::file).thenComparing(EvidenceCheck::sha256)
            .thenComparing(EvidenceCheck::signer).thenComparing(c -> String.valueOf(c.created()));

    public EvidenceCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "a check names the artifact digest it is bound to (subject)");
        Objects.requireNonNull(signer, "a check names the pin that verified it (signer)");
        checkFile(file);
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a check's sha256 is the evidence file's SHA-256, 64 lower-case hex digits,"
                    + " got " + (sha256 == null ? "none" : "'" + sha256 + "'"));
        }
        if (createdVerified && created == null) {
            throw new IllegalArgumentException("createdVerified is true but the check has no created time");
        }
        if (kind.sigstoreBased() != (trustedRoot != null)) {
            throw new IllegalArgumentException(kind.sigstoreBased()
                    ? "a " + kind + " check records the SHA-256 of the Sigstore trusted root it depends on (trustedRoot)"
                    : "a " + kind + " check does not depend on a Sigstore trusted root: trustedRoot must be null");
        }
        if (trustedRoot != null && !SHA256_HEX.matcher(trustedRoot).matches()) {
            throw new IllegalArgumentException("trustedRoot is a SHA-256, 64 lower-case hex digits, got '" + trustedRoot + "'");
        }
    }

    private static void checkFile(String file) {
        if (file == null || file.isEmpty() || file.length() > MAX_FILE_LENGTH || file.startsWith("/")
                || file.endsWith("/") || file.contains("\\") || file.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a check's file is a relative, '/'-separated name of at most "
                    + MAX_FILE_LENGTH + " characters, got " + (file == null ? "none" : "'" + file + "'"));
        }
        for (String segment : file.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("a check's file has an empty, '.' or '..' segment: '" + file + "'");
            }
        }
    }

    @Override
    public int compareTo(EvidenceCheck other) {
        return ORDER.compare(this, other);
    }
}
