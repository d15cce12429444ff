package dev.sbomgate.model;

/**
 * An input (SBOM, key, signature, policy, baseline, option) that sbomgate cannot use.
 * Its message is one line, names the file and the problem, and is shown to the user as is;
 * the CLI turns it into exit code 2.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
