package dev.sbomgate.diff;

import static dev.sbomgate.diff.TestComponents.c;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sbomgate.model.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The duplicate-version matching rule of docs/diff-format.md, "Matching". */
class ComponentMatcherTest {

    private static List<Component> versions(String purlWithoutVersion, String... versions) {
        List<Component> list = new ArrayList<>();
        for (String v : versions) {
            list.add(c(purlWithoutVersion + "@" + v).build());
        }
        return list;
    }

    /** "old->new" per pair, "-old" per removed, "+new" per added, in that order. */
    private static List<String> describe(ComponentMatcher.Result result) {
        List<String> out = new ArrayList<>();
        result.pairs().forEach(p -> out.add(p.oldComponent().version() + "->" + p.newComponent().version()));
        result.removed().forEach(c -> out.add("-" + c.version()));
        result.added().forEach(c -> out.add("+" + c.version()));
        return out;
    }

    static Stream<Arguments> rule() {
        return Stream.of(
                Arguments.of("one each: paired whatever the versions", List.of("1.0"), List.of("3.0"), List.of("1.0->3.0")),
                Arguments.of("equal versions pair first", List.of("1.0", "2.0"), List.of("2.0", "2.1"),
                        List.of("2.0->2.0", "1.0->2.1")),
                Arguments.of("the nearest version wins, the far one is removed", List.of("1.0", "2.0"), List.of("2.1"),
                        List.of("2.0->2.1", "-1.0")),
                Arguments.of("each old version to its own nearest", List.of("1.0", "2.0"), List.of("1.1", "2.1"),
                        List.of("1.0->1.1", "2.0->2.1")),
                Arguments.of("on a tie an upgrade beats a downgrade", List.of("2.0"), List.of("1.9", "2.1"),
                        List.of("2.0->2.1", "+1.9")),
                Arguments.of("tie between old versions: the lower old version first", List.of("1.0", "3.0"), List.of("2.0"),
                        List.of("1.0->2.0", "-3.0")),
                Arguments.of("distance is by version order, not by text", List.of("1.9", "1.10"), List.of("1.11"),
                        List.of("1.10->1.11", "-1.9")),
                Arguments.of("versions that order equal are nearest of all", List.of("1.0"), List.of("1.1", "1.0.0"),
                        List.of("1.0->1.0.0", "+1.1")),
                Arguments.of("the same version twice: one pairs, the other is removed", List.of("1.0", "1.0"), List.of("1.0"),
                        List.of("1.0->1.0", "-1.0")),
                Arguments.of("three to two", List.of("1.0", "2.0", "3.0"), List.of("2.5", "3.1"),
                        List.of("2.0->2.5", "3.0->3.1", "-1.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rule")
    void pairsDuplicatesByTheDocumentedRule(String name, List<String> olds, List<String> news, List<String> expected) {
        ComponentMatcher.Result result = ComponentMatcher.match(
                versions("pkg:maven/g/a", olds.toArray(String[]::new)),
                versions("pkg:maven/g/a", news.toArray(String[]::new)));
        assertEquals(expected, describe(result));
    }

    @Test
    void sameVersionTwicePairsTheLowerBomRefFirst() {
        Component a = c("pkg:maven/g/a@1.0").bomRef("ref-a").build();
        Component b = c("pkg:maven/g/a@1.0").bomRef("ref-b").build();
        Component n = c("pkg:maven/g/a@1.0").bomRef("ref-n").build();
        ComponentMatcher.Result forward = ComponentMatcher.match(List.of(a, b), List.of(n));
        ComponentMatcher.Result backward = ComponentMatcher.match(List.of(b, a), List.of(n));
        assertEquals("ref-a", forward.pairs().get(0).oldComponent().bomRef());
        assertEquals("ref-b", forward.removed().get(0).bomRef());
        assertEquals(forward, backward);
    }

    @Test
    void identitiesNeverMix() {
        ComponentMatcher.Result result = ComponentMatcher.match(
                List.of(c("pkg:maven/g/a@1.0").build()), List.of(c("pkg:maven/g/b@1.0").build()));
        assertEquals(List.of("-1.0", "+1.0"), describe(result));
    }

    @Test
    void hugeDuplicateGroupsPairInVersionOrderWithoutBlowingUp() {
        int n = 501; // 501 * 501 candidate pairs exceed MAX_PAIRWISE
        List<Component> olds = new ArrayList<>();
        List<Component> news = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            olds.add(c("pkg:maven/g/a@1." + i).build());
            news.add(c("pkg:maven/g/a@2." + i).build());
        }
        news.add(c("pkg:maven/g/a@3.0").build());
        ComponentMatcher.Result result = ComponentMatcher.match(olds, news);
        assertEquals(n, result.pairs().size());
        assertEquals("1.0", result.pairs().get(0).oldComponent().version());
        assertEquals("2.0", result.pairs().get(0).newComponent().version());
        assertEquals("3.0", result.added().get(0).version());
    }
}
