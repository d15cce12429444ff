package dev.sbomgate.rules;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Wording the integrity rules share: signers with their pin names, digests, signature outcomes, scope patterns. */
final class IntegrityText {

    private IntegrityText() {
    }

    /** {@code FINGERPRINT ('pin name')}, or {@code FINGERPRINT (not pinned)}: always the full fingerprint. */
    static String signer(TrustStore trust, Fingerprint fingerprint) {
        if (fingerprint == null) {
            return "(unknown key)";
        }
        return fingerprint + trust.find(fingerprint).map(k -> " ('" + k.name() + "')").orElse(" (not pinned)");
    }

    /** The pin's name, scopes and window, for a key the trust store holds. */
    static String pin(PinnedKey key) {
        return "'" + key.name() + "' (" + key.fingerprint() + "), pinned for " + scopes(key) + ", window " + key.window();
    }

    static String scopes(PinnedKey key) {
        return key.scopes().stream().map(PurlPattern::toString).collect(Collectors.joining(", "));
    }

    /** What one signature check found: status, file, signer or issuer, time, algorithm and the verifier's detail. */
    static String check(SignatureCheck check, TrustStore trust) {
        StringBuilder sb = new StringBuilder(check.status().name());
        if (check.signatureFile() != null) {
            sb.append(" in ").append(check.signatureFile());
        }
        if (check.signer() != null) {
            sb.append(", signer ").append(signer(trust, check.signer()));
            if (check.signingKey() != null && !check.signingKey().equals(check.signer())) {
                sb.append(" via subkey ").append(check.signingKey());
            }
        } else if (check.issuer() != null) {
            sb.append(", issuer ").append(check.issuer());
        }
        if (check.created() != null) {
            sb.append(", made ").append(check.created());
        }
        if (check.algorithm() != null) {
            sb.append(", ").append(check.algorithm());
        }
        if (!check.detail().isBlank()) {
            sb.append(": ").append(check.detail());
        }
        return sb.toString();
    }

    /** Digests as {@code SHA-256:hex}, space separated, or {@code (none)}. */
    static String digests(List<Digest> digests) {
        return digests.isEmpty() ? "(none)" : digests.stream().map(Digest::toString).collect(Collectors.joining(" "));
    }

    static String version(Component component) {
        String v = component.effectiveVersion();
        return v == null ? "(no version)" : v;
    }

    /** The artifact file when one was found, for "found" texts. */
    static String artifact(Evidence evidence) {
        return evidence.artifact() == null ? "its artifact" : evidence.artifact().toString();
    }

    /**
     * A scope pattern to pin a publisher's key for this package: every package of its namespace
     * ({@code pkg:maven/org.example/*}, {@code pkg:npm/@acme/*}), or the package itself when the purl has no
     * namespace ({@code pkg:pypi/requests}), since a wildcard there would cover a whole ecosystem.
     */
    static String scopeFor(Purl purl) {
        if (purl == null) {
            return "PATTERN";
        }
        try {
            if (purl.namespace() == null) {
                return new PurlPattern(purl.type(), List.of(), purl.name(), null).toString();
            }
            return new PurlPattern(purl.type(), Arrays.asList(purl.namespace().split("/", -1)), "*", null).toString();
        } catch (IllegalArgumentException e) {
            // A namespace or name no pattern can express (e.g. one holding '*'): let the user write it.
            return "PATTERN";
        }
    }

    /** The command that pins a key file for this purl, with a placeholder for the name. */
    static String trustAdd(Purl purl) {
        return "sbomgate trust add KEYFILE --name '<publisher> release key' --scope '" + scopeFor(purl) + "'";
    }
}
