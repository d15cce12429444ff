#!/usr/bin/env bash
# Regenerates every gate scenario under samples/ (each folder with an EXPECTED file) from scratch:
# real POMs and signatures from Maven Central, attacker material made with GnuPG in a throwaway
# home, trust stores pinned and baselines initialised by sbomgate itself. See samples/README.md.
#
# Needs: Maven (network access to Maven Central), gpg 2.2+, python3, jq, Java 17. Run from anywhere:
#   samples/make-scenarios.sh
# Every file in a scenario folder is rewritten except its hand-written README.md.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
keys="$root/src/test/resources/signature/pgp/real/keys"
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
work="$(mktemp -d -t sbomgate-scenarios.XXXXXX)"
trap 'gpgconf --homedir "$work/gnupg" --kill all >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# Every approval is made at this instant (an injected clock), so baselines and logs are reproducible.
APPROVED_AT="2026-06-01T09:00:00Z"
APPROVED_SBOM_TIME="2026-06-01T08:55:00Z"
CANDIDATE_SBOM_TIME="2026-11-27T10:00:00Z"
# The simulated attacker's key and signatures carry these times (gpg --faked-system-time).
ATTACKER_KEY_TIME="20261120T080000"
ATTACKER_SIGN_TIME="20261127T090000"

JACKSON_2022=28118C070CB22A0175A2E8D43D12CA2AC19F3181   # signs Jackson since 2022-08
JACKSON_2020=8A10792983023D5D14C93B488D7F1BEC1E2ECAE7   # signed Jackson 2020-08 .. 2022-08 (expired)
SLF4J_2025=60200AC4AE761F1614D6C46766D68DAA073BE985     # Ceki Gulcu's ECDSA P-521 key, slf4j 2.0.17

# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------
log() { echo "make-scenarios: $*" >&2; }

(cd "$root" && mvn -B -q -Dmaven.test.skip=true package >/dev/null)
jar="$root/target/sbomgate.jar"

# sbomgate with an injected clock: Main.run(out, err, Clock, args) through Java's source launcher.
cat >"$work/RunAt.java" <<'EOF'
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

public class RunAt {
    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse(args[0]), ZoneOffset.UTC);
        System.exit(dev.sbomgate.cli.Main.run(System.out, System.err, clock, Arrays.copyOfRange(args, 1, args.length)));
    }
}
EOF
sbomgate_at() { java -cp "$jar" "$work/RunAt.java" "$@"; }
sbomgate() { java -jar "$jar" "$@"; }

# Writes a CycloneDX 1.6 JSON SBOM shaped like cyclonedx-maven-plugin 2.9.1's output (the component
# fields, hash set and key order that plugin writes; the metadata of the POMs as the plugin reads
# them from the real POMs and their parents). Digests are computed from the file given per component.
cat >"$work/sbom.py" <<'EOF'
import hashlib, json, sys, uuid

# What cyclonedx-maven-plugin takes from each POM (and its parents) for these artifacts.
KNOWN = {
    "jackson-core": ("FasterXML", "Core Jackson processing abstractions (aka Streaming API), implementation for JSON",
                     "https://github.com/FasterXML/jackson-core"),
    "jackson-annotations": ("FasterXML", "Core annotations used for value types, used by Jackson data binding package.",
                            "https://github.com/FasterXML/jackson-annotations"),
    "jackson-databind": ("FasterXML", "General data-binding functionality for Jackson: works on core streaming API",
                         "https://github.com/FasterXML/jackson-databind"),
    "slf4j-api": ("QOS.ch", "The slf4j API", "https://github.com/qos-ch/slf4j"),
    "vendor-sdk": ("Example Vendor Ltd.", "Client SDK for the Example Vendor payment API", None),
}
ALGS = [("MD5", "md5"), ("SHA-1", "sha1"), ("SHA-256", "sha256"), ("SHA-512", "sha512"), ("SHA-384", "sha384"),
        ("SHA3-384", "sha3_384"), ("SHA3-256", "sha3_256"), ("SHA3-512", "sha3_512")]


def purl(group, name, version, kind):
    return f"pkg:maven/{group}/{name}@{version}?type={kind}"


