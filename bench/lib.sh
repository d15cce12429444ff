# Shared by the bench scripts that check a synthetic SBOM pair; sourced, not run. Not a test.

# synthetic_pair SIZE DIR: DIR/old.cdx.json and DIR/new.cdx.json from dev.sbomgate.bench.SbomPairGenerator (test
# sources, seed 7: about 2 % of the components changed), DIR/policy.yaml (policies/default.yaml with MISSING_ARTIFACT
# lowered to warn: the check is SBOM-only), and the baseline DIR/b approving old.cdx.json (`init`, -Xmx1g). Run from
# the project's root.
synthetic_pair() {
  local size=$1 dir=$2
  mvn -B -q test-compile
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
  java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.sbomgate.bench.SbomPairGenerator "$size" "$dir" >/dev/null
  sed -e 's/^name: default/name: bench/' -e 's/^  MISSING_ARTIFACT: block.*/  MISSING_ARTIFACT: warn/' policies/default.yaml \
    >"$dir/policy.yaml"
  mkdir -p "$dir/b/trust"
  SBOMGATE_JAVA_OPTS=-Xmx1g ./sbomgate init --sbom "$dir/old.cdx.json" --baseline "$dir/b" --policy "$dir/policy.yaml" >/dev/null
}
