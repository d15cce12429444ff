package dev.sbomgate.cli;

import dev.sbomgate.fetch.EnvProxy;
import dev.sbomgate.fetch.Transport;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Option;

/** How the online commands ({@code fetch}, {@code feed update}) download: time limits, retries, HTTPS trust. */
final class DownloadOptions {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time limit per request, body included (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3", description = "Attempts per URL on timeouts and 5xx (default ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--allow-http", description = "Allow plain HTTP to hosts other than loopback (not recommended).")
    boolean allowHttp;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust this CA certificate (PEM) besides the JDK's.")
    Path caFile;

    /** Refuses option values out of range. */
    void check() {
        if (timeoutSeconds < 1 || attempts < 1 || attempts > 10) {
            throw new BadInputException("--retries must be 1..10 and --timeout positive");
        }
    }

    /** A transport with these options and the proxy of {@code env} (HTTPS_PROXY, NO_PROXY…). */
    Transport open(Map<String, String> env) {
        check();
        return new Transport(sslContext(), EnvProxy.fromEnvironment(env), Duration.ofSeconds(timeoutSeconds), allowHttp,
                attempts, Duration.ofMillis(250));
    }

    /** The JDK's trusted CAs plus {@code --ca-file}, or null for the JDK's defaults. */
    private SSLContext sslContext() {
        if (caFile == null) {
            return null;
        }
        try (InputStream in = new java.io.ByteArrayInputStream(InputFiles.read(caFile, Limits.CA_FILE))) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int i = 0;
            for (var tm : defaults.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (var c : x.getAcceptedIssuers()) {
                        store.setCertificateEntry("jdk-" + i++, c);
                    }
                }
            }
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-file-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            throw new BadInputException("--ca-file " + caFile + ": not a readable PEM certificate: "
                    + Untrusted.message(e.getMessage()), e);
        }
    }
}
