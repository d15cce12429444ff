package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine.Command;

/**
 * Issue 17 (fixed cost): a run naming a subcommand builds picocli's model of that subcommand only. What it prints
 * must be what the whole tree prints: {@code --no-color} before the subcommand (an inherited option, which changes
 * nothing in help or error text without a terminal) makes {@link Main#subcommandsFor} pick the whole tree, so each
 * pair below runs the same command both ways.
 */
class LazyCommandModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] wholeTree(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--no-color";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    @Test
    void aSubcommandAloneGetsOnlyItsOwnModelAndAnythingElseTheWholeTree() {
        assertEquals(List.of(CheckCommand.class), List.copyOf(Main.subcommandsFor("check", "--baseline", "x")));
        assertEquals(List.copyOf(Main.SUBCOMMANDS.values()), List.copyOf(Main.subcommandsFor("--verbose", "check")));
        assertEquals(List.copyOf(Main.SUBCOMMANDS.values()), List.copyOf(Main.subcommandsFor("chek")));
        assertEquals(List.copyOf(Main.SUBCOMMANDS.values()), List.copyOf(Main.subcommandsFor()));
        // the completion script describes every command
        assertEquals(List.copyOf(Main.SUBCOMMANDS.values()), List.copyOf(Main.subcommandsFor("generate-completion")));
    }

    @Test
    void eachNameIsTheNameItsCommandDeclares() {
        Main.SUBCOMMANDS.forEach((name, type) -> assertEquals(name, type.getAnnotation(Command.class).name(), type.getName()));
    }

    @Test
    void theWholeHelpListsEverySubcommandInOrder() {
        Run help = run("--help");
        assertEquals(0, help.code());
        int at = help.out().indexOf("Commands:");
        assertTrue(at > 0, help.out());
        List<String> listed = new ArrayList<>();
        help.out().substring(at).lines().skip(1).takeWhile(l -> !l.isBlank())
                .filter(l -> l.startsWith("  ") && !l.startsWith("   "))
                .forEach(l -> listed.add(l.trim().split("\\s+")[0]));
        assertEquals(List.copyOf(Main.SUBCOMMANDS.keySet()), listed);
    }

    @TestFactory
    Stream<DynamicTest> helpAndErrorsAreTheWholeTreesOnes() {
        List<String[]> cases = new ArrayList<>();
        for (String name : Main.SUBCOMMANDS.keySet()) {
            cases.add(new String[] {name, "--help"});
            cases.add(new String[] {name, "--no-such-option"});
        }
        cases.add(new String[] {"trust", "list", "--help"});
        cases.add(new String[] {"check", "--formt", "json"});
        cases.add(new String[] {"explain", "SIGNER_CHANGD"});
        cases.add(new String[] {"check", "--baseline", "does/not/exist"});
        return cases.stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
            Run alone = run(args);
            Run whole = run(wholeTree(args));
            assertEquals(whole, alone);
            assertTrue(!alone.out().isEmpty() || !alone.err().isEmpty(), "prints something");
        }));
    }
}
