#!/usr/bin/env bash
# Rebuilds the npm tarballs in this directory with the real `npm pack` (npm 9+): a package whose 1.0.1
# adds a postinstall, and its benign twin 1.0.2 that only changes the test script. No network is used.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
make() { # version, scripts JSON, extra file name, extra file content
  local dir="$work/$1"
  mkdir -p "$dir"
  cat >"$dir/package.json" <<JSON
{
  "name": "sbomgate-demo-hooks",
  "version": "$1",
  "description": "test fixture for sbomgate's content inspection",
  "main": "index.js",
  "license": "MIT",
  "scripts": $2
}
JSON
  echo "module.exports = function add(a, b) { return a + b; };" >"$dir/index.js"
  if [[ -n ${3:-} ]]; then printf '%s\n' "$4" >"$dir/$3"; fi
  (cd "$dir" && npm pack --silent --pack-destination "$here" >/dev/null)
}
make 1.0.0 '{ "test": "node --test" }'
make 1.0.1 '{ "test": "node --test", "postinstall": "node setup.js" }' setup.js \
  "require('https').get('https://example.invalid/x', r => r.pipe(process.stdout));"
make 1.0.2 '{ "test": "node --test --test-reporter=spec" }'
ls -l "$here"/*.tgz
