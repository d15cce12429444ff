package dev.sbomgate.signature.pgp;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReason;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;

/**
 * One OpenPGP certificate (primary key, user IDs, subkeys), its self-signatures checked once when loaded.
 *
 * <p>What is taken from the key file, and how strictly:
 * <ul>
 *   <li>The primary key is trusted because its fingerprint is pinned: it needs no self-signature. Keys
 *       exported by Gradle's dependency verification carry user IDs without self-signatures, or no user ID at
 *       all; they load, and their user IDs are shown, never trusted.</li>
 *   <li>Only self-signatures that verify count. Of several, the most recent valid one on each object is used
 *       (RFC 9580, Notes on Self-Signatures).</li>
 *   <li>Key expiry (RFC 9580, Key Expiration Time subpacket) comes from the newest direct-key signature and the newest
 *       self-signature of the primary (or, lacking a primary flag, newest) user ID; when both give one,
 *       the earlier counts. A key without any self-signature never expires.</li>
 *   <li>Revocations (types 0x20, 0x28) count when made by the primary key itself. Designated revokers
 *       (RFC 9580, deprecated Revocation Key subpacket) are not followed.</li>
 *   <li>A subkey may sign only if its newest valid binding signature (0x18) grants signing (key flag 0x02,
 *       or no key flags and a signing algorithm) and carries a valid primary key binding signature (0x19,
 *       the back-signature, RFC 9580 section 5.2.1) made by the subkey. Without the back-signature anyone
 *       could attach our victim's subkey to their own certificate; GnuPG has required it since 2.0.</li>
 * </ul>
 */
final class PgpCertificate {

    /**
     * Subpacket types whose meaning we know; a critical subpacket of another type voids a signature (RFC 9580,
     * Signature Subpacket Specification).
     */
    private static final Set<Integer> KNOWN_CRITICAL = Set.of(
            SignatureSubpacketTags.CREATION_TIME, SignatureSubpacketTags.EXPIRE_TIME,
            SignatureSubpacketTags.EXPORTABLE, SignatureSubpacketTags.TRUST_SIG, SignatureSubpacketTags.REG_EXP,
            SignatureSubpacketTags.REVOCABLE, SignatureSubpacketTags.KEY_EXPIRE_TIME,
            SignatureSubpacketTags.PLACEHOLDER, SignatureSubpacketTags.PREFERRED_SYM_ALGS,
            SignatureSubpacketTags.REVOCATION_KEY, SignatureSubpacketTags.ISSUER_KEY_ID,
            SignatureSubpacketTags.PREFERRED_HASH_ALGS, SignatureSubpacketTags.PREFERRED_COMP_ALGS,
            SignatureSubpacketTags.KEY_SERVER_PREFS, SignatureSubpacketTags.PREFERRED_KEY_SERV,
            SignatureSubpacketTags.PRIMARY_USER_ID, SignatureSubpacketTags.POLICY_URL,
            SignatureSubpacketTags.KEY_FLAGS, SignatureSubpacketTags.SIGNER_USER_ID,
            SignatureSubpacketTags.REVOCATION_REASON, SignatureSubpacketTags.FEATURES,
            SignatureSubpacketTags.SIGNATURE_TARGET, SignatureSubpacketTags.EMBEDDED_SIGNATURE,
            SignatureSubpacketTags.ISSUER_FINGERPRINT, SignatureSubpacketTags.INTENDED_RECIPIENT_FINGERPRINT,
            SignatureSubpacketTags.PREFERRED_AEAD_ALGORITHMS);

    /**
     * A revocation signature that verified.
     *
     * @param code        the Reason for Revocation code, or -1 when the signature has none
     * @param description its free-text description, one line ("" when none)
     */
    record Revocation(Instant created, boolean hard, String reason, int code, String description) {
        /** Whether this revocation voids a signature made at {@code signatureTime} (RFC 9580, Reason for Revocation). */
        boolean voids(Instant signatureTime) {
            // Hard revocations (no reason, "compromised", unknown reasons) void every signature ever made; soft
            // ones ("superseded", "retired") only those made at or after the revocation.
            return hard || !signatureTime.isBefore(created);
        }
    }

    /** A key of this certificate that a document signature may name: the primary key or a subkey. */
    static final class Member {
        final PgpCertificate certificate;
        final PGPPublicKey key;
        final Fingerprint fingerprint;
        final String algorithm;
        final Instant created;
        /** Expiry from the newest valid self-signature, or null for none. */
        final Instant expires;
        final List<Revocation> revocations;
        /** Why this key may not make document signatures, or null when it may. */
        final String notForSigning;

