#!/usr/bin/env python3
"""Makes the Linux window's typeface, assets/fonts/YardstickSans-{Regular,Bold}.woff2.

Liberation Sans 2.1.5 (Debian's fonts-liberation2, SIL Open Font License 1.1) cut down to the
characters Yardstick's screens and British and Irish names use. On Linux the window registers
these from bytes before the page is parsed (src-tauri/src/window_fonts.rs), so drawing text
never asks fontconfig to match a system font for each new size, which cost start-up more than
drawing the page did (issue #14). A character outside the subset is drawn from the system's
own Liberation Sans, the next family in the stack, so nothing is lost.

The OFL reserves the name "Liberation" (and "Arimo", the design it is based on) for the
unmodified fonts, and a subset is a modified font, so the subset is renamed "Yardstick Sans".
Copyright, licence and designer entries are kept.

The output is committed; rerun only to change the character set:
    apt-get download fonts-liberation2 && dpkg-deb -x fonts-liberation2_*.deb liberation2
    pip install fonttools brotli
    scripts/make-ui-fonts.py liberation2/usr/share/fonts/truetype/liberation2
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Yardstick Sans"

# Basic Latin, Latin-1 and Latin Extended-A (British, Irish and most European names); the
# Romanian commas below; spacing accents; Welsh ẁ ẃ ẅ ỳ; general punctuation (dashes, curly
# quotes, ellipsis, bullets); the euro and trade mark signs; arrows; minus, not equal, less
# than or equal and greater than or equal; the black circle; the fi and fl ligatures.
UNICODES = (
    "U+0000-017F,U+0218-021B,U+02C6-02DD,U+1E80-1E85,U+1EF2-1EF3,U+2000-206F,"
    "U+20AC,U+2122,U+2190-2195,U+2212,U+2260,U+2264-2265,U+25CF,U+FB01-FB02"
)

# The name IDs that carry the family's name (family, unique ID, full name, PostScript name,
# typographic family) are rewritten in make(); subfamily (2) and typographic subfamily (17)
# stay "Regular" or "Bold".
# Trade mark (7) names Liberation; the subset is not Liberation, so the entry goes.
DROPPED = {7}


def make(source: Path, style: str, out: Path) -> None:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    # The source's own timestamp, so that rerunning the script gives the same bytes.
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    names = font["name"]
    postscript_family = FAMILY.replace(" ", "")
    renamed = {
        1: FAMILY,
        3: f"{FAMILY} {style} (Yardstick subset of Liberation Sans 2.1.5)",
        4: FAMILY if style == "Regular" else f"{FAMILY} {style}",
        6: f"{postscript_family}-{style}",
        16: FAMILY,
    }
    for record in list(names.names):
        if record.nameID in DROPPED:
            names.removeNames(nameID=record.nameID)
        elif record.nameID in renamed:
            record.string = renamed[record.nameID]
    names.setName(
        "Yardstick Sans: Liberation Sans 2.1.5, subset and renamed for Yardstick's window "
        "(SIL Open Font License 1.1).",
        10, 3, 1, 0x409,
    )
    font.flavor = "woff2"
    font.save(out)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = Path(sys.argv[1])
    out = Path(__file__).resolve().parent.parent / "assets" / "fonts"
    for style in ("Regular", "Bold"):
        source = folder / f"LiberationSans-{style}.ttf"
        if not source.is_file():
            sys.exit(f"{source} is missing: extract Debian's fonts-liberation2 there, as the top of this script shows.")
        make(source, style, out / f"YardstickSans-{style}.woff2")
        print(f"wrote {out / f'YardstickSans-{style}.woff2'}")


if __name__ == "__main__":
    main()
