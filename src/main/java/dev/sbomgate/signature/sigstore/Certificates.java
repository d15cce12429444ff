package dev.sbomgate.signature.sigstore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Checks on a Fulcio signing certificate: that it chains to a certificate authority of the trusted root, is a
 * code-signing leaf, was valid at every verified signing time, carries a valid signed certificate timestamp (RFC 6962)
 * from a CT log of the trusted root; and what identity it certifies.
 */
final class Certificates {

    private static final String FULCIO = "1.3.6.1.4.1.57264.1.";
    /** RFC 6962 section 3.3: the embedded SCT list extension. */
    private static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");
    /** Fulcio's OtherName SAN for identities that are neither URIs nor e-mail addresses. */
    private static final ASN1ObjectIdentifier OTHER_NAME_USERNAME = new ASN1ObjectIdentifier(FULCIO + "7");
    private static final int MAX_VALUE_LENGTH = 4096;

    private Certificates() {
    }

    /**
     * The certificate authority of the root that issued {@code leaf}: the first whose chain validates it (RFC 5280
     * path validation by the JDK, at the leaf's notBefore). A {@link Failure#unknownKey} when none does.
     */
    static TrustedRoot.Authority issuingAuthority(X509Certificate leaf, TrustedRoot root) {
        if (root.certificateAuthorities().isEmpty()) {
            throw Failure.unknownKey("the trusted root lists no certificate authority, so no signing certificate can be"
                    + " trusted");
        }
        for (TrustedRoot.Authority ca : root.certificateAuthorities()) {
            if (validates(leaf, ca.chain(), leaf.getNotBefore().toInstant())) {
                return ca;
            }
        }
        throw Failure.unknownKey("the signing certificate (issued by '" + Json.shown(leaf.getIssuerX500Principal().getName())
                + "') does not chain to a certificate authority of the trusted root: it comes from another Sigstore"
                + " instance, or was made by someone else");
    }

    /**
     * Whether {@code leaf} validates, at {@code at}, along {@code chain} (issuer first, root last; the root is the
     * trust anchor). Revocation is not checked: Sigstore certificates live minutes and publish no CRL.
     */
    static boolean validates(X509Certificate leaf, List<X509Certificate> chain, Instant at) {
        if (chain.contains(leaf)) {
            return false;
        }
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        path.addAll(chain.subList(0, chain.size() - 1));
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(chain.get(chain.size() - 1), null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path),
                    params);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** KEY_EXPIRED unless every time lies within the leaf's validity and every certificate of the chain's. */
    static void checkValidAt(X509Certificate leaf, TrustedRoot.Authority ca, List<Instant> times) {
        for (Instant time : times) {
            if (time.isBefore(leaf.getNotBefore().toInstant()) || time.isAfter(leaf.getNotAfter().toInstant())) {
                throw Failure.expired("the signature was made at " + time + ", outside the signing certificate's validity "
                        + leaf.getNotBefore().toInstant() + ".." + leaf.getNotAfter().toInstant()
                        + ": the certificate's key was used when the certificate did not vouch for it");
            }
            if (!ca.validFor().contains(time)) {
                throw Failure.expired("the signing certificate's authority '" + ca.name() + "' is trusted for "
                        + ca.validFor() + ", and the signature was made at " + time + ", outside that window");
            }
            for (X509Certificate cert : ca.chain()) {
                if (time.isBefore(cert.getNotBefore().toInstant()) || time.isAfter(cert.getNotAfter().toInstant())) {
                    throw Failure.expired("certificate '" + Json.shown(cert.getSubjectX500Principal().getName())
                            + "' of the authority was not valid at the signing time " + time);
                }
            }
        }
    }

    /** A Fulcio leaf: not a CA, key usage digitalSignature, extended key usage codeSigning (Fulcio certificate profile). */
    static void checkCodeSigning(X509Certificate leaf) {
        boolean[] usage = leaf.getKeyUsage();
        List<String> extended;
        try {
            extended = leaf.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            extended = null;
        }
        if (leaf.getBasicConstraints() >= 0 || usage == null || !usage[0] || extended == null
                || !extended.contains(KeyPurposeId.id_kp_codeSigning.getId())) {
            throw Failure.bad("the signing certificate is not a code-signing leaf certificate (it must not be a CA and"
                    + " must allow digitalSignature and the codeSigning extended key usage)");
        }
    }

