#!/usr/bin/env bash
# Regenerates the npm gate scenarios (samples/*-npm-*) from the real npm material in
# src/test/resources/npm/ (SOURCES.md there): real tarballs, version documents and attestations; the trust
# stores pinned and the baselines initialised by sbomgate itself, at a fixed clock. Needs Java 17, python3, Maven.
#   samples/make-npm-scenarios.sh
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
npm="$root/src/test/resources/npm"
work="$(mktemp -d -t sbomgate-npm-scenarios.XXXXXX)"
trap 'rm -rf "$work"' EXIT
APPROVED_AT="2026-06-01T09:00:00Z"

(cd "$root" && mvn -o -B -q -Dmaven.test.skip=true compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null)
cp="$root/target/classes:$(cat "$work/cp.txt")"
cat >"$work/RunAt.java" <<'JAVA'
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
JAVA
sbomgate_at() { java -cp "$cp" "$work/RunAt.java" "$@"; }

# sbom OUT COMPONENT... : a CycloneDX 1.6 SBOM shaped like @cyclonedx/cyclonedx-npm output (name, group, version,
# purl, the tarball's SHA-512 from its evidence folder). COMPONENT is NAME@VERSION.
sbom() {
  out=$1; shift
  python3 - "$out" "$npm/evidence/npm" "$@" <<'PY'
import hashlib, json, os, sys, uuid
out, evidence, specs = sys.argv[1], sys.argv[2], sys.argv[3:]
components, refs = [], []
for spec in specs:
    name, version = spec.rsplit("@", 1)
    scope, _, bare = name.rpartition("/")
    tgz = (scope[1:] + "-" if scope else "") + bare + "-" + version + ".tgz"
    data = open(os.path.join(evidence, name, version, tgz), "rb").read()
    purl = "pkg:npm/" + (scope.replace("@", "%40") + "/" if scope else "") + bare + "@" + version
    c = {"type": "library", "bom-ref": purl, "name": bare, "version": version, "purl": purl,
         "hashes": [{"alg": "SHA-512", "content": hashlib.sha512(data).hexdigest()}]}
    if scope:
        c = {"type": "library", "bom-ref": purl, "group": scope, "name": bare, "version": version, "purl": purl,
             "hashes": c["hashes"]}
    components.append(c)
    refs.append(purl)
doc = {"bomFormat": "CycloneDX", "specVersion": "1.6",
       "serialNumber": "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL,
           "/".join(os.path.abspath(out).split(os.sep)[-2:]) + " ".join(specs))),  # same in every checkout "version": 1,
       "metadata": {"timestamp": "2026-06-01T08:55:00Z",
                    "component": {"type": "application", "name": "demo", "version": "1.0.0", "bom-ref": "demo"}},
       "components": components, "dependencies": [{"ref": "demo", "dependsOn": refs}] + [{"ref": r, "dependsOn": []} for r in refs]}
open(out, "w").write(json.dumps(doc, indent=2) + "\n")
PY
}

# evidence DIR NAME@VERSION [--strip FILE]: copy one version's evidence folder into DIR's npm layout
evidence() {
  dir=$1; spec=$2; name=${spec%@*}; version=${spec##*@}
  mkdir -p "$dir/npm/$name"
  cp -r "$npm/evidence/npm/$name/$version" "$dir/npm/$name/"
}

trust_store() {
  t=$1
  sbomgate_at "$APPROVED_AT" trust sigstore-root "$npm/trusted_root.json" --trust "$t" >/dev/null
  sbomgate_at "$APPROVED_AT" trust add-registry-keys "$root/trust/npm-registry-keys.json" --trust "$t" --name 'npm registry' \
      --registry https://registry.npmjs.org --scope 'pkg:npm/*' --scope 'pkg:npm/@*/*' >/dev/null
  sbomgate_at "$APPROVED_AT" trust add-identity --trust "$t" --name 'sigstore-js release workflow' \
      --issuer https://token.actions.githubusercontent.com --repository https://github.com/sigstore/sigstore-js \
      --workflow .github/workflows/release.yml --scope 'pkg:npm/sigstore' --scope 'pkg:npm/@sigstore/*' >/dev/null
}

# The repository's identity pin for @laurentsimon/provenance-npm-test: one pin for the repository (no --workflow), whose
# releases are signed by its own workflow or by slsa-github-generator's reusable workflow called from it.
repository_pin() {
  sbomgate_at "$APPROVED_AT" trust add-identity --trust "$1" --name 'provenance-npm-test repository' \
      --issuer https://token.actions.githubusercontent.com \
      --identity-pattern 'https://github\.com/(laurentsimon/provenance-npm-test|slsa-framework/slsa-github-generator)/\.github/workflows/[^@]+@refs/(heads|tags)/.+' \
      --repository https://github.com/laurentsimon/provenance-npm-test --scope 'pkg:npm/@laurentsimon/*' >/dev/null
}

# scenario NAME APPROVED-SPECS CANDIDATE-SPECS STRIP EXPECTED [EXTRA-PIN-FUNCTION]
scenario() {
  name=$1; approved=$2; candidate=$3; strip=$4; expected=$5; extra=${6:-}
  s="$here/$name"
  find "$s" -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} + 2>/dev/null || mkdir -p "$s"
  mkdir -p "$s/.sbomgate"
  trust_store "$s/.sbomgate/trust"
  if [[ -n $extra ]]; then "$extra" "$s/.sbomgate/trust"; fi
  rm -rf "$work/approved"; mkdir -p "$work/approved"
  for spec in $approved; do evidence "$work/approved" "$spec"; done
  sbom "$s/approved.cdx.json" $approved
  (cd "$s" && sbomgate_at "$APPROVED_AT" init --sbom approved.cdx.json --artifacts "$work/approved" --baseline .sbomgate >/dev/null)
  mkdir -p "$s/artifacts"
  for spec in $candidate; do evidence "$s/artifacts" "$spec"; done
  if [[ -n $strip ]]; then rm "$s/artifacts/$strip"; fi
  sbom "$s/bom.json" $candidate
  printf '{\n  "sbom" : "bom.json",\n  "artifacts" : [ "artifacts" ]\n}\n' >"$s/.sbomgate/inputs.json"
  echo "$expected" >"$s/EXPECTED"
}

scenario pass-npm-provenance-kept "sigstore@2.3.1" "sigstore@2.3.1 @x402/express@2.12.0" "" "0"
scenario fail-npm-provenance-dropped "sigstore@2.3.1" "sigstore@2.3.1" "npm/sigstore/2.3.1/attestations.json" \
    "1 MUTATED_RELEASE SIGNATURE_DOWNGRADE"
# 1.0.3's provenance came from release.yml, 1.0.5's from release-slsa3.yml (same repository, the same pin): another workflow
scenario fail-npm-publisher-changed "@laurentsimon/provenance-npm-test@1.0.3" "@laurentsimon/provenance-npm-test@1.0.5" "" \
    "1 SIGNER_CHANGED" repository_pin
echo "make-npm-scenarios: done" >&2
