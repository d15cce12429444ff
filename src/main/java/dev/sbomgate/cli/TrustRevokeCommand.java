package dev.sbomgate.cli;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.trust.PinRevocation;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.TrustStoreWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sbomgate trust revoke}: record a local revocation of a pin (trust.json v2 {@code revoked}). */
@Command(name = "revoke", description = "Revoke a pinned key or identity in the trust store: 'compromised' voids every"
        + " signature it ever made (approved artifacts' too), 'superseded' and 'retired' those from --date on.",
        footer = {"", "Example:", "  sbomgate trust revoke 28118C070CB22A0175A2E8D43D12CA2AC19F3181 --reason compromised"
                + " --date 2026-11-30 --note 'key leaked, see SEC-42'"})
final class TrustRevokeCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The full fingerprint (spaces allowed).")
    String fingerprint;

    @Option(names = "--reason", required = true, paramLabel = "REASON",
            description = "compromised, superseded or retired.")
    String reason;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The UTC day it takes effect.")
    String date;

    @Option(names = "--note", paramLabel = "TEXT", description = "One line: why (shown in reports).")
    String note;

    @Override
    public Integer call() {
        PinRevocation revocation;
        try {
            if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", date, 0);
            }
            LocalDate day = LocalDate.parse(date);
            revocation = new PinRevocation(day, PinRevocation.Reason.parse(reason), note);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--date must be a date like 2026-11-30, found '" + date + "'");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        dev.sbomgate.model.Fingerprint wanted = TrustArguments.fingerprint(fingerprint);
        PinnedKey revoked = new TrustStoreWriter(trust.dir).revoke(wanted, revocation);
        trust.out().println("Revoked " + (revoked == null ? "registry key" : "'" + revoked.name() + "'") + " (" + wanted
                + "): " + revocation.describe()
                + ". The next check reports it (KEY_NOT_VALID, TRUST_STORE_CHANGED).");
        trust.out().flush();
        return ExitCode.OK.code();
    }
}
