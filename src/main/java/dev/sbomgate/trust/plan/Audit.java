package dev.sbomgate.trust.plan;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.baseline.EvidenceCheck;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.Purl;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code trust audit}: what in the pinned trust store deserves a look. Pinned keys that expire within N days (or have
 * expired, or are revoked), keys that sign nothing in the current baseline, scopes wider than what the key signs
 * ({@link Scopes#isWide}, or covering none of it), and weak algorithms (RSA under 2048 bits, DSA, ElGamal:
 * {@link dev.sbomgate.signature.PublicKeyInfo#weakness}). Pure: the store's pins and the baseline in, findings out.
 */
public final class Audit {

    private Audit() {
    }

    /** What a finding is about. */
    public enum Kind { EXPIRED, EXPIRING, REVOKED, WEAK_ALGORITHM, SIGNS_NOTHING, WIDE_SCOPE }

    /**
     * One audit finding.
     *
     * @param kind        what it is about
     * @param fingerprint the pin
     * @param name        the pin's name
     * @param detail      one line for people
     */
    public record Finding(Kind kind, Fingerprint fingerprint, String name, String detail) {
        public Finding {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The findings, by pin (sorted by fingerprint) then kind.
     *
     * @param pins     the store's pins
     * @param baseline the current baseline, or null when there is none (the baseline checks are then skipped)
     * @param now      the clock
     * @param days     how far ahead an expiry is reported
     */
    public static List<Finding> of(List<PinnedKey> pins, Baseline baseline, Instant now, int days) {
        Map<Fingerprint, TreeMap<String, Purl>> signs = baseline == null ? Map.of() : signedPurls(baseline);
        List<Finding> findings = new ArrayList<>();
        List<PinnedKey> sorted = new ArrayList<>(pins);
        sorted.sort(java.util.Comparator.comparing(PinnedKey::fingerprint));
        for (PinnedKey pin : sorted) {
            Fingerprint fp = pin.fingerprint();
            if (!pin.isIdentity()) {
                Instant expires = pin.key().expires();
                if (expires != null && !expires.isAfter(now)) {
                    findings.add(new Finding(Kind.EXPIRED, fp, pin.name(), "expired " + expires
                            + "; its new signatures are KEY_NOT_VALID: refresh it ('trust refresh') if its holder extended it"));
                } else if (expires != null && expires.isBefore(now.plus(Duration.ofDays(days)))) {
                    long left = Duration.between(now, expires).toDays();
                    findings.add(new Finding(Kind.EXPIRING, fp, pin.name(), "expires " + expires + ", in " + left
                            + " day" + (left == 1 ? "" : "s") + " (within " + days + "); ask its holder for the extended"
                            + " key, then 'sbomgate trust refresh KEYFILE'"));
                }
                if (pin.key().revoked()) {
                    findings.add(new Finding(Kind.REVOKED, fp, pin.name(), "its key file carries a revocation; remove"
                            + " the pin once nothing approved depends on it"));
                }
                String weakness = pin.key().weakness();
                if (weakness != null) {
                    findings.add(new Finding(Kind.WEAK_ALGORITHM, fp, pin.name(), pin.key().algorithm() + " " + weakness
                            + ": its signatures are WEAK_CRYPTO and never count"));
                }
            }
            if (baseline == null) {
                continue;
            }
            TreeMap<String, Purl> signed = signs.getOrDefault(fp, new TreeMap<>());
            if (signed.isEmpty()) {
                findings.add(new Finding(Kind.SIGNS_NOTHING, fp, pin.name(), "signs none of the "
                        + baseline.components().size() + " approved components; remove it if nothing will need it"
                        + " ('sbomgate trust remove " + fp + "')"));
                continue;
            }
            List<String> narrowest = Scopes.narrowest(signed.values()).stream().map(PurlPattern::toString).toList();
            for (PurlPattern scope : pin.scopes()) {
                long covered = signed.values().stream().filter(scope::matches).count();
                if (covered == 0) {
                    findings.add(new Finding(Kind.WIDE_SCOPE, fp, pin.name(), "scope " + scope + " covers none of the "
                            + signed.size() + " approved components it signs; narrow it to " + narrowest));
                } else if (Scopes.isWide(scope)) {
                    findings.add(new Finding(Kind.WIDE_SCOPE, fp, pin.name(), "scope " + scope + " is wider than what"
                            + " it signs (" + covered + " approved component" + (covered == 1 ? "" : "s") + "); the"
                            + " narrowest covering them: " + narrowest));
                }
            }
        }
        return findings;
    }

    /** For each signer (pin fingerprint), the approved purls whose deciding signature or verified evidence it made. */
    private static Map<Fingerprint, TreeMap<String, Purl>> signedPurls(Baseline baseline) {
        Map<Fingerprint, TreeMap<String, Purl>> out = new TreeMap<>();
        for (BaselineComponent c : baseline.components()) {
            Purl purl = c.component().purl();
            if (purl == null) {
                continue;
            }
            TreeSet<Fingerprint> signers = new TreeSet<>();
            if (c.signer() != null) {
                signers.add(c.signer());
            }
            if (c.evidence() != null) {
                for (EvidenceCheck check : c.evidence().checks()) {
                    signers.add(check.signer());
                }
            }
            for (Fingerprint signer : signers) {
                out.computeIfAbsent(signer, k -> new TreeMap<>()).put(purl.toString(), purl);
            }
        }
        return out;
    }
}
