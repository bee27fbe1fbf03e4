#!/usr/bin/env python3
"""The PNG renditions of the charts: every charts/<id>.png and <id>@2x.png of a built site decodes, has
the size of its SVG (1× and 2×), is not blank, and its text is drawn with a real CJK font: the dark
neutral ink (text and rules) of librsvg's PNG is compared with Chromium's render of the same SVG at
the same size. Missing CJK glyphs (tofu boxes, or nothing) change that ink by far more than the
difference between two rasterisers.

Usage: png_test.py SITE_DIR    (exit 1 on any failure)
"""
import glob
import io
import os
import re
import shutil
import sys

from PIL import Image

SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "Output")
failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def svg_size(path):
    head = open(path, encoding="utf-8").read(2000)
    m = re.search(r'<svg[^>]*\swidth="(\d+)"\s+height="(\d+)"', head)
    return int(m.group(1)), int(m.group(2))


def neutral_ink(image):
    """Pixels of the near-black, grey-ish colours the charts use for text and rules (not the palette)."""
    colours = image.convert("RGB").getcolors(maxcolors=1 << 24) or []
    return sum(n for n, (r, g, b) in colours if max(r, g, b) < 120 and max(r, g, b) - min(r, g, b) < 28)


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--allow-file-access-from-files"]:
        options.add_argument(arg)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def main():
    pngs = sorted(glob.glob(os.path.join(SITE, "**", "charts", "*.png"), recursive=True))
    svgs = sorted(p for p in glob.glob(os.path.join(SITE, "**", "charts", "*.svg"), recursive=True) if not p.endswith("-narrow.svg"))
    if not svgs:
        print("png: no charts in %s" % SITE)
        return 1
    checked = 0
    for svg in svgs:
        width, height = svg_size(svg)
        base = svg[:-4]
        for name, scale in ((base + ".png", 1), (base + "@2x.png", 2)):
            rel = os.path.relpath(name, SITE)
            if name not in pngs:
                fail("%s is missing" % rel)
                continue
            try:
                image = Image.open(name)
                image.load()
            except Exception as e:  # noqa: BLE001 - any decoding error is the failure being tested
                fail("%s does not decode: %s" % (rel, e))
                continue
            checked += 1
            if image.size != (width * scale, height * scale):
                fail("%s is %dx%d, expected %dx%d" % (rel, image.size[0], image.size[1], width * scale, height * scale))
            colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
            non_white = sum(n for n, c in colours if c != (255, 255, 255))
            if non_white < 0.01 * image.size[0] * image.size[1] or len(colours) < 8:
                fail("%s is blank (%d non-white pixels, %d colours)" % (rel, non_white, len(colours)))

    # CJK text: librsvg's ink against Chromium's, on a sample of charts (every kind of chart in a report).
    sample = svgs[:8]
    d = browser()
    try:
        for svg in sample:
            width, height = svg_size(svg)
            d.set_window_size(width + 200, height + 300)
            d.get("file://" + svg)
            shot = Image.open(io.BytesIO(d.find_element("css selector", "svg").screenshot_as_png))
            shot = shot.crop((0, 0, width, height))
            ours = Image.open(svg[:-4] + ".png")
            a, b = neutral_ink(ours), neutral_ink(shot)
            rel = os.path.relpath(svg, SITE)
            ratio = a / b if b else 0
            print("  %s: ink librsvg %d, Chromium %d (%.2f)" % (rel, a, b, ratio))
            if not 0.75 <= ratio <= 1.33:
                fail("%s: the PNG's text ink differs from Chromium's render (%d vs %d): a CJK font is missing?" % (rel, a, b))
    finally:
        d.quit()
    print("png: %d PNGs checked, %d charts compared with Chromium, %d failures" % (checked, len(sample), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
