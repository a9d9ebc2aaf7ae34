"""Simple drawn pictures for the demo catalogue: a coloured background, an icon, a short word.

Pure Pillow, no database and no randomness of its own: the same arguments always give the
same PNG bytes. Each resource category has its colour and its icon (drawn with a few
shapes); ``variant`` changes the layout (0: the cover, 1 and 2: "other views").
The words are drawn with Pillow's bundled font, which has no accented letters: they
must be plain ASCII ("REUNION", not "RÉUNION").
"""

from __future__ import annotations

import colorsys
import math
import random
from collections.abc import Callable
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

SIZE = (640, 480)  # 4:3 like the thumbnails (400 × 300): nothing is cropped away

# Hue (0–1), saturation and lightness of each category's background.
CATEGORY_COLOURS: dict[str, tuple[float, float, float]] = {
    "fabrication-numerique": (0.58, 0.55, 0.42), "audiovisuel": (0.75, 0.40, 0.42),
    "informatique": (0.53, 0.60, 0.38), "outillage": (0.07, 0.65, 0.45), "mobilier": (0.10, 0.35, 0.50),
    "jardin": (0.30, 0.45, 0.40), "cuisine": (0.02, 0.55, 0.50), "evenementiel": (0.90, 0.50, 0.48),
    "salle-de-reunion": (0.62, 0.35, 0.45), "atelier": (0.05, 0.40, 0.40),
    "salle-polyvalente": (0.82, 0.35, 0.42), "bureau": (0.55, 0.25, 0.42), "exterieur": (0.36, 0.50, 0.42),
    "guide": (0.12, 0.60, 0.45), "kit-de-formation": (0.47, 0.55, 0.36), "modele": (0.64, 0.30, 0.38),
    "competence": (0.14, 0.70, 0.45), "contact": (0.95, 0.40, 0.45),
}

Colour = tuple[int, int, int]
Point = tuple[float, float]


def draw_picture(category: str, word: str, variant: int, shade: str) -> bytes:
    """A PNG picture for a resource of ``category``; ``shade`` (any string) nudges its colours."""
    if not word.isascii():
        raise ValueError(f"the demo font has no accents: {word!r}")
    tweak = random.Random(f"{category}:{word}:{variant}:{shade}")
    hue, saturation, lightness = CATEGORY_COLOURS[category]
    hue = (hue + tweak.uniform(-0.03, 0.03)) % 1.0
    lightness = min(max(lightness + tweak.uniform(-0.06, 0.06), 0.25), 0.6)
    background = _rgb(hue, lightness, saturation)
    light = _rgb(hue, min(lightness + 0.28, 0.92), saturation * 0.6)
    dark = _rgb(hue, lightness * 0.45, saturation)
    accent = _rgb((hue + 0.5) % 1.0, 0.62, 0.75)

    image = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    k = width / 800  # the layout below is drawn for 800 × 600 and scaled
    if variant == 0:
        draw.rectangle((0, height * 0.72, width, height), fill=dark)
        _icon(draw, category, (width / 2, height * 0.38), 150 * k, light, accent, dark)
        _label(draw, word, (width / 2, height * 0.86), round(64 * k), light, round(700 * k))
    elif variant == 1:
        step = 60 * k
        offset = -height
        while offset < width:
            draw.polygon([(offset, height), (offset + step / 2, height), (offset + step / 2 + height, 0),
                          (offset + height, 0)], fill=_mix(background, light, 0.12))
            offset += step
        draw.ellipse((80 * k, 90 * k, 500 * k, 510 * k), fill=_mix(background, light, 0.3))
        _icon(draw, category, (290 * k, 300 * k), 140 * k, dark, accent, light)
        _label(draw, word, (640 * k, 300 * k), round(44 * k), light, round(270 * k))
    else:
        for row in range(8):
            for column in range(11):
                x, y = (40 + column * 72) * k, (40 + row * 75) * k
                draw.ellipse((x - 5 * k, y - 5 * k, x + 5 * k, y + 5 * k), fill=_mix(background, dark, 0.35))
        draw.rounded_rectangle((170 * k, 60 * k, 630 * k, 540 * k), radius=40 * k, fill=light)
        _icon(draw, category, (400 * k, 300 * k), 170 * k, dark, accent, light)
    out = BytesIO()
    image.save(out, "PNG", compress_level=1)  # re-encoded to WebP by the photo store anyway
    return out.getvalue()


