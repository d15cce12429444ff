package dev.sbomgate.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a pair of synthetic CycloneDX 1.6 JSON SBOMs, an approved one and a candidate, for the load + diff + rules
 * benchmark (bench/check-bench.sh). Not a test. Deterministic: the same size and seed give byte-identical files.
 *
 * <p>Shape, after real SBOMs from cyclonedx-maven-plugin and cyclonedx-npm: 85 % Maven components
 * ({@code pkg:maven/group/artifact@version}, SHA-1, SHA-256 and SHA-512 hashes, a licence, a Maven Central
 * distribution reference), 15 % npm packages (scoped and unscoped, SHA-512 only); version numbers of three parts;
 * a dependency graph where each component depends on 0 to 4 components listed after it (no cycles), all reachable
 * from the root. The candidate changes about 2 % of the components, as a batch of dependency updates would: patch,
 * minor and major upgrades (new hashes), a few downgrades, removals and additions, licence changes, and a few
 * releases whose hash changed under the same version (mutated releases).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp) dev.sbomgate.bench.SbomPairGenerator COMPONENTS OUT_DIR [SEED]</pre>
 * writes {@code OUT_DIR/old.cdx.json} and {@code OUT_DIR/new.cdx.json} and prints what changed.
 */
public final class SbomPairGenerator {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ro", "tu", "va", "zen", "bri", "cor", "dex",
        "fel", "gra", "hul", "jin", "kor", "lum", "mor", "nix", "pal", "qua", "rin", "sol", "tor", "umb", "vel", "wyn",
        "xen", "yor", "zul", "core", "util", "io", "json", "http", "log", "test", "data", "net", "api"};
    private static final String[] LICENSES = {"Apache-2.0", "MIT", "BSD-3-Clause", "EPL-2.0", "ISC"};
    private static final HexFormat HEX = HexFormat.of();

    /** One component as generated; mutable so that the candidate can be derived from a copy. */
    static final class Comp {
        final boolean npm;
        final String group;
        final String name;
        int major;
        int minor;
        int patch;
        String license;
        byte[] seed;
        final List<Integer> deps = new ArrayList<>();

        Comp(boolean npm, String group, String name, int major, int minor, int patch, String license, byte[] seed) {
            this.npm = npm;
            this.group = group;
            this.name = name;
            this.major = major;
            this.minor = minor;
            this.patch = patch;
            this.license = license;
            this.seed = seed;
        }

        Comp copy() {
            Comp c = new Comp(npm, group, name, major, minor, patch, license, seed.clone());
            c.deps.addAll(deps);
            return c;
        }

        String version() {
            return major + "." + minor + "." + patch;
        }

        String purl() {
            if (npm) {
                return "pkg:npm/" + (group == null ? "" : "%40" + group + "/") + name + "@" + version();
            }
            return "pkg:maven/" + group + "/" + name + "@" + version() + "?type=jar";
        }
    }

    private SbomPairGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SbomPairGenerator COMPONENTS OUT_DIR [SEED]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7L;
        SplittableRandom random = new SplittableRandom(seed);
        List<Comp> old = generate(n, random);
        List<Comp> candidate = new ArrayList<>();
        old.forEach(c -> candidate.add(c.copy()));
        String summary = change(candidate, random);
        write(old, out.resolve("old.cdx.json"), "1.0.0");
        write(candidate, out.resolve("new.cdx.json"), "1.1.0");
        System.out.println(n + " components; candidate: " + summary);
    }

    static List<Comp> generate(int n, SplittableRandom random) {
        List<Comp> list = new ArrayList<>(n);
        java.util.Set<String> taken = new java.util.HashSet<>();
        int groups = Math.max(4, n / 12);
        for (int i = 0; i < n; i++) {
            boolean npm = random.nextInt(100) < 15;
            String group;
            String name;
            do {
                if (npm) {
                    group = random.nextInt(3) == 0 ? word(random, 2) : null;
                    name = word(random, 2 + random.nextInt(2)) + (random.nextBoolean() ? "" : "-" + word(random, 1));
                } else {
                    int g = random.nextInt(groups);
                    group = "org." + word(new SplittableRandom(g * 31L + 1), 2) + "." + word(new SplittableRandom(g * 17L + 5), 1);
                    name = word(random, 2) + "-" + word(random, 1 + random.nextInt(2));
                }
            } while (!taken.add((npm ? "npm:" : "maven:") + group + "/" + name));
            byte[] seed = new byte[16];
            random.nextBytes(seed);
            list.add(new Comp(npm, group, name, random.nextInt(6), random.nextInt(20), random.nextInt(15),
                    LICENSES[random.nextInt(LICENSES.length)], seed));
        }
        // Dependencies point forward only: a DAG, each component reachable from some earlier one or the root.
        for (int i = 0; i < n - 1; i++) {
            int k = random.nextInt(5);
            for (int j = 0; j < k; j++) {
                int target = i + 1 + random.nextInt(Math.min(200, n - i - 1));
                if (!list.get(i).deps.contains(target)) {
                    list.get(i).deps.add(target);
                }
            }
        }
        return list;
    }

    /** Applies a batch of updates to about 2 % of the components; returns a one-line summary. */
    static String change(List<Comp> list, SplittableRandom random) {
        int n = list.size();
        int patch = 0;
        int minor = 0;
        int major = 0;
        int down = 0;
        int mutated = 0;
        int license = 0;
        for (Comp c : list) {
            int r = random.nextInt(1000);
            if (r < 10) {
                c.patch++;
                c.seed[0]++;
                patch++;
            } else if (r < 15) {
                c.minor++;
                c.patch = 0;
                c.seed[0]++;
                minor++;
            } else if (r < 17) {
                c.major++;
                c.minor = 0;
                c.patch = 0;
                c.seed[0]++;
                major++;
            } else if (r < 18 && c.patch > 0) {
                c.patch--;
                c.seed[0]++;
                down++;
            } else if (r < 19) {
                c.seed[1]++;
                mutated++;
            } else if (r < 21) {
                c.license = c.license.equals("MIT") ? "Apache-2.0" : "MIT";
                license++;
            }
        }
        int removed = Math.max(1, n / 500);
        for (int i = 0; i < removed; i++) {
            int victim = 1 + random.nextInt(list.size() - 1);
            list.remove(victim);
            for (Comp c : list) {
                c.deps.removeIf(d -> d == victim);
                c.deps.replaceAll(d -> d > victim ? d - 1 : d);
            }
        }
        List<Comp> added = generate(Math.max(1, n / 500), random);
        int base = list.size();
        for (Comp c : added) {
            c.deps.clear();
            if (base + added.indexOf(c) + 1 < base + added.size()) {
                c.deps.add(base + added.indexOf(c) + 1);
            }
            list.get(random.nextInt(base)).deps.add(base + added.indexOf(c));
        }
        list.addAll(added);
        return String.format(Locale.ROOT, "%d patch, %d minor, %d major upgrades, %d downgrades, %d mutated releases, "
                + "%d licence changes, %d removed, %d added", patch, minor, major, down, mutated, license, removed, added.size());
    }

    static void write(List<Comp> list, Path file, String rootVersion) throws IOException {
        JsonFactory factory = new JsonFactory();
        try (JsonGenerator g = factory.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("bomFormat", "CycloneDX");
            g.writeStringField("specVersion", "1.6");
            g.writeStringField("serialNumber", "urn:uuid:" + uuid(list.size(), rootVersion));
            g.writeNumberField("version", 1);
            g.writeObjectFieldStart("metadata");
            g.writeStringField("timestamp", "2026-11-01T00:00:00Z");
            g.writeObjectFieldStart("component");
            g.writeStringField("type", "application");
            g.writeStringField("bom-ref", "root");
            g.writeStringField("group", "com.example");
            g.writeStringField("name", "bench-app");
            g.writeStringField("version", rootVersion);
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("components");
            for (Comp c : list) {
                g.writeStartObject();
                g.writeStringField("type", "library");
                g.writeStringField("bom-ref", c.purl());
                if (c.group != null) {
                    g.writeStringField("group", c.npm ? "@" + c.group : c.group);
                }
                g.writeStringField("name", c.name);
                g.writeStringField("version", c.version());
                g.writeStringField("scope", "required");
                g.writeArrayFieldStart("hashes");
                if (!c.npm) {
                    hash(g, "SHA-1", c, 20);
                    hash(g, "SHA-256", c, 32);
                }
                hash(g, "SHA-512", c, 64);
                g.writeEndArray();
                g.writeArrayFieldStart("licenses");
                g.writeStartObject();
                g.writeObjectFieldStart("license");
                g.writeStringField("id", c.license);
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeStringField("purl", c.purl());
                if (!c.npm) {
                    g.writeArrayFieldStart("externalReferences");
                    g.writeStartObject();
                    g.writeStringField("type", "distribution");
                    g.writeStringField("url", "https://repo.maven.apache.org/maven2/" + c.group.replace('.', '/') + "/"
                            + c.name + "/" + c.version() + "/" + c.name + "-" + c.version() + ".jar");
                    g.writeEndObject();
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("dependencies");
            g.writeStartObject();
            g.writeStringField("ref", "root");
            g.writeArrayFieldStart("dependsOn");
            for (int i = 0; i < Math.min(20, list.size()); i++) {
                g.writeString(list.get(i).purl());
            }
            g.writeEndArray();
            g.writeEndObject();
            for (Comp c : list) {
                g.writeStartObject();
                g.writeStringField("ref", c.purl());
                g.writeArrayFieldStart("dependsOn");
                for (int d : c.deps) {
                    g.writeString(list.get(d).purl());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** A digest-shaped value derived from the component's seed (not a digest of anything). */
    private static void hash(JsonGenerator g, String alg, Comp c, int bytes) throws IOException {
        SplittableRandom r = new SplittableRandom(java.util.Arrays.hashCode(c.seed) * 31L + alg.hashCode());
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        g.writeStartObject();
        g.writeStringField("alg", alg);
        g.writeStringField("content", HEX.formatHex(b));
        g.writeEndObject();
    }

    private static String word(SplittableRandom random, int syllables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return sb.toString();
    }

    private static String uuid(int n, String version) {
        SplittableRandom r = new SplittableRandom(n * 1_000_003L + version.hashCode());
        return String.format(Locale.ROOT, "%08x-%04x-4%03x-8%03x-%012x", r.nextInt() & 0xffffffffL, r.nextInt(0x10000),
                r.nextInt(0x1000), r.nextInt(0x1000), r.nextLong() & 0xffffffffffffL);
    }
}
