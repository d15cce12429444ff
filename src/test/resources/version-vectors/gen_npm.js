// Writes npm.tsv: random SemVer pairs and how node-semver (npm's own implementation) orders them.
// Run: npm install semver@7 && node gen_npm.js
const semver = require('semver');
const version = require('semver/package.json').version;
let seed = 5;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const versions = [];
while (versions.length < 300) {
  let s = [pick([0, 1, 2, 10]), pick([0, 1, 9, 10]), pick([0, 1, 2, 11])].join('.');
  if (rnd() < 0.5) {
    const ids = [];
    for (let i = 0, n = 1 + Math.floor(rnd() * 3); i < n; i++) ids.push(pick(['alpha', 'beta', 'rc', '1', '2', '11', '0', 'x-y', 'alpha1', 'RC']));
    s += '-' + ids.join('.');
  }
  if (rnd() < 0.2) s += '+' + pick(['build.1', 'b2', '001']);
  if (rnd() < 0.1) s = 'v' + s;
  if (semver.valid(s)) versions.push(s);
}
const lines = [`# a<TAB>b<TAB>sign of compare(a, b) per node-semver ${version} (semver.compare: build metadata ignored)`];
for (let i = 0; i < 3000; i++) {
  const a = pick(versions), b = pick(versions);
  lines.push(`${a}\t${b}\t${semver.compare(a, b)}`);
}
require('fs').writeFileSync('npm.tsv', lines.join('\n') + '\n');
