package dev.sbomgate.report;

import dev.sbomgate.baseline.ApprovalEntry;
import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.diff.UpdateKind;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Purl;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The fixed scenario every report is tested on, built from records (no files, a fixed clock): a proven component,
 * a tampered one, a re-signed one, a missing one, an unsigned one under a waiver, and a new component whose name is
 * an HTML injection, with control characters and a bidi override in the text its finding shows.
 */
final class ReportScenario {
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Fingerprint JACKSON_KEY = new Fingerprint("28118C070CB22A0175A2E8D43D12CA2AC19F3181");
    static final Fingerprint EXAMPLE_KEY = new Fingerprint("8A10792983023D5D14C93B488D7F1BEC1E2ECAE7");
    static final Fingerprint ATTACKER_KEY = new Fingerprint("0123456789ABCDEF0123456789ABCDEF01234567");
    static final String HOSTILE_NAME = "<script>alert(1)</script>";
    /** ESC [31m, BEL, a right-to-left override, a NUL and a lone surrogate: what a hostile SBOM can put in a field. */
    static final String CONTROL_TEXT = "\u001b[31mred\u0007 \u202Egnp.exe \u0000 \uD800 & \"quotes\" 'single' ]]> @octocat #1 | pipe";

    static final Component JACKSON = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21", "jackson");
    static final Component TAMPERED = component("pkg:maven/org.example/tampered@1.2.0", "tampered");
    static final Component RESIGNED = component("pkg:maven/org.example/resigned@3.0.0", "resigned");
    static final Component MISSING = component("pkg:maven/org.example/missing@1.0.0", "missing");
    static final Component REQUESTS = component("pkg:pypi/requests@2.32.0", "requests");
    static final Component HOSTILE = new Component("evil\"ref<b>", null, "library", null, HOSTILE_NAME, "1.0", List.of(), null,
            null, null, null, List.of(), List.of(), null, List.of(), null);
    static final Component OLD = component("pkg:maven/org.example/old@0.9", "old");

    private ReportScenario() {
    }

    static Component component(String purl, String bomRef) {
        Purl p = Purl.parse(purl);
        return new Component(bomRef, p, "library", p.namespace(), p.name(), p.version(), List.of(sha256('a')), null, null, null,
                null, List.of("Apache-2.0"), List.of(), null, List.of(), null);
    }

    static Digest sha256(char fill) {
        return new Digest(HashAlgorithm.SHA_256, String.valueOf(fill).repeat(64));
    }

    static SignatureCheck signature(SignatureStatus status, Fingerprint signer, String file, String detail) {
        return new SignatureCheck(SignatureKind.OPENPGP, status, signer, signer, signer == null ? "0123456789ABCDEF" : signer.shortId(),
                Instant.parse("2026-11-01T10:00:00Z"), "RSA-4096/SHA-512", Path.of(file), detail);
    }

    static Evidence found(Component c, IntegrityStatus integrity, List<String> details, SignatureCheck... signatures) {
        return new Evidence(c, Evidence.ArtifactState.FOUND, Path.of("artifacts/" + c.name() + "-" + c.version() + ".jar"),
                List.of(sha256(integrity == IntegrityStatus.MISMATCH ? 'b' : 'a')), integrity, details, List.of(signatures), null);
    }

