#!/usr/bin/env bash
# Issue 14, "Done when": a new user with a real 13-component Maven project goes from "0 pinned" to a passing
# `sbomgate init` with fetch -> trust suggest --write -> (review) -> trust apply -> init -> check, with no
# hand-written key file. Each step is timed (wall and CPU, /usr/bin/time).
#
# Network: Maven Central (the SBOM plugin and `sbomgate fetch`). Keyservers are not reachable here, so fetch runs
# with --no-keys and the candidate keys come from --keyring files: the shared corpus's real keys
# (src/test/resources/signature/pgp/real/keys, copies of /work/shared/corpus/keys with their sources in INDEX.tsv)
# and a real Gradle verification-keyring.keys of a public project (bench/trust-bootstrap/keyrings/README.md).
#
# Usage: bench/trust-bootstrap.sh [WORKDIR]     (default bench/out/trust-bootstrap; it is emptied first)
# Raw output of a run: bench/results/trust-bootstrap.txt
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$here/bench/out/trust-bootstrap}"
sbomgate="$here/sbomgate"
keys_dir="$here/src/test/resources/signature/pgp/real/keys"
gradle_keyring="$here/bench/trust-bootstrap/keyrings/revenuecat-purchases-kmp.verification-keyring.keys"
timefmt='  [time] %e s wall, %U s user + %S s system CPU'

rm -rf "$work"
mkdir -p "$work/project"
cp "$here/bench/trust-bootstrap/pom.xml" "$work/project/pom.xml"
cd "$work/project"

step() {
  echo
  echo "\$ $*"
  /usr/bin/time -f "$timefmt" "$@" || echo "  [exit] $?"
}

echo "sbomgate trust bootstrap, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(java -version 2>&1 | head -1), $(nproc) cores"
echo "project: bench/trust-bootstrap/pom.xml (guava 33.4.8-jre, jackson-databind 2.21.3, slf4j-api 2.0.17,"
echo "         commons-lang3 3.20.0, picocli 4.7.6 and their transitive dependencies)"
"$sbomgate" --version >/dev/null # builds target/sbomgate.jar (and its start-up archive) when stale, outside the timings

echo
echo "== 0. the SBOM, from the cyclonedx-maven-plugin (Maven Central) =="
step mvn -q -B -Dmaven.repo.local="$work/m2" org.cyclonedx:cyclonedx-maven-plugin:2.9.1:makeBom
echo "  components: $(python3 -c 'import json,sys; print(len(json.load(open("target/bom.json"))["components"]))')"
step "$sbomgate" trust list

echo
echo "== 1. fetch the artifacts and signatures (keyservers unreachable here: --no-keys) =="
step "$sbomgate" fetch --sbom target/bom.json --into evidence --no-keys

echo
echo "== 2. trust suggest --write: propose pins from the signatures present =="
keyrings=()
for key in "$keys_dir"/*.asc; do keyrings+=(--keyring "$key"); done
keyrings+=(--keyring "$gradle_keyring")
step "$sbomgate" trust suggest --sbom target/bom.json --artifacts evidence "${keyrings[@]}" --write trust-plan.yaml

echo
echo "== 3. review: the plan as a pull request would show it =="
cat trust-plan.yaml
echo "exported key files: $(ls trust-plan.keys 2>/dev/null | wc -l)"

echo
echo "== 4. trust apply: pin exactly the plan =="
step "$sbomgate" trust apply trust-plan.yaml
step "$sbomgate" trust list

echo
echo "== 5. init: the first approval =="
step "$sbomgate" init --sbom target/bom.json --artifacts evidence

echo
echo "== 6. check: the gate against the approved baseline =="
step "$sbomgate" check

echo
echo "== 7. trust audit =="
step "$sbomgate" trust audit
