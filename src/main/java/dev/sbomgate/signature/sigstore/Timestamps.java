package dev.sbomgate.signature.sigstore;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * RFC 3161 timestamps in a bundle: each must be a granted TimeStampResp whose token is signed by a timestamp authority
 * of the trusted root (certificates embedded in the token are never trusted), whose chain was valid at the
 * timestamp's time, within the authority's trusted window, and whose message imprint is the hash of the bundle's
 * signature. The verified time is then a time at which the signature existed.
 */
final class Timestamps {

    private static final Map<ASN1ObjectIdentifier, String> IMPRINT_DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private Timestamps() {
    }

    /** The verified time of timestamp number {@code index}, over {@code signature}; a {@link Failure} otherwise. */
    static Instant verify(byte[] response, byte[] signature, TrustedRoot root, int index) {
        String which = "RFC 3161 timestamp " + (index + 1);
        TimeStampToken token;
        try {
            TimeStampResponse resp = new TimeStampResponse(response);
            if (resp.getStatus() != 0 && resp.getStatus() != 1) {
                throw Failure.bad(which + " was not granted (status " + resp.getStatus() + ")");
            }
            token = resp.getTimeStampToken();
        } catch (TSPException | IOException | RuntimeException e) {
            throw Failure.malformed(which + " is not a DER RFC 3161 TimeStampResp (" + e.getMessage() + ")");
        }
        if (token == null) {
            throw Failure.bad(which + " holds no timestamp token");
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        Instant time = info.getGenTime().toInstant();
        String digest = IMPRINT_DIGESTS.get(info.getMessageImprintAlgOID());
        if (digest == null) {
            throw Failure.bad(which + " hashes its message with " + info.getMessageImprintAlgOID().getId()
                    + "; SHA-256, SHA-384 or SHA-512 is required");
        }
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), hash(digest, signature))) {
            throw Failure.bad(which + " is not over this bundle's signature: it timestamps something else");
        }
        if (root.timestampAuthorities().isEmpty()) {
            throw Failure.bad(which + " cannot be verified: the trusted root lists no timestamp authority");
        }
        for (TrustedRoot.Authority tsa : root.timestampAuthorities()) {
            X509Certificate leaf = tsa.chain().get(0);
            X509CertificateHolder holder;
            try {
                holder = new X509CertificateHolder(leaf.getEncoded());
            } catch (GeneralSecurityException | IOException e) {
                continue;
            }
            if (!token.getSID().match(holder)) {
                continue;
            }
            try {
                // Checks the CMS signature, the ESS signing-certificate attribute naming this certificate, its
                // critical timeStamping extended key usage, and its validity at the genTime (RFC 3161 section 2.3).
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(leaf));
            } catch (TSPException | OperatorCreationException | RuntimeException e) {
                throw Failure.bad(which + " does not verify with the key of timestamp authority '" + tsa.name() + "' ("
                        + e.getMessage() + ")");
            }
            List<X509Certificate> above = tsa.chain().subList(1, tsa.chain().size());
            if (!above.isEmpty() && !Certificates.validates(leaf, above, time)) {
                throw Failure.bad(which + ": the certificate of timestamp authority '" + tsa.name() + "' does not chain"
                        + " to its root at " + time);
            }
            if (!tsa.validFor().contains(time)) {
                throw Failure.bad(which + " is dated " + time + ", outside the window " + tsa.validFor()
                        + " in which the trusted root trusts timestamp authority '" + tsa.name() + "'");
            }
            return time;
        }
        throw Failure.bad(which + " was signed by no timestamp authority of the trusted root");
    }

    private static byte[] hash(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }
}
