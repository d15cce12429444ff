package dev.sbomgate.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;

/**
 * What sbomgate reads from its surroundings besides its arguments: environment variables, and whether standard output
 * and standard error are terminals. Injected through {@link Main#run(java.io.PrintStream, java.io.PrintStream,
 * java.time.Clock, Environment, String...)} so that tests need neither a real environment nor a terminal.
 *
 * @param variables        the environment variables
 * @param stdoutIsTerminal whether standard output is a terminal (colours)
 * @param stderrIsTerminal whether standard error is a terminal (the live progress line)
 */
public record Environment(Map<String, String> variables, boolean stdoutIsTerminal, boolean stderrIsTerminal) {

    public Environment {
        variables = Map.copyOf(variables == null ? Map.of() : new TreeMap<>(variables));
    }

    /** No variables, no terminal: output as in CI with nothing configured. */
    public static Environment empty() {
        return new Environment(Map.of(), false, false);
    }

    /** The process's own environment; the streams count as terminals only when they are the process's own and a console is attached. */
    static Environment system(boolean outIsSystemOut, boolean errIsSystemErr) {
        boolean terminal = consoleIsTerminal();
        return new Environment(System.getenv(), outIsSystemOut && terminal, errIsSystemErr && terminal);
    }

    /** The variable's value, or null when unset. */
    public String get(String name) {
        return variables.get(name);
    }

    /** Whether the variable is set to something other than the empty string (the NO_COLOR convention, no-color.org). */
    public boolean isSet(String name) {
        String value = variables.get(name);
        return value != null && !value.isEmpty();
    }

    /**
     * Until Java 22, {@link System#console()} is null unless standard input and output are a terminal; from 22 on it
     * may be non-null for redirected streams, and {@code Console.isTerminal()} tells.
     */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
