package dev.sbomgate.trust;

import dev.sbomgate.signature.npm.Provenance;
import dev.sbomgate.text.Untrusted;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The claim matchers of an identity pin (trust.json v2, docs/formats.md 2.4): every matcher present must match the
 * verified publisher identity (provenance claims agreed with the certificate's extensions); absent ones match anything.
 *
 * @param repository  exact, {@code https://github.com/OWNER/REPO} (host lower-cased)
 * @param workflow    exact path, {@code .github/workflows/release.yml}
 * @param refPattern  Java regex, anchored, on the ref
 * @param triggers    exact values, any may match
 * @param runner      exact ({@code github-hosted})
 * @param environment exact (PyPI)
 */
public record ClaimMatchers(String repository, String workflow, String refPattern, List<String> triggers, String runner,
                            String environment) {

    public static final ClaimMatchers NONE = new ClaimMatchers(null, null, null, List.of(), null, null);

    public ClaimMatchers {
        repository = repository == null ? null : Provenance.normaliseRepository(check(repository, "repository"));
        workflow = workflow == null ? null : check(workflow, "workflow");
        if (refPattern != null) {
            check(refPattern, "ref pattern");
            try {
                Pattern.compile(refPattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("ref pattern '" + Untrusted.printable(refPattern) + "' is not a"
                        + " regular expression: " + e.getDescription());
            }
        }
        triggers = List.copyOf(new TreeSet<>(triggers == null ? List.of() : triggers));
        triggers.forEach(t -> check(t, "trigger"));
        runner = runner == null ? null : check(runner, "runner");
        environment = environment == null ? null : check(environment, "environment");
    }

    private static String check(String value, String what) {
        if (value.isBlank() || value.length() > IdentityPin.MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)
                || !value.strip().equals(value)) {
            throw new IllegalArgumentException(what + " is 1 to " + IdentityPin.MAX_LENGTH + " characters on one line,"
                    + " got '" + Untrusted.printable(value) + "'");
        }
        return value;
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    /** Whether every present matcher matches this verified publisher identity. */
    public boolean matches(dev.sbomgate.signature.Publisher publisher) {
        return matches(publisher.repository(), publisher.workflow(), publisher.ref(), publisher.trigger(),
                publisher.runner(), publisher.environment());
    }

    /** One {@code NAME: expected X, found Y} per present matcher that does not match; empty when all match. */
    public List<String> mismatches(dev.sbomgate.signature.Publisher publisher) {
        List<String> out = new ArrayList<>();
        if (repository != null && !repository.equals(Provenance.normaliseRepository(publisher.repository()))) {
            out.add(mismatch("repository", repository, publisher.repository()));
        }
        if (workflow != null && !workflow.equals(publisher.workflow())) {
            out.add(mismatch("workflow", workflow, publisher.workflow()));
        }
        if (refPattern != null && (publisher.ref() == null || !Pattern.compile(refPattern).matcher(publisher.ref()).matches())) {
            out.add(mismatch("ref", "matching " + refPattern, publisher.ref()));
        }
        if (!triggers.isEmpty() && !triggers.contains(publisher.trigger())) {
            out.add(mismatch("trigger", String.join(" or ", triggers), publisher.trigger()));
        }
        if (runner != null && !runner.equals(publisher.runner())) {
            out.add(mismatch("runner", runner, publisher.runner()));
        }
        if (environment != null && !environment.equals(publisher.environment())) {
            out.add(mismatch("environment", environment, publisher.environment()));
        }
        return List.copyOf(out);
    }

    private static String mismatch(String name, String expected, String found) {
        return name + ": expected " + expected + ", found " + (found == null ? "none" : Untrusted.printable(found));
    }

    /** Whether every present matcher matches these verified claims (a null claim never matches a present matcher). */
    public boolean matches(String claimRepository, String claimWorkflow, String claimRef, String claimTrigger,
                           String claimRunner, String claimEnvironment) {
        return (repository == null || repository.equals(Provenance.normaliseRepository(claimRepository)))
                && (workflow == null || workflow.equals(claimWorkflow))
                && (refPattern == null || (claimRef != null && Pattern.compile(refPattern).matcher(claimRef).matches()))
                && (triggers.isEmpty() || triggers.contains(claimTrigger))
                && (runner == null || runner.equals(claimRunner))
                && (environment == null || environment.equals(claimEnvironment));
    }

    /** {@code name=value} lines in the order of docs/formats.md 2.4, for the v2 fingerprint and for display. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        if (repository != null) {
            out.add("repository=" + repository);
        }
        if (workflow != null) {
            out.add("workflow=" + workflow);
        }
        if (refPattern != null) {
            out.add("refPattern=" + refPattern);
        }
        if (!triggers.isEmpty()) {
            out.add("triggers=" + String.join(",", triggers));
        }
        if (runner != null) {
            out.add("runner=" + runner);
        }
        if (environment != null) {
            out.add("environment=" + environment);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimMatchers c && Objects.equals(repository, c.repository) && Objects.equals(workflow, c.workflow)
                && Objects.equals(refPattern, c.refPattern) && triggers.equals(c.triggers) && Objects.equals(runner, c.runner)
                && Objects.equals(environment, c.environment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, workflow, refPattern, triggers, runner, environment);
    }
}