def _rgb(hue: float, lightness: float, saturation: float) -> Colour:
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
    return round(red * 255), round(green * 255), round(blue * 255)


def _mix(first: Colour, second: Colour, share: float) -> Colour:
    return tuple(round(a + (b - a) * share) for a, b in zip(first, second))  # type: ignore[return-value]


def _label(draw: ImageDraw.ImageDraw, word: str, centre: Point, size: int, colour: Colour,
           max_width: int) -> None:
    font = ImageFont.load_default(size=size)
    while size > 16 and draw.textlength(word, font=font) > max_width:
        size -= 2
        font = ImageFont.load_default(size=size)
    draw.text(centre, word, font=font, fill=colour, anchor="mm")


def _rotated(points: list[Point], centre: Point, degrees: float) -> list[Point]:
    angle = math.radians(degrees)
    cos, sin = math.cos(angle), math.sin(angle)
    cx, cy = centre
    return [(cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos) for x, y in points]


def _box(cx: float, cy: float, half_width: float, half_height: float) -> list[Point]:
    return [(cx - half_width, cy - half_height), (cx + half_width, cy - half_height),
            (cx + half_width, cy + half_height), (cx - half_width, cy + half_height)]


# -- Icons: each draws in the square of half-side ``s`` around (cx, cy) -----------------------

Icon = Callable[[ImageDraw.ImageDraw, float, float, float, Colour, Colour, Colour], None]


def _printer(d, cx, cy, s, ink, accent, back):
    d.rectangle((cx - s, cy - s, cx + s, cy + s), outline=ink, width=int(s / 8))
    d.rectangle((cx - s, cy - s * 0.45, cx + s, cy - s * 0.3), fill=ink)
    d.polygon([(cx - s * 0.15, cy - s * 0.3), (cx + s * 0.15, cy - s * 0.3), (cx, cy - s * 0.05)], fill=accent)
    d.rectangle((cx - s * 0.7, cy + s * 0.7, cx + s * 0.7, cy + s * 0.8), fill=ink)
    d.polygon([(cx - s * 0.3, cy + s * 0.7), (cx + s * 0.3, cy + s * 0.7), (cx + s * 0.2, cy + s * 0.2),
               (cx - s * 0.2, cy + s * 0.2)], fill=accent)


def _camera(d, cx, cy, s, ink, accent, back):
    d.rounded_rectangle((cx - s, cy - s * 0.55, cx + s * 0.45, cy + s * 0.6), radius=s * 0.15, fill=ink)
    d.polygon([(cx + s * 0.45, cy), (cx + s, cy - s * 0.45), (cx + s, cy + s * 0.5)], fill=ink)
    d.ellipse((cx - s * 0.6, cy - s * 0.35, cx + s * 0.1, cy + s * 0.35), fill=accent)
    d.ellipse((cx - s * 0.4, cy - s * 0.15, cx - s * 0.1, cy + s * 0.15), fill=back)
    d.ellipse((cx - s * 0.95, cy - s * 0.95, cx - s * 0.45, cy - s * 0.55), fill=ink)
    d.ellipse((cx - s * 0.35, cy - s * 1.0, cx + s * 0.2, cy - s * 0.55), fill=ink)


def _laptop(d, cx, cy, s, ink, accent, back):
    d.rounded_rectangle((cx - s * 0.8, cy - s * 0.8, cx + s * 0.8, cy + s * 0.35), radius=s * 0.08, fill=ink)
    d.rectangle((cx - s * 0.68, cy - s * 0.68, cx + s * 0.68, cy + s * 0.23), fill=accent)
    d.polygon([(cx - s * 0.95, cy + s * 0.45), (cx + s * 0.95, cy + s * 0.45), (cx + s * 1.05, cy + s * 0.62),
               (cx - s * 1.05, cy + s * 0.62)], fill=ink)
    for row in range(3):
        y = cy - s * 0.5 + row * s * 0.22
        d.rectangle((cx - s * 0.5, y, cx + s * (0.4 - row * 0.15), y + s * 0.08), fill=back)


def _tools(d, cx, cy, s, ink, accent, back):
    handle = _rotated(_box(cx, cy + s * 0.2, s * 0.09, s * 0.8), (cx, cy), 35)
    head = _rotated(_box(cx, cy - s * 0.65, s * 0.4, s * 0.15), (cx, cy), 35)
    d.polygon(handle, fill=accent)
    d.polygon(head, fill=ink)
    shaft = _rotated(_box(cx, cy - s * 0.1, s * 0.05, s * 0.75), (cx, cy), -35)
    grip = _rotated(_box(cx, cy + s * 0.6, s * 0.13, s * 0.3), (cx, cy), -35)
    d.polygon(shaft, fill=ink)
    d.polygon(grip, fill=accent)


