package dev.sbomgate.baseline;

import dev.sbomgate.model.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A separate JVM that approves on a baseline directory, for the crash and locking tests. It reports on
 * stdout, one line per event, so the test can kill it at a known point.
 *
 * <pre>
 * ApproveWorker DIR stop-at STAGE VARIANT          approve; at STAGE print "AT STAGE" and hang until killed
 * ApproveWorker DIR loop FIRST_VARIANT SIZE        approve large baselines FIRST_VARIANT, +1, ... until killed
 * ApproveWorker DIR race GO_FILE HOLD_MS VARIANT   print READY, wait for GO_FILE, approve holding the lock HOLD_MS
 * </pre>
 * Exit status: 0 approved, 2 refused with a BadInputException (message on stdout as "REFUSED: ...").
 */
public final class ApproveWorker {
    private ApproveWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        switch (mode) {
            case "stop-at" -> {
                String stop = args[2];
                approve(new BaselineStore(dir, stage -> {
                    if (stage.equals(stop)) {
                        say("AT " + stage);
                        sleepForever();
                    }
                }), TestBaselines.sample(Integer.parseInt(args[3])));
            }
            case "loop" -> {
                int variant = Integer.parseInt(args[2]);
                int size = Integer.parseInt(args[3]);
                BaselineStore store = new BaselineStore(dir);
                say("STARTED");
                while (true) {
                    approve(store, TestBaselines.large(size, variant));
                    say("APPROVED " + variant);
                    variant++;
                }
            }
            case "race" -> {
                Path go = Path.of(args[2]);
                long holdMillis = Long.parseLong(args[3]);
                Consumer<String> hold = stage -> {
                    if (stage.equals("locked")) {
                        say("LOCKED");
                        sleep(holdMillis);
                    }
                };
                BaselineStore store = new BaselineStore(dir, hold);
                Baseline baseline = TestBaselines.sample(Integer.parseInt(args[4]));
                BaselineJson.write(baseline); // warm up, so both racers reach the lock at about the same time
                say("READY");
                while (!Files.exists(go)) {
                    Thread.sleep(2);
                }
                try {
                    approve(store, baseline);
                } catch (BadInputException e) {
                    say("REFUSED: " + e.getMessage());
                    System.exit(2);
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        say("APPROVED");
    }

    private static void approve(BaselineStore store, Baseline baseline) {
        store.approve(baseline, "worker", "approval of variant " + baseline.sbomVersion(), baseline.sbomSha256(),
                List.of(), TestBaselines.T0.plusSeconds(baseline.sbomVersion()));
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepForever() {
        while (true) {
            sleep(60_000);
        }
    }
}
