#!/usr/bin/env bash
# Regenerates the PyPI PEP 740 scenarios (pass-pypi-attestation, fail-pypi-attestation-other-repo) from the real
# distributions and provenance objects in src/test/resources/pypi/ (sources: SOURCES.md there). No network: PyPI is
# not reachable from the machines this was made on, so the files come from pypi-attestations' test fixtures, laid out
# as 'sbomgate fetch' writes them (docs/evidence.md: pypi/PROJECT/VERSION/FILE and FILE.provenance).
#
# Needs: python3, Java 17, Maven. Run from anywhere: samples/make-pypi-scenarios.sh
# Every file in a scenario folder is rewritten except its hand-written README.md.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
pypi="$root/src/test/resources/pypi"
work="$(mktemp -d -t sbomgate-pypi-scenarios.XXXXXX)"
trap 'rm -rf "$work"' EXIT

APPROVED_AT="2026-06-01T09:00:00Z"
APPROVED_SBOM_TIME="2026-06-01T08:55:00Z"
CANDIDATE_SBOM_TIME="2026-11-27T10:00:00Z"
GITHUB=https://token.actions.githubusercontent.com

log() { echo "make-pypi-scenarios: $*" >&2; }

(cd "$root" && mvn -B -q -o -Dmaven.test.skip=true package >/dev/null)
jar="$root/target/sbomgate.jar"
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

# A CycloneDX 1.6 JSON SBOM of a small Python application, shaped like cyclonedx-py's output (metadata.component,
# library components with name, version, purl and the SHA-256 of the distribution file, dependencies).
cat >"$work/sbom.py" <<'EOF'
import hashlib, json, sys, uuid

out, seed, time = sys.argv[1:4]
components, deps = [], []
for spec in sys.argv[4:]:
    name, version, path = spec.split(":", 2)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    ref = f"{name}=={version}"
    components.append({"type": "library", "bom-ref": ref, "name": name, "version": version,
                       "hashes": [{"alg": "SHA-256", "content": digest}],
                       "purl": f"pkg:pypi/{name}@{version}"})
    deps.append(ref)
bom = {
    "$schema": "http://cyclonedx.org/schema/bom-1.6.schema.json",
    "bomFormat": "CycloneDX",
    "specVersion": "1.6",
    "serialNumber": "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "sbomgate-samples/" + seed)),
    "version": 1,
    "metadata": {"timestamp": time,
                 "component": {"type": "application", "bom-ref": "release-checker", "name": "release-checker",
                               "version": "1.0.0"}},
    "components": components,
    "dependencies": [{"ref": "release-checker", "dependsOn": deps}] + [{"ref": d} for d in deps],
}
with open(out, "w") as f:
    json.dump(bom, f, indent=2)
    f.write("\n")
EOF
sbom() { python3 "$work/sbom.py" "$@"; }

begin() { # NAME
  S="$here/$1"
  log "scenario $1"
  mkdir -p "$S"
  find "$S" -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +
  mkdir -p "$S/artifacts" "$S/.sbomgate"
  sbomgate trust sigstore-root --trust "$S/.sbomgate/trust" "$pypi/trusted_root.production.json" >/dev/null
}

put() { # PROJECT VERSION FILE: the distribution and its provenance, in the evidence layout
  local dir="$S/artifacts/pypi/$1/$2"
  mkdir -p "$dir"
  cp "$pypi/$3" "$pypi/$3.provenance" "$dir/"
}

pin() { # NAME ISSUER PATTERN SCOPE
  sbomgate trust add-identity --trust "$S/.sbomgate/trust" --name "$1" --issuer "$2" --identity-pattern "$3" \
    --scope "$4" >/dev/null
}

# The GitLab project's pipeline, as its Trusted Publisher on PyPI names it (.gitlab-ci.yml of
# facutuesca/gitlab-oidc-project, any branch or tag).
pin_gitlab() {
  pin 'gitlab-oidc-project releases (GitLab CI)' https://gitlab.com \
    'https://gitlab\.com/facutuesca/gitlab-oidc-project//\.gitlab-ci\.yml@refs/(heads|tags)/.+' 'pkg:pypi/gitlab-oidc-project'
}

approve_baseline() {
  (cd "$S" && sbomgate_at "$APPROVED_AT" init --sbom approved.cdx.json --artifacts artifacts --baseline .sbomgate \
    --by samples --reason "approved state of the sample scenario" >/dev/null)
  printf '{\n  "sbom" : "bom.json",\n  "artifacts" : [ "artifacts" ]\n}\n' >"$S/.sbomgate/inputs.json"
  rm -f "$S/.sbomgate/.lock"
}

expect() { echo "$1" >"$S/EXPECTED"; }

ATT="pypi-attestations:0.0.19:$pypi/pypi_attestations-0.0.19.tar.gz"
GITLAB="gitlab-oidc-project:0.0.3:$pypi/gitlab_oidc_project-0.0.3.tar.gz"

begin pass-pypi-attestation
pin 'pypi-attestations releases (GitHub Actions)' "$GITHUB" \
  'https://github\.com/trailofbits/pypi-attestations/\.github/workflows/release\.yml@refs/tags/v.+' 'pkg:pypi/pypi-attestations'
pin_gitlab
put pypi-attestations 0.0.19 pypi_attestations-0.0.19.tar.gz
put gitlab-oidc-project 0.0.3 gitlab_oidc_project-0.0.3.tar.gz
sbom "$S/approved.cdx.json" pass-pypi-attestation/approved "$APPROVED_SBOM_TIME" "$ATT" "$GITLAB"
approve_baseline
sbom "$S/bom.json" pass-pypi-attestation/candidate "$CANDIDATE_SBOM_TIME" "$ATT" "$GITLAB"
expect "0"

begin fail-pypi-attestation-other-repo
# The pin trusts the project's release workflow in pypi/pypi-attestations; the attestation of this
# distribution was made by the same-named workflow in trailofbits/pypi-attestations: another repository.
pin 'pypi-attestations releases (GitHub Actions)' "$GITHUB" \
  'https://github\.com/pypi/pypi-attestations/\.github/workflows/release\.yml@refs/tags/v.+' 'pkg:pypi/pypi-attestations'
pin_gitlab
put gitlab-oidc-project 0.0.3 gitlab_oidc_project-0.0.3.tar.gz
sbom "$S/approved.cdx.json" fail-pypi-attestation-other-repo/approved "$APPROVED_SBOM_TIME" "$GITLAB"
approve_baseline
put pypi-attestations 0.0.19 pypi_attestations-0.0.19.tar.gz
sbom "$S/bom.json" fail-pypi-attestation-other-repo/candidate "$CANDIDATE_SBOM_TIME" "$ATT" "$GITLAB"
expect "1 UNTRUSTED_SIGNER"

log "done"
