package dev.sbomgate.sbom;

import dev.sbomgate.text.Untrusted;
import java.util.List;
import org.cyclonedx.exception.ParseException;
import org.xml.sax.SAXParseException;

/** Turns the library's validation results and exceptions into one bounded line. */
final class Violations {

    /** How many schema violations a message names before it says "and N more". */
    private static final int SHOWN = 2;

    private Violations() {
    }

    /** "not valid against the {schema}: first; second (and N more)", at most about 300 characters. */
    static String describe(String schema, List<String> violations) {
        StringBuilder sb = new StringBuilder("not valid against the ").append(schema).append(": ");
        int shown = Math.min(SHOWN, violations.size());
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : "; ").append(violations.get(i));
        }
        String head = Untrusted.message(sb.toString(), Untrusted.MAX_MESSAGE);
        int more = violations.size() - shown;
        return more > 0 ? head + " (and " + more + " more)" : head;
    }

    /** The message of the innermost cause, with its line and column when the XML parser knows them. */
    static String rootCause(Throwable e) {
        Throwable t = e;
        int guard = 0;
        while (t.getCause() != null && t.getCause() != t && guard++ < 20) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return Untrusted.message(location(e) + message);
    }

    /** One XML schema violation, with the line and column the validator reports. */
    static String xml(ParseException e) {
        Throwable cause = e.getCause();
        String message = e.getMessage();
        if (cause != null && cause.getMessage() != null && (message == null || message.isBlank())) {
            message = cause.getMessage();
        }
        return location(e) + (message == null ? "unknown violation" : message);
    }

    private static String location(Throwable e) {
        Throwable t = e;
        for (int guard = 0; t != null && guard < 20; guard++, t = t.getCause()) {
            if (t instanceof SAXParseException sax && sax.getLineNumber() > 0) {
                return "line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ": ";
            }
        }
        return "";
    }
}
