#!/usr/bin/env python3
"""Draws the fictitious partners' logos of the demo convention (Conventions/metz-jury-2018/logos/),
as SVG with their PNG fallback, with the shapes and rasteriser of Scripts/pictograms.py.

These logos belong to no real organisation: they are simple shapes drawn for Trame's fictitious
sample partners and dedicated to the public domain (CC0 1.0), see logos/LICENCE.md. Run from the
repository root: python3 Scripts/logos.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import pictograms as p  # noqa: E402

NAVY, TEAL, ORANGE, PLUM, SLATE = "#1f3a68", "#1d7f74", "#d9772b", "#7b3f8c", "#4a5568"

# Square logos on the 64 x 64 grid of the pictograms, rasterised at 256 px (about 430 dpi at 1,5 cm).
LOGOS = {
    "ch-jury": ("Logo fictif du centre hospitalier", [
        ("circle", 32, 32, 28, NAVY, None, 0),
        ("rect", 26, 14, 12, 36, p.WHITE, None, 0),
        ("rect", 14, 26, 36, 12, p.WHITE, None, 0),
    ]),
    "association": ("Logo fictif de l'association", [
        ("circle", 32, 32, 28, TEAL, None, 0),
        ("polygon", [(16, 34), (32, 18), (48, 34), (48, 48), (16, 48)], p.WHITE, None, 0),
        ("rect", 28, 38, 8, 10, TEAL, None, 0),
    ]),
    "bailleur-exemple-1": ("Logo fictif du premier bailleur", [
        ("rect", 6, 6, 52, 52, ORANGE, None, 0),
        ("rect", 14, 20, 14, 32, p.WHITE, None, 0),
        ("rect", 34, 12, 16, 40, p.WHITE, None, 0),
        ("rect", 38, 18, 8, 6, ORANGE, None, 0),
        ("rect", 38, 30, 8, 6, ORANGE, None, 0),
        ("rect", 18, 28, 6, 6, ORANGE, None, 0),
    ]),
    "bailleur-exemple-2": ("Logo fictif du second bailleur", [
        ("polygon", [(32, 4), (60, 32), (32, 60), (4, 32)], PLUM, None, 0),
        ("rect", 22, 24, 20, 18, p.WHITE, None, 0),
        ("polyline", [(18, 26), (32, 14), (46, 26)], None, p.WHITE, 4),
    ]),
    "siao": ("Logo fictif du SIAO", [
        ("circle", 32, 32, 28, SLATE, None, 0),
        ("circle", 22, 28, 7, p.WHITE, None, 0),
        ("circle", 42, 28, 7, p.WHITE, None, 0),
        ("polyline", [(16, 46), (32, 40), (48, 46)], None, p.WHITE, 4),
    ]),
}


def main():
    folder = os.path.join("Conventions", "metz-jury-2018", "logos")
    os.makedirs(folder, exist_ok=True)
    for name, (title, shapes) in LOGOS.items():
        with open(os.path.join(folder, f"{name}.svg"), "w", encoding="utf-8") as f:
            f.write(p.svg(name, title, shapes))
        with open(os.path.join(folder, f"{name}.png"), "wb") as f:
            f.write(p.png(p.raster(shapes, size=256)))
        print(f"{name}: {title}")


if __name__ == "__main__":
    main()
