package dev.sbomgate.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.jcajce.JcaPGPPublicKeyRingCollection;

/**
 * Who made a detached OpenPGP signature (to ask keyservers for the key), and whether a keyserver's answer holds that
 * key. Only names are read here; nothing is verified: {@code check} does that offline against pinned keys.
 */
final class SignatureIssuers {

    /** A signature file this fetch reads for its issuers; the cap of {@link FileKind#SIGNATURE}. */
    static final int MAX_SIGNATURES = 8;

    private SignatureIssuers() {
    }

    /** The issuers' fingerprints (40 or 64 upper-case hex) or, without one, key IDs (16 hex); empty when unreadable. */
    static List<String> of(byte[] signature) {
        List<String> out = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))) {
            JcaPGPObjectFactory factory = new JcaPGPObjectFactory(in);
            for (Object o; (o = factory.nextObject()) != null && out.size() < MAX_SIGNATURES; ) {
                if (!(o instanceof PGPSignatureList list)) {
                    continue;
                }
                for (PGPSignature sig : list) {
                    String issuer = issuer(sig);
                    if (issuer != null && !out.contains(issuer) && out.size() < MAX_SIGNATURES) {
                        out.add(issuer);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not an OpenPGP signature: no issuer to look up; check judges the file
        }
        return out;
    }

    private static String issuer(PGPSignature sig) {
        for (PGPSignatureSubpacketVector v : new PGPSignatureSubpacketVector[] {sig.getHashedSubPackets(), sig.getUnhashedSubPackets()}) {
            IssuerFingerprint fp = v == null ? null : v.getIssuerFingerprint();
            if (fp != null && (fp.getFingerprint().length == 20 || fp.getFingerprint().length == 32)) {
                return HexFormat.of().withUpperCase().formatHex(fp.getFingerprint());
            }
        }
        return sig.getKeyID() == 0 ? null : String.format(Locale.ROOT, "%016X", sig.getKeyID());
    }

    /** Null when {@code keyFile} holds a public key (primary or subkey) named by {@code issuer}, else why not. */
    static String holds(byte[] keyFile, String issuer) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyFile))) {
            JcaPGPPublicKeyRingCollection rings = new JcaPGPPublicKeyRingCollection(in);
            for (Iterator<PGPPublicKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
                for (Iterator<PGPPublicKey> k = r.next().getPublicKeys(); k.hasNext(); ) {
                    PGPPublicKey key = k.next();
                    String fpr = HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
                    if (fpr.equals(issuer) || String.format(Locale.ROOT, "%016X", key.getKeyID()).equals(issuer)) {
                        return null;
                    }
                }
            }
            return "the keyserver's answer does not hold key " + issuer;
        } catch (IOException | PGPException | RuntimeException e) {
            return "the keyserver's answer is not an OpenPGP public key";
        }
    }
}