def component(spec):
    gav, path = spec.split("=", 1)
    group, name, version = gav.split(":")
    data = open(path, "rb").read()
    publisher, description, repo = KNOWN[name]
    ref = purl(group, name, version, "pom")
    c = {"type": "library", "bom-ref": ref, "publisher": publisher, "group": group, "name": name,
         "version": version, "description": description, "scope": "required",
         "hashes": [{"alg": alg, "content": hashlib.new(h, data).hexdigest()} for alg, h in ALGS],
         "licenses": [{"license": {"id": "Apache-2.0" if publisher != "QOS.ch" else "MIT"}}],
         "purl": ref}
    if repo:
        c["externalReferences"] = [
            {"type": "website", "url": "https://github.com/FasterXML/jackson" if publisher == "FasterXML" else "http://www.slf4j.org"},
            {"type": "issue-tracker", "url": repo + "/issues"},
            {"type": "vcs", "url": repo}]
    else:
        c["externalReferences"] = [{"type": "website", "url": "https://vendor.example/sdk"}]
    return c


def main(argv):
    out, serial_seed, timestamp = argv[0], argv[1], argv[2]
    comps, deps = [], {}
    for arg in argv[3:]:
        if arg.startswith("dep:"):
            parent, children = arg[4:].split(">")
            deps[parent] = [c for c in children.split(",") if c]
        else:
            comps.append(component(arg))
    app = purl("dev.sbomgate.samples", "demo-app", "1.0.0", "jar")
    by_name = {c["name"]: c["bom-ref"] for c in comps}
    by_name["app"] = app
    dependencies = [{"ref": app, "dependsOn": [by_name[n] for n in deps.get("app", [])]}]
    for c in comps:
        dependencies.append({"ref": c["bom-ref"], "dependsOn": [by_name[n] for n in deps.get(c["name"], [])]})
    bom = {
        "bomFormat": "CycloneDX", "specVersion": "1.6",
        "serialNumber": "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "https://sbomgate.dev/samples/" + serial_seed)),
        "version": 1,
        "metadata": {
            "timestamp": timestamp,
            "lifecycles": [{"phase": "build"}],
            "tools": {"components": [{"type": "library", "author": "OWASP Foundation", "group": "org.cyclonedx",
                                      "name": "cyclonedx-maven-plugin", "version": "2.9.1",
                                      "description": "CycloneDX Maven plugin"}]},
            "component": {"type": "application", "bom-ref": app, "group": "dev.sbomgate.samples", "name": "demo-app",
                          "version": "1.0.0", "purl": app},
            "properties": [{"name": "maven.goal", "value": "makeBom"},
                           {"name": "maven.scopes", "value": "compile,provided,runtime,system"}]},
        "components": comps,
        "dependencies": dependencies,
    }
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        # The plugin's Jackson pretty printer writes "key" : value.
        text = json.dumps(bom, indent=2, ensure_ascii=False).replace('": ', '" : ')
        f.write(text + "\n")


main(sys.argv[1:])
EOF

# ---------------------------------------------------------------------------------------------
# Real material: POMs and their signatures from Maven Central, checked against pinned digests
# and with gpg against the signers' public keys (src/test/resources/signature/pgp/real/keys).
# ---------------------------------------------------------------------------------------------
real="$work/real"
mkdir -p "$real"
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg -q --batch --import "$keys/$JACKSON_2022.asc" "$keys/$JACKSON_2020.asc" "$keys/$SLF4J_2025.asc" 2>/dev/null

# coordinates, SHA-256 of the POM as served by Maven Central, the key that signed it
while read -r gav sha key; do
  IFS=: read -r g a v <<<"$gav"
  log "fetching $gav:pom (+ .asc)"
  mvn -B -q dependency:get -Dartifact="$gav:pom" -Dtransitive=false >/dev/null
  mvn -B -q dependency:get -Dartifact="$gav:pom.asc" -Dtransitive=false >/dev/null
  dir="$m2/${g//.//}/$a/$v"
  cp "$dir/$a-$v.pom" "$dir/$a-$v.pom.asc" "$real/"
  echo "$sha  $real/$a-$v.pom" | sha256sum -c --quiet -
  gpg --batch --status-fd 1 --verify "$real/$a-$v.pom.asc" "$real/$a-$v.pom" 2>/dev/null \
    | grep -q "^\[GNUPG:\] VALIDSIG $key " || { log "$a-$v.pom.asc is not a valid signature by $key"; exit 1; }
