package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sbomgate.gate.Verdict;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every format on the fixed scenario, against its golden file, and byte-identical when rendered again from a fresh verdict. */
class GoldenReportsTest {
    static final String VERSION = "0.0.0-test";
    private static final Path HERE = Path.of("");

    private record Case(String file, Supplier<Renderer> renderer) {
    }

    @TestFactory
    Stream<DynamicTest> everyFormatMatchesItsGoldenFile() {
        return Stream.of(
                new Case("report.txt", () -> new TextRenderer(false, false)),
                new Case("report-colour.txt", () -> new TextRenderer(true, false)),
                new Case("report-quiet.txt", () -> new TextRenderer(false, true)),
                new Case("report.json", () -> new JsonRenderer(HERE, VERSION)),
                new Case("report.sarif", () -> new SarifRenderer(HERE, VERSION)),
                new Case("report.junit.xml", () -> new JunitRenderer(HERE)),
                new Case("report.md", () -> new MarkdownRenderer(HERE)),
                new Case("report.html", () -> new HtmlRenderer(HERE, VERSION)),
                new Case("annotations.txt", () -> new GithubAnnotationRenderer(HERE)),
                new Case("report.codequality.json", () -> new CodeQualityRenderer(HERE)),
                new Case("first-use.json", () -> new JsonRenderer(HERE, VERSION)))
                .map(c -> DynamicTest.dynamicTest(c.file(), () -> {
                    Supplier<Verdict> verdict = c.file().startsWith("first-use") ? ReportScenario::firstUse : ReportScenario::verdict;
                    String first = c.renderer().get().render(verdict.get());
                    assertEquals(first, c.renderer().get().render(verdict.get()), "identical inputs give identical bytes");
                    Golden.check(c.file(), first);
                }));
    }
}
