package dev.sbomgate.model;

/** The one exit-code contract of every sbomgate command. */
public enum ExitCode {
    /** Nothing blocks (or, for {@code diff}, nothing changed or changes were not asked to fail). */
    OK(0),
    /** The gate failed: a blocking finding stands (or {@code diff --fail-on-change} saw a change). */
    GATE_FAILED(1),
    /** Bad input or usage: a file that cannot be read or parsed, an unknown option, a bad policy. */
    BAD_INPUT(2),
    /** A bug in sbomgate itself. */
    INTERNAL_ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
