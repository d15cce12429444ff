package dev.sbomgate.rules;
import dev.sbomgate.finding.RuleId;

import java.util.List;

/** The integrity rules (is this the artifact, signed by the key, that it claims to be?), in {@link RuleId} order. */
public final class IntegrityRules {

    private IntegrityRules() {
    }

    /** One instance of each integrity rule, in {@link RuleId} order. */
    public static List<Rule> all() {
        return List.of(
                new HashMismatchRule(),
                new BadSignatureRule(),
                new UnsignedRule(),
                new SignatureDowngradeRule(),
                new UntrustedSignerRule(),
                new SignerChangedRule(),
                new KeyNotValidRule(),
                new WeakCryptoRule(),
                new MutatedReleaseRule(),
                new MissingArtifactRule(),
                new KnownMaliciousRule());
    }
}
