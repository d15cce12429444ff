package dev.sbomgate.trust;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code trust.json} index: reading (strict: unknown or duplicate fields, wrong types and unknown versions are
 * errors) and canonical writing (fixed key order, entries sorted by fingerprint, scopes sorted, 2-space indent,
 * {@code \n} line ends, a trailing newline), so that the same store always gives the same bytes. Key pins are in
 * {@code keys}; identity pins (Sigstore) in {@code identities}, with the store's trusted root in {@code sigstore};
 * both are omitted when empty, so a store without them reads and writes exactly as before they existed.
 */
final class TrustIndex {

    static final String FILE_NAME = "trust.json";
    static final int VERSION = 1;
    static final int MAX_INDEX_BYTES = (int) Limits.TRUST_INDEX.bytes();
    /** Pins (and ignored keys) one index may hold (docs/limits.md). */
    static final int MAX_PINS = 10_000;
    /** Scopes one pin may hold (docs/limits.md). */
    static final int MAX_SCOPES_PER_PIN = 256;

    private static final Set<String> TOP_FIELDS = Set.of("version", "keys", "identities", "registryKeys", "ignoredKeys",
            "sigstore");
    /** trust.json version 2 (docs/formats.md 2): written only when a version-2 field is used. */
    static final int VERSION_2 = 2;
    private static final Set<String> IDENTITY_FIELDS = Set.of("name", "issuer", "identity", "identityPattern",
            "fingerprint", "scopes", "notBefore", "notAfter", "repository", "workflow", "refPattern", "triggers", "runner",
            "environment", "revoked");
    private static final Set<String> SIGSTORE_FIELDS = Set.of("trustedRoot");
    private static final Set<String> IGNORED_FIELDS = Set.of("id", "reason", "source");
    private static final Set<String> REGEX_SCOPE_FIELDS = Set.of("type", "namespace", "name", "version");
    private static final Set<String> KEY_FIELDS = Set.of("name", "type", "fingerprint", "file", "scopes", "notBefore",
            "notAfter", "revoked", "rotation");
    private static final Set<String> REVOKED_FIELDS = Set.of("date", "reason", "note");
    private static final Set<String> ROTATION_FIELDS = Set.of("from", "proof");
    private static final ObjectMapper JSON = Mappers.strictJson();

    private TrustIndex() {
    }

    /** One entry as written in the index, before its key file is read. */
    record Entry(String name, SignatureKind type, Fingerprint fingerprint, String file, List<PurlPattern> scopes,
                 LocalDate notBefore, LocalDate notAfter, PinRevocation revoked, Rotation rotation) {

        Entry {
            Objects.requireNonNull(fingerprint, "fingerprint");
            scopes = List.copyOf(scopes);
        }

        Entry(String name, SignatureKind type, Fingerprint fingerprint, String file, List<PurlPattern> scopes,
              LocalDate notBefore, LocalDate notAfter) {
            this(name, type, fingerprint, file, scopes, notBefore, notAfter, null, null);
        }
    }

    /** An identity pin as written in the index. */
    record IdentityEntry(String name, IdentityPin identity, List<PurlPattern> scopes, LocalDate notBefore,
                         LocalDate notAfter, PinRevocation revoked) {

        IdentityEntry {
            Objects.requireNonNull(identity, "identity");
            scopes = List.copyOf(scopes);
        }

        IdentityEntry(String name, IdentityPin identity, List<PurlPattern> scopes, LocalDate notBefore, LocalDate notAfter) {
            this(name, identity, scopes, notBefore, notAfter, null);
        }
    }

    /**
     * The whole index.
     *
     * @param keys        the key pins
     * @param identities  the identity pins
     * @param trustedRoot the Sigstore trusted root file, relative to the trust directory, or null
     */
    record Index(List<Entry> keys, List<IdentityEntry> identities, String trustedRoot, List<RegistryKeyPin> registryKeys,
                 List<IgnoredKey> ignoredKeys) {
        Index {
            keys = List.copyOf(keys);
            identities = List.copyOf(identities);
            registryKeys = List.copyOf(registryKeys);
            ignoredKeys = List.copyOf(ignoredKeys);
        }

        Index(List<Entry> keys, List<IdentityEntry> identities, String trustedRoot, List<RegistryKeyPin> registryKeys) {
            this(keys, identities, trustedRoot, registryKeys, List.of());
        }

        Index(List<Entry> keys, List<IdentityEntry> identities, String trustedRoot) {
            this(keys, identities, trustedRoot, List.of());
        }
    }

