package dev.sbomgate.cli;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineStore;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.plan.Audit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sbomgate trust audit}: pins that expire soon, sign nothing approved, are scoped too wide, or are weak. */
@Command(name = "audit",
        description = {"Audit the pinned keys: expiring within N days (or expired, or revoked), signing nothing in the"
                + " current baseline, scoped wider than what they sign, and weak algorithms (RSA under 2048 bits, DSA)."
                + " Read-only."},
        footer = {"", "Exit codes: 0 ok (findings are printed, not failures), 2 bad input or usage.",
                "", "Example:", "  sbomgate trust audit --baseline .sbomgate --expiry-days 60"})
final class TrustAuditCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @ParentCommand
    TrustCommand parent;

    @Option(names = "--baseline", paramLabel = "DIR", defaultValue = ".sbomgate",
            description = "The baseline directory whose approved components the pins are compared with (default: ${DEFAULT-VALUE}).")
    Path baselineDir;

    @Option(names = "--expiry-days", paramLabel = "N", defaultValue = "30",
            description = "Report keys expiring within N days (default: ${DEFAULT-VALUE}).")
    int expiryDays;

    @Override
    public Integer call() {
        if (expiryDays < 0 || expiryDays > 36_500) {
            throw new BadInputException("--expiry-days: expected 0 to 36500 days, got " + expiryDays);
        }
        TrustStore store = TrustStoreLoader.load(trust.dir);
        Baseline baseline = new BaselineStore(baselineDir).load().flatMap(s -> s.usableBaseline()).orElse(null);
        List<Audit.Finding> findings = Audit.of(store.keys(), baseline, parent.main.now(), expiryDays);
        PrintWriter out = trust.out();
        out.println("Audited " + store.keys().size() + " pin" + (store.keys().size() == 1 ? "" : "s") + " in " + trust.dir
                + (baseline == null ? " (no baseline in " + baselineDir + ": what the pins sign was not compared)"
                : " against the " + baseline.components().size() + " approved components of " + baselineDir) + ":");
        if (findings.isEmpty()) {
            out.println("  nothing to report");
        }
        for (Audit.Finding f : findings) {
            out.println("  " + f.kind() + "  '" + f.name() + "' (" + f.fingerprint() + "): " + f.detail());
        }
        out.println(findings.size() + " finding" + (findings.size() == 1 ? "" : "s") + "; trust store " + store.digest());
        out.flush();
        return ExitCode.OK.code();
    }
}
