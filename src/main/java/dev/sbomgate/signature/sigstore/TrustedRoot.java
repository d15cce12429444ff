package dev.sbomgate.signature.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Sigstore trusted root ({@code trusted_root.json}, media type
 * {@code application/vnd.dev.sigstore.trustedroot+json;version=0.1}): the certificate authorities that issue signing
 * certificates (Fulcio), the transparency logs (Rekor), the certificate transparency logs and the RFC 3161 timestamp
 * authorities a bundle may rely on, each with the time range it is trusted for. sbomgate keeps one in the trust store
 * and never fetches it: offline verification trusts exactly what was committed.
 *
 * <p>Parsing is strict about what it uses: every time range needs its {@code start} (a missing bound is not
 * "unbounded"), every key and certificate must parse, and a log's public key is read as the key details say (PKIX
 * SubjectPublicKeyInfo, or PKCS#1 for {@code PKCS1_RSA_*}). Immutable and thread-safe.
 */
public final class TrustedRoot {

    /** A trusted root larger than this is refused: the public-good one is under 10 KiB. */
    public static final int MAX_BYTES = (int) Limits.SIGSTORE_ROOT.bytes();

    private static final int MAX_ENTRIES = 64;
    private static final int MAX_CHAIN = 8;

    private static final List<String> MEDIA_TYPES = List.of(
            "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
            "application/vnd.dev.sigstore.trustedroot.v0.1+json",
            "application/vnd.dev.sigstore.trustedroot.v0.2+json");

    private final List<Authority> certificateAuthorities;
    private final List<LogKey> transparencyLogs;
    private final List<LogKey> ctLogs;
    private final List<Authority> timestampAuthorities;
    private final byte[] sha256;

    /** A time range as a trusted root gives it: {@code [start, end]}, both bounds inclusive; end null means open. */
    record TimeRange(Instant start, Instant end) {
        TimeRange {
            Objects.requireNonNull(start, "start");
        }

        boolean contains(Instant instant) {
            return !instant.isBefore(start) && (end == null || !instant.isAfter(end));
        }

        @Override
        public String toString() {
            return start + ".." + (end == null ? "" : end);
        }
    }

    /**
     * A transparency log or certificate transparency log.
     *
     * @param baseUrl  where the log is served; its host names the log's checkpoint signatures
     * @param logId    the log's key id ({@code logId.keyId}): how entries and SCTs name it
     * @param key      its public key
     * @param validFor when entries it signs are trusted
     */
    record LogKey(String baseUrl, byte[] logId, VerificationKey key, TimeRange validFor) {
        LogKey {
            logId = logId.clone();
        }

        @Override
        public byte[] logId() {
            return logId.clone();
        }

        /**
         * The host (and port, if the URL names one) of the base URL, e.g. {@code rekor.sigstore.dev} or
         * {@code localhost:8000}: the name the log signs its checkpoints with.
         */
        String host() {
            try {
                URI uri = new URI(baseUrl);
                if (uri.getHost() == null) {
                    return baseUrl;
                }
                return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            } catch (URISyntaxException e) {
                return baseUrl;
            }
        }

        boolean hasId(byte[] id) {
            return MessageDigest.isEqual(logId, id);
        }
    }