    static Index read(byte[] bytes, String indexName) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new BadInputException(indexName + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(indexName + ": expected a JSON object with 'version' and 'keys'");
        }
        checkFields(root, TOP_FIELDS, indexName, "top level");
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || (version.intValue() != VERSION && version.intValue() != VERSION_2)) {
            throw new BadInputException(indexName + ": expected \"version\": 1 or 2, found "
                    + (version == null ? "none" : version.toString()) + "; this sbomgate reads trust index versions 1 and 2"
                    + " (a higher one was written by a newer sbomgate)");
        }
        JsonNode keys = root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new BadInputException(indexName + ": expected \"keys\" to be an array");
        }
        if (keys.size() > MAX_PINS) {
            throw new BadInputException(indexName + ": more than " + MAX_PINS + " keys (limit, docs/limits.md)");
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode key : keys) {
            entries.add(entry(key, indexName + ": keys[" + index + "]"));
            index++;
        }
        List<IdentityEntry> identities = new ArrayList<>();
        JsonNode identityNodes = root.get("identities");
        if (identityNodes != null) {
            if (!identityNodes.isArray()) {
                throw new BadInputException(indexName + ": expected \"identities\" to be an array");
            }
            index = 0;
            for (JsonNode identity : identityNodes) {
                identities.add(identity(identity, indexName + ": identities[" + index + "]"));
                index++;
            }
        }
        String trustedRoot = null;
        JsonNode sigstore = root.get("sigstore");
        if (sigstore != null) {
            if (!sigstore.isObject()) {
                throw new BadInputException(indexName + ": expected \"sigstore\" to be an object with 'trustedRoot'");
            }
            checkFields(sigstore, SIGSTORE_FIELDS, indexName + ": sigstore", "sigstore object");
            trustedRoot = text(sigstore, "trustedRoot", indexName + ": sigstore", true);
            try {
                TrustPaths.checkRelative(trustedRoot);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(indexName + ": sigstore.trustedRoot: " + e.getMessage());
            }
        }
        List<RegistryKeyPin> registryKeys = RegistryKeys.readIndex(root.get("registryKeys"), indexName);
        if (version.intValue() == VERSION && (!registryKeys.isEmpty()
                || identities.stream().anyMatch(i -> !i.identity().claims().isEmpty()))) {
            throw new BadInputException(indexName + ": 'registryKeys' and identity claim matchers need \"version\": 2"
                    + " (docs/trust-store.md)");
        }
        List<IgnoredKey> ignoredKeys = ignoredKeys(root.get("ignoredKeys"), indexName);
        if (version.intValue() == VERSION && (entries.stream().anyMatch(e -> e.revoked() != null || e.rotation() != null)
                || identities.stream().anyMatch(i -> i.revoked() != null))) {
            throw new BadInputException(indexName + ": 'revoked' and 'rotation' need \"version\": 2 (docs/trust-store.md)");
        }
        if (version.intValue() == VERSION) {
            // docs/formats.md 2: a version 1 file holding a version 2 field is refused
            if (!ignoredKeys.isEmpty() || root.has("ignoredKeys")) {
                throw new BadInputException(indexName + ": 'ignoredKeys' needs \"version\": 2 (docs/trust-store.md)");
            }
            List<List<PurlPattern>> allScopes = new ArrayList<>();
            entries.forEach(e -> allScopes.add(e.scopes()));
            identities.forEach(i -> allScopes.add(i.scopes()));
            for (List<PurlPattern> scopes : allScopes) {
                for (PurlPattern scope : scopes) {
                    if (scope.needsVersion2()) {
                        throw new BadInputException(indexName + ": scope '" + Untrusted.printable(scope.toString())
                                + "' is a version range or regex scope, which needs \"version\": 2 (docs/trust-store.md)");
                    }
                }
            }
        }
        return new Index(entries, identities, trustedRoot, registryKeys, ignoredKeys);
    }

    /** The v2 {@code ignoredKeys} (docs/formats.md 2.6): sorted by id, an id listed twice refused. */
    private static List<IgnoredKey> ignoredKeys(JsonNode node, String indexName) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadInputException(indexName + ": expected \"ignoredKeys\" to be an array");
        }
        if (node.size() > MAX_PINS) {
            throw new BadInputException(indexName + ": more than " + MAX_PINS + " ignoredKeys (limit, docs/limits.md)");
        }
        List<IgnoredKey> keys = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : node) {
            String where = indexName + ": ignoredKeys[" + index++ + "]";
            if (!entry.isObject()) {
                throw new BadInputException(where + ": expected an object with 'id' and 'reason'");
            }
            checkFields(entry, IGNORED_FIELDS, where, "ignored key");
            IgnoredKey key;
            try {
                key = new IgnoredKey(text(entry, "id", where, true), text(entry, "reason", where, true),
                        text(entry, "source", where, false));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": " + e.getMessage());
            }
            if (keys.stream().anyMatch(k -> k.id().equals(key.id()))) {
                throw new BadInputException(where + ": key " + key.id() + " is ignored twice; keep one entry");
            }
            keys.add(key);
        }
        keys.sort(null);
        return keys;
    }

    private static IdentityEntry identity(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new BadInputException(where + ": expected an object");
        }
        checkFields(node, IDENTITY_FIELDS, where, "identity entry");
        String name = text(node, "name", where, true);
        where = where + " ('" + Untrusted.printable(name) + "')";
        String issuer = text(node, "issuer", where, true);
        String exact = text(node, "identity", where, false);
        String pattern = text(node, "identityPattern", where, false);
        if ((exact == null) == (pattern == null)) {
            throw new BadInputException(where + ": give exactly one of 'identity' (the exact certificate identity) and"
                    + " 'identityPattern' (a regular expression that must match all of it)");
        }
        IdentityPin identity;
        try {
            identity = new IdentityPin(issuer, exact != null ? exact : pattern, exact == null, claims(node, where));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
        String fingerprintText = text(node, "fingerprint", where, false);
        if (fingerprintText != null) {
            Fingerprint written;
            try {
                written = new Fingerprint(fingerprintText);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": fingerprint must be 64 hex digits, found '" + Untrusted.printable(fingerprintText) + "'");
            }
            if (!written.equals(identity.fingerprint())) {
                throw new BadInputException(where + ": fingerprint " + written + " is not the identity's ("
                        + identity.fingerprint() + "); the fingerprint is derived from issuer and identity: fix or drop it");
            }
        }
        List<PurlPattern> scopes = scopes(node, where);
        LocalDate notBefore = date(node, "notBefore", where);
        LocalDate notAfter = date(node, "notAfter", where);
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new BadInputException(where + ": notAfter " + notAfter + " is before notBefore " + notBefore);
        }
        return new IdentityEntry(name, identity, scopes, notBefore, notAfter, revoked(node, where));
    }

    /** The v2 claim matchers of an identity entry (docs/formats.md 2.4). */
    private static ClaimMatchers claims(JsonNode node, String where) {
        List<String> triggers = new ArrayList<>();
        JsonNode list = node.get("triggers");
        if (list != null) {
            if (!list.isArray() || list.isEmpty()) {
                throw new BadInputException(where + ": triggers must be a non-empty array of strings");
            }
            list.forEach(t -> triggers.add(t.asText()));
        }
        return new ClaimMatchers(text(node, "repository", where, false), text(node, "workflow", where, false),
                text(node, "refPattern", where, false), triggers, text(node, "runner", where, false),
                text(node, "environment", where, false));
    }

    private static Entry entry(JsonNode key, String where) {
        if (!key.isObject()) {
            throw new BadInputException(where + ": expected an object");
        }
        checkFields(key, KEY_FIELDS, where, "key entry");
        String name = text(key, "name", where, true);
        where = where + " ('" + Untrusted.printable(name) + "')";
        String typeName = text(key, "type", where, true);
        SignatureKind type;
        if ("openpgp".equals(typeName)) {
            type = SignatureKind.OPENPGP;
        } else if ("keypair".equals(typeName)) {
            type = SignatureKind.KEYPAIR;
        } else {
            throw new BadInputException(where + ": type must be 'openpgp' or 'keypair', found '" + Untrusted.printable(typeName) + "'"
                    + ("sigstore".equals(typeName) ? "; Sigstore identities are pinned in 'identities'" : ""));
        }
        Fingerprint fingerprint;
        String fingerprintText = text(key, "fingerprint", where, true);
        try {
            fingerprint = new Fingerprint(fingerprintText);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": fingerprint must be the full fingerprint (40 or 64 hex digits), found '"
                    + Untrusted.printable(fingerprintText) + "'");
        }
        String file = text(key, "file", where, true);
        try {
            TrustPaths.checkRelative(file);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
        List<PurlPattern> scopes = scopes(key, where);
        LocalDate notBefore = date(key, "notBefore", where);
        LocalDate notAfter = date(key, "notAfter", where);
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new BadInputException(where + ": notAfter " + notAfter + " is before notBefore " + notBefore);
        }
        return new Entry(name, type, fingerprint, file, scopes, notBefore, notAfter, revoked(key, where), rotation(key, where));
    }

    /** A pin's local revocation (docs/formats.md 2.2 {@code revoked}), or null. */
    static PinRevocation revoked(JsonNode node, String where) {
        JsonNode revoked = node.get("revoked");
        if (revoked == null) {
            return null;
        }
        if (!revoked.isObject()) {
            throw new BadInputException(where + ": revoked must be an object {date, reason, note}");
        }
        checkFields(revoked, REVOKED_FIELDS, where + ": revoked", "revoked object");
        LocalDate date = date(revoked, "date", where + ": revoked");
        if (date == null) {
            throw new BadInputException(where + ": revoked: missing 'date'");
        }
        try {
            return new PinRevocation(date, PinRevocation.Reason.parse(text(revoked, "reason", where + ": revoked", true)),
                    text(revoked, "note", where + ": revoked", false));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
    }

    /** A key pin's declared succession (docs/formats.md 2.2 {@code rotation}), or null; proved by the loader. */
    private static Rotation rotation(JsonNode node, String where) {
        JsonNode rotation = node.get("rotation");
        if (rotation == null) {
            return null;
        }
        if (!rotation.isObject()) {
            throw new BadInputException(where + ": rotation must be an object {from, proof}");
        }
        checkFields(rotation, ROTATION_FIELDS, where + ": rotation", "rotation object");
        String from = text(rotation, "from", where + ": rotation", true);
        try {
            return new Rotation(new Fingerprint(from), Rotation.Proof.parse(text(rotation, "proof", where + ": rotation", true)));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": rotation: " + e.getMessage());
        }
    }

    private static List<PurlPattern> scopes(JsonNode node, String where) {
        JsonNode scopesNode = node.get("scopes");
        if (scopesNode == null || !scopesNode.isArray() || scopesNode.isEmpty()) {
            throw new BadInputException(where + ": scopes must be a non-empty array of purl patterns, like"
                    + " [\"pkg:maven/org.example/*\"]");
        }
        if (scopesNode.size() > MAX_SCOPES_PER_PIN) {
            throw new BadInputException(where + ": more than " + MAX_SCOPES_PER_PIN + " scopes (limit, docs/limits.md)");
        }
        List<PurlPattern> scopes = new ArrayList<>();
        for (JsonNode scope : scopesNode) {
            if (scope.isObject()) {
                scopes.add(regexScope(scope, where));
                continue;
            }
            if (!scope.isTextual()) {
                throw new BadInputException(where + ": scopes must be purl pattern strings or regex objects, found "
                        + Untrusted.printable(scope.toString()));
            }
            try {
                scopes.add(PurlPattern.parse(scope.textValue()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": malformed " + e.getMessage());
            }
        }
        // docs/formats.md 2.5: duplicates refused (by canonical text)
        if (new java.util.TreeSet<>(scopes).size() != scopes.size()) {
            throw new BadInputException(where + ": a scope is listed twice; keep one");
        }
        return scopes;
    }

    /** A regex scope object: {@code {"type": "maven", "namespace": R?, "name": R?, "version": R?}}. */
    private static PurlPattern regexScope(JsonNode node, String where) {
        checkFields(node, REGEX_SCOPE_FIELDS, where + ": scope", "regex scope");
        try {
            return PurlPattern.regex(text(node, "type", where + ": regex scope", true),
                    text(node, "namespace", where + ": regex scope", false), text(node, "name", where + ": regex scope", false),
                    text(node, "version", where + ": regex scope", false));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": malformed regex scope: " + e.getMessage());
        }
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where, String what) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadInputException(where + ": unknown field '" + name + "' in the " + what + "; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new BadInputException(where + ": missing '" + field + "'");
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new BadInputException(where + ": '" + field + "' must be a non-empty string, found " + value);
        }
        return value.textValue();
    }

    private static LocalDate date(JsonNode node, String field, String where) {
        String text = text(node, field, where, false);
        if (text == null) {
            return null;
        }
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException(where + ": " + field + " must be an ISO date like 2026-01-31, found '" + Untrusted.printable(text) + "'");
        }
    }

    /** The canonical index text for these pins (key pins and identity pins) and this trusted root (or null). */
    static String write(List<PinnedKey> pins, String trustedRoot) {
        return write(pins, trustedRoot, List.of());
    }

    /** As {@link #write(List, String)} with registry key pins: version 2 when there are any, else byte for byte version 1. */
    static String write(List<PinnedKey> pins, String trustedRoot, List<RegistryKeyPin> registryKeys) {
        return write(pins, trustedRoot, registryKeys, List.of());
    }

    /**
     * Whether these pins need trust.json version 2 (docs/formats.md 2): registry keys, ignored keys, identity claim
     * matchers, or a range or regex scope. Otherwise the index is written as version 1, byte for byte as before.
     */
    static boolean needsVersion2(List<PinnedKey> pins, List<RegistryKeyPin> registryKeys, List<IgnoredKey> ignoredKeys) {
        return !registryKeys.isEmpty() || !ignoredKeys.isEmpty()
                || pins.stream().anyMatch(p -> p.isIdentity() && !p.identity().claims().isEmpty())
                || pins.stream().anyMatch(p -> p.scopes().stream().anyMatch(PurlPattern::needsVersion2))
                || pins.stream().anyMatch(p -> p.revoked() != null || p.rotation() != null)
                || registryKeys.stream().anyMatch(r -> r.revoked() != null);
    }

    /** The canonical index with every part: version 2 exactly when {@link #needsVersion2} says so. */
    static String write(List<PinnedKey> pins, String trustedRoot, List<RegistryKeyPin> registryKeys,
                        List<IgnoredKey> ignoredKeys) {
        List<PinnedKey> keys = new ArrayList<>(pins.stream().filter(k -> !k.isIdentity()).toList());
        keys.sort(Comparator.comparing(PinnedKey::fingerprint));
        List<PinnedKey> identities = new ArrayList<>(pins.stream().filter(PinnedKey::isIdentity).toList());
        identities.sort(Comparator.comparing(PinnedKey::fingerprint));
        boolean registry = !registryKeys.isEmpty();
        boolean ignored = !ignoredKeys.isEmpty();
        boolean more = !identities.isEmpty() || trustedRoot != null || registry || ignored;
        StringBuilder sb = new StringBuilder();
        sb.append("{\n");
        boolean v2 = needsVersion2(pins, registryKeys, ignoredKeys);
        sb.append("  \"version\": ").append(v2 ? VERSION_2 : VERSION).append(",\n");
        if (keys.isEmpty()) {
            sb.append("  \"keys\": []").append(more ? ",\n" : "\n");
        } else {
            sb.append("  \"keys\": [\n");
            for (int i = 0; i < keys.size(); i++) {
                PinnedKey key = keys.get(i);
                sb.append("    {\n");
                field(sb, "name", key.name(), true);
                field(sb, "type", key.typeName(), true);
                field(sb, "fingerprint", key.fingerprint().hex(), true);
                field(sb, "file", key.file(), true);
                scopesAndWindow(sb, key);
                sb.append("    }").append(i + 1 < keys.size() ? ",\n" : "\n");
            }
            sb.append("  ]").append(more ? ",\n" : "\n");
        }
        if (!identities.isEmpty()) {
            sb.append("  \"identities\": [\n");
            for (int i = 0; i < identities.size(); i++) {
                PinnedKey pin = identities.get(i);
                sb.append("    {\n");
                field(sb, "name", pin.name(), true);
                field(sb, "issuer", pin.identity().issuer(), true);
                field(sb, pin.identity().pattern() ? "identityPattern" : "identity", pin.identity().identity(), true);
                field(sb, "fingerprint", pin.fingerprint().hex(), true);
                ClaimMatchers claims = pin.identity().claims();
                if (claims.repository() != null) {
                    field(sb, "repository", claims.repository(), true);
                }
                if (claims.workflow() != null) {
                    field(sb, "workflow", claims.workflow(), true);
                }
                if (claims.refPattern() != null) {
                    field(sb, "refPattern", claims.refPattern(), true);
                }
                if (!claims.triggers().isEmpty()) {
                    sb.append("      \"triggers\": [").append(String.join(", ", claims.triggers().stream().map(TrustIndex::quote).toList())).append("],\n");
                }
                if (claims.runner() != null) {
                    field(sb, "runner", claims.runner(), true);
                }
                if (claims.environment() != null) {
                    field(sb, "environment", claims.environment(), true);
                }
                scopesAndWindow(sb, pin);
                sb.append("    }").append(i + 1 < identities.size() ? ",\n" : "\n");
            }
            sb.append("  ]").append(trustedRoot != null || registry || ignored ? ",\n" : "\n");
        }
        if (registry) {
            sb.append(RegistryKeys.write(registryKeys)).append(trustedRoot != null || ignored ? ",\n" : "\n");
        }
        if (ignored) {
            List<IgnoredKey> sortedIgnored = new ArrayList<>(ignoredKeys);
            sortedIgnored.sort(null);
            sb.append("  \"ignoredKeys\": [\n");
            for (int i = 0; i < sortedIgnored.size(); i++) {
                IgnoredKey key = sortedIgnored.get(i);
                sb.append("    {\n");
                field(sb, "id", key.id(), true);
                field(sb, "reason", key.reason(), key.source() != null);
                if (key.source() != null) {
                    field(sb, "source", key.source(), false);
                }
                sb.append("    }").append(i + 1 < sortedIgnored.size() ? ",\n" : "\n");
            }
            sb.append("  ]").append(trustedRoot != null ? ",\n" : "\n");
        }
        if (trustedRoot != null) {
            sb.append("  \"sigstore\": {\n");
            sb.append("    \"trustedRoot\": ").append(quote(trustedRoot)).append("\n");
            sb.append("  }\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static void scopesAndWindow(StringBuilder sb, PinnedKey key) {
        sb.append("      \"scopes\": [\n");
        for (int j = 0; j < key.scopes().size(); j++) {
            sb.append("        ").append(scopeJson(key.scopes().get(j)))
                    .append(j + 1 < key.scopes().size() ? ",\n" : "\n");
        }
        boolean lifecycle = key.revoked() != null || key.rotation() != null;
        boolean window = key.notBefore() != null || key.notAfter() != null;
        sb.append("      ]").append(window || lifecycle ? ",\n" : "\n");
        if (key.notBefore() != null) {
            field(sb, "notBefore", key.notBefore().toString(), key.notAfter() != null || lifecycle);
        }
        if (key.notAfter() != null) {
            field(sb, "notAfter", key.notAfter().toString(), lifecycle);
        }
        // trust.json v2 (docs/formats.md 2.2, 2.7): after the v1 fields, in table order.
        if (key.revoked() != null) {
            sb.append("      \"revoked\": ").append(revokedJson(key.revoked())).append(key.rotation() != null ? ",\n" : "\n");
        }
        if (key.rotation() != null) {
            sb.append("      \"rotation\": {\"from\": ").append(quote(key.rotation().from().hex())).append(", \"proof\": ")
                    .append(quote(key.rotation().proof().text())).append("}\n");
        }
    }

    /** A revocation as written: one line, {@code {"date": …, "reason": …[, "note": …]}}. */
    static String revokedJson(PinRevocation r) {
        return "{\"date\": " + quote(r.date().toString()) + ", \"reason\": " + quote(r.reason().text())
                + (r.note() == null ? "" : ", \"note\": " + quote(r.note())) + "}";
    }

    /** A glob or range scope as its canonical string; a regex scope as a one-line object, parts in table order. */
    static String scopeJson(PurlPattern scope) {
        if (!scope.isRegex()) {
            return quote(scope.toString());
        }
        List<String> parts = new ArrayList<>();
        parts.add("\"type\": " + quote(scope.type()));
        if (scope.regexNamespace() != null) {
            parts.add("\"namespace\": " + quote(scope.regexNamespace()));
        }
        if (scope.regexName() != null) {
            parts.add("\"name\": " + quote(scope.regexName()));
        }
        if (scope.regexVersion() != null) {
            parts.add("\"version\": " + quote(scope.regexVersion()));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static void field(StringBuilder sb, String name, String value, boolean comma) {
        sb.append("      ").append(quote(name)).append(": ").append(quote(value)).append(comma ? ",\n" : "\n");
    }

    private static String quote(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
