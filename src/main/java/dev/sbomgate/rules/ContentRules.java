package dev.sbomgate.rules;
import dev.sbomgate.finding.RuleId;

import java.util.List;

/** The content rules (what will the artifact run when installed?), in {@link RuleId} order. */
public final class ContentRules {

    private ContentRules() {
    }

    /** INSTALL_HOOK_ADDED, then CONTENT_ANOMALY. */
    public static List<Rule> all() {
        return List.of(new InstallHookAddedRule(), new ContentAnomalyRule());
    }
}
