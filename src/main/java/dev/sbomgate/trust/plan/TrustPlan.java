package dev.sbomgate.trust.plan;

import dev.sbomgate.model.Fingerprint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A trust plan (docs/formats.md §2.9): the pins {@code trust suggest} proposes, for review in a pull request, and
 * which {@code trust apply} pins exactly. Only {@link #pins()} (without their {@code info}) is ever applied; the rest
 * is shown, never acted on.
 *
 * @param created          when the plan was made
 * @param trustStoreDigest the digest of the store the plan was made against; apply refuses another
 * @param sbom             the SBOM it was made from (informational), or null
 * @param pins             what apply pins, in order
 * @param unresolved       signers whose key was not found (informational)
 */
public record TrustPlan(Instant created, String trustStoreDigest, Sbom sbom, List<Pin> pins, List<Unresolved> unresolved) {

    /** The format written and the only one read. */
    public static final int FORMAT = 1;

    /** At most this many entries ({@code pins} and {@code unresolved} together) are read (docs/limits.md). */
    public static final int MAX_ENTRIES = 10_000;

    public TrustPlan {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(trustStoreDigest, "trustStoreDigest");
        pins = List.copyOf(pins == null ? List.of() : pins);
        unresolved = List.copyOf(unresolved == null ? List.of() : unresolved);
        if (pins.size() + unresolved.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a plan holds at most " + MAX_ENTRIES + " entries, this one "
                    + (pins.size() + unresolved.size()));
        }
    }

    /** What a plan entry does. */
    public enum Action {
        /** Pin a new key from a key file ({@code trust add}). */
        ADD_KEY("add-key"),
        /** Replace the scopes of a key already pinned. */
        SET_SCOPES("set-scopes");

        private final String text;

        Action(String text) {
            this.text = text;
        }

        /** As written in the plan. */
        public String text() {
            return text;
        }

        /** The action named {@code text}; null when it is none this sbomgate applies. */
        public static Action parse(String text) {
            for (Action action : values()) {
                if (action.text.equals(text)) {
                    return action;
                }
            }
            return null;
        }
    }

    /**
     * The SBOM a plan was made from.
     *
     * @param path   as given on the command line
     * @param sha256 SHA-256 of its bytes, 64 lower-case hex
     */
    public record Sbom(String path, String sha256) {
        public Sbom {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * One entry that apply carries out.
     *
     * @param action        what it does
     * @param name          the pin's human name (add-key), or null (set-scopes)
     * @param fingerprint   the primary key's full fingerprint
     * @param keyFile       the key file relative to the plan file, {@code /}-separated (add-key), else null
     * @param keyFileSha256 SHA-256 of the key file's bytes (add-key), else null
     * @param scopes        the pin's scopes (add-key), or its new scopes (set-scopes); canonical pattern texts
     * @param notBefore     the pin's first day, or null
     * @param notAfter      the pin's last day, or null
     * @param info          what the key is and what it signs; shown, never applied; may be null
     */
    public record Pin(Action action, String name, Fingerprint fingerprint, String keyFile, String keyFileSha256,
                      List<String> scopes, LocalDate notBefore, LocalDate notAfter, Info info) {
        public Pin {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(fingerprint, "fingerprint");
            scopes = List.copyOf(scopes == null ? List.of() : scopes);
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException("pin " + fingerprint + " has no scope");
            }
            if (action == Action.ADD_KEY && (name == null || keyFile == null || keyFileSha256 == null)) {
                throw new IllegalArgumentException("an add-key entry names the pin (name), its key file (keyFile) and"
                        + " the file's SHA-256 (keyFileSha256)");
            }
            if (action == Action.SET_SCOPES && (keyFile != null || keyFileSha256 != null || name != null
                    || notBefore != null || notAfter != null)) {
                throw new IllegalArgumentException("a set-scopes entry names only the fingerprint and the new scopes");
            }
            if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
                throw new IllegalArgumentException("pin " + fingerprint + " has notAfter " + notAfter + " before notBefore "
                        + notBefore);
            }
        }
    }

    /**
     * What a proposed key is, for the reviewer.
     *
     * @param userIds   its user IDs (claims of the key's holder, never checked)
     * @param algorithm e.g. {@code RSA-4096}
     * @param created   the key's creation time, or null
     * @param expires   its expiry, or null for none
     * @param signs     the purls of the components whose signatures it made here, sorted
     */
    public record Info(List<String> userIds, String algorithm, Instant created, Instant expires, List<String> signs) {
        public Info {
            userIds = List.copyOf(userIds == null ? List.of() : userIds);
            signs = List.copyOf(signs == null ? List.of() : signs);
        }
    }

    /**
     * A signer whose key was not found (or not usable), with the components it blocks and the waiver that would
     * accept them.
     *
     * @param issuer     what the signatures name as their issuer (fingerprint or key ID)
     * @param reason     why no pin is proposed, one line
     * @param components the purls whose signatures it made, sorted
     * @param waiver     the dated policy waiver that would accept them, or null
     */
    public record Unresolved(String issuer, String reason, List<String> components, Waiver waiver) {
        public Unresolved {
            Objects.requireNonNull(issuer, "issuer");
            components = List.copyOf(components == null ? List.of() : components);
        }
    }

    /**
     * A policy waiver, as docs/policy.md writes it.
     *
     * @param rule    the rule ID
     * @param purl    the purl pattern
     * @param reason  why
     * @param expires the last day it applies
     */
    public record Waiver(String rule, String purl, String reason, LocalDate expires) {
        public Waiver {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(purl, "purl");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expires, "expires");
        }
    }
}