done <<EOF
com.fasterxml.jackson.core:jackson-core:2.21.1 0f3fb5eb9e8970449ac0cb98e2f8e7b513d2d4ec5b1a4f02e22778e4f7bab8d7 $JACKSON_2022
com.fasterxml.jackson.core:jackson-core:2.21.3 b7b8bef51a667dce2706f6eae57e267a09bf160507463255b0a8548057230472 $JACKSON_2022
com.fasterxml.jackson.core:jackson-annotations:2.21 71cac5392151e2a528cc9a09179f0a334179f05c52f8e596cf58ddf12bb27f2b $JACKSON_2022
com.fasterxml.jackson.core:jackson-annotations:2.12.7 bbb6f76845f1423adb2709cfc363383a5291fc195fe34ece128627fe3f59fdd0 $JACKSON_2020
org.slf4j:slf4j-api:2.0.17 150c40287f7cecdc21b9380caac98e928c4f33c023db6b348df1c5ac977026bf $SLF4J_2025
EOF

# ---------------------------------------------------------------------------------------------
# Attacker material: a key of the attacker's own (only its public half and its signatures are
# kept), modified copies of real POMs, signed by it.
# ---------------------------------------------------------------------------------------------
attacker_uid="FasterXML Release Signing <release@fasterxml.example>"
gpg -q --batch --passphrase '' --faked-system-time "$ATTACKER_KEY_TIME!" \
  --quick-gen-key "$attacker_uid" rsa3072 sign never 2>/dev/null
attacker_fpr="$(gpg --batch --with-colons --list-keys "$attacker_uid" 2>/dev/null | awk -F: '$1=="fpr"{print $10; exit}')"
gpg --batch --armor --export "$attacker_fpr" >"$work/attacker-public-key.asc"
log "attacker key $attacker_fpr"

attacker_sign() { # FILE: writes FILE.asc, a detached armoured signature by the attacker key
  rm -f "$1.asc"
  gpg -q --batch --faked-system-time "$ATTACKER_SIGN_TIME!" --local-user "$attacker_fpr" \
    --armor --detach-sign --digest-algo SHA256 --output "$1.asc" "$1" 2>/dev/null
}

# A POM with the attacker's payload: a repository they control (where the poisoned jar is served
# from). Only for the samples: fasterxml.example is a reserved name (RFC 2606).
tamper() { # SRC DEST
  python3 - "$1" "$2" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
payload = """  <repositories>
    <repository>
      <id>fasterxml-cdn</id>
      <url>https://repo.fasterxml.example/maven2</url>
    </repository>
  </repositories>
</project>"""
assert text.rstrip().endswith("</project>")
open(sys.argv[2], "w", encoding="utf-8", newline="").write(text.rstrip()[: -len("</project>")] + payload + "\n")
EOF
}

# The typosquat: "jackson-databind" under the groupId com.fasterxm1.jackson.core (the digit one for the
# letter l), written by the attacker to look like the real POM (its SBOM entry copies the real package's
# publisher and description: that is the point of a squat), with the payload.
typo_pom() { # DEST
  cat >"$work/typo-plain.pom" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.fasterxm1.jackson.core</groupId>
  <artifactId>jackson-databind</artifactId>
  <version>2.21.3</version>
  <name>jackson-databind</name>
  <packaging>jar</packaging>
  <description>General data-binding functionality for Jackson: works on core streaming API</description>
  <url>https://github.com/FasterXML/jackson</url>
  <licenses>
    <license>
      <name>The Apache Software License, Version 2.0</name>
      <url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>
    </license>
  </licenses>
  <dependencies>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-annotations</artifactId>
      <version>2.21</version>
    </dependency>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-core</artifactId>
      <version>2.21.1</version>
    </dependency>
  </dependencies>
</project>
EOF
  tamper "$work/typo-plain.pom" "$1"
}

# A vendor SDK published without signatures (made here: a vendor's own repository, not Central).
vendor_pom() { # VERSION DEST
  cat >"$2" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example.vendor</groupId>
  <artifactId>vendor-sdk</artifactId>
  <version>$1</version>
  <packaging>jar</packaging>
  <name>Example Vendor SDK</name>
  <description>Client SDK for the Example Vendor payment API</description>
  <url>https://vendor.example/sdk</url>
</project>
EOF
}

# ---------------------------------------------------------------------------------------------
# Scenario building blocks
# ---------------------------------------------------------------------------------------------
S=""   # the scenario folder being built

begin() { # NAME
  S="$here/$1"
  log "scenario $1"
  mkdir -p "$S"
  find "$S" -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +
  mkdir -p "$S/artifacts" "$S/.sbomgate"
}

