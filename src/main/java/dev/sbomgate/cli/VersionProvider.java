package dev.sbomgate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven filtered into {@code sbomgate-version.properties}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/sbomgate-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"sbomgate " + properties.getProperty("version", "unknown")};
    }
}