def _chair(d, cx, cy, s, ink, accent, back):
    w = s / 9
    d.rectangle((cx - s * 0.55, cy - s, cx - s * 0.55 + w, cy + s), fill=ink)
    d.rectangle((cx - s * 0.55, cy - s, cx + s * 0.1, cy - s * 0.25), fill=accent)
    d.rectangle((cx - s * 0.55, cy, cx + s * 0.6, cy + w), fill=ink)
    d.rectangle((cx + s * 0.6 - w, cy, cx + s * 0.6, cy + s), fill=ink)
    d.rectangle((cx - s * 0.1, cy + w, cx - s * 0.1 + w, cy + s), fill=ink)


def _plant(d, cx, cy, s, ink, accent, back):
    d.polygon([(cx - s * 0.5, cy + s * 0.3), (cx + s * 0.5, cy + s * 0.3), (cx + s * 0.35, cy + s),
               (cx - s * 0.35, cy + s)], fill=accent)
    d.line((cx, cy + s * 0.3, cx, cy - s * 0.6), fill=ink, width=int(s / 12))
    leaf = [(0.0, 0.0), (0.25, -0.2), (0.7, -0.25), (0.45, 0.05)]
    for side, lift in ((1, 0.0), (-1, -0.35), (1, -0.6)):
        d.polygon([(cx + side * x * s, cy + (y + lift) * s) for x, y in leaf], fill=ink)


def _pot(d, cx, cy, s, ink, accent, back):
    d.rounded_rectangle((cx - s * 0.75, cy - s * 0.2, cx + s * 0.75, cy + s * 0.8), radius=s * 0.15, fill=ink)
    d.rectangle((cx - s, cy - s * 0.1, cx - s * 0.75, cy + s * 0.05), fill=ink)
    d.rectangle((cx + s * 0.75, cy - s * 0.1, cx + s, cy + s * 0.05), fill=ink)
    d.ellipse((cx - s * 0.85, cy - s * 0.38, cx + s * 0.85, cy - s * 0.12), fill=accent)
    for offset in (-0.4, 0.0, 0.4):
        x = cx + offset * s
        d.arc((x - s * 0.12, cy - s * 1.0, x + s * 0.12, cy - s * 0.7), 90, 270, fill=ink, width=int(s / 18))
        d.arc((x - s * 0.12, cy - s * 0.75, x + s * 0.12, cy - s * 0.45), 270, 90, fill=ink, width=int(s / 18))


def _tent(d, cx, cy, s, ink, accent, back):
    d.polygon([(cx - s, cy - s * 0.1), (cx, cy - s * 0.75), (cx + s, cy - s * 0.1)], fill=accent)
    d.rectangle((cx - s * 0.9, cy - s * 0.1, cx + s * 0.9, cy + s * 0.05), fill=ink)
    for x in (cx - s * 0.85, cx + s * 0.8):
        d.rectangle((x, cy, x + s * 0.06, cy + s * 0.9), fill=ink)
    d.line((cx - s, cy - s * 0.95, cx + s, cy - s * 0.95), fill=ink, width=3)
    for index in range(7):
        x = cx - s * 0.9 + index * s * 0.3
        d.polygon([(x, cy - s * 0.95), (x + s * 0.2, cy - s * 0.95), (x + s * 0.1, cy - s * 0.78)],
                  fill=accent if index % 2 else ink)


def _table(d, cx, cy, s, ink, accent, back):
    d.rounded_rectangle((cx - s * 0.7, cy - s * 0.35, cx + s * 0.7, cy + s * 0.35), radius=s * 0.15, fill=accent)
    r = s * 0.14
    for x in (-0.45, 0.0, 0.45):
        for y in (-0.6, 0.6):
            d.ellipse((cx + x * s - r, cy + y * s - r, cx + x * s + r, cy + y * s + r), fill=ink)
    for x in (-0.95, 0.95):
        d.ellipse((cx + x * s - r, cy - r, cx + x * s + r, cy + r), fill=ink)


