#!/usr/bin/env python3
"""Checks a screenshot the app saved (binary PPM, --screenshot FILE.ppm) is not blank and
writes it as PNG for a look: a real window has text, icons and frames, so many colours and no
one colour covering nearly everything. Used by test-deb.sh and test-tarball.sh.

    check-screenshot.py SHOT.ppm OUT.png
"""
import struct
import sys
import zlib


def read_ppm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:  # P6 header: magic, width, height, maxval, separated by whitespace
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while end < len(data) and not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    if fields[0] != b"P6":
        sys.exit(f"FAIL: {path} is no binary PPM ({fields[0]!r})")
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos:pos + 3 * w * h]


def write_png(path, w, h, pixels):
    rows = b"".join(b"\x00" + pixels[y * 3 * w:(y + 1) * 3 * w] for y in range(h))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    w, h, pixels = read_ppm(sys.argv[1])
    counts = {}
    for i in range(0, len(pixels), 3):
        p = pixels[i:i + 3]
        counts[p] = counts.get(p, 0) + 1
    top = max(counts.values()) / (w * h) if counts else 1.0
    print(f"    screenshot {w}x{h}: {len(counts)} colours, the commonest covers {top:.0%}")
    write_png(sys.argv[2], w, h, pixels)
    if w < 200 or h < 150 or len(counts) < 64 or top > 0.95:
        sys.exit("FAIL: the screenshot looks blank")


if __name__ == "__main__":
    main()