    /**
     * RFC 6962 section 3.2: at least one embedded SCT is signed by a CT log of the trusted root valid at its time, over
     * the precertificate (the leaf's TBSCertificate without the SCT list) and the issuer's key hash. Skipped only when
     * the root lists no CT log at all (an instance without certificate transparency).
     */
    static void checkSct(X509Certificate leaf, X509Certificate issuer, TrustedRoot root) {
        if (root.ctLogs().isEmpty()) {
            return;
        }
        byte[] list = sctList(leaf);
        if (list == null) {
            throw Failure.bad("the signing certificate carries no signed certificate timestamp: it was not logged in"
                    + " certificate transparency");
        }
        byte[] tbs = precertificateTbs(leaf);
        byte[] issuerKeyHash = VerificationKey.sha256(issuer.getPublicKey().getEncoded());
        ByteBuffer in = ByteBuffer.wrap(list);
        int known = 0;
        try {
            int total = u16(in);
            if (total != in.remaining()) {
                throw new IllegalArgumentException("list length");
            }
            while (in.hasRemaining()) {
                byte[] sct = new byte[u16(in)];
                in.get(sct);
                Sct parsed = Sct.parse(sct);
                for (TrustedRoot.LogKey log : root.ctLogs()) {
                    if (!log.hasId(parsed.logId)) {
                        continue;
                    }
                    known++;
                    Instant time = Instant.ofEpochMilli(parsed.timestamp);
                    if (log.validFor().contains(time) && log.key().verify(parsed.signedData(issuerKeyHash, tbs),
                            parsed.signature)) {
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            throw Failure.bad("the signing certificate's signed certificate timestamp list is malformed");
        }
        throw Failure.bad(known == 0
                ? "the signing certificate's signed certificate timestamps come from no CT log of the trusted root"
                : "the signing certificate's signed certificate timestamp does not verify with the key of its CT log:"
                        + " the certificate was not logged as it is");
    }

    /** One SignedCertificateTimestamp (RFC 6962 section 3.2), v1. */
    private static final class Sct {
        final byte[] logId = new byte[32];
        long timestamp;
        byte[] extensions;
        byte[] signature;

        static Sct parse(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            Sct sct = new Sct();
            if (in.get() != 0) {
                throw new IllegalArgumentException("not a v1 SCT");
            }
            in.get(sct.logId);
            sct.timestamp = in.getLong();
            sct.extensions = new byte[u16(in)];
            in.get(sct.extensions);
            in.get(); // hash algorithm: the log's key decides how the signature is checked
            in.get(); // signature algorithm
            sct.signature = new byte[u16(in)];
            in.get(sct.signature);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return sct;
        }

        /** The digitally-signed struct of RFC 6962 section 3.2 for a precert_entry. */
        byte[] signedData(byte[] issuerKeyHash, byte[] tbs) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0); // sct_version v1
            out.write(0); // signature_type certificate_timestamp
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (timestamp >>> shift));
            }
            out.write(0); // entry_type precert_entry (1), uint16
            out.write(1);
            out.writeBytes(issuerKeyHash);
            out.write(tbs.length >>> 16);
            out.write(tbs.length >>> 8);
            out.write(tbs.length);
            out.writeBytes(tbs);
            out.write(extensions.length >>> 8);
            out.write(extensions.length);
            out.writeBytes(extensions);
            return out.toByteArray();
        }
    }

    private static int u16(ByteBuffer in) {
        return Short.toUnsignedInt(in.getShort());
    }

    /** The TLS-encoded SignedCertificateTimestampList inside the SCT extension, or null when there is none. */
    private static byte[] sctList(X509Certificate leaf) {
        byte[] extension = leaf.getExtensionValue(SCT_LIST.getId());
        if (extension == null) {
            return null;
        }
        try {
            ASN1OctetString extnValue = ASN1OctetString.getInstance(extension);
            return ASN1OctetString.getInstance(extnValue.getOctets()).getOctets();
        } catch (RuntimeException e) {
            throw Failure.bad("the signing certificate's SCT list extension is not an OCTET STRING");
        }
    }

    /** RFC 6962 section 3.2: the TBSCertificate as the CA submitted it, i.e. without the SCT list extension. */
    private static byte[] precertificateTbs(X509Certificate leaf) {
        try {
            ASN1Sequence tbs = ASN1Sequence.getInstance(leaf.getTBSCertificate());
            ASN1EncodableVector out = new ASN1EncodableVector();
            for (ASN1Encodable element : tbs) {
                if (element instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
                    Extensions extensions = Extensions.getInstance(tagged.getExplicitBaseObject());
                    List<Extension> kept = new ArrayList<>();
                    for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
                        if (!oid.equals(SCT_LIST)) {
                            kept.add(extensions.getExtension(oid));
                        }
                    }
                    out.add(new DERTaggedObject(true, 3, new Extensions(kept.toArray(Extension[]::new))));
                } else {
                    out.add(element);
                }
            }
            return new DERSequence(out).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw Failure.bad("the signing certificate's TBSCertificate cannot be re-encoded to check its SCT");
        }
    }

    /**
     * The identity the leaf certifies. Fulcio certificates carry exactly one subject alternative name (critical; the
     * subject DN is empty) and name the OIDC issuer in extension 1.3.6.1.4.1.57264.1.8 (a DER UTF8String) or, in older
     * certificates, 1.3.6.1.4.1.57264.1.1 (the raw string); when both are present they must agree.
     */
    static CertificateIdentity identity(X509Certificate leaf) {
        String subject = subjectAlternativeName(leaf);
        String issuerV2 = derString(leaf, FULCIO + "8");
        String issuerV1 = rawString(leaf, FULCIO + "1");
        if (issuerV2 != null && issuerV1 != null && !issuerV2.equals(issuerV1)) {
            throw Failure.malformed("the signing certificate names two different OIDC issuers ('" + Json.shown(issuerV1)
                    + "' and '" + Json.shown(issuerV2) + "')");
        }
        String issuer = issuerV2 != null ? issuerV2 : issuerV1;
        if (issuer == null || issuer.isEmpty()) {
            throw Failure.malformed("the signing certificate names no OIDC issuer (Fulcio extension 1.3.6.1.4.1.57264.1.8)");
        }
        return new CertificateIdentity(subject, issuer,
                first(derString(leaf, FULCIO + "12"), rawString(leaf, FULCIO + "5")),
                first(derString(leaf, FULCIO + "14"), rawString(leaf, FULCIO + "6")),
                first(derString(leaf, FULCIO + "13"), rawString(leaf, FULCIO + "3")),
                derString(leaf, FULCIO + "9"),
                first(derString(leaf, FULCIO + "20"), rawString(leaf, FULCIO + "2")),
                derString(leaf, FULCIO + "21"),
                derString(leaf, FULCIO + "18"),
                derString(leaf, FULCIO + "11"));
    }

    /**
     * A Fulcio extension 1.3.6.1.4.1.57264.1.{@code number} (8 or above: a DER UTF8String) of the leaf, or null when
     * absent; e.g. 18, the Build Config URI that PEP 740 Trusted Publisher checks compare.
     */
    static String fulcioExtension(X509Certificate leaf, int number) {
        if (number < 8) {
            throw new IllegalArgumentException("extensions below 1.3.6.1.4.1.57264.1.8 are raw strings");
        }
        return derString(leaf, FULCIO + number);
    }

    private static String first(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String subjectAlternativeName(X509Certificate leaf) {
        byte[] extension = leaf.getExtensionValue(Extension.subjectAlternativeName.getId());
        if (extension == null) {
            throw Failure.malformed("the signing certificate has no subject alternative name: it certifies no identity");
        }
        GeneralName[] names;
        try {
            names = GeneralNames.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getNames();
        } catch (RuntimeException e) {
            throw Failure.malformed("the signing certificate's subject alternative name extension is malformed");
        }
        if (names.length != 1) {
            throw Failure.malformed("the signing certificate has " + names.length + " subject alternative names; a"
                    + " Sigstore signing certificate certifies exactly one identity");
        }
        GeneralName name = names[0];
        String value;
        if (name.getTagNo() == GeneralName.uniformResourceIdentifier || name.getTagNo() == GeneralName.rfc822Name) {
            value = ((ASN1String) name.getName()).getString();
        } else if (name.getTagNo() == GeneralName.otherName) {
            ASN1Sequence other = ASN1Sequence.getInstance(name.getName());
            if (!OTHER_NAME_USERNAME.equals(other.getObjectAt(0))) {
                throw Failure.malformed("the signing certificate's subject alternative name is an otherName of type "
                        + other.getObjectAt(0) + ", not Fulcio's username");
            }
            ASN1Primitive inner = ASN1TaggedObject.getInstance(other.getObjectAt(1)).getExplicitBaseObject().toASN1Primitive();
            value = ((ASN1String) inner).getString();
        } else {
            throw Failure.malformed("the signing certificate's subject alternative name is of type " + name.getTagNo()
                    + "; Sigstore identities are URIs, e-mail addresses or Fulcio usernames");
        }
        return checked(value, "subject alternative name");
    }

    /** Extensions from 1.3.6.1.4.1.57264.1.8 on hold a DER UTF8String. */
    private static String derString(X509Certificate leaf, String oid) {
        byte[] extension = leaf.getExtensionValue(oid);
        if (extension == null) {
            return null;
        }
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets());
            return checked(((ASN1String) value).getString(), "extension " + oid);
        } catch (IOException | RuntimeException e) {
            throw Failure.malformed("the signing certificate's extension " + oid + " is not a DER string");
        }
    }

    /** Extensions 1.3.6.1.4.1.57264.1.1 to .6 (deprecated) hold the raw UTF-8 string as the extension value. */
    private static String rawString(X509Certificate leaf, String oid) {
        byte[] extension = leaf.getExtensionValue(oid);
        if (extension == null) {
            return null;
        }
        try {
            byte[] octets = ASN1OctetString.getInstance(extension).getOctets();
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(octets)).toString();
            return checked(text, "extension " + oid);
        } catch (CharacterCodingException | RuntimeException e) {
            throw Failure.malformed("the signing certificate's extension " + oid + " is not UTF-8 text");
        }
    }

    /** Identity values are matched and shown: one line, bounded. */
    private static String checked(String value, String what) {
        if (value.length() > MAX_VALUE_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw Failure.malformed("the signing certificate's " + what + " is over " + MAX_VALUE_LENGTH
                    + " characters or holds control characters");
        }
        return value;
    }

    /** Whether two certificates are the same DER bytes. */
    static boolean same(X509Certificate a, byte[] der) {
        try {
            return Arrays.equals(a.getEncoded(), der);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