    /**
     * A certificate authority or timestamp authority.
     *
     * @param name     organisation and common name, for messages
     * @param uri      its URI, for messages
     * @param chain    its certificates, issuing certificate first, root last
     * @param validFor when certificates or timestamps it issued are trusted
     */
    record Authority(String name, String uri, List<X509Certificate> chain, TimeRange validFor) {
        Authority {
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("an authority needs a certificate chain");
            }
        }
    }

    private TrustedRoot(List<Authority> certificateAuthorities, List<LogKey> transparencyLogs, List<LogKey> ctLogs,
                        List<Authority> timestampAuthorities, byte[] sha256) {
        this.certificateAuthorities = List.copyOf(certificateAuthorities);
        this.transparencyLogs = List.copyOf(transparencyLogs);
        this.ctLogs = List.copyOf(ctLogs);
        this.timestampAuthorities = List.copyOf(timestampAuthorities);
        this.sha256 = sha256;
    }

    /** Parses a trusted root; throws {@link BadInputException} naming {@code fileName} and the problem. */
    public static TrustedRoot parse(byte[] bytes, String fileName) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(fileName + ": " + bytes.length + " bytes is too large for a Sigstore trusted root"
                    + " (at most " + MAX_BYTES + ")");
        }
        try {
            return read(bytes);
        } catch (Failure e) {
            throw new BadInputException(fileName + ": not a usable Sigstore trusted root: " + e.getMessage()
                    + "; use the trusted_root.json of the Sigstore instance that signed the bundles");
        }
    }

    private static TrustedRoot read(byte[] bytes) {
        JsonNode root = Json.parse(bytes, "trusted root");
        String mediaType = Json.text(root, "mediaType", "trusted root", true);
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw Failure.malformed("media type '" + Json.shown(mediaType) + "' is not a trusted root this sbomgate reads ("
                    + String.join(", ", MEDIA_TYPES) + ")");
        }
        List<LogKey> tlogs = new ArrayList<>();
        int i = 0;
        for (JsonNode log : Json.array(root, "tlogs", "trusted root", false, MAX_ENTRIES)) {
            tlogs.add(log(log, "tlogs[" + i++ + "]"));
        }
        List<LogKey> ctlogs = new ArrayList<>();
        i = 0;
        for (JsonNode log : Json.array(root, "ctlogs", "trusted root", false, MAX_ENTRIES)) {
            ctlogs.add(log(log, "ctlogs[" + i++ + "]"));
        }
        List<Authority> cas = new ArrayList<>();
        i = 0;
        for (JsonNode ca : Json.array(root, "certificateAuthorities", "trusted root", false, MAX_ENTRIES)) {
            cas.add(authority(ca, "certificateAuthorities[" + i++ + "]"));
        }
        List<Authority> tsas = new ArrayList<>();
        i = 0;
        for (JsonNode tsa : Json.array(root, "timestampAuthorities", "trusted root", false, MAX_ENTRIES)) {
            tsas.add(authority(tsa, "timestampAuthorities[" + i++ + "]"));
        }
        if (tlogs.isEmpty()) {
            throw Failure.malformed("it names no transparency log (tlogs); sbomgate verifies only logged signatures");
        }
        return new TrustedRoot(cas, tlogs, ctlogs, tsas, VerificationKey.sha256(bytes));
    }

    private static LogKey log(JsonNode log, String where) {
        if (!log.isObject()) {
            throw Failure.malformed(where + " is not an object");
        }
        String baseUrl = Json.text(log, "baseUrl", where, true);
        String hash = Json.text(log, "hashAlgorithm", where, false);
        if (hash != null && !hash.equals("SHA2_256")) {
            throw Failure.malformed(where + " uses hash algorithm " + Json.shown(hash) + "; logs here hash with SHA2_256");
        }
        JsonNode publicKey = Json.object(log, "publicKey", where, true);
        byte[] raw = Json.base64(publicKey, "rawBytes", where + ".publicKey", true);
        String details = Json.text(publicKey, "keyDetails", where + ".publicKey", true);
        VerificationKey key = details.startsWith("PKCS1_RSA_")
                ? VerificationKey.fromPkcs1Rsa(raw, where + ".publicKey")
                : VerificationKey.fromSpki(raw, where + ".publicKey");
        checkDetails(details, key, where);
        TimeRange validFor = range(Json.object(publicKey, "validFor", where + ".publicKey", true), where + ".publicKey.validFor");
        JsonNode logId = Json.object(log, "logId", where, true);
        byte[] id = Json.base64(logId, "keyId", where + ".logId", true);
        if (id.length == 0) {
            throw Failure.malformed(where + ".logId.keyId is empty");
        }
        return new LogKey(baseUrl, id, key, validFor);
    }

    /** The key details label must agree with the key itself: a P-384 key labelled P-256 is a broken root. */
    private static void checkDetails(String details, VerificationKey key, String where) {
        String d = details.toUpperCase(Locale.ROOT);
        boolean agrees;
        switch (key.algorithm()) {
            case ECDSA_P256:
                agrees = d.contains("ECDSA_P256");
                break;
            case ECDSA_P384:
                agrees = d.contains("ECDSA_P384");
                break;
            case ECDSA_P521:
                agrees = d.contains("ECDSA_P521");
                break;
            case ED25519:
                agrees = d.contains("ED25519");
                break;
            default:
                agrees = d.contains("RSA") && !d.contains("PSS");
        }
        if (!agrees) {
            throw Failure.malformed(where + " labels its " + key.label() + " key as " + Json.shown(details));
        }
    }

    private static Authority authority(JsonNode node, String where) {
        if (!node.isObject()) {
            throw Failure.malformed(where + " is not an object");
        }
        JsonNode subject = Json.object(node, "subject", where, false);
        String name = subject == null ? "(unnamed)"
                : String.join("/", nonNull(Json.text(subject, "organization", where, false)),
                        nonNull(Json.text(subject, "commonName", where, false)));
        String uri = Json.text(node, "uri", where, false);
        JsonNode chainNode = Json.object(node, "certChain", where, true);
        List<X509Certificate> chain = new ArrayList<>();
        int i = 0;
        for (JsonNode cert : Json.array(chainNode, "certificates", where + ".certChain", true, MAX_CHAIN)) {
            String at = where + ".certChain.certificates[" + i++ + "]";
            if (!cert.isObject()) {
                throw Failure.malformed(at + " is not an object");
            }
            chain.add(certificate(Json.base64(cert, "rawBytes", at, true), at));
        }
        if (chain.isEmpty()) {
            throw Failure.malformed(where + " has an empty certificate chain");
        }
        TimeRange validFor = range(Json.object(node, "validFor", where, true), where + ".validFor");
        return new Authority(name, uri == null ? "" : uri, chain, validFor);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static TimeRange range(JsonNode node, String where) {
        Instant start = Json.time(node, "start", where, true);
        Instant end = Json.time(node, "end", where, false);
        if (end != null && end.isBefore(start)) {
            throw Failure.malformed(where + " ends (" + end + ") before it starts (" + start + ")");
        }
        return new TimeRange(start, end);
    }

    /** A DER X.509 certificate (at most 64 KiB), parsed by the JDK. */
    static X509Certificate certificate(byte[] der, String where) {
        if (der.length == 0 || der.length > 64 * 1024) {
            throw Failure.malformed(where + " is not a certificate (" + der.length + " bytes)");
        }
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            if (!java.util.Arrays.equals(cert.getEncoded(), der)) {
                throw new CertificateException("trailing or non-DER bytes");
            }
            return cert;
        } catch (CertificateException | RuntimeException e) {
            throw Failure.malformed(where + " is not a DER X.509 certificate (" + e.getMessage() + ")");
        }
    }

    List<Authority> certificateAuthorities() {
        return certificateAuthorities;
    }

    List<LogKey> transparencyLogs() {
        return transparencyLogs;
    }

    List<LogKey> ctLogs() {
        return ctLogs;
    }

    List<Authority> timestampAuthorities() {
        return timestampAuthorities;
    }

    /** SHA-256 of the file this root was read from, hex lower case. */
    public String sha256() {
        return HexFormat.of().formatHex(sha256);
    }

    /** One line per authority and log, for {@code sbomgate trust show-sigstore}-style listings. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        certificateAuthorities.forEach(a -> lines.add("certificate authority " + a.name() + " " + a.uri() + " valid "
                + a.validFor()));
        transparencyLogs.forEach(l -> lines.add("transparency log " + l.baseUrl() + " " + l.key().label() + " valid "
                + l.validFor()));
        ctLogs.forEach(l -> lines.add("certificate transparency log " + l.baseUrl() + " " + l.key().label() + " valid "
                + l.validFor()));
        timestampAuthorities.forEach(a -> lines.add("timestamp authority " + a.name() + " " + a.uri() + " valid "
                + a.validFor()));
        return List.copyOf(lines);
    }

    @Override
    public String toString() {
        return "TrustedRoot[" + certificateAuthorities.size() + " CAs, " + transparencyLogs.size() + " logs, "
                + ctLogs.size() + " CT logs, " + timestampAuthorities.size() + " TSAs]";
    }
}