        Member(PgpCertificate certificate, PGPPublicKey key, Instant expires, List<Revocation> revocations,
                String notForSigning) {
            this.certificate = certificate;
            this.key = key;
            this.fingerprint = Fingerprint.of(key.getFingerprint());
            this.algorithm = PgpAlgorithms.keyAlgorithm(key);
            this.created = key.getCreationTime().toInstant();
            this.expires = expires;
            this.revocations = List.copyOf(revocations);
            this.notForSigning = notForSigning;
        }

        boolean isPrimary() {
            return key == certificate.primary.key;
        }
    }

    private final PGPPublicKeyRing ring;
    private final Member primary;
    private final List<String> userIds;
    private final List<Member> subkeys;

    private PgpCertificate(PGPPublicKeyRing ring) {
        this.ring = ring;
        PGPPublicKey key = ring.getPublicKey();
        List<String> uids = new ArrayList<>();
        PGPSignature primaryUidSig = null;
        PGPSignature newestUidSig = null;
        Set<ByteBuffer> seen = new HashSet<>();
        for (Iterator<byte[]> it = key.getRawUserIDs(); it.hasNext(); ) {
            byte[] rawId = it.next();
            // getSignaturesForID returns the signatures of every copy of an equal ID: each is evaluated once.
            if (!seen.add(ByteBuffer.wrap(rawId))) {
                continue;
            }
            uids.add(oneLine(new String(rawId, StandardCharsets.UTF_8)));
            PGPSignature newestCert = null;
            PGPSignature newestRevocation = null;
            for (PGPSignature sig : list(key.getSignaturesForID(rawId))) {
                int type = sig.getSignatureType();
                boolean certification = type >= PGPSignature.DEFAULT_CERTIFICATION && type <= PGPSignature.POSITIVE_CERTIFICATION;
                if ((certification || type == PGPSignature.CERTIFICATION_REVOCATION) && selfSigned(sig, key, key, rawId)) {
                    if (certification) {
                        newestCert = newer(newestCert, sig);
                    } else {
                        newestRevocation = newer(newestRevocation, sig);
                    }
                }
            }
            boolean uidRevoked = newestCert != null && newestRevocation != null
                    && !newestRevocation.getCreationTime().before(newestCert.getCreationTime());
            if (newestCert == null || uidRevoked) {
                continue;
            }
            newestUidSig = newer(newestUidSig, newestCert);
            if (newestCert.getHashedSubPackets() != null && newestCert.getHashedSubPackets().isPrimaryUserID()) {
                primaryUidSig = newer(primaryUidSig, newestCert);
            }
        }
        PGPSignature uidSig = primaryUidSig != null ? primaryUidSig : newestUidSig;
        PGPSignature direct = null;
        List<Revocation> revocations = new ArrayList<>();
        for (PGPSignature sig : list(key.getKeySignatures())) {
            if (sig.getSignatureType() == PGPSignature.DIRECT_KEY && selfSigned(sig, key, key, null)) {
                direct = newer(direct, sig);
            } else if (sig.getSignatureType() == PGPSignature.KEY_REVOCATION && selfSigned(sig, key, key, null)) {
                revocations.add(revocation(sig));
            }
        }
        Instant expires = earlier(expiry(direct, key), expiry(uidSig, key));
        int flags = flags(direct) != null ? flags(direct) : flags(uidSig) != null ? flags(uidSig) : -1;
        String notForSigning = null;
        if (!PgpAlgorithms.canSign(key.getAlgorithm())) {
            notForSigning = "its algorithm " + PgpAlgorithms.keyAlgorithm(key) + " cannot sign";
        } else if (flags >= 0 && (flags & KeyFlags.SIGN_DATA) == 0) {
            notForSigning = "its self-signature's key flags (0x" + Integer.toHexString(flags) + ") do not allow signing";
        }
        this.primary = new Member(this, key, expires, revocations, notForSigning);
        this.userIds = List.copyOf(uids);

        List<Member> subs = new ArrayList<>();
        for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
            PGPPublicKey sub = it.next();
            if (!sub.isMasterKey()) {
                subs.add(subkey(key, sub));
            }
        }
        this.subkeys = List.copyOf(subs);
    }

    /** Evaluates a key ring's self-signatures. */
    static PgpCertificate of(PGPPublicKeyRing ring) {
        checkBounds(ring);
        return new PgpCertificate(ring);
    }

    /**
     * Refuses a key ring over {@link PgpKeys#MAX_USER_IDS_PER_KEY}, {@link PgpKeys#MAX_SUBKEYS_PER_KEY} or
     * {@link PgpKeys#MAX_SIGNATURES_PER_KEY} before any signature is verified: key material is hostile input,
     * and each self-signature costs a public-key operation.
     */
    static void checkBounds(PGPPublicKeyRing ring) {
        PGPPublicKey primary = ring.getPublicKey();
        String which = "key " + Fingerprint.of(primary.getFingerprint());
        int userIds = 0;
        long signatures = 0;
        for (Iterator<byte[]> it = primary.getRawUserIDs(); it.hasNext(); it.next()) {
            if (++userIds > PgpKeys.MAX_USER_IDS_PER_KEY) {
                throw new BadInputException(which + " has more than " + PgpKeys.MAX_USER_IDS_PER_KEY
                        + " user IDs (limit MAX_USER_IDS_PER_KEY); export it without the extra user IDs");
            }
        }
        int subkeys = 0;
        for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
            PGPPublicKey member = it.next();
            if (!member.isMasterKey() && ++subkeys > PgpKeys.MAX_SUBKEYS_PER_KEY) {
                throw new BadInputException(which + " has more than " + PgpKeys.MAX_SUBKEYS_PER_KEY
                        + " subkeys (limit MAX_SUBKEYS_PER_KEY)");
            }
            for (Iterator<?> sigs = member.getSignatures(); sigs.hasNext(); sigs.next()) {
                if (++signatures > PgpKeys.MAX_SIGNATURES_PER_KEY) {
                    throw new BadInputException(which + " carries more than " + PgpKeys.MAX_SIGNATURES_PER_KEY
                            + " signatures (limit MAX_SIGNATURES_PER_KEY); export it without third-party"
                            + " certifications (gpg --export-options export-minimal)");
                }
            }
        }
    }

    /** The key ring as read, for merging copies of one key. */
    PGPPublicKeyRing ring() {
        return ring;
    }

    Member primary() {
        return primary;
    }

    List<Member> subkeys() {
        return subkeys;
    }

    List<String> userIds() {
        return userIds;
    }

    /** The primary key, then the subkeys. */
    List<Member> members() {
        List<Member> all = new ArrayList<>(subkeys.size() + 1);
        all.add(primary);
        all.addAll(subkeys);
        return all;
    }

    /** The first user ID for display, or null. */
    String displayName() {
        return userIds.isEmpty() ? null : userIds.get(0);
    }

    PublicKeyInfo info() {
        List<Fingerprint> signing = new ArrayList<>();
        for (Member sub : subkeys) {
            if (sub.notForSigning == null && sub.revocations.isEmpty()) {
                signing.add(sub.fingerprint);
            }
        }
        return new PublicKeyInfo(SignatureKind.OPENPGP, primary.fingerprint, primary.algorithm, userIds,
                primary.created, primary.expires, !primary.revocations.isEmpty(), signing, revocation(primary.revocations));
    }

    /**
     * The primary key's revocation as trust.json v2 names it (docs/formats.md 2.2): a hard one (compromised, no reason,
     * any other code; RFC 9580 section 5.2.3.31) wins, else the earliest soft one; null when not revoked.
     */
    private static PublicKeyInfo.Revocation revocation(List<Revocation> revocations) {
        PublicKeyInfo.Revocation chosen = null;
        for (Revocation r : revocations) {
            PublicKeyInfo.RevocationReason reason = r.hard() ? PublicKeyInfo.RevocationReason.COMPROMISED
                    : r.code() == (RevocationReasonTags.KEY_SUPERSEDED & 0xff) ? PublicKeyInfo.RevocationReason.SUPERSEDED
                    : PublicKeyInfo.RevocationReason.RETIRED;
            PublicKeyInfo.Revocation candidate = new PublicKeyInfo.Revocation(r.created(), reason);
            if (chosen == null || reason == PublicKeyInfo.RevocationReason.COMPROMISED
                    && chosen.reason() != PublicKeyInfo.RevocationReason.COMPROMISED
                    || reason == chosen.reason() && r.created().isBefore(chosen.created())) {
                chosen = candidate;
            }
        }
        return chosen;
    }

    /**
     * Whether {@code certifier} (another certificate's primary key) made a certification (RFC 9580 signature types
     * 0x10-0x13) over one of this key's user IDs that verifies, names it as issuer, and that it has not revoked since
     * (type 0x30): the proof of a key rotation (docs/formats.md 2.2 {@code rotation}, proof {@code certification}).
     */
    boolean certifiedBy(PgpCertificate certifier) {
        PGPPublicKey signer = certifier.primary.key;
        PGPPublicKey target = primary.key;
        Set<ByteBuffer> seen = new HashSet<>();
        for (Iterator<byte[]> it = target.getRawUserIDs(); it.hasNext(); ) {
            byte[] rawId = it.next();
            if (!seen.add(ByteBuffer.wrap(rawId))) {
                continue;
            }
            PGPSignature newestCert = null;
            PGPSignature newestRevocation = null;
            for (PGPSignature sig : list(target.getSignaturesForID(rawId))) {
                int type = sig.getSignatureType();
                boolean certification = type >= PGPSignature.DEFAULT_CERTIFICATION && type <= PGPSignature.POSITIVE_CERTIFICATION;
                // A third-party certification must name its issuer: one that names none is not the old key's claim.
                boolean namesAnIssuer = issuerFingerprint(sig) != null || sig.getKeyID() != 0;
                if ((certification || type == PGPSignature.CERTIFICATION_REVOCATION) && namesAnIssuer
                        && selfSigned(sig, signer, target, rawId)) {
                    if (certification) {
                        newestCert = newer(newestCert, sig);
                    } else {
                        newestRevocation = newer(newestRevocation, sig);
                    }
                }
            }
            if (newestCert != null && (newestRevocation == null
                    || newestRevocation.getCreationTime().before(newestCert.getCreationTime()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this key's own revocation says "key superseded" and names {@code successor} by its full fingerprint in
     * its description (spaces ignored, any case): the other proof of a rotation (proof {@code superseded-revocation}).
     */
    boolean supersededBy(Fingerprint successor) {
        for (Revocation r : primary.revocations) {
            if (r.code() == (RevocationReasonTags.KEY_SUPERSEDED & 0xff)
                    && r.description().replace(" ", "").toUpperCase(java.util.Locale.ROOT).contains(successor.hex())) {
                return true;
            }
        }
        return false;
    }

    private Member subkey(PGPPublicKey primaryKey, PGPPublicKey sub) {
        PGPSignature binding = null;
        List<Revocation> revocations = new ArrayList<>();
        for (PGPSignature sig : list(sub.getKeySignatures())) {
            if (sig.getSignatureType() == PGPSignature.SUBKEY_BINDING && selfSigned(sig, primaryKey, sub, null)) {
                binding = newer(binding, sig);
            } else if (sig.getSignatureType() == PGPSignature.SUBKEY_REVOCATION && selfSigned(sig, primaryKey, sub, null)) {
                revocations.add(revocation(sig));
            }
        }
        if (binding == null) {
            return new Member(this, sub, null, revocations,
                    "it has no valid binding signature from the primary key (RFC 9580 section 5.2.1, type 0x18)");
        }
        Instant expires = expiry(binding, sub);
        Integer flags = flags(binding);
        String notForSigning = null;
        if (!PgpAlgorithms.canSign(sub.getAlgorithm())) {
            notForSigning = "its algorithm " + PgpAlgorithms.keyAlgorithm(sub) + " cannot sign";
        } else if (flags != null && (flags & KeyFlags.SIGN_DATA) == 0) {
            notForSigning = "its binding signature's key flags (0x" + Integer.toHexString(flags) + ") do not allow signing";
        } else if (!hasBackSignature(binding, primaryKey, sub)) {
            notForSigning = "its binding signature lacks a valid primary key binding signature"
                    + " (back-signature, RFC 9580 section 5.2.1, type 0x19)";
        }
        return new Member(this, sub, expires, revocations, notForSigning);
    }

    private static boolean hasBackSignature(PGPSignature binding, PGPPublicKey primaryKey, PGPPublicKey sub) {
        // GnuPG stores the back-signature in the unhashed area; it authenticates itself, so either area will do.
        for (PGPSignatureSubpacketVector area : new PGPSignatureSubpacketVector[] {
                binding.getHashedSubPackets(), binding.getUnhashedSubPackets()}) {
            if (area == null) {
                continue;
            }
            PGPSignatureList embedded;
            try {
                embedded = area.getEmbeddedSignatures();
            } catch (Exception e) {
                continue;
            }
            for (PGPSignature back : embedded) {
                if (back.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING && selfSigned(back, sub, sub, null, primaryKey)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code sig} is made by {@code signer} over {@code target} (with user ID {@code rawId} when given). */
    private static boolean selfSigned(PGPSignature sig, PGPPublicKey signer, PGPPublicKey target, byte[] rawId) {
        return selfSigned(sig, signer, target, rawId, null);
    }

    private static boolean selfSigned(PGPSignature sig, PGPPublicKey signer, PGPPublicKey target, byte[] rawId,
            PGPPublicKey backSigPrimary) {
        try {
            if (!namesIssuer(sig, signer) || hasUnknownCritical(sig)
                    || sig.getCreationTime().before(target.getCreationTime())) {
                return false;
            }
            sig.init(PgpAlgorithms.contentVerifiers(sig.getKeyAlgorithm(), sig.getHashAlgorithm(), signer), signer);
            if (backSigPrimary != null) {
                return sig.verifyCertification(backSigPrimary, target);
            }
            if (rawId != null) {
                return sig.verifyCertification(rawId, target);
            }
            int type = sig.getSignatureType();
            if (type == PGPSignature.SUBKEY_BINDING || type == PGPSignature.SUBKEY_REVOCATION) {
                return sig.verifyCertification(signer, target);
            }
            return sig.verifyCertification(target);
        } catch (Exception e) {
            // A self-signature that cannot be checked (unknown algorithm, broken encoding) is as good as absent.
            return false;
        }
    }

    /** Whether the signature names {@code key} as issuer, or names no issuer at all. */
    static boolean namesIssuer(PGPSignature sig, PGPPublicKey key) {
        byte[] fingerprint = issuerFingerprint(sig);
        if (fingerprint != null) {
            return Arrays.equals(fingerprint, key.getFingerprint());
        }
        long keyId = sig.getKeyID();
        return keyId == 0 || keyId == key.getKeyID();
    }

    /** The issuer fingerprint subpacket's value (hashed area first), or null. */
    static byte[] issuerFingerprint(PGPSignature sig) {
        for (PGPSignatureSubpacketVector area : new PGPSignatureSubpacketVector[] {
                sig.getHashedSubPackets(), sig.getUnhashedSubPackets()}) {
            if (area != null && area.getIssuerFingerprint() != null) {
                return area.getIssuerFingerprint().getFingerprint();
            }
        }
        return null;
    }

    /** The first critical hashed subpacket type we do not understand, or -1. */
    static int unknownCritical(PGPSignature sig) {
        PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
        if (hashed == null) {
            return -1;
        }
        for (int tag : hashed.getCriticalTags()) {
            if (!KNOWN_CRITICAL.contains(tag)) {
                return tag;
            }
        }
        return -1;
    }

    private static boolean hasUnknownCritical(PGPSignature sig) {
        return unknownCritical(sig) >= 0;
    }

    private static Revocation revocation(PGPSignature sig) {
        RevocationReason reason = sig.getHashedSubPackets() == null ? null : sig.getHashedSubPackets().getRevocationReason();
        String text;
        if (reason == null) {
            text = "no reason given";
        } else {
            String description = oneLine(reason.getRevocationDescription());
            text = reasonName(reason.getRevocationReason()) + (description.isEmpty() ? "" : ": '" + description + "'");
        }
        return new Revocation(sig.getCreationTime().toInstant(), sig.isHardRevocation(), text,
                reason == null ? -1 : reason.getRevocationReason() & 0xff,
                reason == null ? "" : oneLine(reason.getRevocationDescription()));
    }

    private static String reasonName(byte code) {
        switch (code) {
            case RevocationReasonTags.NO_REASON:
                return "no reason specified";
            case RevocationReasonTags.KEY_SUPERSEDED:
                return "key superseded";
            case RevocationReasonTags.KEY_COMPROMISED:
                return "key compromised";
            case RevocationReasonTags.KEY_RETIRED:
                return "key retired";
            case RevocationReasonTags.USER_NO_LONGER_VALID:
                return "user ID no longer valid";
            default:
                return "reason code " + (code & 0xff);
        }
    }

    private static Instant expiry(PGPSignature selfSig, PGPPublicKey key) {
        if (selfSig == null || selfSig.getHashedSubPackets() == null) {
            return null;
        }
        long seconds = selfSig.getHashedSubPackets().getKeyExpirationTime();
        return seconds <= 0 ? null : key.getCreationTime().toInstant().plusSeconds(seconds);
    }

    private static Integer flags(PGPSignature selfSig) {
        if (selfSig == null || selfSig.getHashedSubPackets() == null
                || !selfSig.getHashedSubPackets().hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)) {
            return null;
        }
        return selfSig.getHashedSubPackets().getKeyFlags();
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static PGPSignature newer(PGPSignature current, PGPSignature candidate) {
        return current == null || candidate.getCreationTime().after(current.getCreationTime()) ? candidate : current;
    }

    private static List<PGPSignature> list(Iterator<PGPSignature> it) {
        List<PGPSignature> out = new ArrayList<>();
        if (it != null) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** Text from a key or signature, made safe for a one-line message: no control characters, at most 200 chars. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), 200));
        s.codePoints().limit(200).forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
        return out.toString();
    }
}
