package dev.sbomgate.signature.pgp;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * Checks OpenPGP detached signatures ({@code .asc}, armoured or binary) over artifacts with a fixed set of
 * public keys. Keys are parsed once; {@link #verify} may then be called from many threads at once. The
 * artifact is streamed once, whatever the number of signatures, in constant memory.
 *
 * <p>Decisions, in the order they are taken for each signature in the file:
 * <ol>
 *   <li>MALFORMED: the file is empty, over {@value #MAX_SIGNATURE_BYTES} bytes (refused before reading it),
 *       not OpenPGP, a key, a one-pass or clear-signed message, or holds more than {@value #MAX_SIGNATURES}
 *       signatures; or the signature is not over a document (type 0x00 binary or 0x01 text, RFC 9580 section
 *       5.2.1), has no hashed creation time subpacket, an unknown digest, or an unknown critical subpacket
 *       (RFC 9580, Signature Subpacket Specification). Signature packets inside one compressed data packet
 *       are accepted: Bouncy Castle 1.80 wrote real Maven Central signatures that way.</li>
 *   <li>UNKNOWN_KEY: no key of the set matches the issuer fingerprint subpacket (or, lacking one, the issuer
 *       key ID), or the signature names no issuer at all; also when it names a subkey that may not sign (no
 *       valid binding, no back-signature, key flags without signing): such a subkey is not part of the
 *       pinned key.</li>
 *   <li>BAD_SIGNATURE: the key is known but the signature does not verify over the artifact's bytes, was
 *       made before the key existed, uses another algorithm than the key, or the primary key's own
 *       self-signature forbids signing.</li>
 *   <li>KEY_REVOKED: the primary key or the signing subkey carries a valid revocation that voids the
 *       signature. Following RFC 9580 (Reason for Revocation subpacket), a "key superseded" or "key retired" revocation voids
 *       only signatures made at or after it (the key was not stolen, older releases stay good); no reason,
 *       "key compromised" or any other reason voids every signature ever made.</li>
 *   <li>KEY_EXPIRED: the primary key or the signing subkey had expired at the signature's creation time
 *       (not now: a release signed in 2021 by a key that expired in 2022 is still good).</li>
 *   <li>WEAK_CRYPTO: the digest is MD5, SHA-1 or RIPEMD-160, or the signing key (or its primary) is RSA
 *       under 2048 bits, DSA or ElGamal.</li>
 *   <li>VERIFIED otherwise.</li>
 * </ol>
 * A file with several signatures is VERIFIED when one of them is; otherwise the most telling outcome is
 * reported (revoked, expired, weak, bad, unknown, malformed, in that order), the first in file order on a
 * tie. {@link #verifyEach} reports every signature. A signature's own expiration time (subpacket 3) is not
 * judged here: it would need a clock, and Maven Central signatures carry none.
 */
public final class PgpSignatureVerifier implements SignatureVerifier {

    /** Signature files larger than this are MALFORMED, unread: a few signatures take a few KiB. */
    public static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    /** More signatures than this in one file are MALFORMED: each would cost one more pass of hashing. */
    public static final int MAX_SIGNATURES = 8;

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final PgpKeys keys;

    /** A verifier over these keys. */
    public PgpSignatureVerifier(PgpKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** A verifier over the keys of these files ({@link dev.sbomgate.model.BadInputException} if one is unusable). */
    public static PgpSignatureVerifier fromKeyFiles(Collection<Path> keyFiles) {
        return new PgpSignatureVerifier(PgpKeys.read(keyFiles));
    }

    /** The keys this verifier trusts. */
    public PgpKeys keys() {
        return keys;
    }

    /**
     * Checks a detached signature file over an artifact. Never throws for bad signature data; throws
     * {@link UncheckedIOException} only when the artifact itself cannot be read.
     */
    @Override
    public SignatureCheck verify(Path artifact, Path signatureFile) {
        return best(verifyEach(artifact, signatureFile));
    }

    /**
     * As {@link #verify(Path, Path)}, over the artifact already read into memory ({@code artifact} only names it):
     * the bytes checked are those the caller hashed and inspected.
     */
    @Override
    public SignatureCheck verify(byte[] artifactBytes, Path artifact, Path signatureFile) {
        Objects.requireNonNull(artifactBytes, "artifactBytes");
        Objects.requireNonNull(artifact, "artifact");
        return best(verifyEach(signatures -> {
            for (PGPSignature signature : signatures) {
                signature.update(artifactBytes, 0, artifactBytes.length);
            }
        }, signatureFile));
    }

    private static SignatureCheck best(List<SignatureCheck> checks) {
        SignatureCheck best = checks.get(0);
        for (SignatureCheck check : checks) {
            if (rank(check.status()) < rank(best.status())) {
                best = check;
            }
        }
        return best;
    }

    /** One check per signature in the file, in file order (a single MALFORMED check when the file is unreadable). */
    public List<SignatureCheck> verifyEach(Path artifact, Path signatureFile) {
        Objects.requireNonNull(artifact, "artifact");
        return verifyEach(signatures -> hash(artifact, signatures), signatureFile);
    }

    /** Feeds the artifact's bytes to every signature that is checked. */
    private interface Artifact {
        void feed(List<PGPSignature> signatures);
    }

    private List<SignatureCheck> verifyEach(Artifact artifact, Path signatureFile) {
        Objects.requireNonNull(signatureFile, "signatureFile");
        List<PGPSignature> signatures;
        String fileSha256 = null;
        try {
            byte[] data = readSignatureBytes(signatureFile);
            fileSha256 = SignatureCheck.sha256(data);
            signatures = parseSignatures(data);
        } catch (Malformed e) {
            return List.of(new SignatureCheck(SignatureKind.OPENPGP, SignatureStatus.MALFORMED, null, null, null, null,
                    null, signatureFile, "not a usable OpenPGP detached signature: " + e.getMessage()));
        }
        List<Attempt> attempts = new ArrayList<>();
        for (PGPSignature signature : signatures) {
            attempts.add(new Attempt(signature, signatureFile));
        }
        List<PGPSignature> active = new ArrayList<>();
        for (Attempt attempt : attempts) {
            for (Candidate candidate : attempt.candidates) {
                if (candidate.signature != null) {
                    active.add(candidate.signature);
                }
            }
        }
        if (!active.isEmpty()) {
            artifact.feed(active);
        }
        List<SignatureCheck> checks = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            SignatureCheck check = attempts.get(i).finish();
            if (attempts.size() > 1) {
                check = check.withStatus(check.status(),
                        check.detail() + " [signature " + (i + 1) + " of " + attempts.size() + " in the file]");
            }
            checks.add(check.withSignatureSha256(fileSha256));
        }
        return List.copyOf(checks);
    }

    private static void hash(Path artifact, List<PGPSignature> signatures) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(artifact)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (PGPSignature signature : signatures) {
                    signature.update(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + artifact + ": " + e, e);
        }
    }

    /** What one signature packet of the file leads to. */
    private final class Attempt {
        final PGPSignature signature;
        final Path file;
        final String issuer;
        final Instant created;
        final String hash;
        final List<Candidate> candidates = new ArrayList<>();
        /** The outcome when it is decided without reading the artifact, else null. */
        SignatureCheck decided;

        Attempt(PGPSignature signature, Path file) {
            this.signature = signature;
            this.file = file;
            this.issuer = issuerOf(signature);
            this.created = creationTime(signature);
            this.hash = PgpAlgorithms.hashName(signature.getHashAlgorithm());
            this.decided = precheck();
            if (decided == null) {
                findCandidates();
            }
        }

        private SignatureCheck precheck() {
            int type = signature.getSignatureType();
            if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
                return check(SignatureStatus.MALFORMED, null, null, null, String.format(Locale.ROOT,
                        "signature type 0x%02X is not a document signature; a detached signature over an artifact"
                                + " has type 0x00 or 0x01 (RFC 9580 section 5.2.1)", type));
            }
            if (created == null) {
                return check(SignatureStatus.MALFORMED, null, null, null,
                        "the signature has no creation time in its hashed area (RFC 9580, Signature Creation Time subpacket)");
            }
            if (hash == null) {
                return check(SignatureStatus.MALFORMED, null, null, null,
                        "unsupported digest algorithm " + signature.getHashAlgorithm());
            }
            int critical = PgpCertificate.unknownCritical(signature);
            if (critical >= 0) {
                return check(SignatureStatus.MALFORMED, null, null, null, "critical subpacket type " + critical
                        + " is not understood, so the signature must be rejected"
                        + " (RFC 9580, Signature Subpacket Specification: the critical bit)");
            }
            return null;
        }

        private void findCandidates() {
            if (issuer == null) {
                // Trying every key would hash the artifact once per key of the trust store; GnuPG does not try
                // either. RFC 9580 has signers name the issuer (Issuer Fingerprint or Issuer Key ID subpacket).
                decided = check(SignatureStatus.UNKNOWN_KEY, null, null, algorithmWithoutKey(),
                        "the signature names no issuer key, so no key of the trust store can be chosen to check it");
                return;
            }
            byte[] issuerFingerprint = PgpCertificate.issuerFingerprint(signature);
            long keyId = signature.getKeyID();
            for (PgpCertificate certificate : keys.certificates()) {
                for (PgpCertificate.Member member : certificate.members()) {
                    // The full fingerprint when the signature gives one; the 64-bit key ID only for signatures
                    // that carry nothing else (older GnuPG and Bouncy Castle signers, e.g. picocli's).
                    boolean matches = issuerFingerprint != null
                            ? Arrays.equals(issuerFingerprint, member.key.getFingerprint())
                            : keyId == member.key.getKeyID();
                    if (matches) {
                        candidates.add(new Candidate(member, signature));
                    }
                }
            }
            if (candidates.isEmpty()) {
                decided = check(SignatureStatus.UNKNOWN_KEY, null, null, algorithmWithoutKey(),
                        "signed by key " + issuer + ", which is not in the trust store; if it is a new key of the publisher,"
                                + " confirm it out of band before pinning it");
            }
        }

        SignatureCheck finish() {
            if (decided != null) {
                return decided;
            }
            SignatureCheck best = null;
            for (Candidate candidate : candidates) {
                SignatureCheck check = candidate.finish(this);
                if (best == null || rank(check.status()) < rank(best.status())) {
                    best = check;
                }
            }
            return best;
        }

        String algorithmWithoutKey() {
            return PgpAlgorithms.signatureAlgorithm(signature.getKeyAlgorithm()) + "/" + hash;
        }

        SignatureCheck check(SignatureStatus status, Fingerprint signer, Fingerprint signingKey, String algorithm,
                String detail) {
            return new SignatureCheck(SignatureKind.OPENPGP, status, signer, signingKey, issuer, created, algorithm,
                    file, detail);
        }
    }

    /** One key of the set that the signature names, with its own copy of the signature to hash into. */
    private static final class Candidate {
        final PgpCertificate.Member member;
        /** A fresh copy initialised with the member's key, or null when the outcome is already known. */
        final PGPSignature signature;
        final String problem;

        Candidate(PgpCertificate.Member member, PGPSignature original) {
            this.member = member;
            PGPSignature copy = null;
            String why = null;
            if (member.notForSigning != null) {
                why = member.notForSigning;
            } else if (!PgpAlgorithms.sameFamily(original.getKeyAlgorithm(), member.key.getAlgorithm())) {
                why = "the signature says algorithm " + PgpAlgorithms.signatureAlgorithm(original.getKeyAlgorithm())
                        + " but key " + member.fingerprint + " is " + member.algorithm;
            } else {
                try {
                    copy = copyOf(original);
                    copy.init(PgpAlgorithms.contentVerifiers(copy.getKeyAlgorithm(), copy.getHashAlgorithm(), member.key), member.key);
                } catch (Exception e) {
                    copy = null;
                    why = "cannot check it with key " + member.fingerprint + " (" + PgpCertificate.oneLine(e.getMessage()) + ")";
                }
            }
            this.signature = copy;
            this.problem = why;
        }

        SignatureCheck finish(Attempt attempt) {
            PgpCertificate certificate = member.certificate;
            PgpCertificate.Member primary = certificate.primary();
            Fingerprint signer = primary.fingerprint;
            Fingerprint signingKey = member.fingerprint;
            String algorithm = member.algorithm + "/" + attempt.hash;
            String who = who();
            if (member.notForSigning != null && !member.isPrimary()) {
                return attempt.check(SignatureStatus.UNKNOWN_KEY, null, null, algorithm, "signed by subkey "
                        + member.fingerprint + " of key " + signer + ", but that subkey may not sign: " + problem);
            }
            if (signature == null) {
                return attempt.check(SignatureStatus.BAD_SIGNATURE, signer, signingKey, algorithm,
                        "signature by " + who + " cannot be accepted: " + problem);
            }
            boolean good;
            String failure = "";
            try {
                good = signature.verify();
            } catch (Exception e) {
                good = false;
                failure = " (" + PgpCertificate.oneLine(e.getMessage()) + ")";
            }
            if (!good) {
                return attempt.check(SignatureStatus.BAD_SIGNATURE, signer, signingKey, algorithm, "signature by " + who
                        + " does not match the artifact's bytes" + failure
                        + ": the artifact or the signature was changed after signing");
            }
            Instant at = attempt.created;
            if (at.isBefore(member.created)) {
                return attempt.check(SignatureStatus.BAD_SIGNATURE, signer, signingKey, algorithm, "signature claims"
                        + " creation at " + at + ", before " + who + " was created (" + member.created + ")");
            }
            for (PgpCertificate.Member key : chain()) {
                for (PgpCertificate.Revocation revocation : key.revocations) {
                    if (revocation.voids(at)) {
                        return attempt.check(SignatureStatus.KEY_REVOKED, signer, signingKey, algorithm,
                                (key.isPrimary() ? "key " : "subkey ") + key.fingerprint + " was revoked at "
                                        + revocation.created() + " (" + revocation.reason() + ")"
                                        + (revocation.hard() ? ", which voids every signature it ever made"
                                                : ", before this signature was made at " + at));
                    }
                }
            }
            for (PgpCertificate.Member key : chain()) {
                if (key.expires != null && !at.isBefore(key.expires)) {
                    return attempt.check(SignatureStatus.KEY_EXPIRED, signer, signingKey, algorithm,
                            (key.isPrimary() ? "key " : "subkey ") + key.fingerprint + " expired at " + key.expires
                                    + ", before the signature was made at " + at);
                }
            }
            String weak = PgpAlgorithms.weakHash(attempt.signature.getHashAlgorithm());
            for (PgpCertificate.Member key : chain()) {
                if (weak == null) {
                    weak = PgpAlgorithms.weakKey(key.key);
                }
            }
            if (weak != null) {
                return attempt.check(SignatureStatus.WEAK_CRYPTO, signer, signingKey, algorithm,
                        "signature by " + who + " verifies, but " + weak);
            }
            StringBuilder detail = new StringBuilder("good signature made ").append(at).append(" by ").append(who);
            for (PgpCertificate.Member key : chain()) {
                for (PgpCertificate.Revocation revocation : key.revocations) {
                    detail.append("; note: ").append(key.fingerprint).append(" was revoked later, at ")
                            .append(revocation.created()).append(" (").append(revocation.reason())
                            .append("), which leaves earlier signatures valid");
                }
            }
            return attempt.check(SignatureStatus.VERIFIED, signer, signingKey, algorithm, detail.toString());
        }

        /** The signing key, then its primary when it is a subkey: both must be valid. */
        private List<PgpCertificate.Member> chain() {
            return member.isPrimary() ? List.of(member) : List.of(member.certificate.primary(), member);
        }

        private String who() {
            PgpCertificate certificate = member.certificate;
            String name = certificate.displayName();
            String key = member.isPrimary() ? "key " + member.fingerprint
                    : "subkey " + member.fingerprint + " of key " + certificate.primary().fingerprint;
            // User IDs are shown for the reader, never trusted: the pin is the fingerprint.
            return name == null ? key : key + " (user ID, unverified: \"" + name + "\")";
        }
    }

    private static int rank(SignatureStatus status) {
        switch (status) {
            case VERIFIED:
                return 0;
            case KEY_REVOKED:
                return 1;
            case KEY_EXPIRED:
                return 2;
            case WEAK_CRYPTO:
                return 3;
            case BAD_SIGNATURE:
                return 4;
            case UNKNOWN_KEY:
                return 5;
            default:
                return 6;
        }
    }

    /** What the signature names as its issuer: the fingerprint (hex) when it carries one, else the key ID. */
    private static String issuerOf(PGPSignature signature) {
        byte[] fingerprint = PgpCertificate.issuerFingerprint(signature);
        if (fingerprint != null) {
            return HEX.formatHex(fingerprint);
        }
        long keyId = signature.getKeyID();
        return keyId == 0 ? null : String.format(Locale.ROOT, "%016X", keyId);
    }

    /** The creation time from the hashed area (v4, v6) or the packet (v3); null when absent. */
    private static Instant creationTime(PGPSignature signature) {
        if (signature.getVersion() <= 3) {
            return signature.getCreationTime().toInstant();
        }
        PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
        if (hashed == null || hashed.getSignatureCreationTime() == null) {
            return null;
        }
        return hashed.getSignatureCreationTime().toInstant();
    }

    private static PGPSignature copyOf(PGPSignature signature) throws IOException {
        PGPObjectFactory factory = new PGPObjectFactory(signature.getEncoded(), new BcKeyFingerprintCalculator());
        return ((PGPSignatureList) factory.nextObject()).get(0);
    }

    /** The signature file's bytes, bounded by {@link #MAX_SIGNATURE_BYTES}. */
    private static byte[] readSignatureBytes(Path file) throws Malformed {
        byte[] data;
        try {
            long size = Files.size(file);
            if (size > MAX_SIGNATURE_BYTES) {
                throw new Malformed("the file is " + size + " bytes; a detached signature is at most "
                        + MAX_SIGNATURE_BYTES + " bytes here");
            }
            try (InputStream in = Files.newInputStream(file)) {
                data = in.readNBytes(MAX_SIGNATURE_BYTES + 1);
            }
        } catch (IOException e) {
            throw new Malformed("cannot read the signature file (" + e + ")");
        }
        if (data.length > MAX_SIGNATURE_BYTES) {
            throw new Malformed("the file is over " + MAX_SIGNATURE_BYTES + " bytes; a detached signature is smaller");
        }
        return data;
    }

    private static List<PGPSignature> parseSignatures(byte[] data) throws Malformed {
        if (new String(data, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new Malformed("the file is empty");
        }
        List<PGPSignature> signatures = new ArrayList<>();
        try {
            if (Armor.isArmoured(data)) {
                for (String type : Armor.types(data)) {
                    // Bouncy Castle 1.80's signer (used by maven-gpg-plugin) armours detached signatures as
                    // 'PGP MESSAGE' (picocli 4.7.7 on Maven Central); GnuPG accepts them. The armour type is only
                    // a label (RFC 9580, Forming ASCII Armor): what the packets are decides, below.
                    if (!type.equals("SIGNATURE") && !type.equals("MESSAGE")) {
                        throw new Malformed(armourProblem(type));
                    }
                }
                for (Armor.Block block : Armor.decode(data)) {
                    readBinary(block.data(), signatures, false);
                }
            } else if ((data[0] & 0x80) != 0) {
                readBinary(data, signatures, false);
            } else {
                throw new Malformed("neither an ASCII-armoured ('-----BEGIN PGP SIGNATURE-----') nor a binary"
                        + " OpenPGP signature");
            }
        } catch (IOException | RuntimeException e) {
            throw new Malformed("unreadable OpenPGP data (" + PgpCertificate.oneLine(String.valueOf(e.getMessage())) + ")");
        }
        if (signatures.isEmpty()) {
            throw new Malformed("the file holds no signature packet of a supported version (4 or 6; 3 is read too)");
        }
        return signatures;
    }

    private static void readBinary(byte[] data, List<PGPSignature> signatures, boolean insideCompressed)
            throws IOException, Malformed {
        PGPObjectFactory factory = new PGPObjectFactory(new ByteArrayInputStream(data), new BcKeyFingerprintCalculator());
        Object next;
        while ((next = factory.nextObject()) != null) {
            if (next instanceof PGPMarker || next instanceof PGPPadding) {
                continue; // RFC 9580 Marker and Padding packets: ignored wherever they appear
            }
            if (next instanceof PGPCompressedData && !insideCompressed) {
                // Bouncy Castle 1.80's signer wraps detached signatures in a compressed data packet (algorithm 0,
                // uncompressed): picocli 4.7.7's .asc files on Maven Central; GnuPG accepts them. One level is
                // allowed, its content bounded like the file itself (no decompression bomb), and it must hold
                // signature packets only: a signed message (one-pass, literal data) is still refused.
                byte[] inner;
                try (InputStream in = ((PGPCompressedData) next).getDataStream()) {
                    inner = in.readNBytes(MAX_SIGNATURE_BYTES + 1);
                } catch (PGPException e) {
                    throw new Malformed("unreadable compressed data (" + PgpCertificate.oneLine(e.getMessage()) + ")");
                }
                if (inner.length > MAX_SIGNATURE_BYTES) {
                    throw new Malformed("the compressed content is over " + MAX_SIGNATURE_BYTES + " bytes");
                }
                readBinary(inner, signatures, true);
                continue;
            }
            if (!(next instanceof PGPSignatureList)) {
                throw new Malformed(packetProblem(next));
            }
            for (PGPSignature signature : (PGPSignatureList) next) {
                signatures.add(signature);
                if (signatures.size() > MAX_SIGNATURES) {
                    throw new Malformed("the file holds more than " + MAX_SIGNATURES + " signatures");
                }
            }
        }
    }

    private static String armourProblem(String type) {
        switch (type) {
            case "PUBLIC KEY BLOCK":
                return "the file is an OpenPGP public key, not a signature";
            case "PRIVATE KEY BLOCK":
                return "the file is an OpenPGP SECRET key, not a signature";
            case "SIGNED MESSAGE":
                return "the file is a clear-signed message, not a detached signature";
            default:
                return "the file holds an armoured '" + type + "' block, not a detached signature";
        }
    }

    private static String packetProblem(Object packet) {
        if (packet instanceof PGPPublicKeyRing || packet instanceof PGPPublicKey) {
            return "the file is an OpenPGP public key, not a signature";
        }
        if (packet instanceof PGPSecretKeyRing) {
            return "the file is an OpenPGP SECRET key, not a signature";
        }
        if (packet instanceof PGPOnePassSignatureList || packet instanceof PGPLiteralData
                || packet instanceof PGPCompressedData) {
            return "the file is a signed OpenPGP message (one-pass or inline), not a detached signature";
        }
        if (packet instanceof PGPEncryptedDataList) {
            return "the file is an encrypted OpenPGP message, not a signature";
        }
        return "the file holds an unexpected OpenPGP packet (" + packet.getClass().getSimpleName()
                + "), not a detached signature";
    }

    /** Why a signature file cannot be used: becomes a MALFORMED check, never escapes. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