    static Verdict verdict() {
        List<Evidence> evidence = List.of(
                found(JACKSON, IntegrityStatus.PROVEN, List.of(),
                        signature(SignatureStatus.VERIFIED, JACKSON_KEY, "artifacts/jackson-annotations-2.21.jar.asc", "good signature")),
                found(TAMPERED, IntegrityStatus.MISMATCH, List.of("SHA-256: the SBOM declares " + "a".repeat(64) + " but the file has "
                        + "b".repeat(64)), signature(SignatureStatus.BAD_SIGNATURE, EXAMPLE_KEY, "artifacts/tampered-1.2.0.jar.asc",
                        "the signature does not match the file's bytes")),
                found(RESIGNED, IntegrityStatus.PROVEN, List.of(),
                        signature(SignatureStatus.UNKNOWN_KEY, null, "artifacts/resigned-3.0.0.jar.asc", "unknown key 0123456789ABCDEF")),
                new Evidence(MISSING, Evidence.ArtifactState.MISSING, null, List.of(), IntegrityStatus.NOT_CHECKED,
                        List.of("looked for missing-1.0.0.jar"), List.of(), null),
                found(REQUESTS, IntegrityStatus.PROVEN, List.of()),
                found(HOSTILE, IntegrityStatus.PROVEN, List.of(),
                        signature(SignatureStatus.NOT_PINNED_FOR_PURL, EXAMPLE_KEY, "artifacts/evil.jar.asc", CONTROL_TEXT)));
        String approve = "sbomgate approve --sbom bom.json --artifacts artifacts";
        List<Finding> findings = List.of(
                new Finding(RuleId.HASH_MISMATCH, Severity.BLOCK, TAMPERED.label(), "the artifact's bytes differ from the digest the SBOM declares",
                        "the bytes the SBOM describes: SHA-256 " + "a".repeat(64),
                        "SHA-256: the SBOM declares " + "a".repeat(64) + " but the file has " + "b".repeat(64),
                        "Do not use this file: fetch pkg:maven/org.example/tampered@1.2.0 again from its registry.", null),
                new Finding(RuleId.BAD_SIGNATURE, Severity.BLOCK, TAMPERED.label(), "a signature is present and does not verify",
                        "a valid signature by the pinned key", "the signature does not match the file's bytes",
                        "Do not use this file.", null),
                new Finding(RuleId.UNTRUSTED_SIGNER, Severity.BLOCK, RESIGNED.label(), "signed by a key the trust store does not pin",
                        "a signature by 'Example release key' (" + EXAMPLE_KEY.hex() + ")", "a signature by unknown key 0123456789ABCDEF",
                        approve + " --accept 'UNTRUSTED_SIGNER:" + RESIGNED.label() + "' --reason \"...\"", null),
                new Finding(RuleId.MISSING_ARTIFACT, Severity.BLOCK, MISSING.label(), "the artifact is not among the given artifacts",
                        "missing-1.0.0.jar under artifacts", "looked for missing-1.0.0.jar", "Pass the directory that holds it with --artifacts.",
                        null),
                new Finding(RuleId.UNSIGNED, Severity.WARN, REQUESTS.label(), "no signature", "a signature", "none",
                        "Ask the maintainers to sign releases.", "vendor ships no signatures (SEC-1), until 2027-01-01"),
                new Finding(RuleId.NEW_COMPONENT, Severity.WARN, HOSTILE.label(), "a component that is not in the baseline",
                        "only approved components", CONTROL_TEXT,
                        approve + " --reason \"" + HOSTILE_NAME + "\"", null),
                new Finding(RuleId.SBOM_REGRESSION, Severity.WARN, null, "the candidate SBOM is older than the approved one",
                        "a timestamp after 2026-11-01T00:00:00Z", "2026-10-01T00:00:00Z", "Regenerate the SBOM.", null),
                new Finding(RuleId.LICENSE_CHANGED, Severity.INFO, OLD.label(), "the declared licences changed", "Apache-2.0",
                        "GPL-3.0-only", "Check the new licence.", null));
        List<Change> changes = List.of(
                new Change(ChangeKind.UPGRADED, RESIGNED.identity(), component("pkg:maven/org.example/resigned@2.9.0", "resigned"),
                        RESIGNED, "version", "2.9.0", "3.0.0", UpdateKind.MAJOR, null),
                new Change(ChangeKind.ADDED, HOSTILE.identity(), null, HOSTILE, "component", null, HOSTILE_NAME + "@1.0", null, null),
                new Change(ChangeKind.REMOVED, OLD.identity(), OLD, null, "component", "0.9 | injected cell", null, null, null),
                new Change(ChangeKind.LICENSE_CHANGED, OLD.identity(), OLD, OLD, "licenses", "Apache-2.0", "GPL-3.0-only", null,
                        "| pipes and <tags> in a note"));
        List<ApprovalEntry> approvals = List.of(
                new ApprovalEntry(1, Instant.parse("2026-01-05T09:30:00Z"), "alice", "initial baseline (trust on first use)",
                        "1".repeat(64), "2".repeat(64), List.of(), ApprovalEntry.GENESIS),
                new ApprovalEntry(2, Instant.parse("2026-06-12T16:45:00Z"), "bob <b>", "resigned moved to a new key, confirmed <i>upstream</i>",
                        "3".repeat(64), "4".repeat(64), List.of("SIGNER_CHANGED:pkg:maven/org.example/resigned@2.9.0"), "5".repeat(64)));
        List<PinnedKey> keys = List.of(
                new PinnedKey("Jackson release key", SignatureKind.OPENPGP, JACKSON_KEY, JACKSON_KEY.hex() + ".asc",
                        List.of(PurlPattern.parse("pkg:maven/com.fasterxml.jackson.core/*")), null, null,
                        new PublicKeyInfo(SignatureKind.OPENPGP, JACKSON_KEY, "RSA-4096", List.of("Tatu Saloranta <tatu@fasterxml.com>"),
                                Instant.parse("2022-01-01T00:00:00Z"), null, false, List.of())),
                new PinnedKey("Example release key", SignatureKind.OPENPGP, EXAMPLE_KEY, EXAMPLE_KEY.hex() + ".asc",
                        List.of(PurlPattern.parse("pkg:maven/org.example/*")), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31),
                        new PublicKeyInfo(SignatureKind.OPENPGP, EXAMPLE_KEY, "Ed25519", List.of("Example <release@example.org>"),
                                Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2028-12-01T00:00:00Z"), false, List.of())));
        Map<String, Integer> lines = Map.of("jackson", 14, "tampered", 31, "resigned", 48, "requests", 65, "evil\"ref<b>", 80);
        return new Verdict(Path.of("bom.json"), "c".repeat(64), "SHA-256:" + "d".repeat(64), "default", true, NOW, evidence, changes,
                findings, approvals, keys, lines);
    }

    /** A first use: no baseline, no findings, no keys. */
    static Verdict firstUse() {
        return new Verdict(Path.of("bom.json"), "c".repeat(64), "SHA-256:" + "d".repeat(64), "default", false, NOW,
                List.of(found(JACKSON, IntegrityStatus.PROVEN, List.of())), List.of(), List.of());
    }

    /** A passing upgrade: jackson-annotations 2.20 → 2.21, a waived warning, nothing blocking. */
    static Verdict passingUpgrade() {
        Component before = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.20", "jackson");
        List<Change> changes = List.of(new Change(ChangeKind.UPGRADED, JACKSON.identity(), before, JACKSON, "version", "2.20", "2.21",
                UpdateKind.MINOR, null));
        List<Finding> findings = List.of(new Finding(RuleId.UNSIGNED, Severity.WARN, REQUESTS.label(), "no signature", "a signature",
                "none", "Ask the maintainers to sign releases.", "vendor ships no signatures (SEC-1), until 2027-01-01"));
        return new Verdict(Path.of("bom.json"), "c".repeat(64), "SHA-256:" + "d".repeat(64), "default", true, NOW,
                List.of(found(JACKSON, IntegrityStatus.PROVEN, List.of()), found(REQUESTS, IntegrityStatus.PROVEN, List.of())),
                changes, findings);
    }

    /** The three lines of a mismatch over SHA-256, SHA-384 and SHA-512. */
    static final List<String> THREE_DIGESTS = List.of(
            "SHA-256: the SBOM declares " + "a".repeat(64) + " but the file has " + "b".repeat(64),
            "SHA-384: the SBOM declares " + "a".repeat(96) + " but the file has " + "b".repeat(96),
            "SHA-512: the SBOM declares " + "a".repeat(128) + " but the file has " + "b".repeat(128));

    /** A tampered artifact whose three declared digests all differ. */
    static Verdict threeDigestsDiffer() {
        Finding mismatch = new Finding(RuleId.HASH_MISMATCH, Severity.BLOCK, TAMPERED.label(),
                "the artifact's bytes differ from the digest the SBOM declares", "the bytes the SBOM describes",
                String.join("; ", THREE_DIGESTS) + " (file artifacts/tampered-1.2.0.jar)", "Do not use this file.", null);
        return new Verdict(Path.of("bom.json"), "c".repeat(64), "SHA-256:" + "d".repeat(64), "default", true, NOW,
                List.of(found(TAMPERED, IntegrityStatus.MISMATCH, THREE_DIGESTS)), List.of(), List.of(mismatch));
    }
}
