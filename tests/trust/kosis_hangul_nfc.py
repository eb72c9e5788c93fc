#!/usr/bin/python3
"""kosis_csv reads Hangul written decomposed (NFD, conjoining jamo) as the
composed syllables (NFC): checked against Python's unicodedata.normalize
('NFC') on random names built from every leading consonant, vowel and
trailing consonant, precomposed syllables (with and without a trailing
jamo after them), archaic jamo that compose nothing, and ASCII, in UTF-8
and in CP949 (the composed names only: CP949 has no conjoining jamo).

Every name is a dimension value of a wide file; the loaded names must be
the file's names in NFC, byte for byte, in file order.
Usage: /usr/bin/python3 tests/trust/kosis_hangul_nfc.py build/tradestat [--seed N] [--names N]
"""
import os
import random
import sys
import tempfile
import unicodedata

import common

EXT, OPT = common.parse_args(sys.argv[1:], numbers={"seed": 1, "names": 3000})
rng = random.Random(OPT["seed"])

LEAD = [chr(c) for c in range(0x1100, 0x1113)]
VOWEL = [chr(c) for c in range(0x1161, 0x1176)]
TAIL = [chr(c) for c in range(0x11A8, 0x11C3)]
ARCHAIC = ["\u1113", "\u115F", "\u1160", "\u1176", "\u11A3", "\u11C3", "\u11FF"]
ASCII = list("abcXYZ09_()")


def piece():
    k = rng.randrange(6)
    if k == 0:
        return rng.choice(LEAD) + rng.choice(VOWEL) + (rng.choice(TAIL) if rng.random() < 0.5 else "")
    if k == 1:
        return chr(rng.randrange(0xAC00, 0xD7A4)) + (rng.choice(TAIL) if rng.random() < 0.3 else "")
    if k == 2:
        return rng.choice(LEAD + VOWEL + TAIL)  # a lone jamo
    if k == 3:
        return rng.choice(ARCHAIC)
    return rng.choice(ASCII)


def names(n):
    out, seen = [], set()
    while len(out) < n:
        z = "n" + "".join(piece() for _ in range(rng.randrange(1, 6)))
        if unicodedata.normalize("NFC", z) not in seen:
            seen.add(unicodedata.normalize("NFC", z))
            out.append(z)
    return out


def loaded(data):
    fd, f = tempfile.mkstemp(suffix=".csv")
    os.write(fd, data)
    os.close(fd)
    db = common.connect(EXT)
    try:
        db.execute("CREATE VIRTUAL TABLE temp.k USING kosis_csv(file='%s')" % f)
        return [r[0] for r in db.execute("SELECT name FROM temp.k")]
    finally:
        db.close()
        os.unlink(f)


failures = 0
all_names = names(OPT["names"])
text = "name,2019\n" + "".join('"%s",%d\n' % (z, i) for i, z in enumerate(all_names))
got = loaded(text.encode("utf-8"))
want = [unicodedata.normalize("NFC", z) for z in all_names]
bad = [(w, g) for w, g in zip(want, got) if w != g]
if len(got) != len(want) or bad:
    failures += 1
    print("kosis_hangul_nfc: FAIL utf-8: %d names, %d loaded, first difference %r"
          % (len(want), len(got), bad[:1]))
composed = [z for z in want if all(c.isascii() or 0xAC00 <= ord(c) <= 0xD7A3 for c in z)]
cp = []
for z in composed:
    try:
        z.encode("cp949")
        cp.append(z)
    except UnicodeEncodeError:
        pass
text = "name,2019\n" + "".join('"%s",%d\n' % (z, i) for i, z in enumerate(cp))
got = loaded(text.encode("cp949"))
if got != cp:
    failures += 1
    print("kosis_hangul_nfc: FAIL cp949: %d names, %d loaded" % (len(cp), len(got)))
print("kosis_hangul_nfc: %d names in UTF-8, %d in CP949 against unicodedata NFC, %d failed"
      % (len(all_names), len(cp), failures))
sys.exit(1 if failures else 0)
