package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTML report in headless Chromium: its script runs under its own CSP, sorts and filters the component table
 * (state taken from the URL fragment), injected markup does not run, and a screenshot is kept as a build artifact
 * in target/report-screenshots/. Skipped only outside CI when Chromium is not installed; with CI=true a missing
 * Chromium fails (.ci/run installs Debian's chromium package).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class HtmlReportBrowserTest {
    static final Path OUT = Path.of("target/report-screenshots");
    private static final long PROCESS_TIMEOUT_SECONDS = 90;
    private static final Pattern ROW = Pattern.compile("<tr data-standing=\"([a-z]+)\"( hidden=\"\")?><td><code>([^<]*)</code>");
    private static Path chromium;
    private static Path report;

    @BeforeAll
    static void browserAndReport() throws IOException {
        Optional<Path> found = Stream.of(System.getenv("SBOMGATE_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(s -> s != null && !s.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but Chromium is not installed at /usr/bin/chromium: .ci/run installs Debian's 'chromium' package");
            }
            Assumptions.assumeTrue(false, "Chromium is not installed (apt-get install chromium); the browser test runs on CI");
        }
        chromium = found.get();
        Files.createDirectories(OUT);
        report = OUT.resolve("report.html").toAbsolutePath();
        Files.writeString(report, new HtmlRenderer(Path.of(""), GoldenReportsTest.VERSION).render(ReportScenario.verdict()),
                StandardCharsets.UTF_8);
    }

    @Test
    void sortsAndFiltersFromTheUrlFragment() throws Exception {
        String dom = dumpDom(report, "sort=component&dir=desc&q=example", "sorted");
        assertTrue(dom.contains("data-ready=\"true\""), "the inline script ran under the CSP");
        assertTrue(dom.contains("data-state=\"sort=component;dir=desc;shown=4\""), dom);
        List<String[]> rows = rows(dom);
        assertEquals(List.of("pkg:pypi/requests@2.32.0", "pkg:maven/org.example/tampered@1.2.0", "pkg:maven/org.example/resigned@3.0.0",
                        "pkg:maven/org.example/missing@1.0.0", "pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21",
                        ReportScenario.HOSTILE_NAME + "@1.0"),
                rows.stream().map(r -> r[2]).toList(), "every row, sorted by component, descending");
        assertEquals(List.of("pkg:maven/org.example/tampered@1.2.0", "pkg:maven/org.example/resigned@3.0.0",
                        "pkg:maven/org.example/missing@1.0.0", ReportScenario.HOSTILE_NAME + "@1.0"),
                rows.stream().filter(r -> r[1] == null).map(r -> r[2]).toList(),
                "rows without 'example' are hidden (the hostile one is signed by the Example key)");
        assertTrue(dom.contains("4 of 6 shown"));
    }

    @Test
    void filtersByStandingAndSortsByIt() throws Exception {
        String dom = dumpDom(report, "standing=blocked&sort=standing", "blocked");
        assertTrue(dom.contains("data-state=\"sort=standing;dir=asc;shown=3\""), dom);
        for (String[] row : rows(dom)) {
            assertEquals(row[0].equals("blocked"), row[1] == null, "only blocked rows are shown: " + String.join(" ", row[0], row[2]));
        }
    }

    @Test
    void hostileMarkupStaysText() throws Exception {
        String dom = dumpDom(report, "", "plain");
        assertEquals(1, HtmlReportTest.count(dom, "<script"), "the only script element is the report's own");
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;@1.0"));
        assertTrue(dom.contains("data-state=\"sort=;dir=asc;shown=6\""), "no fragment: all rows in SBOM-independent order");
    }

    @Test
    void theContentSecurityPolicyBlocksAnyOtherScript() throws Exception {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        Path tampered = OUT.resolve("report-tampered.html").toAbsolutePath();
        Files.writeString(tampered, html.replace("<main>", "<main><script>document.documentElement.setAttribute('data-injected','1')</script>")
                .replace("'use strict';", "'use strict'; "), StandardCharsets.UTF_8);
        String dom = dumpDom(tampered, "", "tampered");
        assertFalse(dom.contains("data-injected=\"1\""), "an injected inline script does not run");
        assertFalse(dom.contains("data-ready=\"true\""), "nor does the report's own script once changed: its hash no longer matches");
    }

    @Test
    void screenshotIsKeptAsABuildArtifact() throws Exception {
        Path png = OUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        run("screenshot", "--screenshot=" + png, "--window-size=1280,2000", report.toUri().toString());
        assertTrue(Files.isRegularFile(png), "Chromium wrote " + png);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 10_000, "a real page, not a blank: " + bytes.length + " bytes");
        assertEquals("\u0089PNG", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
    }

    /** Each row's standing, hidden marker (null when shown) and component label, in DOM order. */
    private static List<String[]> rows(String dom) {
        List<String[]> rows = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) {
            String label = m.group(3).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&");
            rows.add(new String[] {m.group(1), m.group(2), label});
        }
        assertEquals(6, rows.size(), "six component rows");
        return rows;
    }

    private static String dumpDom(Path file, String fragment, String name) throws Exception {
        String url = file.toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
        Path dom = run(name, "--dump-dom", url);
        String text = Files.readString(dom, StandardCharsets.UTF_8);
        Files.writeString(OUT.resolve("dom-" + name + ".html"), text, StandardCharsets.UTF_8);
        return text;
    }

    /** Runs headless Chromium with a fresh profile, no network services, and a time limit; returns its standard output. */
    private static Path run(String name, String... args) throws Exception {
        Path profile = Files.createTempDirectory("sbomgate-chromium-");
        Path stdout = OUT.resolve("chromium-" + name + ".out");
        Path stderr = OUT.resolve("chromium-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("Chromium did not finish within " + PROCESS_TIMEOUT_SECONDS + " s; its log: " + stderr);
            }
            assertEquals(0, process.exitValue(), "Chromium failed; its log: " + stderr);
            return stdout;
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a leftover temporary profile is harmless
        }
    }
}
