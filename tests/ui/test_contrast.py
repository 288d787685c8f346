"""Colours a reader relies on stay legible: text over every highlight, and entity underlines, on light and dark."""

from __future__ import annotations

import pytest

from reader.ui.colors import CONTRADICTS_TEXT, ENTITY_COLORS, HIGHLIGHT_ALPHA, HIGHLIGHT_TINTS

PAGES = {"light": ("#ffffff", "#000000"), "dark": ("#1e1e1e", "#e6e6e6")}  # (page, text)


def _rgb(hex_colour: str) -> list[float]:
    return [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]


def _luminance(rgb: list[float]) -> float:
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: list[float], other: list[float]) -> float:
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("page", PAGES)
def test_text_over_every_highlight_meets_wcag_aa(page: str) -> None:
    """Protects reading over highlights: 4.5:1 text contrast, and each tint visibly apart from the page."""
    background, text = (_rgb(c) for c in PAGES[page])
    alpha = HIGHLIGHT_ALPHA[page] / 255
    for name, tint in HIGHLIGHT_TINTS.items():
        shown = [t * alpha + b * (1 - alpha) for t, b in zip(_rgb(tint), background, strict=True)]
        assert _contrast(text, shown) >= 4.5, name
        assert _contrast(shown, background) >= 1.25, name


@pytest.mark.parametrize("page", PAGES)
def test_entity_underlines_stand_out_from_the_page(page: str) -> None:
    """Protects the entity layer: every underline colour has 3:1 against the page (WCAG non-text contrast)."""
    background = _rgb(PAGES[page][0])
    for name, colour in ENTITY_COLORS.items():
        assert _contrast(_rgb(colour), background) >= 3.0, name


@pytest.mark.parametrize("page", PAGES)
def test_a_suggested_contradiction_reads_on_either_page(page: str) -> None:
    """Parallels' 'contradicts' in Qt's dark red measured 2.0:1 on a dark page; its colour now meets 4.5:1 on both."""
    assert _contrast(_rgb(CONTRADICTS_TEXT[page]), _rgb(PAGES[page][0])) >= 4.5
