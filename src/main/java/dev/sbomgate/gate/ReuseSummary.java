package dev.sbomgate.gate;

import dev.sbomgate.verify.Evidence;
import java.util.List;

/**
 * How many verified results of the last approval a run reused instead of verifying them again (docs/formats.md
 * §1.7), for {@code --timings} and the reports' summary.
 *
 * @param enabled  whether reuse was on ({@code check} with a baseline, without {@code --full}) and applied to at least
 *                 one artifact read
 * @param reused   signature checks whose recorded result was reused
 * @param refused  recorded results not reused, each for a reason of docs/formats.md §1.7 (per component in
 *                 {@link Evidence#reuse()})
 * @param verified signature checks verified cryptographically in full
 * @param content  content summaries reused (the artifact's bytes equal to the approved ones)
 */
public record ReuseSummary(boolean enabled, int reused, int refused, int verified, int content) {

    public ReuseSummary {
        if (reused < 0 || refused < 0 || verified < 0 || content < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    /** The counts over every component's evidence. */
    public static ReuseSummary of(List<Evidence> evidence) {
        boolean enabled = false;
        int reused = 0;
        int refused = 0;
        int verified = 0;
        int content = 0;
        for (Evidence e : evidence) {
            verified += e.verifiedInFull();
            if (e.reuse() != null) {
                enabled = true;
                reused += e.reuse().reused().size();
                refused += e.reuse().refused().size();
                content += e.reuse().content() ? 1 : 0;
            }
        }
        return new ReuseSummary(enabled, reused, refused, verified, content);
    }

    /** One line for people: {@code reuse: 398 signature checks reused from the approval, 2 refused, 4 verified in full}. */
    public String line() {
        return "reuse: " + text();
    }

    /** The counts for people, e.g. {@code 398 signature checks reused from the approval, 2 refused, 4 verified in full; ...}. */
    public String text() {
        if (!enabled) {
            return "off; " + plural(verified, "signature check") + " verified in full";
        }
        return plural(reused, "signature check") + " reused from the approval, " + refused + " refused, "
                + verified + " verified in full; " + plural(content, "content summary", "content summaries") + " reused";
    }

    private static String plural(int n, String noun) {
        return plural(n, noun, noun + "s");
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
