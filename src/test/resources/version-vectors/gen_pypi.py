"""Writes pypi.tsv: random PEP 440 version pairs and how the reference implementation orders them.

Run: python3 gen_pypi.py  (needs the 'packaging' library; the file records its version)
"""
import random
import packaging
from packaging.version import Version, InvalidVersion

random.seed(3)


def random_version():
    s = ""
    if random.random() < 0.1:
        s += str(random.randint(0, 2)) + "!"
    s += ".".join(str(random.choice([0, 0, 1, 2, 10])) for _ in range(random.randint(1, 4)))
    if random.random() < 0.4:
        s += random.choice(["a", "b", "rc", "c", "alpha", "beta", "pre", "preview", ".a", "-b", "_rc", "RC"])
        s += random.choice(["", "0", "1", "2", "11"])
    if random.random() < 0.3:
        s += random.choice([".post", "post", "-", ".r", "rev", "-post-"]) + random.choice(["", "0", "1", "3"])
    if random.random() < 0.3:
        s += random.choice([".dev", "dev", "-dev"]) + random.choice(["", "0", "1", "5"])
    if random.random() < 0.2:
        s += "+" + random.choice(["abc", "1", "abc.5", "abc.7", "5", "ubuntu-1", "0.a"])
    if random.random() < 0.05:
        s = "v" + s
    return s


versions = []
while len(versions) < 300:
    v = random_version()
    try:
        Version(v)
        versions.append(v)
    except InvalidVersion:
        pass

with open("pypi.tsv", "w") as f:
    f.write(f"# a<TAB>b<TAB>sign of compare(a, b) per packaging {packaging.__version__} (pip's implementation of PEP 440)\n")
    for _ in range(3000):
        a, b = random.choice(versions), random.choice(versions)
        va, vb = Version(a), Version(b)
        f.write(f"{a}\t{b}\t{(va > vb) - (va < vb)}\n")