put() { # GROUP:ARTIFACT:VERSION FILE [SIGNATURE]: places a POM (and its signature) in Maven layout
  local g a v dir
  IFS=: read -r g a v <<<"$1"
  dir="$S/artifacts/${g//.//}/$a/$v"
  mkdir -p "$dir"
  cp "$2" "$dir/$a-$v.pom"
  if [[ $# -ge 3 ]]; then cp "$3" "$dir/$a-$v.pom.asc"; fi
}

artifact() { # GROUP:ARTIFACT:VERSION: the path of the placed POM
  local g a v
  IFS=: read -r g a v <<<"$1"
  echo "$S/artifacts/${g//.//}/$a/$v/$a-$v.pom"
}

real_put() { # GROUP:ARTIFACT:VERSION: the real POM and its real signature
  local g a v
  IFS=: read -r g a v <<<"$1"
  put "$1" "$real/$a-$v.pom" "$real/$a-$v.pom.asc"
}

pin() { # FINGERPRINT NAME SCOPE...
  local fpr="$1" name="$2"
  shift 2
  local scopes=()
  for s in "$@"; do scopes+=(--scope "$s"); done
  sbomgate trust add --trust "$S/.sbomgate/trust" --name "$name" "${scopes[@]}" "$keys/$fpr.asc" >/dev/null
}

pin_jackson() {
  pin "$JACKSON_2022" "Jackson release key 2022 (Tatu Saloranta)" 'pkg:maven/com.fasterxml.jackson.core/*'
}

sbom() { # FILE SEED TIME COMPONENT... : COMPONENT is G:A:V=path or dep:parent>child,child
  python3 "$work/sbom.py" "$@"
}

approve_baseline() { # the approved SBOM becomes the baseline, by 'sbomgate init' (which verifies it first)
  (cd "$S" && sbomgate_at "$APPROVED_AT" init --sbom approved.cdx.json --artifacts artifacts --baseline .sbomgate \
    --by samples --reason "approved state of the sample scenario" >/dev/null)
  # check repeats these inputs: the candidate SBOM, the same artifact folder (paths relative to $S).
  printf '{\n  "sbom" : "bom.json",\n  "artifacts" : [ "artifacts" ]\n}\n' >"$S/.sbomgate/inputs.json"
  rm -f "$S/.sbomgate/.lock"
}

expect() { # "EXIT [RULE...]"
  echo "$1" >"$S/EXPECTED"
}

with_attacker_key() { cp "$work/attacker-public-key.asc" "$S/attacker-public-key.asc"; }

CORE1=com.fasterxml.jackson.core:jackson-core:2.21.1
CORE3=com.fasterxml.jackson.core:jackson-core:2.21.3
ANN=com.fasterxml.jackson.core:jackson-annotations:2.21
ANN_OLD=com.fasterxml.jackson.core:jackson-annotations:2.12.7
SLF4J=org.slf4j:slf4j-api:2.0.17
TYPO=com.fasterxm1.jackson.core:jackson-databind:2.21.3
VENDOR1=com.example.vendor:vendor-sdk:1.4.1
VENDOR2=com.example.vendor:vendor-sdk:1.4.2

# The usual approved state: jackson-core 2.21.1 and jackson-annotations 2.21, both genuinely signed.
approved_jackson() {
  real_put "$CORE1"
  real_put "$ANN"
  sbom "$S/approved.cdx.json" "$(basename "$S")/approved" "$APPROVED_SBOM_TIME" \
    "$CORE1=$(artifact "$CORE1")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
}

# ---------------------------------------------------------------------------------------------
# The scenarios
# ---------------------------------------------------------------------------------------------

begin pass-signed-patch-update
pin_jackson
approved_jackson
real_put "$CORE3"
sbom "$S/bom.json" pass-signed-patch-update/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE3=$(artifact "$CORE3")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
approve_baseline
expect "0"

begin fail-resigned-by-new-key
pin_jackson
pin "$JACKSON_2020" "Jackson release key 2020 (Tatu Saloranta)" 'pkg:maven/com.fasterxml.jackson.core/*'
real_put "$CORE1"
real_put "$ANN_OLD"
sbom "$S/approved.cdx.json" fail-resigned-by-new-key/approved "$APPROVED_SBOM_TIME" \
  "$CORE1=$(artifact "$CORE1")" "$ANN_OLD=$(artifact "$ANN_OLD")" "dep:app>jackson-core,jackson-annotations"
real_put "$ANN"
sbom "$S/bom.json" fail-resigned-by-new-key/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE1=$(artifact "$CORE1")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
approve_baseline
expect "1 SIGNER_CHANGED"

begin pass-pinned-rotation-allowed
pin_jackson
pin "$JACKSON_2020" "Jackson release key 2020 (Tatu Saloranta)" 'pkg:maven/com.fasterxml.jackson.core/*'
cat >"$S/.sbomgate/policy.yaml" <<'EOF'
name: allow-pinned-rotation
description: Both Jackson keys are pinned for the same scope; a move between them is a planned rotation.
rules:
  SIGNER_CHANGED:
    severity: block
    allowPinnedRotation: true
EOF
real_put "$CORE1"
real_put "$ANN_OLD"
sbom "$S/approved.cdx.json" pass-pinned-rotation-allowed/approved "$APPROVED_SBOM_TIME" \
  "$CORE1=$(artifact "$CORE1")" "$ANN_OLD=$(artifact "$ANN_OLD")" "dep:app>jackson-core,jackson-annotations"
real_put "$ANN"
sbom "$S/bom.json" pass-pinned-rotation-allowed/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE1=$(artifact "$CORE1")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
approve_baseline
expect "0"

begin fail-untrusted-signer
pin_jackson
approved_jackson
with_attacker_key
tamper "$real/jackson-core-2.21.3.pom" "$work/core3-tampered.pom"
put "$CORE3" "$work/core3-tampered.pom"
attacker_sign "$(artifact "$CORE3")"
sbom "$S/bom.json" fail-untrusted-signer/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE3=$(artifact "$CORE3")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
approve_baseline
expect "1 UNTRUSTED_SIGNER"

begin fail-unsigned-update
pin_jackson
approved_jackson
tamper "$real/jackson-core-2.21.3.pom" "$work/core3-tampered.pom"
put "$CORE3" "$work/core3-tampered.pom"
sbom "$S/bom.json" fail-unsigned-update/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE3=$(artifact "$CORE3")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
approve_baseline
expect "1 SIGNATURE_DOWNGRADE UNSIGNED"

begin fail-same-version-new-content
pin_jackson
with_attacker_key
real_put "$CORE3"
real_put "$ANN"
sbom "$S/approved.cdx.json" fail-same-version-new-content/approved "$APPROVED_SBOM_TIME" \
  "$CORE3=$(artifact "$CORE3")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
approve_baseline
# After the approval, the same version is re-published with other bytes, re-signed by the attacker.
tamper "$real/jackson-core-2.21.3.pom" "$work/core3-tampered.pom"
put "$CORE3" "$work/core3-tampered.pom"
attacker_sign "$(artifact "$CORE3")"
sbom "$S/bom.json" fail-same-version-new-content/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE3=$(artifact "$CORE3")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
expect "1 MUTATED_RELEASE UNTRUSTED_SIGNER"

begin fail-rollback
pin_jackson
real_put "$CORE3"
real_put "$ANN"
sbom "$S/approved.cdx.json" fail-rollback/approved "$APPROVED_SBOM_TIME" \
  "$CORE3=$(artifact "$CORE3")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
real_put "$CORE1"
sbom "$S/bom.json" fail-rollback/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE1=$(artifact "$CORE1")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
approve_baseline
expect "1 ROLLBACK"

begin fail-patch-adds-dependency
pin_jackson
pin "$SLF4J_2025" "slf4j release key 2025 (Ceki Gulcu)" 'pkg:maven/org.slf4j/*'
approved_jackson
real_put "$CORE3"
real_put "$SLF4J"
sbom "$S/bom.json" fail-patch-adds-dependency/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE3=$(artifact "$CORE3")" "$ANN=$(artifact "$ANN")" "$SLF4J=$(artifact "$SLF4J")" \
  "dep:app>jackson-core,jackson-annotations" "dep:jackson-core>slf4j-api"
approve_baseline
expect "1 NEW_DEPENDENCY_IN_PATCH"

begin fail-typosquat
pin_jackson
approved_jackson
with_attacker_key
typo_pom "$work/typo.pom"
put "$TYPO" "$work/typo.pom"
attacker_sign "$(artifact "$TYPO")"
sbom "$S/bom.json" fail-typosquat/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE1=$(artifact "$CORE1")" "$ANN=$(artifact "$ANN")" "$TYPO=$(artifact "$TYPO")" \
  "dep:app>jackson-core,jackson-annotations,jackson-databind" "dep:jackson-databind>jackson-annotations,jackson-core"
approve_baseline
expect "1 TYPOSQUAT UNTRUSTED_SIGNER"

begin fail-hash-mismatch
pin_jackson
approved_jackson
# The SBOM declares the digests of the genuine 2.21.3 POM (what Maven Central publishes) ...
sbom "$S/bom.json" fail-hash-mismatch/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE3=$real/jackson-core-2.21.3.pom" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
# ... but the file in the artifact folder was replaced in place; the genuine signature stayed beside it.
tamper "$real/jackson-core-2.21.3.pom" "$work/core3-tampered.pom"
put "$CORE3" "$work/core3-tampered.pom" "$real/jackson-core-2.21.3.pom.asc"
approve_baseline
expect "1 BAD_SIGNATURE HASH_MISMATCH"

begin fail-tampered-baseline
pin_jackson
approved_jackson
tamper "$real/jackson-core-2.21.3.pom" "$work/core3-tampered.pom"
put "$CORE3" "$work/core3-tampered.pom"
sbom "$S/bom.json" fail-tampered-baseline/candidate "$CANDIDATE_SBOM_TIME" \
  "$CORE3=$(artifact "$CORE3")" "$ANN=$(artifact "$ANN")" "dep:app>jackson-core,jackson-annotations"
approve_baseline
# After the approval, someone erases the signer sbomgate recorded for jackson-core from baseline.json,
# so that the unsigned release would no longer count as a signature downgrade.
python3 - "$S/.sbomgate/baseline.json" <<'EOF'
import json, sys
path = sys.argv[1]
baseline = json.load(open(path, encoding="utf-8"))
edited = 0
for c in baseline["components"]:
    if c["name"] == "jackson-core" and c["signature"] is not None:
        c["signature"] = None
        edited += 1
assert edited == 1, "expected one signed jackson-core in the baseline"
open(path, "w", encoding="utf-8", newline="\n").write(json.dumps(baseline, indent=2) + "\n")
EOF
expect "1 BASELINE_TAMPERED UNSIGNED"

vendor_scenario() { # NAME WAIVER_EXPIRES
  pin_jackson
  cat >"$S/.sbomgate/policy.yaml" <<EOF
name: vendor-waiver
description: The default rules, plus one dated exception for a vendor that publishes no signatures.
waivers:
  - rule: UNSIGNED
    purl: "pkg:maven/com.example.vendor/vendor-sdk"
    reason: "Example Vendor publishes no signatures yet; asked for them in VEND-88"
    expires: $2
    ticket: SEC-123
EOF
  vendor_pom 1.4.1 "$work/vendor-sdk-1.4.1.pom"
  vendor_pom 1.4.2 "$work/vendor-sdk-1.4.2.pom"
  real_put "$CORE1"
  put "$VENDOR1" "$work/vendor-sdk-1.4.1.pom"
  sbom "$S/approved.cdx.json" "$1/approved" "$APPROVED_SBOM_TIME" \
    "$CORE1=$(artifact "$CORE1")" "$VENDOR1=$(artifact "$VENDOR1")" "dep:app>jackson-core,vendor-sdk"
  put "$VENDOR2" "$work/vendor-sdk-1.4.2.pom"
  sbom "$S/bom.json" "$1/candidate" "$CANDIDATE_SBOM_TIME" \
    "$CORE1=$(artifact "$CORE1")" "$VENDOR2=$(artifact "$VENDOR2")" "dep:app>jackson-core,vendor-sdk"
  approve_baseline
}

begin fail-expired-waiver
vendor_scenario fail-expired-waiver 2026-10-31
expect "1 UNSIGNED WAIVER_EXPIRED"

begin pass-waived-unsigned
vendor_scenario pass-waived-unsigned 2030-12-31
expect "0"

# Every scenario gives what its EXPECTED says, at ScenarioTest's instant.
failed=0
for expected in "$here"/*/EXPECTED; do
  d="${expected%/EXPECTED}"
  set +e
  report="$(sbomgate_at 2026-11-28T12:00:00Z check --baseline "$d/.sbomgate" --format json)"
  code=$?
  set -e
  got="$(echo "$code $(jq -r '[.findings[] | select(.severity == "block") | .rule] | unique | join(" ")' <<<"$report")")"
  if [[ "${got% }" != "$(cat "$expected")" ]]; then
    log "MISMATCH ${d#"$here"/}: expected '$(cat "$expected")', got '${got% }'"
    failed=1
  fi
done
[[ $failed == 0 ]] || exit 1
log "done: every scenario gives its EXPECTED verdict; attacker key $attacker_fpr"
