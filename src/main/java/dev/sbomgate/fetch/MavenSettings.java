package dev.sbomgate.fetch;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.text.Untrusted;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The repositories and credentials of a Maven {@code settings.xml}: the repositories of its active profiles, then
 * Maven Central, each replaced by the first mirror whose {@code mirrorOf} matches it; {@code <server>} credentials
 * of the same id, as HTTP basic auth for that repository's host only. {@code ${env.NAME}} is expanded; an encrypted
 * password ({@code {...}}) is refused (decrypting with settings-security.xml is Maven's business). Parsed with DTDs
 * and external entities disabled.
 */
public final class MavenSettings {

    private static final Pattern ENV = Pattern.compile("\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)}");

    /** The repositories to try, in order, and the credentials for their hosts. */
    public record Result(List<URI> repositories, List<Transport.Credential> credentials) {
        public Result {
            repositories = List.copyOf(repositories);
            credentials = List.copyOf(credentials);
        }
    }

    private record Repo(String id, URI url) {
    }

    private MavenSettings() {
    }

    /** Maven Central alone, when there is no settings file. */
    public static Result central() {
        return new Result(List.of(FetchConfig.MAVEN_CENTRAL), List.of());
    }

    /** Reads {@code file}; a missing file means Maven Central alone. */
    public static Result read(Path file, Map<String, String> env) {
        if (!Files.exists(file)) {
            return central();
        }
        Document doc;
        try {
            byte[] bytes = InputFiles.read(file, Limits.MAVEN_SETTINGS);
            doc = builder().parse(new ByteArrayInputStream(bytes));
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new BadInputException(file + ": not a readable settings.xml: " + Untrusted.message(e.getMessage()), e);
        }
        Element root = doc.getDocumentElement();
        Set<String> active = new java.util.HashSet<>();
        for (Element p : children(child(root, "activeProfiles"), "activeProfile")) {
            active.add(p.getTextContent().strip());
        }
        List<Repo> repos = new ArrayList<>();
        for (Element profile : children(child(root, "profiles"), "profile")) {
            String id = text(profile, "id");
            Element activation = child(profile, "activation");
            boolean byDefault = activation != null && "true".equals(text(activation, "activeByDefault"));
            if (!active.contains(id) && !byDefault) {
                continue;
            }
            for (Element r : children(child(profile, "repositories"), "repository")) {
                repos.add(new Repo(text(r, "id"), url(file, expand(file, text(r, "url"), env))));
            }
        }
        repos.add(new Repo("central", FetchConfig.MAVEN_CENTRAL));
        List<Element> mirrors = children(child(root, "mirrors"), "mirror");
        Map<String, Repo> resolved = new LinkedHashMap<>();
        for (Repo repo : repos) {
            Repo effective = repo;
            for (Element m : mirrors) {
                if (mirrorOf(text(m, "mirrorOf"), repo)) {
                    effective = new Repo(text(m, "id"), url(file, expand(file, text(m, "url"), env)));
                    break;
                }
            }
            resolved.putIfAbsent(effective.url().toString(), effective);
        }
        Map<String, Element> servers = new LinkedHashMap<>();
        for (Element s : children(child(root, "servers"), "server")) {
            servers.putIfAbsent(text(s, "id"), s);
        }
        List<Transport.Credential> credentials = new ArrayList<>();
        for (Repo repo : resolved.values()) {
            Element server = servers.get(repo.id());
            if (server == null) {
                continue;
            }
            String user = expand(file, text(server, "username"), env);
            String password = expand(file, text(server, "password"), env);
            if (password != null && password.strip().startsWith("{") && password.strip().endsWith("}")) {
                throw new BadInputException(file + ": server '" + Untrusted.oneLine(repo.id()) + "': the password is "
                        + "encrypted; sbomgate does not decrypt settings-security.xml: put the password in an environment "
                        + "variable and write ${env.NAME}");
            }
            if (user != null && password != null) {
                String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                credentials.add(Transport.Credential.of(repo.url(), "Basic " + basic));
            }
        }
        return new Result(resolved.values().stream().map(Repo::url).toList(), credentials);
    }

    /** Maven's mirrorOf: {@code *}, {@code external:*}, an id, a comma list, {@code !id} to exclude. */
    static boolean mirrorOf(String spec, Repo repo) {
        if (spec == null) {
            return false;
        }
        boolean matched = false;
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.startsWith("!") && p.substring(1).equals(repo.id())) {
                return false;
            }
            if (p.equals("*") || p.equals(repo.id()) || (p.equals("external:*") && !local(repo.url()))) {
                matched = true;
            }
        }
        return matched;
    }

    private static boolean local(URI url) {
        return "file".equalsIgnoreCase(url.getScheme()) || (url.getHost() != null && Transport.isLoopback(url.getHost()));
    }

    private static String expand(Path file, String value, Map<String, String> env) {
        if (value == null) {
            return null;
        }
        Matcher m = ENV.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null) {
                throw new BadInputException(file + ": ${env." + m.group(1) + "} is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static URI url(Path file, String text) {
        try {
            URI u = URI.create(text == null ? "" : text.strip());
            if (u.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return u.toString().endsWith("/") ? u : URI.create(u + "/");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": repository URL '" + Untrusted.oneLine(text) + "' is not a URL");
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
