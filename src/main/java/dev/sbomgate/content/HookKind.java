package dev.sbomgate.content;

/**
 * The kinds of install hook sbomgate records, an allowlist: each names code that an installer, an interpreter
 * or a runtime will run (or will offer to run) because the artifact says so.
 */
public enum HookKind {
    /** npm {@code scripts.preinstall|install|postinstall|prepare|prepack}; name = the script, value = its command. */
    NPM_SCRIPT("npm script", "npm runs it when the package is installed or packed", Weight.INSTALL, false),
    /** A {@code binding.gyp} at the package root: npm runs {@code node-gyp rebuild} as the install script. */
    NPM_NATIVE_BUILD("native build", "npm runs node-gyp rebuild at install", Weight.INSTALL, false),
    /** npm {@code bin}: a command linked onto the PATH; name = the command, value = its file. */
    NPM_BIN("npm bin command", "linked onto the PATH", Weight.ENTRY_POINT, false),
    /** A {@code .pth} file with lines starting with {@code import}: Python's site module executes them at every start. */
    PTH_IMPORT(".pth file", "Python executes its import lines at every start", Weight.INSTALL, false),
    /** A {@code .pth} file that only adds directories to {@code sys.path}. */
    PTH_PATH(".pth file", "adds directories to sys.path only", Weight.RECORDED, false),
    /** A wheel's {@code entry_points.txt} console or GUI script; name = {@code group:script}, value = the object reference. */
    PYTHON_SCRIPT("entry point", "installed as a command", Weight.ENTRY_POINT, false),
    /** A file in a wheel's {@code .data/scripts/}, installed into the environment's bin directory. */
    WHEEL_DATA_SCRIPT("data script", "installed into the environment's bin directory", Weight.ENTRY_POINT, false),
    /** An sdist's {@code setup.py}, run to build and install it. */
    SETUP_PY("setup script", "run to build and install the sdist", Weight.INSTALL, false),
    /** An sdist's PEP 517 {@code build-system.build-backend} (and {@code backend-path}), run to build it. */
    BUILD_BACKEND("build backend", "run to build the sdist", Weight.INSTALL, false),
    /** MANIFEST {@code Premain-Class}, {@code Agent-Class} or {@code Launcher-Agent-Class}: a Java agent that can rewrite every class. */
    JAVA_AGENT("Java agent", "can instrument every class the JVM loads", Weight.INSTALL, false),
    /** MANIFEST {@code Main-Class}. */
    MAIN_CLASS("main class", "run by java -jar", Weight.ENTRY_POINT, false),
    /** A {@code META-INF/services} provider, instantiated by {@code ServiceLoader}; name = the service, value = the class. */
    SERVICE_PROVIDER("service provider", "instantiated by ServiceLoader when the service is looked up", Weight.ENTRY_POINT, true),
    /** A native library or executable (by ELF/Mach-O magic or by extension); name = its file name, path = where. */
    NATIVE_BINARY("native binary", "loaded or run as machine code", Weight.RECORDED, false),
    /** An archive inside the archive (a nested jar); read for limits and native binaries, its own hooks are not recorded. */
    NESTED_ARCHIVE("nested archive", "read for limits and native binaries", Weight.RECORDED, true);

    /** How much a new hook of this kind weighs for INSTALL_HOOK_ADDED. */
    public enum Weight {
        /** Runs by installing, importing or starting, without anyone calling it: reported at the policy's severity. */
        INSTALL,
        /** Runs when someone calls it (a command, a main class, a service lookup): reported at warn at most. */
        ENTRY_POINT,
        /** Recorded in the summary only (CONTENT_ANOMALY looks at native binaries). */
        RECORDED
    }

    private final String label;
    private final String effect;
    private final Weight weight;
    private final boolean multiValued;

    HookKind(String label, String effect, Weight weight, boolean multiValued) {
        this.label = label;
        this.effect = effect;
        this.weight = weight;
        this.multiValued = multiValued;
    }

    /** A few words for messages, e.g. {@code npm script}. */
    public String label() {
        return label;
    }

    /** What it does, e.g. {@code npm runs it when the package is installed or packed}. */
    public String effect() {
        return effect;
    }

    public Weight weight() {
        return weight;
    }

    /**
     * Whether one name may carry several values (a service has several providers): such hooks are matched by
     * name and value, the others by name alone, so that a changed value reads as "changed", not "added".
     */
    public boolean multiValued() {
        return multiValued;
    }
}
