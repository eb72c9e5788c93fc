"""Builds the tradestat wheel with the standard library only (a wheel is a
zip file with a .dist-info directory: METADATA, WHEEL, RECORD).

usage: build_wheel.py VERSION MODULE.so OUTDIR

The package is packaging/python/tradestat with MODULE.so copied in as
tradestat/tradestat.so.  The wheel is tagged py3-none-<this platform>
(linux_x86_64 here): the module is a native library but not a CPython
extension, so any Python 3 on that platform can use it.  Timestamps are
fixed so that the same inputs give the same bytes."""
import base64
import hashlib
import os
import sys
import sysconfig
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
STAMP = (1980, 1, 1, 0, 0, 0)


def record_hash(data):
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def main(version, module, outdir):
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    tag = f"py3-none-{platform}"
    info = f"tradestat-{version}.dist-info"
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    with open(os.path.join(HERE, "tradestat", "__init__.py"), encoding="utf-8") as f:
        init = f.read().replace("@VERSION@", version)
    with open(module, "rb") as f:
        so = f.read()
    with open(os.path.join(ROOT, "LICENSE"), "rb") as f:
        license_text = f.read()
    metadata = (
        "Metadata-Version: 2.1\n"
        "Name: tradestat\n"
        f"Version: {version}\n"
        "Summary: SQLite extension for bilateral trade statistics (loadable module inside)\n"
        "License: MIT\n"
        "Classifier: License :: OSI Approved :: MIT License\n"
        "Classifier: Operating System :: POSIX :: Linux\n"
        "Classifier: Topic :: Database\n"
        "Requires-Python: >=3.7\n"
        "Description-Content-Type: text/markdown\n"
        "\n" + readme)
    wheel = (
        "Wheel-Version: 1.0\n"
        "Generator: tradestat packaging/python/build_wheel.py\n"
        "Root-Is-Purelib: false\n"
        f"Tag: {tag}\n")
    files = [
        ("tradestat/__init__.py", init.encode(), 0o644),
        ("tradestat/tradestat.so", so, 0o755),
        (f"{info}/LICENSE", license_text, 0o644),
        (f"{info}/METADATA", metadata.encode(), 0o644),
        (f"{info}/WHEEL", wheel.encode(), 0o644),
    ]
    record = "".join(f"{name},{record_hash(data)},{len(data)}\n" for name, data, _ in files)
    record += f"{info}/RECORD,,\n"
    files.append((f"{info}/RECORD", record.encode(), 0o644))
    os.makedirs(outdir, exist_ok=True)
    path = os.path.join(outdir, f"tradestat-{version}-{tag}.whl")
    with zipfile.ZipFile(path + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
        for name, data, mode in files:
            zi = zipfile.ZipInfo(name, STAMP)
            zi.external_attr = (0o100000 | mode) << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    os.replace(path + ".tmp", path)
    print(path)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    main(*sys.argv[1:])
