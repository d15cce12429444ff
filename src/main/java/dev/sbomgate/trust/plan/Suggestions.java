package dev.sbomgate.trust.plan;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns what {@code trust suggest} observed into a {@link TrustPlan} (docs/formats.md §2.9): one {@code add-key} per
 * candidate key that verifies a signature present, scoped to the narrowest patterns covering what it signed; one
 * {@code set-scopes} per pinned key that signed outside its scopes; and per signer whose key was not found or is not
 * usable, the components it blocks with the dated waiver that would accept them. Pure: no I/O.
 */
public final class Suggestions {

    /** How long a proposed waiver lasts: long enough to obtain a key, short enough to come back to it. */
    public static final int WAIVER_DAYS = 90;

    private Suggestions() {
    }

    /**
     * A candidate key and where the plan finds its file.
     *
     * @param info          what the key is (merged over every copy found)
     * @param keyFile       its file, as the plan names it (relative to the plan)
     * @param keyFileSha256 SHA-256 of that file's bytes
     */
    public record Candidate(PublicKeyInfo info, String keyFile, String keyFileSha256) {
        public Candidate {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(keyFileSha256, "keyFileSha256");
        }
    }

    /**
     * The plan for these observations.
     *
     * @param observations every unpinned signature seen
     * @param candidates   the candidate keys by primary fingerprint (at least every CANDIDATE_SIGNED signer)
     * @param store        the trust store the plan is made against
     * @param sbom         the SBOM, or null
     * @param now          the plan's time
     */
    public static TrustPlan plan(List<Observation> observations, Map<Fingerprint, Candidate> candidates, TrustStore store,
                                 TrustPlan.Sbom sbom, Instant now) {
        TreeMap<Fingerprint, TreeSet<String>> signedByCandidate = new TreeMap<>();
        TreeMap<Fingerprint, List<Purl>> candidatePurls = new TreeMap<>();
        TreeMap<Fingerprint, List<Purl>> outOfScope = new TreeMap<>();
        // issuer -> reason -> purls
        TreeMap<String, TreeMap<String, List<Purl>>> blocked = new TreeMap<>();
        for (Observation o : observations) {
            switch (o.outcome()) {
                case CANDIDATE_SIGNED -> {
                    PinnedKey pinned = store.find(o.signer()).orElse(null);
                    if (pinned != null) {
                        // The store pins this key, but its copy there lacks the (sub)key that signed.
                        blocked.computeIfAbsent(o.issuer(), k -> new TreeMap<>()).computeIfAbsent("signed by pinned key '"
                                + pinned.name() + "' (" + pinned.fingerprint() + ") with a subkey its pinned copy lacks;"
                                + " run 'sbomgate trust refresh' with the key file that has it", k -> new ArrayList<>())
                                .add(o.purl());
                    } else {
                        signedByCandidate.computeIfAbsent(o.signer(), k -> new TreeSet<>()).add(o.purl().toString());
                        candidatePurls.computeIfAbsent(o.signer(), k -> new ArrayList<>()).add(o.purl());
                    }
                }
                case PINNED_OUT_OF_SCOPE -> outOfScope.computeIfAbsent(o.signer(), k -> new ArrayList<>()).add(o.purl());
                case KEY_NOT_FOUND -> blocked.computeIfAbsent(o.issuer(), k -> new TreeMap<>())
                        .computeIfAbsent("key not found among the candidate keys (the evidence directory's keys/ and"
                                + " every --keyring)", k -> new ArrayList<>()).add(o.purl());
                case KEY_NOT_USABLE -> blocked.computeIfAbsent(o.issuer(), k -> new TreeMap<>())
                        .computeIfAbsent(o.detail(), k -> new ArrayList<>()).add(o.purl());
            }
        }
        List<TrustPlan.Pin> pins = new ArrayList<>();
        signedByCandidate.forEach((fingerprint, purls) -> {
            Candidate candidate = candidates.get(fingerprint);
            if (candidate == null) {
                throw new IllegalArgumentException("no candidate key " + fingerprint + " for the signatures it verified");
            }
            List<String> scopes = texts(Scopes.narrowest(candidatePurls.get(fingerprint)));
            if (scopes.isEmpty()) {
                return;
            }
            PublicKeyInfo info = candidate.info();
            pins.add(new TrustPlan.Pin(TrustPlan.Action.ADD_KEY, name(info), fingerprint, candidate.keyFile(),
                    candidate.keyFileSha256(), scopes, null, null, info(info, purls)));
        });
        outOfScope.forEach((fingerprint, purls) -> {
            PinnedKey pin = store.find(fingerprint).orElseThrow(() -> new IllegalArgumentException("signer " + fingerprint
                    + " is not pinned"));
            TreeSet<String> scopes = new TreeSet<>(texts(pin.scopes()));
            scopes.addAll(texts(Scopes.narrowest(purls)));
            TreeSet<String> signs = new TreeSet<>();
            purls.forEach(p -> signs.add(p.toString()));
            pins.add(new TrustPlan.Pin(TrustPlan.Action.SET_SCOPES, null, fingerprint, null, null, List.copyOf(scopes),
                    null, null, info(pin.key(), signs)));
        });
        LocalDate waiverEnd = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(WAIVER_DAYS);
        List<TrustPlan.Unresolved> unresolved = new ArrayList<>();
        blocked.forEach((issuer, byReason) -> byReason.forEach((reason, purls) -> {
            TreeMap<PurlPattern, TreeSet<String>> byScope = new TreeMap<>();
            for (Purl purl : purls) {
                Scopes.narrowest(purl).ifPresentOrElse(
                        scope -> byScope.computeIfAbsent(scope, k -> new TreeSet<>()).add(purl.toString()),
                        () -> unresolved.add(new TrustPlan.Unresolved(issuer, reason, List.of(purl.toString()), null)));
            }
            byScope.forEach((scope, components) -> unresolved.add(new TrustPlan.Unresolved(issuer, reason,
                    List.copyOf(components), new TrustPlan.Waiver("UNTRUSTED_SIGNER", scope.toString(),
                    "signed by " + issuer + ", whose key could not be obtained and pinned yet", waiverEnd))));
        }));
        return new TrustPlan(now, store.digest().toString(), sbom, pins, unresolved);
    }

    /** A name for the pin from the key's first user ID (its name part) and creation year, one line. */
    static String name(PublicKeyInfo info) {
        String year = info.created() == null ? "" : " " + info.created().atZone(ZoneOffset.UTC).getYear();
        String base;
        if (info.userIds().isEmpty()) {
            base = info.algorithm() + " key " + info.fingerprint().shortId();
        } else {
            String id = info.userIds().get(0);
            int mail = id.indexOf('<');
            base = (mail > 0 ? id.substring(0, mail) : id).strip();
            if (base.isEmpty()) {
                base = id.strip();
            }
        }
        String name = Untrusted.printable(base).replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            name = "key " + info.fingerprint().shortId();
        }
        int room = 200 - year.length();
        return (name.length() > room ? name.substring(0, room) : name) + year;
    }

    private static TrustPlan.Info info(PublicKeyInfo info, java.util.Collection<String> signs) {
        List<String> ids = info.userIds().stream().map(Untrusted::printable).toList();
        return new TrustPlan.Info(ids, info.algorithm(), info.created(), info.expires(), List.copyOf(new TreeSet<>(signs)));
    }

    private static List<String> texts(List<PurlPattern> patterns) {
        return patterns.stream().map(PurlPattern::toString).sorted().distinct().toList();
    }
}
