package dev.sbomgate.cli;

/** Who an approval is recorded as: --by, else the OS user. */
final class Approver {
    private Approver() {
    }

    static String name(String by) {
        if (by != null && !by.isBlank()) {
            return by.strip();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }
}
