package dev.sbomgate.rules;

import dev.sbomgate.baseline.ApprovedTrust;
import dev.sbomgate.baseline.ApprovedTrust.Pin;
import dev.sbomgate.model.Fingerprint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The difference between the pinned set an approval recorded and the loaded store's, pin by pin, per the change table
 * of docs/formats.md §1.5. Pure. Whether a change widens trust is decided syntactically and fails closed: a new scope
 * is narrower only when an old scope of the same pin provably covers it.
 */
final class TrustStoreChanges {

    /** How a change weighs. */
    enum Weight {
        /** Widens what the store trusts: blocks until approved. */
        WIDENS,
        /** Narrows it: reported as info. */
        NARROWS,
        /** Neither (a name, key material with nothing else): shown. */
        SHOWN
    }

    /** One change, as a report line. */
    record Change(Weight weight, String text) {
        Change {
            Objects.requireNonNull(weight, "weight");
            Objects.requireNonNull(text, "text");
        }
    }

    private TrustStoreChanges() {
    }

    /**
     * Every change from {@code approved} to {@code current}: pins added and removed first (by fingerprint), then each
     * kept pin's changes, then ignored keys, then the trusted root.
     *
     * @param signedApproved how many approved components each fingerprint signed (a removed pin that signed one blocks)
     */
    static List<Change> between(ApprovedTrust approved, ApprovedTrust current, Map<Fingerprint, List<String>> signedApproved) {
        List<Change> changes = new ArrayList<>();
        TreeMap<Fingerprint, Pin> before = new TreeMap<>();
        approved.pins().forEach(p -> before.put(p.fingerprint(), p));
        TreeMap<Fingerprint, Pin> after = new TreeMap<>();
        current.pins().forEach(p -> after.put(p.fingerprint(), p));
        for (Pin pin : after.values()) {
            if (!before.containsKey(pin.fingerprint())) {
                changes.add(new Change(Weight.WIDENS, "+ " + describe(pin) + " scopes " + String.join(", ", pin.scopes())
                        + (pin.notBefore() == null && pin.notAfter() == null ? "" : ", window " + window(pin))));
            }
        }
        for (Pin pin : before.values()) {
            if (!after.containsKey(pin.fingerprint())) {
                List<String> signed = signedApproved.getOrDefault(pin.fingerprint(), List.of());
                changes.add(signed.isEmpty()
                        ? new Change(Weight.NARROWS, "- " + describe(pin) + " (signs nothing approved)")
                        : new Change(Weight.WIDENS, "- " + describe(pin) + ", which signed " + signed.size()
                                + " approved component(s): " + String.join(", ", signed.stream().limit(3).toList())
                                + (signed.size() > 3 ? ", …" : "")));
            }
        }
        for (Pin now : after.values()) {
            Pin then = before.get(now.fingerprint());
            if (then != null) {
                changes.addAll(pinChanges(then, now));
            }
        }
        Map<String, ApprovedTrust.IgnoredKey> ignoredBefore = new TreeMap<>();
        approved.ignoredKeys().forEach(k -> ignoredBefore.put(k.id(), k));
        Map<String, ApprovedTrust.IgnoredKey> ignoredAfter = new TreeMap<>();
        current.ignoredKeys().forEach(k -> ignoredAfter.put(k.id(), k));
        ignoredBefore.forEach((id, key) -> {
            if (!ignoredAfter.containsKey(id)) {
                changes.add(new Change(Weight.WIDENS, "ignored key " + id + " removed (its signatures now count)"));
            } else if (!ignoredAfter.get(id).reason().equals(key.reason())) {
                changes.add(new Change(Weight.SHOWN, "ignored key " + id + ": reason changed"));
            }
        });
        ignoredAfter.forEach((id, key) -> {
            if (!ignoredBefore.containsKey(id)) {
                changes.add(new Change(Weight.NARROWS, "ignored key " + id + " added"));
            }
        });
        if (!Objects.equals(approved.trustedRoot(), current.trustedRoot())) {
            changes.add(new Change(Weight.WIDENS, approved.trustedRoot() == null ? "Sigstore trusted root added"
                    : current.trustedRoot() == null ? "Sigstore trusted root removed"
                    : "Sigstore trusted root changed (SHA-256 " + approved.trustedRoot().substring(0, 16) + "… → "
                    + current.trustedRoot().substring(0, 16) + "…)"));
        }
        return changes;
    }

