"""Counts in words, said right: '1 linked pair', '2 linked pairs', '0 notes'."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`count` and the noun in the form that count takes (English: singular for exactly one)."""
    noun = singular if count == 1 else plural_form or f"{singular}s"
    return f"{count:,} {noun}"