def _bench(d, cx, cy, s, ink, accent, back):
    d.rectangle((cx - s, cy - s * 0.1, cx + s, cy + s * 0.08), fill=accent)
    for x in (-0.85, 0.75):
        d.rectangle((cx + x * s, cy + s * 0.08, cx + (x + 0.1) * s, cy + s * 0.9), fill=ink)
    d.rectangle((cx - s * 0.85, cy + s * 0.55, cx + s * 0.85, cy + s * 0.62), fill=ink)
    d.rectangle((cx + s * 0.3, cy - s * 0.4, cx + s * 0.65, cy - s * 0.1), fill=ink)
    d.polygon([(cx - s * 0.8, cy - s * 0.1), (cx - s * 0.2, cy - s * 0.1), (cx - s * 0.3, cy - s * 0.5),
               (cx - s * 0.7, cy - s * 0.5)], fill=ink)


def _hall(d, cx, cy, s, ink, accent, back):
    d.rectangle((cx - s, cy - s, cx + s, cy - s * 0.6), fill=accent)
    for row in range(4):
        for column in range(6):
            x = cx - s * 0.9 + column * s * 0.34
            y = cy - s * 0.35 + row * s * 0.35
            d.rounded_rectangle((x, y, x + s * 0.22, y + s * 0.2), radius=s * 0.04, fill=ink)


def _desk(d, cx, cy, s, ink, accent, back):
    d.rectangle((cx - s, cy + s * 0.2, cx + s, cy + s * 0.32), fill=ink)
    d.rectangle((cx - s * 0.9, cy + s * 0.32, cx - s * 0.8, cy + s), fill=ink)
    d.rectangle((cx + s * 0.8, cy + s * 0.32, cx + s * 0.9, cy + s), fill=ink)
    d.rectangle((cx - s * 0.5, cy - s * 0.6, cx + s * 0.3, cy - s * 0.05), fill=ink)
    d.rectangle((cx - s * 0.43, cy - s * 0.53, cx + s * 0.23, cy - s * 0.12), fill=accent)
    d.rectangle((cx - s * 0.15, cy - s * 0.05, cx - s * 0.05, cy + s * 0.2), fill=ink)
    d.line((cx + s * 0.7, cy + s * 0.2, cx + s * 0.55, cy - s * 0.35, cx + s * 0.8, cy - s * 0.6), fill=ink,
           width=int(s / 16))
    d.pieslice((cx + s * 0.6, cy - s * 0.8, cx + s * 1.05, cy - s * 0.35), 180, 360, fill=accent)


def _tree(d, cx, cy, s, ink, accent, back):
    d.ellipse((cx + s * 0.35, cy - s, cx + s * 0.95, cy - s * 0.4), fill=accent)
    for degrees in range(0, 360, 45):
        angle = math.radians(degrees)
        x, y = cx + s * 0.65, cy - s * 0.7
        d.line((x + math.cos(angle) * s * 0.38, y + math.sin(angle) * s * 0.38,
                x + math.cos(angle) * s * 0.5, y + math.sin(angle) * s * 0.5), fill=accent, width=int(s / 18))
    d.rectangle((cx - s * 0.38, cy + s * 0.1, cx - s * 0.22, cy + s * 0.9), fill=ink)
    d.ellipse((cx - s * 0.95, cy - s * 0.7, cx + s * 0.35, cy + s * 0.3), fill=ink)
    d.rectangle((cx - s, cy + s * 0.88, cx + s, cy + s * 0.95), fill=ink)


def _book(d, cx, cy, s, ink, accent, back):
    d.polygon([(cx, cy - s * 0.55), (cx - s, cy - s * 0.75), (cx - s, cy + s * 0.65), (cx, cy + s * 0.85)], fill=ink)
    d.polygon([(cx, cy - s * 0.55), (cx + s, cy - s * 0.75), (cx + s, cy + s * 0.65), (cx, cy + s * 0.85)], fill=ink)
    d.polygon([(cx - s * 0.05, cy - s * 0.48), (cx - s * 0.9, cy - s * 0.65), (cx - s * 0.9, cy + s * 0.55),
               (cx - s * 0.05, cy + s * 0.72)], fill=accent)
    for row in range(5):
        y = cy - s * 0.35 + row * s * 0.2
        d.line((cx + s * 0.15, y, cx + s * 0.8, y - s * 0.12), fill=back, width=int(s / 20))


