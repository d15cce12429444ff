package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Reads an SPDX 2.2 or 2.3 tag-value document by its grammar (SPDX 2.3 specification, clause 5 "tag:value"
 * format): one {@code Tag: value} per line, multi-line values inside {@code <text>…</text>}, {@code #} comments and
 * blank lines; a package section starts at {@code PackageName}, a file at {@code FileName}, a snippet at
 * {@code SnippetSPDXID}, an extracted licence at {@code LicenseID}, an annotation at {@code Annotator}. The fields
 * sbomgate maps are put into the tree the SPDX JSON format has for them ({@link SpdxReader} then validates and maps
 * that tree as it does a JSON document); file, snippet, licence, annotation and review sections are checked for
 * their tags and left out. An unknown tag, a line that is not {@code Tag: value}, or an unclosed {@code <text>}
 * refuses the document, naming the line.
 */
final class SpdxTagValue {

    /** Largest number of lines read; far above real documents (a large distribution's SPDX is ~10^6 lines). */
    static final int MAX_LINES = 20_000_000;

    private static final Map<String, String> DOCUMENT = Map.ofEntries(Map.entry("SPDXVersion", "spdxVersion"),
            Map.entry("DataLicense", "dataLicense"), Map.entry("DocumentName", "name"),
            Map.entry("DocumentNamespace", "documentNamespace"), Map.entry("DocumentComment", "comment"));
    private static final Map<String, String> PACKAGE = Map.ofEntries(Map.entry("PackageVersion", "versionInfo"),
            Map.entry("PackageFileName", "packageFileName"), Map.entry("PackageSupplier", "supplier"),
            Map.entry("PackageOriginator", "originator"), Map.entry("PackageDownloadLocation", "downloadLocation"),
            Map.entry("PackageHomePage", "homepage"), Map.entry("PackageSourceInfo", "sourceInfo"),
            Map.entry("PackageLicenseConcluded", "licenseConcluded"),
            Map.entry("PackageLicenseDeclared", "licenseDeclared"),
            Map.entry("PackageLicenseComments", "licenseComments"),
            Map.entry("PackageCopyrightText", "copyrightText"), Map.entry("PackageSummary", "summary"),
            Map.entry("PackageDescription", "description"), Map.entry("PackageComment", "comment"),
            Map.entry("PrimaryPackagePurpose", "primaryPackagePurpose"), Map.entry("ReleaseDate", "releaseDate"),
            Map.entry("BuiltDate", "builtDate"), Map.entry("ValidUntilDate", "validUntilDate"));
    /** Tags of the sections sbomgate does not map (files, snippets, licences, annotations, reviews). */
    private static final Set<String> OTHER = Set.of("FileName", "FileType", "FileChecksum", "LicenseConcluded",
            "LicenseInfoInFile", "LicenseComments", "FileCopyrightText", "FileComment", "FileNotice",
            "FileContributor", "FileDependency", "FileAttributionText", "SnippetSPDXID", "SnippetFromFileSPDXID",
            "SnippetByteRange", "SnippetLineRange", "SnippetLicenseConcluded", "LicenseInfoInSnippet",
            "SnippetLicenseComments", "SnippetCopyrightText", "SnippetComment", "SnippetName",
            "SnippetAttributionText", "LicenseID", "ExtractedText", "LicenseName", "LicenseCrossReference",
            "LicenseComment", "Annotator", "AnnotationDate", "AnnotationType", "SPDXREF", "AnnotationComment",
            "Reviewer", "ReviewDate", "ReviewComment", "RelationshipComment", "ExternalRefComment",
            "PackageAttributionText", "PackageLicenseInfoFromFiles", "PackageVerificationCode", "FilesAnalyzed",
            "LicenseListVersion", "CreatorComment");

    private SpdxTagValue() {
    }

    /** True when the text starts (after blank lines and comments) with an {@code SPDXVersion:} tag. */
    static boolean looksLike(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        for (String line : head.split("\\R", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            return t.startsWith("SPDXVersion:");
        }
        return false;
    }

    /** The document as the SPDX JSON tree of what sbomgate maps. */
    static ObjectNode parse(Path file, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        ObjectNode creation = doc.putObject("creationInfo");
        ArrayNode packages = f.arrayNode();
        ArrayNode relationships = f.arrayNode();
        ObjectNode section = doc; // the document, a package, or null inside a section that is not mapped
        int lineNo = 0;
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            int end = text.indexOf('\n', pos);
            end = end < 0 ? length : end;
            String line = text.substring(pos, end);
            pos = end + 1;
            if (++lineNo > MAX_LINES) {
                throw Parsed.bad(file, "SPDX tag-value document of more than " + MAX_LINES + " lines (refused as hostile)");
            }
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).matches("[A-Za-z]+")) {
                throw Parsed.bad(file, "SPDX tag-value line " + lineNo + " is not 'Tag: value': "
                        + Text.quote(stripped));
            }
            String tag = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            int startLine = lineNo;
            if (value.startsWith("<text>")) {
                StringBuilder sb = new StringBuilder(value.substring(6));
                while (sb.indexOf("</text>") < 0) {
                    if (pos >= length) {
                        throw Parsed.bad(file, "SPDX tag-value line " + startLine + ": <text> of " + tag
                                + " is never closed by </text>");
                    }
                    int e = text.indexOf('\n', pos);
                    e = e < 0 ? length : e;
                    sb.append('\n').append(text, pos, e);
                    pos = e + 1;
                    lineNo++;
                }
                int close = sb.indexOf("</text>");
                if (!sb.substring(close + 7).isBlank()) {
                    throw Parsed.bad(file, "SPDX tag-value line " + lineNo + ": text after </text> of " + tag);
                }
                value = sb.substring(0, close);
            }
            switch (tag) {
                case "PackageName" -> {
                    section = packages.addObject();
                    section.put("name", value);
                }
                case "SPDXID" -> {
                    if (section == null) {
                        continue; // a file's or snippet's
                    }
                    section.put("SPDXID", value);
                }
                case "Creator" -> creation.withArray("creators").add(value);
                case "Created" -> creation.put("created", value);
                case "LicenseListVersion" -> creation.put("licenseListVersion", value);
                case "CreatorComment" -> creation.put("comment", value);
                case "ExternalDocumentRef" -> {
                    String[] parts = value.split("\\s+");
                    ObjectNode ref = doc.withArray("externalDocumentRefs").addObject();
                    if (parts.length != 4 || !parts[2].endsWith(":")) {
                        throw Parsed.bad(file, "SPDX tag-value line " + startLine
                                + ": ExternalDocumentRef is not 'DocumentRef-ID URI ALGORITHM: VALUE'");
                    }
                    ref.put("externalDocumentId", parts[0]).put("spdxDocument", parts[1]);
                    ref.putObject("checksum").put("algorithm", parts[2].substring(0, parts[2].length() - 1))
                            .put("checksumValue", parts[3]);
                }
                case "Relationship" -> {
                    String[] parts = value.split("\\s+");
                    if (parts.length != 3) {
                        throw Parsed.bad(file, "SPDX tag-value line " + startLine
                                + ": Relationship is not 'SPDXRef-A TYPE SPDXRef-B'");
                    }
                    relationships.addObject().put("spdxElementId", parts[0]).put("relationshipType", parts[1])
                            .put("relatedSpdxElement", parts[2]);
                }
                case "PackageChecksum" -> {
                    int c = value.indexOf(':');
                    if (c <= 0 || section == null) {
                        throw Parsed.bad(file, "SPDX tag-value line " + startLine
                                + ": PackageChecksum is not 'ALGORITHM: VALUE' inside a package");
                    }
                    section.withArray("checksums").addObject().put("algorithm", value.substring(0, c).strip())
                            .put("checksumValue", value.substring(c + 1).strip());
                }
                case "ExternalRef" -> {
                    String[] parts = value.split("\\s+", 3);
                    if (parts.length != 3 || section == null || section == doc) {
                        throw Parsed.bad(file, "SPDX tag-value line " + startLine
                                + ": ExternalRef is not 'CATEGORY TYPE LOCATOR' inside a package");
                    }
                    section.withArray("externalRefs").addObject().put("referenceCategory", parts[0])
                            .put("referenceType", parts[1]).put("referenceLocator", parts[2]);
                }
                case "FilesAnalyzed" -> {
                    if (section != null && section != doc) {
                        section.put("filesAnalyzed", Boolean.parseBoolean(value));
                    }
                }
                default -> {
                    if (section == doc && DOCUMENT.containsKey(tag)) {
                        doc.put(DOCUMENT.get(tag), value);
                    } else if (section != null && section != doc && PACKAGE.containsKey(tag)) {
                        section.put(PACKAGE.get(tag), value);
                    } else if (tag.equals("FileName") || tag.equals("SnippetSPDXID") || tag.equals("LicenseID")) {
                        section = null; // a section sbomgate does not map, until the next PackageName
                    } else if (!OTHER.contains(tag) && !DOCUMENT.containsKey(tag) && !PACKAGE.containsKey(tag)) {
                        throw Parsed.bad(file, "SPDX tag-value line " + startLine + ": unknown tag "
                                + Text.quote(tag));
                    }
                }
            }
        }
        // SPDXID before the first package is the document's
        if (!packages.isEmpty()) {
            doc.set("packages", packages);
        }
        if (!relationships.isEmpty()) {
            doc.set("relationships", relationships);
        }
        return doc;
    }
}
