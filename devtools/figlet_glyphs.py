"""Draw the figlet lettering nctui shows on its first screens into nctui/data/figlet.json.

Usage: uv run python devtools/figlet_glyphs.py

Loading pyfiglet and parsing a whole font costs a first paint more than drawing the
screen does, yet the countdown only ever needs digits, a colon, a space and "d" (plus
"days" when complete), and the home screen one word. tests/test_figlet.py checks the
file still matches what pyfiglet draws, so run this again after changing fonts or
pyfiglet.
"""

from __future__ import annotations

import json

import pyfiglet

from nctui.ui.widgets.figlet import PRERENDERED, PRERENDERED_PATH


def drawn(text: str, font: str) -> list[str]:
    """What pyfiglet draws for `text` in `font`, line by line."""
    lines: list[str] = pyfiglet.Figlet(font=font, width=10_000).renderText(text).splitlines()
    return lines


def prerendered() -> dict[str, dict[str, list[str]]]:
    """Every font's drawings of the texts PRERENDERED lists for it."""
    return {
        font: {text: drawn(text, font) for text in texts} for font, texts in PRERENDERED.items()
    }


def main() -> None:
    """Write the file."""
    text = json.dumps(prerendered(), ensure_ascii=False, indent=1, sort_keys=True)
    PRERENDERED_PATH.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {PRERENDERED_PATH}")


if __name__ == "__main__":
    main()
