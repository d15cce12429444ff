package dev.sbomgate.rules;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Real trust stores for rule tests: the real OpenPGP keys committed under {@code signature/pgp/real/keys/}
 * (sources in {@code signature/pgp/real/SOURCES.md}), pinned with {@link TrustStoreWriter} into a temporary
 * directory and loaded back, exactly as {@code sbomgate trust add} would.
 */
final class TrustForRules {

    /** Jackson's 2022 release key (RuleFixtures.KEY_A) and its 2020 key, expired 2022-08-01 (RuleFixtures.KEY_B). */
    static final String JACKSON_SCOPE = "pkg:maven/com.fasterxml.jackson.core/*";

    private TrustForRules() {
    }

    /** One pin to make: a committed key, a name, a window, and its scopes. */
    record Pin(Fingerprint fingerprint, String name, LocalDate notBefore, LocalDate notAfter, List<String> scopes) {
    }

    static Pin pin(Fingerprint fingerprint, String name, String... scopes) {
        return new Pin(fingerprint, name, null, null, Arrays.asList(scopes));
    }

    static Pin pinUntil(Fingerprint fingerprint, String name, LocalDate notAfter, String... scopes) {
        return new Pin(fingerprint, name, null, notAfter, Arrays.asList(scopes));
    }

    /** A trust store in {@code dir} holding these pins. */
    static TrustStore store(Path dir, Pin... pins) {
        TrustStoreWriter writer = new TrustStoreWriter(dir);
        for (Pin pin : pins) {
            writer.add(key(pin.fingerprint()), pin.fingerprint() + ".asc", pin.name(),
                    pin.scopes().stream().map(PurlPattern::parse).toList(), pin.notBefore(), pin.notAfter());
        }
        return TrustStoreLoader.load(dir);
    }

    private static byte[] key(Fingerprint fingerprint) {
        String resource = "/signature/pgp/real/keys/" + fingerprint.hex() + ".asc";
        try (InputStream in = TrustForRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
