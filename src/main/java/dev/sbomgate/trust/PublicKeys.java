package dev.sbomgate.trust;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.PublicKeyInfo;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.signature.jca.JcaKeys;
import dev.sbomgate.signature.pgp.PgpKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one entry point for reading a public key file of any supported kind: it recognises the format by content,
 * never by file name, and dispatches to {@code signature.pgp} (OpenPGP, RFC 9580) or {@code signature.jca} (PEM
 * public keys and X.509 certificates).
 */
public final class PublicKeys {

    /** No key file sbomgate accepts is larger (OpenPGP's bound; PEM key files are held to {@link JcaKeys#MAX_KEY_FILE_BYTES}). */
    public static final int MAX_KEY_FILE_BYTES = PgpKeys.MAX_KEY_FILE_BYTES;

    private static final String PGP_PUBLIC_ARMOUR = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    /** A PEM encapsulation boundary (RFC 7468 section 2) that is not OpenPGP armour. */
    private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN (?!PGP )[A-Z0-9 ]{1,64}-----");

    private PublicKeys() {
    }

    /** How a key file is encoded, recognised from its content. */
    public enum Format {
        /** ASCII-armoured OpenPGP transferable public key (RFC 9580 sections 6 and 10.1). */
        OPENPGP_ARMOURED(SignatureKind.OPENPGP, ".asc"),
        /** Binary OpenPGP packets starting with a Public-Key packet (RFC 9580 section 5.5.1.1, tag 6). */
        OPENPGP_BINARY(SignatureKind.OPENPGP, ".gpg"),
        /** PEM text: {@code PUBLIC KEY}, {@code RSA PUBLIC KEY} or {@code CERTIFICATE} blocks (RFC 7468). */
        PEM(SignatureKind.KEYPAIR, ".pem"),
        /** One DER SubjectPublicKeyInfo or X.509 certificate. */
        DER(SignatureKind.KEYPAIR, ".der");

        private final SignatureKind kind;
        private final String extension;

        Format(SignatureKind kind, String extension) {
            this.kind = kind;
            this.extension = extension;
        }

        /** Which verifier family reads this format. */
        public SignatureKind kind() {
            return kind;
        }

        /** The file name extension sbomgate gives a stored key of this format, with its dot. */
        public String extension() {
            return extension;
        }
    }

    /**
     * What the key file holds: one entry per OpenPGP primary key, or per key-pair key or certificate. Throws
     * {@link BadInputException} naming {@code fileName} when the content is not a public key file sbomgate reads.
     */
    public static List<PublicKeyInfo> inspect(byte[] keyFileBytes, String fileName) {
        Format format = detect(keyFileBytes, fileName);
        List<PublicKeyInfo> keys;
        if (format.kind() == SignatureKind.OPENPGP) {
            keys = inspectOpenPgp(keyFileBytes, fileName);
        } else {
            keys = JcaKeys.inspect(keyFileBytes, fileName);
        }
        return nonEmpty(keys, fileName);
    }

    /** The keys found in a key file, refused when there are none. */
    static List<PublicKeyInfo> nonEmpty(List<PublicKeyInfo> keys, String fileName) {
        if (keys.isEmpty()) {
            throw new BadInputException(fileName + ": holds no public key");
        }
        return keys;
    }

    private static List<PublicKeyInfo> inspectOpenPgp(byte[] keyFileBytes, String fileName) {
        return PgpKeys.parse(keyFileBytes, fileName).infos();
    }

    /** Recognises the format of a key file from its first bytes; throws {@link BadInputException} for anything else. */
    public static Format detect(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw new BadInputException(fileName + ": empty key file; expected an OpenPGP public key, a PEM public key"
                    + " or an X.509 certificate");
        }
        if (bytes.length > MAX_KEY_FILE_BYTES) {
            throw new BadInputException(fileName + ": " + bytes.length + " bytes is too large for a key file (at most "
                    + MAX_KEY_FILE_BYTES + "; export an OpenPGP key with gpg --export-options export-minimal)");
        }
        int first = bytes[0] & 0xff;
        if (first == 0x30) {
            // A DER SEQUENCE; bit 7 is clear, so it can never be the first byte of an OpenPGP packet.
            return Format.DER;
        }
        if ((first & 0x80) != 0) {
            // RFC 9580 section 4.2: bit 7 marks a packet header; bit 6 selects the new (tag in bits 5-0) or the
            // legacy format (tag in bits 5-2).
            int tag = (first & 0x40) != 0 ? first & 0x3f : (first >> 2) & 0x0f;
            if (tag == 6) {
                return Format.OPENPGP_BINARY;
            }
            if (tag == 5) {
                throw new BadInputException(fileName + ": holds an OpenPGP secret key; pin only the public key"
                        + " (gpg --export FINGERPRINT), and keep the secret key out of the repository");
            }
            if (tag == 2) {
                throw new BadInputException(fileName + ": is an OpenPGP signature, not a public key");
            }
            throw new BadInputException(fileName + ": binary data starting with an OpenPGP packet of tag " + tag
                    + "; expected a Public-Key packet (tag 6)");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN PGP PRIVATE KEY BLOCK-----")) {
            throw new BadInputException(fileName + ": holds an OpenPGP private key block; pin only the public key"
                    + " (gpg --armor --export FINGERPRINT), and keep the private key out of the repository");
        }
        boolean pgp = text.contains(PGP_PUBLIC_ARMOUR);
        boolean pem = PEM_BEGIN.matcher(text).find();
        if (pgp && pem) {
            throw new BadInputException(fileName + ": mixes an OpenPGP key block with PEM blocks; keep one key per file");
        }
        if (pgp) {
            return Format.OPENPGP_ARMOURED;
        }
        if (pem) {
            return Format.PEM;
        }
        if (text.contains("-----BEGIN PGP SIGNATURE-----")) {
            throw new BadInputException(fileName + ": is an OpenPGP signature, not a public key");
        }
        throw new BadInputException(fileName + ": not a public key file: expected an OpenPGP public key"
                + " (armoured or binary), a PEM public key or an X.509 certificate (PEM or DER)");
    }
}
