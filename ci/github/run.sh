#!/usr/bin/env bash
# The GitHub Action's logic (action.yml runs it; src/test/.../ActionScriptTest runs it with a fake GITHUB_* environment).
#
# Fetches the evidence the SBOM's components need (sbomgate fetch --sbom FILE --into DIR), then runs the gate on it
# (sbomgate check), writing SARIF and JSON reports (plus any formats asked for) into the output directory. sbomgate
# itself appends the Markdown report to $GITHUB_STEP_SUMMARY and writes one ::error/::warning annotation per finding
# when GITHUB_ACTIONS=true. This script then writes the verdict and counts to $GITHUB_OUTPUT.
#
# Inputs (environment variables, set by action.yml from the action's inputs):
#   SBOMGATE_JAR        the built sbomgate.jar, run with java -jar (the action's way)
#   SBOMGATE            else the sbomgate command (default: sbomgate on the PATH)
#   SBOMGATE_SBOM       the candidate SBOM; empty: the one recorded in <baseline>/inputs.json (then no fetch)
#   SBOMGATE_BASELINE   the baseline directory (default .sbomgate)
#   SBOMGATE_POLICY     a policy file (default: <baseline>/policy.yaml, else the built-in default)
#   SBOMGATE_ARTIFACTS  more artifact directories, separated by newlines (e.g. ~/.m2/repository)
#   SBOMGATE_FETCH      true (default): fetch evidence first; false: check the given artifact directories only
#   SBOMGATE_EVIDENCE   where fetch writes (default $RUNNER_TEMP/sbomgate-evidence)
#   SBOMGATE_FORMATS    more report formats, separated by spaces or commas (html markdown junit codequality)
#   SBOMGATE_OUTPUT_DIR where the reports go (default sbomgate-reports)
#   SBOMGATE_FAIL       true (default): a blocked verdict fails the step; false: only bad input (2) and errors (3) do
# Outputs ($GITHUB_OUTPUT): verdict (passed, blocked or error), exit-code, blocking, warnings, info, components,
#   changes, sarif, json (report paths).
set -uo pipefail

tool=${SBOMGATE:-sbomgate}
sbom=${SBOMGATE_SBOM:-}
baseline=${SBOMGATE_BASELINE:-.sbomgate}
policy=${SBOMGATE_POLICY:-}
fetch=${SBOMGATE_FETCH:-true}
evidence=${SBOMGATE_EVIDENCE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/sbomgate-evidence}
outdir=${SBOMGATE_OUTPUT_DIR:-sbomgate-reports}
fail=${SBOMGATE_FAIL:-true}
formats=${SBOMGATE_FORMATS:-}

sg() {
  if [[ -n ${SBOMGATE_JAR:-} ]]; then
    java -jar "$SBOMGATE_JAR" "$@"
  else
    "$tool" "$@"
  fi
}

output() {
  if [[ -n ${GITHUB_OUTPUT:-} ]]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

mkdir -p "$outdir" || { echo "::error::sbomgate: cannot create the output directory $outdir"; output verdict error; output exit-code 2; exit 2; }

artifacts=()
while IFS= read -r dir; do
  dir=${dir#"${dir%%[![:space:]]*}"}
  dir=${dir%"${dir##*[![:space:]]}"}
  [[ -n $dir ]] && artifacts+=(--artifacts "${dir/#\~/$HOME}")
done <<<"${SBOMGATE_ARTIFACTS:-}"

if [[ $fetch == true && -n $sbom ]]; then
  echo "sbomgate: fetching evidence for $sbom into $evidence"
  sg fetch --sbom "$sbom" --into "$evidence"
  code=$?
  if ((code != 0)); then
    echo "::error::sbomgate fetch failed (exit $code); see the log above"
    output verdict error
    output exit-code "$code"
    exit "$code"
  fi
  artifacts+=(--artifacts "$evidence")
fi

args=(check --baseline "$baseline")
[[ -n $sbom ]] && args+=(--sbom "$sbom")
[[ -n $policy ]] && args+=(--policy "$policy")
if [[ $fetch == true && -n $sbom && -f $evidence/release-times.json ]]; then
  args+=(--metadata "$evidence/release-times.json")
fi
args+=(${artifacts[@]+"${artifacts[@]}"})
sarif=$outdir/sbomgate.sarif
json=$outdir/sbomgate.json
args+=(--format sarif --output "$sarif" --format json --output "$json")
for format in ${formats//,/ }; do
  case $format in
    sarif | json | text) ;;
    html) args+=(--format html --output "$outdir/sbomgate.html") ;;
    markdown) args+=(--format markdown --output "$outdir/sbomgate.md") ;;
    junit) args+=(--format junit --output "$outdir/sbomgate.junit.xml") ;;
    codequality) args+=(--format codequality --output "$outdir/gl-code-quality-report.json") ;;
    *) echo "::error::sbomgate: unknown format '$format' (html, markdown, junit, codequality)"; output verdict error; output exit-code 2; exit 2 ;;
  esac
done
args+=(--format text)

sg "${args[@]}"
code=$?

# The counts, from the JSON report's summary object (docs/report-format.md); jq is not assumed.
count() {
  sed -n '/^  "summary" : {/,/^  }/p' "$json" 2>/dev/null | sed -n "s/^ *\"$1\" : \([0-9][0-9]*\).*/\1/p" | head -n 1
}
case $code in
  0) verdict=passed ;;
  1) verdict=blocked ;;
  *) verdict=error ;;
esac
output verdict "$verdict"
output exit-code "$code"
if [[ -f $json ]]; then
  output blocking "$(count block)"
  output warnings "$(count warn)"
  output info "$(count info)"
  output components "$(count components)"
  output changes "$(count changes)"
  output sarif "$sarif"
  output json "$json"
fi

if ((code == 1)) && [[ $fail != true ]]; then
  echo "sbomgate: blocked, but fail-on-block is false: the step passes"
  exit 0
fi
exit "$code"
