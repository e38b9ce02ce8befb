"""Tells Chinese glyphs from missing-glyph marks in a screenshot of the window.

    windows-smoke-glyphs.py SCREEN.png X Y WIDTH HEIGHT

When its font lacks a character, Fyne draws U+FFFD: a filled dark diamond
with a white question mark, and a row of them touches into one dark band.
Real Chinese characters at text size are thin strokes on white. So the
window is cut into connected dark shapes (8-neighbours, grey below 140), and
of the ink in shapes of text height (9 to 48 pixels) the share in dense
shapes (at least 5 pixels wide, ink over 45% of their box) is measured: on
the demo home screen it is 0.29 with WenQuanYi Zen Hei and 0.89 with no
Chinese font in the prefix (msyh.ttc removed); the test fails above 0.6.
It also wants many text-sized shapes (4 to 48 pixels tall, at most 64
wide) of many sizes: a window with text drawn.
ImageMagick's convert crops the window and writes a grey PGM; the rest is
plain Python, as Debian's /usr/bin/python3 has no imaging library. Prints
the figures; exits 1 when they say missing glyphs or an empty window.
"""
import subprocess
import sys

png, x, y, w, h = sys.argv[1], *map(int, sys.argv[2:6])
pgm = subprocess.run(["convert", png, "-crop", f"{w}x{h}+{x}+{y}", "+repage",
                      "-colorspace", "Gray", "-depth", "8", "pgm:-"],
                     check=True, capture_output=True).stdout
# P5 header: magic, width, height, maxval, each followed by whitespace.
fields, pos = [], 0
while len(fields) < 4:
    while pgm[pos:pos + 1].isspace():
        pos += 1
    end = pos
    while not pgm[end:end + 1].isspace():
        end += 1
    fields.append(pgm[pos:end])
    pos = end + 1
W, H = int(fields[1]), int(fields[2])
dark = bytearray(1 if v < 140 else 0 for v in pgm[pos:pos + W * H])

shapes = ink = dense = 0
sizes = set()
seen = bytearray(W * H)
for start in range(W * H):
    if not dark[start] or seen[start]:
        continue
    seen[start] = 1
    stack, n = [start], 0
    x0, x1, y0, y1 = W, -1, H, -1
    while stack:
        p = stack.pop()
        n += 1
        py, px = divmod(p, W)
        x0, x1, y0, y1 = min(x0, px), max(x1, px), min(y0, py), max(y1, py)
        for qy in (py - 1, py, py + 1):
            if 0 <= qy < H:
                for qx in (px - 1, px, px + 1):
                    if 0 <= qx < W:
                        q = qy * W + qx
                        if dark[q] and not seen[q]:
                            seen[q] = 1
                            stack.append(q)
    bw, bh = x1 - x0 + 1, y1 - y0 + 1
    if 9 <= bh <= 48:
        ink += n
        if bw >= 5 and n > 0.45 * bw * bh:
            dense += n
    if 4 <= bh <= 48 and bw <= 64:
        shapes += 1
        sizes.add((bw, bh))

share = dense / ink if ink else 1.0
print(f"{shapes} 个字形大小的图形 glyph-sized shapes, {len(sizes)} 种尺寸 sizes, "
      f"实心图形占墨迹 dense share of ink {share:.2f} (缺字形约 0.9 missing glyphs give about 0.9)")
if shapes < 150 or len(sizes) < 40 or share > 0.6:
    sys.exit(1)
