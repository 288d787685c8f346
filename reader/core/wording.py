"""Words said right: counts ('1 linked pair', '2 linked pairs', '0 notes'), lists ('a, b and c'), a long text on
one short line, a stored time as a reader's clock shows it, and the name meant when one typed names nothing."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`count` and the noun in the form that count takes (English: singular for exactly one)."""
    noun = singular if count == 1 else plural_form or f"{singular}s"
    return f"{count:,} {noun}"


def listed(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c': parts said as one list."""
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else "".join(parts)


def one_line(text: str, width: int, keep: int | None = None) -> str:
    """The text on one line (each run of blanks one space) in at most `width` characters, "…" where it is cut: after
    its beginning, or around the offset `keep`, which stays in view about a third of the way in."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    begin = 0
    if keep is not None:
        at = _flat_offset(text, keep)
        begin = max(0, min(at - width // 3, len(flat) - width + 1))
        if begin:
            space = flat.find(" ", begin, at)  # begin at a word
            begin = space + 1 if space >= 0 else begin
    body = flat[begin:]
    head = "…" if begin and not body.startswith(_ELLIPSES) else ""  # the text's own "..." says it already: it read
    room = width - len(head)  # "…... How do you think" (audit CK K6)
    kept = body[:room]
    return head + (kept if len(body) <= room or kept.endswith(_ELLIPSES) else kept[:-1] + "…")


_ELLIPSES = ("...", "…")


def _flat_offset(text: str, offset: int) -> int:
    """Where `offset` of the text falls in it on one line (blanks made single spaces, the ends trimmed)."""
    before = " ".join(text[:offset].split())
    after_a_blank = bool(before) and text[offset - 1].isspace()  # that blank is one space before the offset
    return len(before) + after_a_blank


def local_time(stamp: str) -> str:
    """'2026-12-04T16:42:48+00:00' as the local '4 Dec 2026, 17:42' (a stamp that is not ISO, as it is)."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def did_you_mean(said: str, typed: str, names: list[str]) -> str:
    """`said` (that `typed` names nothing), with the nearest of the names that do: typed mistaken, a name found
    nothing, read as nothing there (audit BN F9)."""
    from rapidfuzz import fuzz, process

    nearest = process.extractOne(typed, names, scorer=fuzz.WRatio, score_cutoff=70)
    return f"{said}: did you mean {nearest[0]}?" if nearest else said
