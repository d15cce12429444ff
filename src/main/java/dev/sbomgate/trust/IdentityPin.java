package dev.sbomgate.trust;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.sigstore.CertificateIdentity;
import dev.sbomgate.text.Untrusted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What an identity pin trusts instead of a key: the signing certificate's identity, exactly or by a pattern, as
 * vouched for by one OIDC issuer (compared exactly). A Sigstore bundle whose verified certificate identity matches is
 * "signed by" the pin, as an OpenPGP signature is signed by a pinned key.
 *
 * @param issuer   the OIDC issuer, e.g. {@code https://token.actions.githubusercontent.com}; compared exactly
 * @param identity the certificate identity (subject alternative name), or the pattern when {@code pattern}
 * @param pattern  whether {@code identity} is a regular expression ({@link java.util.regex.Pattern} syntax) that must
 *                 match the whole identity: it is anchored at both ends whatever it says
 * @param claims   the v2 claim matchers on the verified publisher identity (docs/formats.md 2.4); {@link ClaimMatchers#NONE}
 *                 for a v1 pin
 */
public record IdentityPin(String issuer, String identity, boolean pattern, ClaimMatchers claims) {

    static final int MAX_LENGTH = 1024;

    /** Compiled patterns, shared: a trust store holds few, and bundles are checked from many threads. */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    public IdentityPin(String issuer, String identity, boolean pattern) {
        this(issuer, identity, pattern, ClaimMatchers.NONE);
    }

    public IdentityPin {
        claims = claims == null ? ClaimMatchers.NONE : claims;
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(identity, "identity");
        check(issuer, "an OIDC issuer");
        check(identity, pattern ? "an identity pattern" : "an identity");
        if (pattern) {
            compiled(identity);
        }
    }

    private static void check(String value, String what) {
        if (value.isBlank() || value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)
                || !value.strip().equals(value)) {
            throw new IllegalArgumentException(what + " is 1 to " + MAX_LENGTH + " characters on one line, without"
                    + " surrounding white space, got '" + Untrusted.printable(value) + "'");
        }
    }

    private static Pattern compiled(String regex) {
        Pattern cached = COMPILED.get(regex);
        if (cached != null) {
            return cached;
        }
        try {
            Pattern compiledPattern = Pattern.compile(regex);
            COMPILED.put(regex, compiledPattern);
            return compiledPattern;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("identity pattern '" + Untrusted.printable(regex) + "' is not a regular"
                    + " expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** Whether a verified certificate identity from this issuer is the one pinned (the whole of it). */
    public boolean matches(String certificateIssuer, String certificateIdentity) {
        if (!issuer.equals(certificateIssuer)) {
            return false;
        }
        return pattern ? compiled(identity).matcher(certificateIdentity).matches() : identity.equals(certificateIdentity);
    }

    /**
     * The pin's fingerprint: SHA-256 of {@code issuer LF identity} (UTF-8) for an exact pin, which is also the
     * fingerprint of the certificate identity it names ({@link CertificateIdentity#fingerprint()}); SHA-256 of
     * {@code issuer LF pattern LF} for a pattern, so that no exact pin and pattern pin share one.
     */
    public Fingerprint fingerprint() {
        if (!claims.isEmpty()) {
            // docs/formats.md 2.4: "v2" LF issuer LF M LF, then name=value LF per present matcher, in table order.
            StringBuilder text = new StringBuilder("v2\n").append(issuer).append('\n')
                    .append(pattern ? "~" + identity : "=" + identity).append('\n');
            claims.lines().forEach(line -> text.append(line).append('\n'));
            try {
                return Fingerprint.of(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no SHA-256", e);
            }
        }
        if (!pattern) {
            return CertificateIdentity.fingerprintOf(issuer, identity);
        }
        try {
            return Fingerprint.of(MessageDigest.getInstance("SHA-256")
                    .digest((issuer + "\n" + identity + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** {@code IDENTITY from ISSUER} or {@code identities matching PATTERN from ISSUER}. */
    public String describe() {
        return (pattern ? "identities matching " : "") + identity + " from " + issuer
                + (claims.isEmpty() ? "" : " with " + String.join(", ", claims.lines()));
    }
}
