package dev.sbomgate.trust.imports;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.trust.IgnoredKey;
import dev.sbomgate.trust.PurlPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what the entries of one source map to, shared by the three importers: resolves each key reference in the
 * keyring, refuses what cannot be pinned exactly (unknown or ambiguous key, revoked key, a scope matching every
 * namespace without {@code --allow-wide}, a key the same source ignores), and merges the scopes of entries naming one
 * key into one pin.
 */
final class Mapping {

    /** Scopes one pin may hold: TrustIndex's bound (docs/limits.md). */
    static final int MAX_SCOPES_PER_PIN = 256;

    private record Contribution(int line, String entry, List<PurlPattern> scopes, String via) {
    }

    private record IgnoredEntry(IgnoredKey key, int line, String entry) {
    }

    private final Keyring keyring;
    private final boolean allowWide;
    private final Map<Fingerprint, List<Contribution>> pins = new TreeMap<>();
    private final List<IgnoredEntry> ignored = new ArrayList<>();
    private final List<ImportResult.Refusal> refused = new ArrayList<>();
    private final List<String> notImported = new ArrayList<>();
    private final List<String> waivers = new ArrayList<>();
    private int entries;

    Mapping(Keyring keyring, boolean allowWide) {
        this.keyring = keyring;
        this.allowWide = allowWide;
    }

    /** An entry trusting the key {@code reference} for these scopes. */
    void pin(String reference, List<PurlPattern> scopes, int line, String entry) {
        entries++;
        Keyring.Resolution resolution = keyring.resolve(reference);
        if (resolution.error() != null) {
            refused.add(new ImportResult.Refusal(line, shown(entry), resolution.error()));
            return;
        }
        pinResolved(resolution.primary(), scopes, line, entry, reference);
    }

    /** An entry trusting a primary key of the keyring itself (keyring import). */
    void pinPrimary(Fingerprint primary, List<PurlPattern> scopes) {
        entries++;
        pinResolved(primary, scopes, 0, primary.hex(), primary.hex());
    }

    private void pinResolved(Fingerprint primary, List<PurlPattern> scopes, int line, String entry, String reference) {
        PublicKeyInfo info = keyring.info(primary);
        if (info.revoked()) {
            refused.add(new ImportResult.Refusal(line, shown(entry), "key " + primary + " carries a revocation; a"
                    + " revoked key cannot be pinned"));
            return;
        }
        for (PurlPattern scope : scopes) {
            if (!allowWide && scope.matchesEveryNamespace()) {
                refused.add(new ImportResult.Refusal(line, shown(entry), "scope " + shown(scope.toString())
                        + " matches every namespace (all of " + scope.type() + "); refused unless --allow-wide"));
                return;
            }
        }
        String hex = reference.replace(" ", "").toUpperCase(java.util.Locale.ROOT).replaceFirst("^0X", "");
        String via = hex.equals(primary.hex()) ? null
                : hex.length() == 16 ? "key ID " + hex : "subkey " + hex;
        pins.computeIfAbsent(primary, f -> new ArrayList<>()).add(new Contribution(line, entry, scopes, via));
    }

    /** An entry ignoring a key's signatures. */
    void ignore(IgnoredKey key, int line, String entry) {
        entries++;
        if (ignored.stream().anyMatch(i -> i.key().id().equals(key.id()))) {
            return; // the same key ignored twice: one entry
        }
        ignored.add(new IgnoredEntry(key, line, entry));
    }

    /** An entry that cannot be imported exactly. */
    void refuse(int line, String entry, String reason) {
        entries++;
        refused.add(new ImportResult.Refusal(line, shown(entry), reason));
    }

    /** Something the source holds that is not imported (reported, never dropped silently). */
    void notImported(String line) {
        notImported.add(line);
    }

    /** An entry that maps to something other than a pin or an ignored key (a printed waiver). */
    void countEntry() {
        entries++;
    }

    void waiver(String yaml) {
        waivers.add(yaml);
    }

    ImportResult result(ImportResult.Format format) {
        List<ImportedPin> out = new ArrayList<>();
        for (Map.Entry<Fingerprint, List<Contribution>> pin : pins.entrySet()) {
            Fingerprint primary = pin.getKey();
            IgnoredEntry ignoring = ignored.stream().filter(i -> ignores(i.key(), primary)).findFirst().orElse(null);
            if (ignoring != null) {
                // Gradle ignores the signatures of an ignored key even where a trusted-key names it: pinning it would
                // accept what the source refuses.
                for (Contribution c : pin.getValue()) {
                    refused.add(new ImportResult.Refusal(c.line(), shown(c.entry()), "key " + primary + " is also"
                            + " ignored" + (ignoring.line() > 0 ? " (line " + ignoring.line() + ")" : "")
                            + ", so its signatures never count there; not pinned"));
                }
                continue;
            }
            List<PurlPattern> scopes = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            List<String> vias = new ArrayList<>();
            for (Contribution c : pin.getValue()) {
                scopes.addAll(c.scopes());
                if (c.line() > 0) {
                    lines.add(c.line());
                }
                if (c.via() != null) {
                    vias.add(c.via());
                }
            }
            ImportedPin imported = new ImportedPin(keyring.info(primary), scopes, keyring.armoured(primary), lines, vias);
            if (imported.scopes().size() > MAX_SCOPES_PER_PIN) {
                for (Contribution c : pin.getValue()) {
                    refused.add(new ImportResult.Refusal(c.line(), shown(c.entry()), "key " + primary + " would need "
                            + imported.scopes().size() + " scopes, more than the " + MAX_SCOPES_PER_PIN
                            + " a pin may hold"));
                }
                continue;
            }
            out.add(imported);
        }
        refused.sort(java.util.Comparator.comparingInt(ImportResult.Refusal::line));
        List<IgnoredKey> ignoredKeys = ignored.stream().map(IgnoredEntry::key).sorted().toList();
        return new ImportResult(format, out, ignoredKeys, refused, notImported, waivers, entries);
    }

    private boolean ignores(IgnoredKey key, Fingerprint primary) {
        if (key.matchesFingerprint(primary)) {
            return true;
        }
        return keyring.subkeysOf(primary).stream().anyMatch(key::matchesFingerprint);
    }

    static String shown(String text) {
        String one = Untrusted.printable(text == null ? "" : text.strip().replaceAll("[ \t]+", " "));
        return one.length() <= 300 ? one : one.substring(0, 300) + "…";
    }
}
