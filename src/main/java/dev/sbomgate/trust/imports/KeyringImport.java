package dev.sbomgate.trust.imports;

import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.trust.PurlPattern;
import java.util.List;

/**
 * Maps an OpenPGP keyring with any number of keys (armoured or binary: {@code gpg --export}, an Apache {@code KEYS}
 * file with text between its armour blocks, a Gradle {@code verification-keyring.keys}) to one pin per primary key,
 * each with the scopes given on the command line: a keyring says nothing about what its keys may sign.
 */
public final class KeyringImport {

    private KeyringImport() {
    }

    public static ImportResult map(Keyring keyring, List<PurlPattern> scopes, boolean allowWide) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a keyring says nothing about what its keys may sign: give --scope");
        }
        Mapping mapping = new Mapping(keyring, allowWide);
        for (PublicKeyInfo key : keyring.primaries()) {
            mapping.pinPrimary(key.fingerprint(), scopes);
        }
        return mapping.result(ImportResult.Format.OPENPGP_KEYRING);
    }
}