    private static List<Change> pinChanges(Pin then, Pin now) {
        List<Change> changes = new ArrayList<>();
        String who = describe(now) + ": ";
        if (then.type() != now.type()) {
            changes.add(new Change(Weight.WIDENS, who + "type changed " + then.type().text() + " → " + now.type().text()));
        }
        List<String> added = now.scopes().stream().filter(s -> !then.scopes().contains(s)).toList();
        List<String> removed = then.scopes().stream().filter(s -> !now.scopes().contains(s)).toList();
        List<String> reported = new ArrayList<>();
        for (String scope : added) {
            String coveringOld = then.scopes().stream().filter(old -> covers(old, scope)).findFirst().orElse(null);
            if (coveringOld != null) {
                changes.add(new Change(Weight.NARROWS, who + "scope narrowed " + coveringOld + " → " + scope));
                reported.add(coveringOld);
                continue;
            }
            String widenedOld = removed.stream().filter(old -> covers(scope, old)).findFirst().orElse(null);
            if (widenedOld != null) {
                changes.add(new Change(Weight.WIDENS, who + "scope widened " + widenedOld + " → " + scope));
                reported.add(widenedOld);
            } else {
                changes.add(new Change(Weight.WIDENS, who + "scope added " + scope));
            }
        }
        for (String scope : removed) {
            if (!reported.contains(scope)) {
                changes.add(new Change(Weight.NARROWS, who + "scope removed " + scope));
            }
        }
        if (!Objects.equals(then.notBefore(), now.notBefore()) || !Objects.equals(then.notAfter(), now.notAfter())) {
            boolean wider = earlierStart(now.notBefore(), then.notBefore()) || laterEnd(now.notAfter(), then.notAfter());
            changes.add(new Change(wider ? Weight.WIDENS : Weight.NARROWS, who + "window " + (wider ? "widened " : "narrowed ")
                    + window(then) + " → " + window(now)));
        }
        if (!Objects.equals(then.expires(), now.expires())) {
            boolean later = now.expires() == null || then.expires() != null && now.expires().isAfter(then.expires());
            changes.add(new Change(later ? Weight.WIDENS : Weight.NARROWS, who + "expiry " + (now.expires() == null
                    ? "removed (was " + then.expires() + ")" : then.expires() == null ? "added " + now.expires()
                    : (later ? "later " : "earlier ") + then.expires() + " → " + now.expires())));
        }
        for (Fingerprint sub : now.signingKeys()) {
            if (!then.signingKeys().contains(sub)) {
                changes.add(new Change(Weight.WIDENS, who + "signing subkey added " + sub));
            }
        }
        for (Fingerprint sub : then.signingKeys()) {
            if (!now.signingKeys().contains(sub)) {
                changes.add(new Change(Weight.NARROWS, who + "signing subkey removed " + sub));
            }
        }
        if (!Objects.equals(then.revoked(), now.revoked())) {
            if (now.revoked() == null) {
                changes.add(new Change(Weight.WIDENS, who + "revocation removed (was " + revocation(then.revoked()) + ")"));
            } else if (then.revoked() == null) {
                changes.add(new Change(Weight.NARROWS, who + "revoked: " + revocation(now.revoked())));
            } else {
                changes.add(new Change(stricter(now.revoked(), then.revoked()) ? Weight.NARROWS : Weight.WIDENS,
                        who + "revocation changed " + revocation(then.revoked()) + " → " + revocation(now.revoked())));
            }
        }
        if (!then.name().equals(now.name())) {
            changes.add(new Change(Weight.SHOWN, describe(then) + ": renamed to '" + now.name() + "'"));
        }
        if (!then.material().equals(now.material())) {
            changes.add(new Change(Weight.SHOWN, who + "key material changed (SHA-256 " + then.material().substring(0, 16)
                    + "… → " + now.material().substring(0, 16) + "…)"));
        }
        return changes;
    }

    /** Whether revocation {@code a} voids at least what {@code b} does: compromised voids all; else an earlier date. */
    private static boolean stricter(ApprovedTrust.Revocation a, ApprovedTrust.Revocation b) {
        if (a.reason() == ApprovedTrust.RevocationReason.COMPROMISED) {
            return true;
        }
        if (b.reason() == ApprovedTrust.RevocationReason.COMPROMISED) {
            return false;
        }
        // A revocation without a date voids from the start of time (fail closed), so it is the strictest.
        return a.date() == null || b.date() != null && !a.date().isAfter(b.date());
    }

