import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Writes maven.tsv: random Maven version pairs and how Maven's own ComparableVersion orders them.
 * Run: java -cp ~/.m2/repository/org/apache/maven/maven-artifact/3.9.6/maven-artifact-3.9.6.jar GenMaven.java
 */
public class GenMaven {
    public static void main(String[] args) throws Exception {
        Random r = new Random(1);
        String[] tokens = {"0", "1", "2", "10", "00", "alpha", "a", "b", "m", "rc", "cr", "snapshot", "SNAPSHOT", "sp",
                "ga", "final", "Final", "release", "RELEASE", "foo", "x", "abc", ""};
        String[] separators = {".", "-", "", ".", "-"};
        List<String> versions = new ArrayList<>();
        while (versions.size() < 300) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(5); k < n; k++) {
                sb.append(k > 0 ? separators[r.nextInt(separators.length)] : "").append(tokens[r.nextInt(tokens.length)]);
            }
            if (sb.length() > 0) {
                versions.add(sb.toString());
            }
        }
        String mavenVersion = ComparableVersion.class.getPackage().getImplementationVersion();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of("maven.tsv")))) {
            out.print("# a<TAB>b<TAB>sign of compare(a, b) per maven-artifact " + mavenVersion + " ComparableVersion\n");
            for (int i = 0; i < 3000; i++) {
                String a = versions.get(r.nextInt(versions.size()));
                String b = versions.get(r.nextInt(versions.size()));
                int c = Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
                out.print(a + "\t" + b + "\t" + c + "\n");
            }
        }
    }
}
