package dev.sbomgate.trust.imports;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.signature.pgp.PgpKeys;
import dev.sbomgate.trust.PurlPattern;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code trust import}'s core: recognises what a source file is by its content (never its name) and maps it with the
 * importer of its format. Pure: bytes in, an {@link ImportResult} out; the command reads and writes the files.
 */
public final class TrustImport {

    private TrustImport() {
    }

    /** Which format the bytes are, by content. */
    public static ImportResult.Format detect(byte[] bytes, String source) {
        if (bytes.length == 0) {
            throw new BadInputException(source + ": empty file; expected an OpenPGP keyring, Gradle's"
                    + " verification-metadata.xml or a pgpverify keys map");
        }
        if ((bytes[0] & 0x80) != 0) {
            return ImportResult.Format.OPENPGP_KEYRING; // binary OpenPGP packets (RFC 9580 section 4.2)
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
            return ImportResult.Format.OPENPGP_KEYRING;
        }
        if (text.contains("-----BEGIN PGP PRIVATE KEY BLOCK-----")) {
            throw new BadInputException(source + ": holds an OpenPGP private key block; import only public keys");
        }
        if (GradleImport.recognises(bytes)) {
            return ImportResult.Format.GRADLE_VERIFICATION_METADATA;
        }
        if (text.stripLeading().startsWith("<")) {
            throw new BadInputException(source + ": an XML file that is not Gradle's verification-metadata.xml (no"
                    + " <verification-metadata> root)");
        }
        if (bytes.length > 0 && text.lines().anyMatch(l -> !l.strip().startsWith("#") && l.contains("="))) {
            return ImportResult.Format.PGPVERIFY_KEYSMAP;
        }
        throw new BadInputException(source + ": not an OpenPGP keyring, Gradle's verification-metadata.xml or a"
                + " pgpverify keys map (no 'PATTERN = KEY' line)");
    }

    /**
     * Maps the source. {@code keyring} is the key material ({@code --keyring}, or for a keyring source the source
     * itself); {@code scopes} the {@code --scope} patterns (keyrings only); {@code today} dates printed waivers.
     */
    public static ImportResult map(byte[] bytes, String source, PgpKeys keyring, List<PurlPattern> scopes,
                                   boolean allowWide, LocalDate today) {
        ImportResult.Format format = detect(bytes, source);
        switch (format) {
            case OPENPGP_KEYRING -> {
                PgpKeys keys = keyring != null ? PgpKeys.union(List.of(PgpKeys.parse(bytes, source), keyring))
                        : PgpKeys.parse(bytes, source);
                try {
                    return KeyringImport.map(Keyring.of(keys), scopes, allowWide);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(source + ": " + e.getMessage());
                }
            }
            case GRADLE_VERIFICATION_METADATA -> {
                requireNoScopes(scopes, source, "Gradle's file scopes every key itself");
                return GradleImport.map(bytes, source, keyring == null ? Keyring.none() : Keyring.of(keyring), allowWide);
            }
            default -> {
                requireNoScopes(scopes, source, "the keys map scopes every key itself");
                return KeysmapImport.map(bytes, source, keyring == null ? Keyring.none() : Keyring.of(keyring), allowWide,
                        today);
            }
        }
    }

    private static void requireNoScopes(List<PurlPattern> scopes, String source, String why) {
        if (!scopes.isEmpty()) {
            throw new BadInputException(source + ": --scope is for keyrings; " + why);
        }
    }
}
