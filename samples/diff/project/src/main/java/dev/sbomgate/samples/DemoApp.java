package dev.sbomgate.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FilenameUtils;
import org.apache.commons.lang3.StringUtils;

/** Uses each dependency once so that the SBOM describes a real, if tiny, application. */
public final class DemoApp {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "pom.xml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String summary = new ObjectMapper().writeValueAsString(
                java.util.Map.of("file", FilenameUtils.getName(file.toString()), "head", StringUtils.abbreviate(text, 40)));
        System.out.println(summary);
    }
}
