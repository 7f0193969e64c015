#!/usr/bin/env python3
"""Draws Trame's pictograms for the easy-to-read companions, as SVG and as PNG (the raster
fallback of formats that cannot draw SVG), from one list of simple shapes.

The pictograms are drawn for Trame and dedicated to the public domain (CC0 1.0): see
Templates/_pictogrammes/LICENCE.md. Run from the repository root (needs numpy):

    python3 Scripts/pictograms.py

Each pictogram is a 64 x 64 grid of shapes: rect, circle, polygon, polyline (with stroke width).
The PNG is 128 x 128, antialiased by 4 x 4 supersampling.
"""
import os
import struct
import zlib

import numpy as np

INK = "#1a1a1a"
BLUE = "#2b6cb0"
GREEN = "#2f855a"
RED = "#c53030"
GOLD = "#d69e2e"
WHITE = "#ffffff"

# name: (title, [shapes]); a shape is (kind, geometry..., fill, stroke, stroke_width)
PICTOGRAMS = {
    "logement": ("Une maison", [
        ("polygon", [(14, 30), (32, 14), (50, 30), (50, 56), (14, 56)], WHITE, INK, 4),
        ("polyline", [(8, 32), (32, 10), (56, 32)], None, INK, 4),
        ("rect", 27, 40, 10, 16, BLUE, None, 0),
    ]),
    "argent": ("Des pièces en euros", [
        ("circle", 26, 36, 18, GOLD, INK, 3.5),
        ("polyline", [(32, 28), (26, 26), (21, 30), (20, 36), (21, 42), (26, 46), (32, 44)], None, INK, 3.5),
        ("polyline", [(16, 34), (28, 34)], None, INK, 3),
        ("polyline", [(16, 39), (28, 39)], None, INK, 3),
        ("circle", 46, 22, 12, GOLD, INK, 3.5),
    ]),
    "calendrier": ("Un calendrier", [
        ("rect", 10, 14, 44, 40, WHITE, INK, 4),
        ("rect", 10, 14, 44, 10, RED, INK, 4),
        ("polyline", [(22, 8), (22, 18)], None, INK, 4),
        ("polyline", [(42, 8), (42, 18)], None, INK, 4),
        ("rect", 18, 30, 8, 6, INK, None, 0),
        ("rect", 30, 30, 8, 6, INK, None, 0),
        ("rect", 42, 30, 6, 6, INK, None, 0),
        ("rect", 18, 42, 8, 6, INK, None, 0),
        ("rect", 30, 42, 8, 6, BLUE, None, 0),
    ]),
    "telephone": ("Un téléphone", [
        ("rect", 20, 6, 24, 52, WHITE, INK, 4),
        ("rect", 24, 12, 16, 32, BLUE, None, 0),
        ("circle", 32, 51, 3, INK, None, 0),
    ]),
    "aide": ("Deux personnes côte à côte", [
        ("circle", 22, 20, 8, WHITE, INK, 4),
        ("polygon", [(8, 56), (10, 38), (22, 32), (34, 38), (36, 56)], BLUE, INK, 4),
        ("circle", 44, 22, 7, WHITE, INK, 4),
        ("polygon", [(32, 56), (34, 40), (44, 35), (54, 40), (56, 56)], GREEN, INK, 4),
    ]),
    "signer": ("Une feuille et un stylo", [
        ("polygon", [(12, 6), (40, 6), (48, 14), (48, 58), (12, 58)], WHITE, INK, 4),
        ("polyline", [(18, 20), (40, 20)], None, INK, 3),
        ("polyline", [(18, 30), (40, 30)], None, INK, 3),
        ("polyline", [(18, 48), (24, 42), (28, 48), (34, 42)], None, BLUE, 3),
        ("polygon", [(50, 24), (58, 32), (40, 50), (32, 52), (34, 44)], GOLD, INK, 3),
    ]),
    "cle": ("Une clé", [
        ("circle", 20, 24, 12, WHITE, INK, 5),
        ("polyline", [(29, 32), (54, 56)], None, INK, 5),
        ("polyline", [(44, 46), (50, 40)], None, INK, 5),
        ("polyline", [(50, 52), (56, 46)], None, INK, 5),
    ]),
    "reussite": ("Une coche dans un rond", [
        ("circle", 32, 32, 24, GREEN, INK, 4),
        ("polyline", [(20, 33), (29, 42), (45, 24)], None, WHITE, 6),
    ]),
    "objectif": ("Une cible", [
        ("circle", 32, 32, 24, WHITE, INK, 4),
        ("circle", 32, 32, 15, RED, INK, 4),
        ("circle", 32, 32, 6, WHITE, INK, 4),
    ]),
    "informations": ("Un cadenas", [
        ("polyline", [(22, 30), (22, 20), (26, 12), (32, 10), (38, 12), (42, 20), (42, 30)], None, INK, 5),
        ("rect", 14, 28, 36, 28, BLUE, INK, 4),
        ("circle", 32, 40, 4, WHITE, None, 0),
        ("rect", 30, 40, 4, 9, WHITE, None, 0),
    ]),
    "renouveler": ("Deux flèches en cercle", [
        ("polyline", [(14, 30), (18, 20), (26, 13), (36, 12), (46, 17)], None, GREEN, 5),
        ("polygon", [(42, 9), (54, 17), (42, 24)], GREEN, None, 0),
        ("polyline", [(50, 34), (46, 44), (38, 51), (28, 52), (18, 47)], None, BLUE, 5),
        ("polygon", [(22, 40), (10, 47), (22, 55)], BLUE, None, 0),
    ]),
    "mot": ("Un livre ouvert", [
        ("polygon", [(6, 14), (30, 18), (30, 56), (6, 52)], WHITE, INK, 4),
        ("polygon", [(58, 14), (34, 18), (34, 56), (58, 52)], WHITE, INK, 4),
        ("polyline", [(12, 26), (24, 28)], None, BLUE, 3),
        ("polyline", [(12, 36), (24, 38)], None, BLUE, 3),
        ("polyline", [(40, 28), (52, 26)], None, BLUE, 3),
    ]),
    "non": ("Une main levée qui dit stop", [
        ("circle", 32, 32, 25, RED, INK, 4),
        ("rect", 18, 28, 28, 8, WHITE, None, 0),
    ]),
    "fin": ("Une porte ouverte et une flèche", [
        ("rect", 10, 8, 26, 50, WHITE, INK, 4),
        ("polygon", [(10, 8), (26, 14), (26, 62), (10, 58)], BLUE, INK, 3),
        ("polyline", [(34, 34), (54, 34)], None, GREEN, 5),
        ("polygon", [(50, 26), (60, 34), (50, 42)], GREEN, None, 0),
    ]),
    "reparation": ("Une clé à molette", [
        ("polyline", [(18, 46), (40, 24)], None, INK, 8),
        ("circle", 44, 20, 10, WHITE, INK, 5),
        ("rect", 44, 8, 8, 10, WHITE, None, 0),
        ("circle", 16, 48, 5, GOLD, INK, 3),
    ]),
    "parole": ("Une bulle de parole", [
        ("polygon", [(8, 10), (56, 10), (56, 42), (30, 42), (16, 56), (18, 42), (8, 42)], WHITE, INK, 4),
        ("circle", 20, 26, 4, BLUE, None, 0),
        ("circle", 32, 26, 4, BLUE, None, 0),
        ("circle", 44, 26, 4, BLUE, None, 0),
    ]),
    "assurance": ("Un bouclier", [
        ("polygon", [(32, 6), (54, 14), (52, 36), (32, 58), (12, 36), (10, 14)], BLUE, INK, 4),
        ("polyline", [(22, 32), (30, 40), (43, 24)], None, WHITE, 5),
    ]),
    "lire": ("Deux personnes lisent une feuille", [
        ("polygon", [(20, 20), (44, 20), (44, 50), (20, 50)], WHITE, INK, 4),
        ("polyline", [(25, 29), (39, 29)], None, INK, 3),
        ("polyline", [(25, 37), (39, 37)], None, INK, 3),
        ("circle", 10, 30, 6, BLUE, INK, 3),
        ("circle", 54, 30, 6, GREEN, INK, 3),
    ]),
}


def rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def svg(name, title, shapes):
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img" aria-label="{title}">',
             f"<title>{title}</title>"]
    for shape in shapes:
        kind = shape[0]
        fill, stroke, width = shape[-3], shape[-2], shape[-1]
        paint = f'fill="{fill or "none"}"' + (f' stroke="{stroke}" stroke-width="{width}" stroke-linejoin="round" stroke-linecap="round"' if stroke else "")
        if kind == "rect":
            _, x, y, w, h = shape[:5]
            parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" {paint}/>')
        elif kind == "circle":
            _, cx, cy, r = shape[:4]
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" {paint}/>')
        else:
            points = " ".join(f"{x},{y}" for x, y in shape[1])
            tag = "polygon" if kind == "polygon" else "polyline"
            parts.append(f'<{tag} points="{points}" {paint}/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def segment_distance(px, py, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / length if length else 0, 0, 1)
    return np.hypot(px - (ax + t * dx), py - (ay + t * dy))


def inside_polygon(px, py, points):
    inside = np.zeros(px.shape, dtype=bool)
    n = len(points)
    for i in range(n):
        (x1, y1), (x2, y2) = points[i], points[(i + 1) % n]
        crosses = ((y1 > py) != (y2 > py)) & (px < (x2 - x1) * (py - y1) / ((y2 - y1) or 1e-9) + x1)
        inside ^= crosses
    return inside


def raster(shapes, size=128, oversample=4):
    n = size * oversample
    scale = 64 / n
    ys, xs = np.mgrid[0:n, 0:n]
    px, py = (xs + 0.5) * scale, (ys + 0.5) * scale
    image = np.zeros((n, n, 4), dtype=float)

    def paint(mask, colour):
        r, g, b = rgb(colour)
        image[mask] = (r, g, b, 255)

    for shape in shapes:
        kind = shape[0]
        fill, stroke, width = shape[-3], shape[-2], shape[-1]
        if kind == "rect":
            _, x, y, w, h = shape[:5]
            points = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
            closed = True
        elif kind == "circle":
            _, cx, cy, r = shape[:4]
            d = np.hypot(px - cx, py - cy)
            if fill:
                paint(d <= r, fill)
            if stroke:
                paint(np.abs(d - r) <= width / 2, stroke)
            continue
        else:
            points = shape[1]
            closed = kind == "polygon"
        if fill and closed:
            paint(inside_polygon(px, py, points), fill)
        if stroke:
            mask = np.zeros(px.shape, dtype=bool)
            pairs = list(zip(points, points[1:] + (points[:1] if closed else [])))
            for a, b in pairs:
                mask |= segment_distance(px, py, a, b) <= width / 2
            paint(mask, stroke)
    small = image.reshape(size, oversample, size, oversample, 4).mean(axis=(1, 3))
    # Premultiplied average back to straight alpha.
    alpha = small[..., 3:4]
    colour = np.where(alpha > 0, small[..., :3] * 255 / np.maximum(alpha, 1e-9), 0)
    out = np.concatenate([colour, alpha], axis=2).round().clip(0, 255).astype(np.uint8)
    return out


def png(pixels):
    height, width, _ = pixels.shape
    raw = b"".join(b"\x00" + pixels[y].tobytes() for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    folder = os.path.join("Templates", "_pictogrammes")
    os.makedirs(folder, exist_ok=True)
    for name, (title, shapes) in PICTOGRAMS.items():
        with open(os.path.join(folder, f"{name}.svg"), "w", encoding="utf-8") as f:
            f.write(svg(name, title, shapes))
        # Colour premultiplication: multiply colour by alpha before averaging.
        with open(os.path.join(folder, f"{name}.png"), "wb") as f:
            f.write(png(raster(shapes)))
        print(f"{name}: {title}")


if __name__ == "__main__":
    main()
