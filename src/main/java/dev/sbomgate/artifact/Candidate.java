package dev.sbomgate.artifact;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** One place to look for an artifact below a root: an exact relative path, or a rule over the root's file names. */
sealed interface Candidate permits Candidate.Exact, Candidate.Listing {

    /** What the "missing artifact" message shows for this candidate. */
    String display();

    /** An exact relative path, one safe name per segment. */
    record Exact(List<String> segments) implements Candidate {
        public Exact {
            segments = List.copyOf(segments);
            if (!SafeName.isSafe(segments)) {
                throw new IllegalArgumentException("unsafe relative path " + segments);
            }
        }

        @Override
        public String display() {
            return String.join("/", segments);
        }
    }

    /**
     * Any file directly in the root (or in its {@code directory}, the evidence layout's pypi/PROJECT/VERSION/) whose name satisfies {@code matches}; several may match (platform wheels),
     * and they are taken in the order of their names ({@link String#compareTo}).
     */
    record Listing(String display, Predicate<String> matches, List<String> directory) implements Candidate {
        public Listing {
            Objects.requireNonNull(display, "display");
            Objects.requireNonNull(matches, "matches");
            directory = List.copyOf(directory);
            if (!directory.isEmpty() && !SafeName.isSafe(directory)) {
                throw new IllegalArgumentException("unsafe relative path " + directory);
            }
        }

        /** Files directly in the root. */
        Listing(String display, Predicate<String> matches) {
            this(display, matches, List.of());
        }
    }
}
