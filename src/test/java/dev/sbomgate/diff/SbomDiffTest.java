package dev.sbomgate.diff;

import static dev.sbomgate.diff.ChangeKind.ADDED;
import static dev.sbomgate.diff.ChangeKind.DOWNGRADED;
import static dev.sbomgate.diff.ChangeKind.HASH_ALGORITHMS_CHANGED;
import static dev.sbomgate.diff.ChangeKind.LICENSE_CHANGED;
import static dev.sbomgate.diff.ChangeKind.REMOVED;
import static dev.sbomgate.diff.ChangeKind.SAME_VERSION_DIFFERENT_HASHES;
import static dev.sbomgate.diff.ChangeKind.SOURCE_CHANGED;
import static dev.sbomgate.diff.ChangeKind.SUPPLIER_CHANGED;
import static dev.sbomgate.diff.ChangeKind.UPGRADED;
import static dev.sbomgate.diff.ChangeKind.VERSION_CHANGED;
import static dev.sbomgate.diff.TestComponents.c;
import static dev.sbomgate.diff.TestComponents.hex64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.HashAlgorithm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SbomDiffTest {

    private static final String IO = "pkg:maven/commons-io/commons-io@2.11.0";

    /** One row: a name, the baseline, the candidate, and exactly the change kinds expected (nothing else may fire). */
    private static Arguments row(String name, List<Component> baseline, List<Component> candidate, ChangeKind... expected) {
        return Arguments.of(name, baseline, candidate, List.of(expected));
    }

    private static List<Component> of(TestComponents.Builder... builders) {
        return Stream.of(builders).map(TestComponents.Builder::build).toList();
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("identical components: nothing", of(full(IO)), of(full(IO))),
                row("empty SBOMs: nothing", of(), of()),

                row("ADDED: only in the candidate", of(), of(c(IO)), ADDED),
                row("REMOVED: only in the baseline", of(c(IO)), of(), REMOVED),
                row("ADDED/REMOVED silent: ?type=jar and no type are one identity",
                        of(c("pkg:maven/g/a@1.0?type=jar")), of(c("pkg:maven/g/a@1.0"))),
                row("ADDED/REMOVED: a classifier is another artifact",
                        of(c("pkg:maven/g/a@1.0")), of(c("pkg:maven/g/a@1.0?classifier=sources")), ADDED, REMOVED),

                row("UPGRADED: 1.9 -> 1.10 is numeric", of(c("pkg:maven/g/a@1.9")), of(c("pkg:maven/g/a@1.10")), UPGRADED),
                row("UPGRADED: SNAPSHOT -> release", of(c("pkg:maven/g/a@1.0-SNAPSHOT")), of(c("pkg:maven/g/a@1.0")), UPGRADED),
                row("DOWNGRADED: release -> rc", of(c("pkg:npm/a@2.0.0")), of(c("pkg:npm/a@2.0.0-rc.1")), DOWNGRADED),
                row("DOWNGRADED: 1.10 -> 1.9", of(c("pkg:pypi/a@1.10")), of(c("pkg:pypi/a@1.9")), DOWNGRADED),
                row("VERSION_CHANGED: 1.0 -> 1.0.0 orders equal", of(c("pkg:maven/g/a@1.0")), of(c("pkg:maven/g/a@1.0.0")),
                        VERSION_CHANGED),
                row("VERSION_CHANGED: npm build metadata", of(c("pkg:npm/a@1.0.0+b1")), of(c("pkg:npm/a@1.0.0+b2")),
                        VERSION_CHANGED),
                row("VERSION_CHANGED: version disappeared", of(c("g:a@1.0")), of(c("g:a")), VERSION_CHANGED),

                row("SAME_VERSION_DIFFERENT_HASHES: same version, SHA-256 differs",
                        of(c(IO).sha256('a')), of(c(IO).sha256('b')), SAME_VERSION_DIFFERENT_HASHES),
                row("SAME_VERSION_DIFFERENT_HASHES: one of two common algorithms differs",
                        of(c(IO).sha256('a').sha1('a')), of(c(IO).sha256('a').sha1('b')), SAME_VERSION_DIFFERENT_HASHES),
                row("SAME_VERSION_DIFFERENT_HASHES silent: other version, other hashes",
                        of(c(IO).sha256('a')), of(c(IO).version("2.21.0").sha256('b')), UPGRADED),
                row("SAME_VERSION_DIFFERENT_HASHES silent: no common algorithm",
                        of(c(IO).sha1('a')), of(c(IO).sha256('b')), HASH_ALGORITHMS_CHANGED),
                row("SAME_VERSION_DIFFERENT_HASHES + HASH_ALGORITHMS_CHANGED",
                        of(c(IO).sha256('a')), of(c(IO).sha256('b').sha1('b')), SAME_VERSION_DIFFERENT_HASHES, HASH_ALGORITHMS_CHANGED),

                row("HASH_ALGORITHMS_CHANGED: SHA-256 dropped, same values otherwise",
                        of(c(IO).sha256('a').sha1('a')), of(c(IO).sha1('a')), HASH_ALGORITHMS_CHANGED),
                row("HASH_ALGORITHMS_CHANGED: all hashes gone", of(c(IO).sha256('a')), of(c(IO)), HASH_ALGORITHMS_CHANGED),
                row("HASH_ALGORITHMS_CHANGED: across an upgrade",
                        of(c(IO).sha256('a')), of(c(IO).version("2.21.0").sha1('b')), UPGRADED, HASH_ALGORITHMS_CHANGED),
                row("HASH_ALGORITHMS_CHANGED silent: upper-case hex is the same digest",
                        of(c(IO).hash(HashAlgorithm.SHA_256, hex64('A'))), of(c(IO).hash(HashAlgorithm.SHA_256, hex64('a')))),

                row("SUPPLIER_CHANGED: supplier", of(c(IO).supplier("Apache")), of(c(IO).supplier("Evil Corp")), SUPPLIER_CHANGED),
                row("SUPPLIER_CHANGED: publisher", of(c(IO).publisher("ASF")), of(c(IO).publisher("Someone")), SUPPLIER_CHANGED),
                row("SUPPLIER_CHANGED: author appeared", of(c(IO)), of(c(IO).author("mallory")), SUPPLIER_CHANGED),
                row("SUPPLIER_CHANGED: manufacturer", of(c(IO).manufacturer("A")), of(c(IO).manufacturer("B")), SUPPLIER_CHANGED),
                row("SUPPLIER_CHANGED: two fields, two changes",
                        of(c(IO).supplier("A").publisher("A")), of(c(IO).supplier("B").publisher("B")),
                        SUPPLIER_CHANGED, SUPPLIER_CHANGED),
                row("SUPPLIER_CHANGED silent: case and spacing only",
                        of(c(IO).publisher("The Apache Software Foundation")), of(c(IO).publisher("the apache  software foundation "))),

                row("SOURCE_CHANGED: VCS repository moved",
                        of(c(IO).vcs("https://github.com/apache/commons-io")), of(c(IO).vcs("https://github.com/attacker/commons-io")),
                        SOURCE_CHANGED),
                row("SOURCE_CHANGED: VCS reference removed", of(c(IO).vcs("https://github.com/apache/commons-io")), of(c(IO)),
                        SOURCE_CHANGED),
                row("SOURCE_CHANGED silent: same VCS spelled differently",
                        of(c(IO).vcs("scm:git:git@github.com:apache/commons-io.git")),
                        of(c(IO).vcs("https://github.com/apache/commons-io/"))),
                row("SOURCE_CHANGED silent: npm committish or directory fragment",
                        of(c("pkg:npm/%40types/node@18.0.0").vcs("git+https://github.com/DefinitelyTyped/DefinitelyTyped.git")),
                        of(c("pkg:npm/%40types/node@18.0.0").vcs("git+https://github.com/DefinitelyTyped/DefinitelyTyped.git#types/node"))),
                row("SOURCE_CHANGED silent: a path inside the same GitHub repository",
                        of(c("pkg:npm/pug@3.0.0").vcs("https://github.com/pugjs/pug/tree/master/packages/pug")),
                        of(c("pkg:npm/pug@3.0.0").vcs("git+https://github.com/pugjs/pug.git#master"))),
                row("SOURCE_CHANGED: GitHub owner changed (repository transferred)",
                        of(c("pkg:npm/minimist@1.2.8").vcs("git://github.com/substack/minimist.git")),
                        of(c("pkg:npm/minimist@1.2.8").vcs("git://github.com/minimistjs/minimist.git")), SOURCE_CHANGED),
                row("SOURCE_CHANGED: another GitLab project",
                        of(c(IO).vcs("https://gitlab.com/group/a/-/tree/main")), of(c(IO).vcs("https://gitlab.com/group/b")),
                        SOURCE_CHANGED),
                row("SOURCE_CHANGED silent: other external references change",
                        of(c(IO).reference("website", "https://a.example")), of(c(IO).reference("website", "https://b.example"))),
                row("SOURCE_CHANGED: purl repository_url appeared",
                        of(c("pkg:npm/left-pad@1.3.0")), of(c("pkg:npm/left-pad@1.3.0?repository_url=https://npm.evil.example")),
                        SOURCE_CHANGED),
                row("SOURCE_CHANGED: same name, other namespace (also removed + added)",
                        of(c("pkg:maven/commons-io/commons-io@2.11.0")), of(c("pkg:maven/org.apache.commons/commons-io@2.11.0")),
                        ADDED, REMOVED, SOURCE_CHANGED),
                row("SOURCE_CHANGED: npm scope appeared",
                        of(c("pkg:npm/lodash@4.17.21")), of(c("pkg:npm/%40evil/lodash@4.17.21")), ADDED, REMOVED, SOURCE_CHANGED),
                row("SOURCE_CHANGED: purl lost",
                        of(c("pkg:maven/g/widget@1.0")), of(c("g:widget@1.0")), ADDED, REMOVED, SOURCE_CHANGED),
                row("SOURCE_CHANGED silent: same name in another ecosystem is another package",
                        of(c("pkg:npm/requests@1.0.0")), of(c("pkg:pypi/requests@1.0.0")), ADDED, REMOVED),
                row("SOURCE_CHANGED silent: @types/x holds the typings of x, another package by convention",
                        of(c("pkg:npm/color-name@1.1.4")), of(c("pkg:npm/%40types/color-name@1.1.1")), ADDED, REMOVED),
                row("SOURCE_CHANGED silent: ambiguous, two removed with that name",
                        of(c("pkg:maven/a/util@1"), c("pkg:maven/b/util@1")), of(c("pkg:maven/c/util@1")), ADDED, REMOVED, REMOVED),

                row("LICENSE_CHANGED: Apache-2.0 -> BUSL-1.1", of(c(IO).license("Apache-2.0")), of(c(IO).license("BUSL-1.1")),
                        LICENSE_CHANGED),
                row("LICENSE_CHANGED: licence dropped", of(c(IO).license("MIT")), of(c(IO)), LICENSE_CHANGED),
                row("LICENSE_CHANGED: dual licence added", of(c(IO).license("MIT")), of(c(IO).license("MIT").license("GPL-3.0-only")),
                        LICENSE_CHANGED),
                row("LICENSE_CHANGED silent: case only", of(c(IO).license("apache-2.0")), of(c(IO).license("Apache-2.0"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void reportsExactlyTheExpectedKinds(String name, List<Component> baseline, List<Component> candidate,
                                        List<ChangeKind> expected) {
        List<ChangeKind> actual = SbomDiff.compare(baseline, candidate).stream().map(Change::kind).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), actual);
    }

    /** A component with every compared field set. */
    private static TestComponents.Builder full(String purl) {
        return c(purl).sha256('a').sha1('a').supplier("ASF").publisher("ASF").author("dev").manufacturer("ASF")
                .license("Apache-2.0").vcs("https://github.com/apache/commons-io");
    }

    @Test
    void upgradeCarriesItsSizeAndValues() {
        Change change = single(of(c(IO)), of(c(IO).version("2.21.0")));
        assertEquals(UPGRADED, change.kind());
        assertEquals("pkg:maven/commons-io/commons-io", change.identity());
        assertEquals("version", change.aspect());
        assertEquals("2.11.0", change.before());
        assertEquals("2.21.0", change.after());
        assertEquals(UpdateKind.MINOR, change.update());
    }

    @Test
    void hashChangeNamesTheAlgorithmAndBothValues() {
        Change change = single(of(c(IO).sha256('a')), of(c(IO).sha256('b')));
        assertEquals("SHA-256", change.aspect());
        assertEquals("SHA-256:" + hex64('a'), change.before());
        assertEquals("SHA-256:" + hex64('b'), change.after());
    }

    @Test
    void noCommonAlgorithmSaysSoInsteadOfClaimingADifference() {
        Change change = single(of(c(IO).sha1('a')), of(c(IO).sha256('b')));
        assertEquals(HASH_ALGORITHMS_CHANGED, change.kind());
        assertEquals("SHA-1", change.before());
        assertEquals("SHA-256", change.after());
        assertEquals("no hash algorithm in common: the hashes cannot be compared", change.note());
    }

    @Test
    void supplierChangeNamesTheField() {
        Change change = single(of(c(IO).publisher("ASF")), of(c(IO).publisher("Someone")));
        assertEquals("publisher", change.aspect());
        assertEquals("ASF", change.before());
        assertEquals("Someone", change.after());
    }

    @Test
    void namespaceMoveLinksBothComponents() {
        Component old = c("pkg:maven/commons-io/commons-io@2.11.0").build();
        Component moved = c("pkg:maven/org.apache.commons/commons-io@2.11.0").build();
        Change change = SbomDiff.compare(List.of(old), List.of(moved)).stream()
                .filter(c -> c.kind() == SOURCE_CHANGED).findFirst().orElseThrow();
        assertEquals("namespace", change.aspect());
        assertEquals("pkg:maven/org.apache.commons/commons-io", change.identity());
        assertSame(old, change.oldComponent());
        assertSame(moved, change.newComponent());
        assertEquals("pkg:maven/commons-io/commons-io", change.before());
        assertEquals("pkg:maven/org.apache.commons/commons-io", change.after());
    }

    @Test
    void oneComponentCanHaveSeveralChangesSortedByIdentityThenKind() {
        List<Change> changes = SbomDiff.compare(
                of(c(IO).sha256('a').publisher("ASF").license("Apache-2.0"), c("pkg:maven/a/first@1")),
                of(c(IO).version("2.21.0").sha1('b').publisher("X").license("MIT"), c("pkg:maven/z/last@1")));
        assertEquals(List.of(
                "pkg:maven/a/first REMOVED",
                "pkg:maven/commons-io/commons-io UPGRADED",
                "pkg:maven/commons-io/commons-io HASH_ALGORITHMS_CHANGED",
                "pkg:maven/commons-io/commons-io SUPPLIER_CHANGED",
                "pkg:maven/commons-io/commons-io LICENSE_CHANGED",
                "pkg:maven/z/last ADDED"),
                changes.stream().map(c -> c.identity() + " " + c.kind()).toList());
    }

    @Test
    void resultDoesNotDependOnDocumentOrder() {
        List<Component> baseline = new ArrayList<>();
        List<Component> candidate = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            baseline.add(c("pkg:maven/g/a" + i + "@1." + i).sha256('a').build());
            candidate.add(c("pkg:maven/g/a" + (i + 5) + "@1." + (i % 7)).sha256(i % 2 == 0 ? 'a' : 'b').build());
        }
        baseline.add(c("pkg:maven/g/dup@1.0").bomRef("x").build());
        baseline.add(c("pkg:maven/g/dup@2.0").bomRef("y").build());
        candidate.add(c("pkg:maven/g/dup@1.5").bomRef("z").build());
        List<Change> expected = SbomDiff.compare(baseline, candidate);
        for (int seed = 0; seed < 5; seed++) {
            Collections.shuffle(baseline, new Random(seed));
            Collections.shuffle(candidate, new Random(seed + 100));
            assertEquals(expected, SbomDiff.compare(baseline, candidate));
        }
    }

    @Test
    void addedAndRemovedHaveOnlyOneSide() {
        Change added = single(of(), of(c(IO)));
        assertNull(added.oldComponent());
        assertNull(added.before());
        assertEquals("2.11.0", added.after());
        Change removed = single(of(c(IO)), of());
        assertNull(removed.newComponent());
        assertEquals("2.11.0", removed.before());
    }

    @Test
    void changeRecordRejectsImpossibleShapes() {
        Component comp = c(IO).build();
        assertThrows(IllegalArgumentException.class,
                () -> new Change(ADDED, "x", comp, comp, "version", null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Change(REMOVED, "x", comp, comp, "version", null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Change(UPGRADED, "x", comp, comp, "version", "1", "2", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Change(LICENSE_CHANGED, "x", comp, comp, "licenses", "a", "b", UpdateKind.MAJOR, null));
    }

    private static Change single(List<Component> baseline, List<Component> candidate) {
        List<Change> changes = SbomDiff.compare(baseline, candidate);
        assertEquals(1, changes.size(), changes::toString);
        return changes.get(0);
    }
}