    private static boolean earlierStart(LocalDate now, LocalDate then) {
        return then != null && (now == null || now.isBefore(then));
    }

    private static boolean laterEnd(LocalDate now, LocalDate then) {
        return then != null && (now == null || now.isAfter(then));
    }

    private static String revocation(ApprovedTrust.Revocation revocation) {
        return revocation.reason().text() + (revocation.date() == null ? "" : " " + revocation.date());
    }

    static String describe(Pin pin) {
        String kind = switch (pin.type()) {
            case IDENTITY -> "identity";
            case REGISTRY -> "registry key";
            default -> "key";
        };
        return kind + " " + pin.fingerprint() + " (" + ChangeRuleTexts.plain(pin.name()) + ")";
    }

    private static String window(Pin pin) {
        if (pin.notBefore() == null && pin.notAfter() == null) {
            return "always";
        }
        return (pin.notBefore() == null ? "" : pin.notBefore().toString()) + ".." + (pin.notAfter() == null ? ""
                : pin.notAfter().toString());
    }

    /**
     * Whether scope {@code wide} provably covers every purl scope {@code narrow} covers, from their canonical texts
     * (docs/formats.md §1.5): the same text; or two globs of the same type and segment count, each segment of
     * {@code narrow} matched by {@code wide}'s glob as a literal (a {@code *} of {@code narrow} only by a {@code *}
     * of {@code wide}), and {@code wide} without a version or with a version glob that matches {@code narrow}'s the
     * same way. A Maven range is covered only by no version, {@code *} or the same range; a regex only by itself.
     * Anything else is not covered (fail closed).
     */
    static boolean covers(String wide, String narrow) {
        if (wide.equals(narrow)) {
            return true;
        }
        Glob w = Glob.parse(wide);
        Glob n = Glob.parse(narrow);
        if (w == null || n == null || !w.type.equals(n.type) || w.segments.size() != n.segments.size()) {
            return false;
        }
        for (int i = 0; i < w.segments.size(); i++) {
            if (!globCoversLiteral(w.segments.get(i), n.segments.get(i))) {
                return false;
            }
        }
        if (w.version == null) {
            return true;
        }
        if (n.version == null) {
            return false;
        }
        if (isRange(w.version)) {
            return false; // a range covers another only when identical (the texts were not)
        }
        if (isRange(n.version)) {
            return w.version.equals("*");
        }
        return globCoversLiteral(w.version, n.version);
    }

    private static boolean isRange(String version) {
        return version.startsWith("[") || version.startsWith("(");
    }

    /** Glob {@code glob} ({@code *} = any run) matches {@code text} taken literally, its {@code *} included. */
    static boolean globCoversLiteral(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                mark = t;
            } else if (g < glob.length() && glob.charAt(g) == text.charAt(t)) {
                g++;
                t++;
            } else if (star >= 0) {
                g = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    /** A glob or range scope's canonical text, split: type, decoded namespace and name segments, version (or null). */
    private record Glob(String type, List<String> segments, String version) {
        private static final Set<Character> HEX = Set.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C',
                'D', 'E', 'F', 'a', 'b', 'c', 'd', 'e', 'f');

        static Glob parse(String text) {
            if (!text.startsWith("pkg:")) {
                return null; // a regex scope ("regex:…") or an unknown form: decided only by identity
            }
            String rest = text.substring(4);
            String version = null;
            int at = rest.lastIndexOf('@');
            if (at > rest.lastIndexOf('/')) {
                version = decode(rest.substring(at + 1));
                if (version == null) {
                    return null;
                }
                rest = rest.substring(0, at);
            }
            String[] parts = rest.split("/", -1);
            if (parts.length < 2) {
                return null;
            }
            List<String> segments = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String decoded = decode(parts[i]);
                if (decoded == null) {
                    return null;
                }
                segments.add(decoded);
            }
            return new Glob(parts[0], segments, version);
        }

        /** Percent-decoding of one segment, or null when malformed (then nothing is decided from it). */
        private static String decode(String segment) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int i = 0;
            while (i < segment.length()) {
                int c = segment.codePointAt(i);
                if (c == '%') {
                    if (i + 2 >= segment.length() || !HEX.contains(segment.charAt(i + 1)) || !HEX.contains(segment.charAt(i + 2))) {
                        return null;
                    }
                    out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                    i += 3;
                } else {
                    byte[] bytes = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                    out.write(bytes, 0, bytes.length);
                    i += Character.charCount(c);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
