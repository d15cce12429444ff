#!/usr/bin/env python3
"""Writes the same SBOM in every format sbomgate reads, for bench/sbom-formats-bench.sh (issue 16).

    bench/sbom-formats-synth.py IN.cdx.json OUTDIR

IN is a CycloneDX 1.6 JSON SBOM of dev.sbomgate.bench.SbomPairGenerator (synthetic, seeded). Written to OUTDIR:
cdx17.json (CycloneDX 1.7), spdx23.json (SPDX 2.3 JSON), spdx23.spdx (SPDX 2.3 tag-value), spdx3.jsonld
(SPDX 3.0.1 JSON-LD): the same components (name, version, purl, hashes, licence, download location) and the same
DEPENDS_ON edges. A measurement aid, not a fixture generator: the outputs are validated by sbomgate itself when loaded.
"""
import json
import sys
from pathlib import Path

SPDX_ALG = {"SHA-1": "SHA1", "SHA-256": "SHA256", "SHA-512": "SHA512", "MD5": "MD5"}
SPDX3_ALG = {"SHA-1": "sha1", "SHA-256": "sha256", "SHA-512": "sha512", "MD5": "md5"}


def licence(c):
    for l in c.get("licenses", []):
        if "license" in l and "id" in l["license"]:
            return l["license"]["id"]
        if "expression" in l:
            return l["expression"]
    return "NOASSERTION"


def download(c):
    for r in c.get("externalReferences", []):
        if r.get("type") == "distribution":
            return r["url"]
    return "NOASSERTION"


def main(src, out):
    bom = json.loads(Path(src).read_text())
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    comps = bom["components"]
    ids = {c["bom-ref"]: "SPDXRef-Package-%d" % i for i, c in enumerate(comps)}
    root = bom["metadata"]["component"]
    ids[root["bom-ref"]] = "SPDXRef-Package-root"
    edges = [(d["ref"], t) for d in bom.get("dependencies", []) for t in d.get("dependsOn", [])
             if d["ref"] in ids and t in ids]
    created = bom["metadata"].get("timestamp", "2026-11-01T00:00:00Z")
    created = created.replace(".000", "")

    cdx17 = dict(bom)
    cdx17["specVersion"] = "1.7"
    (out / "cdx17.json").write_text(json.dumps(cdx17))

    def pkg23(c, sid):
        p = {"name": c["name"], "SPDXID": sid, "versionInfo": c.get("version", ""),
             "downloadLocation": download(c), "filesAnalyzed": False, "licenseConcluded": licence(c),
             "licenseDeclared": licence(c)}
        if c.get("group"):
            p["supplier"] = "Organization: " + c["group"]
        if c.get("purl"):
            p["externalRefs"] = [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl",
                                  "referenceLocator": c["purl"]}]
        hs = [{"algorithm": SPDX_ALG[h["alg"]], "checksumValue": h["content"]} for h in c.get("hashes", [])
              if h["alg"] in SPDX_ALG]
        if hs:
            p["checksums"] = hs
        return p

    doc = {"spdxVersion": "SPDX-2.3", "dataLicense": "CC0-1.0", "SPDXID": "SPDXRef-DOCUMENT",
           "name": root["name"], "documentNamespace": "https://sbomgate.dev/bench/" + root["name"] + "-" + str(len(comps)),
           "creationInfo": {"created": created, "creators": ["Tool: sbomgate-bench-synth"]},
           "documentDescribes": ["SPDXRef-Package-root"],
           "packages": [pkg23(root, "SPDXRef-Package-root")] + [pkg23(c, ids[c["bom-ref"]]) for c in comps],
           "relationships": [{"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES",
                              "relatedSpdxElement": "SPDXRef-Package-root"}]
                            + [{"spdxElementId": ids[a], "relationshipType": "DEPENDS_ON", "relatedSpdxElement": ids[b]}
                               for a, b in edges]}
    (out / "spdx23.json").write_text(json.dumps(doc))

    lines = ["SPDXVersion: SPDX-2.3", "DataLicense: CC0-1.0", "SPDXID: SPDXRef-DOCUMENT",
             "DocumentName: " + doc["name"], "DocumentNamespace: " + doc["documentNamespace"],
             "Creator: Tool: sbomgate-bench-synth", "Created: " + created, ""]
    for p in doc["packages"]:
        lines += ["PackageName: " + p["name"], "SPDXID: " + p["SPDXID"], "PackageVersion: " + p["versionInfo"]]
        if "supplier" in p:
            lines.append("PackageSupplier: " + p["supplier"])
        lines += ["PackageDownloadLocation: " + p["downloadLocation"], "FilesAnalyzed: false"]
        for h in p.get("checksums", []):
            lines.append("PackageChecksum: %s: %s" % (h["algorithm"], h["checksumValue"]))
        lines += ["PackageLicenseConcluded: " + p["licenseConcluded"], "PackageLicenseDeclared: " + p["licenseDeclared"],
                  "PackageCopyrightText: NOASSERTION"]
        for r in p.get("externalRefs", []):
            lines.append("ExternalRef: PACKAGE-MANAGER purl " + r["referenceLocator"])
        lines.append("")
    for r in doc["relationships"]:
        lines.append("Relationship: %s %s %s" % (r["spdxElementId"], r["relationshipType"], r["relatedSpdxElement"]))
    (out / "spdx23.spdx").write_text("\n".join(lines) + "\n")

    base = "https://sbomgate.dev/bench/spdx3/"
    ci = "_:creationinfo"
    graph = [{"type": "CreationInfo", "@id": ci, "specVersion": "3.0.1", "created": created,
              "createdBy": [base + "agent"]},
             {"type": "Organization", "spdxId": base + "agent", "name": "sbomgate bench", "creationInfo": ci},
             {"type": "SpdxDocument", "spdxId": base + "doc", "creationInfo": ci, "rootElement": [base + "sbom"],
              "profileConformance": ["core", "software"]},
             {"type": "software_Sbom", "spdxId": base + "sbom", "creationInfo": ci,
              "rootElement": [base + "Package-root"], "software_sbomType": ["build"]}]

    def pkg3(c, sid):
        p = {"type": "software_Package", "spdxId": base + sid.replace("SPDXRef-", ""), "creationInfo": ci,
             "name": c["name"], "software_packageVersion": c.get("version", "")}
        if c.get("purl"):
            p["software_packageUrl"] = c["purl"]
        if download(c) != "NOASSERTION":
            p["software_downloadLocation"] = download(c)
        hs = [{"type": "Hash", "algorithm": SPDX3_ALG[h["alg"]], "hashValue": h["content"]} for h in c.get("hashes", [])
              if h["alg"] in SPDX3_ALG]
        if hs:
            p["verifiedUsing"] = hs
        return p

    graph.append(pkg3(root, "SPDXRef-Package-root"))
    graph += [pkg3(c, ids[c["bom-ref"]]) for c in comps]
    by_from = {}
    for a, b in edges:
        by_from.setdefault(a, []).append(base + ids[b].replace("SPDXRef-", ""))
    for i, (a, tos) in enumerate(sorted(by_from.items())):
        graph.append({"type": "Relationship", "spdxId": base + "rel-%d" % i, "creationInfo": ci,
                      "from": base + ids[a].replace("SPDXRef-", ""), "relationshipType": "dependsOn", "to": tos})
    (out / "spdx3.jsonld").write_text(json.dumps({"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
                                                  "@graph": graph}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