def _kit(d, cx, cy, s, ink, accent, back):
    d.polygon([(cx - s * 0.8, cy - s * 0.2), (cx, cy - s * 0.55), (cx + s * 0.8, cy - s * 0.2), (cx, cy + s * 0.15)],
              fill=accent)
    d.polygon([(cx - s * 0.8, cy - s * 0.2), (cx, cy + s * 0.15), (cx, cy + s * 0.95), (cx - s * 0.8, cy + s * 0.6)],
              fill=ink)
    d.polygon([(cx + s * 0.8, cy - s * 0.2), (cx, cy + s * 0.15), (cx, cy + s * 0.95), (cx + s * 0.8, cy + s * 0.6)],
              fill=_mix(ink, back, 0.3))
    star = []
    for index in range(10):
        radius = s * (0.32 if index % 2 == 0 else 0.13)
        angle = math.radians(-90 + index * 36)
        star.append((cx + s * 0.55 + math.cos(angle) * radius, cy - s * 0.75 + math.sin(angle) * radius))
    d.polygon(star, fill=accent)


def _document(d, cx, cy, s, ink, accent, back):
    d.polygon([(cx - s * 0.65, cy - s), (cx + s * 0.35, cy - s), (cx + s * 0.65, cy - s * 0.7),
               (cx + s * 0.65, cy + s), (cx - s * 0.65, cy + s)], fill=ink)
    d.polygon([(cx + s * 0.35, cy - s), (cx + s * 0.35, cy - s * 0.7), (cx + s * 0.65, cy - s * 0.7)], fill=accent)
    for row in range(6):
        y = cy - s * 0.6 + row * s * 0.2
        d.rectangle((cx - s * 0.45, y, cx + s * (0.45 if row % 3 else 0.1), y + s * 0.07), fill=back)
    d.line((cx - s * 0.4, cy + s * 0.75, cx - s * 0.2, cy + s * 0.6, cx, cy + s * 0.8, cx + s * 0.3, cy + s * 0.62),
           fill=accent, width=int(s / 16))


def _bulb(d, cx, cy, s, ink, accent, back):
    d.ellipse((cx - s * 0.55, cy - s * 0.85, cx + s * 0.55, cy + s * 0.25), fill=accent)
    d.rectangle((cx - s * 0.28, cy + s * 0.15, cx + s * 0.28, cy + s * 0.45), fill=accent)
    for row in range(3):
        y = cy + s * 0.5 + row * s * 0.15
        d.rounded_rectangle((cx - s * 0.3, y, cx + s * 0.3, y + s * 0.1), radius=s * 0.04, fill=ink)
    for degrees in (-150, -120, -90, -60, -30):
        angle = math.radians(degrees)
        x, y = cx, cy - s * 0.3
        d.line((x + math.cos(angle) * s * 0.72, y + math.sin(angle) * s * 0.72,
                x + math.cos(angle) * s * 0.95, y + math.sin(angle) * s * 0.95), fill=ink, width=int(s / 14))


def _bubbles(d, cx, cy, s, ink, accent, back):
    d.rounded_rectangle((cx - s, cy - s * 0.9, cx + s * 0.3, cy - s * 0.05), radius=s * 0.2, fill=ink)
    d.polygon([(cx - s * 0.7, cy - s * 0.1), (cx - s * 0.75, cy + s * 0.2), (cx - s * 0.45, cy - s * 0.1)], fill=ink)
    d.rounded_rectangle((cx - s * 0.3, cy + s * 0.05, cx + s, cy + s * 0.8), radius=s * 0.2, fill=accent)
    d.polygon([(cx + s * 0.6, cy + s * 0.75), (cx + s * 0.75, cy + s * 1.0), (cx + s * 0.4, cy + s * 0.75)],
              fill=accent)
    for index in range(3):
        x = cx - s * 0.65 + index * s * 0.3
        d.ellipse((x - s * 0.07, cy - s * 0.55, x + s * 0.07, cy - s * 0.41), fill=back)


ICONS: dict[str, Icon] = {
    "fabrication-numerique": _printer, "audiovisuel": _camera, "informatique": _laptop, "outillage": _tools,
    "mobilier": _chair, "jardin": _plant, "cuisine": _pot, "evenementiel": _tent,
    "salle-de-reunion": _table, "atelier": _bench, "salle-polyvalente": _hall, "bureau": _desk,
    "exterieur": _tree, "guide": _book, "kit-de-formation": _kit, "modele": _document, "competence": _bulb,
    "contact": _bubbles,
}


def _icon(draw: ImageDraw.ImageDraw, category: str, centre: Point, size: float, ink: Colour, accent: Colour,
          back: Colour) -> None:
    ICONS[category](draw, centre[0], centre[1], size, ink, accent, back)
