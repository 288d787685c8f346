"""Snippets in the text's own characters.

The search index reads each line as `searchable` folds it ('𝔐' as 'M', 'ﬁ' as 'fi', a soft hyphen dropped), and its
snippets quote that folded line: a historian copying one got another reading of the source. The folded line is
aligned with the written one character by character (a letter with its combining marks as one), and the snippet is
cut from the written line at the same places.
"""

from __future__ import annotations

import unicodedata

from reader.core.folding import read_plain, searchable
from reader.core.storage.search_index import BREAK_HYPHEN as _BREAK_HYPHEN

_ELLIPSIS = "…"


def as_written(snippet: str, line: str, opening: str, closing: str) -> str:
    """`snippet` (the index's, of `line` folded, its matches between `opening` and `closing`, '…' where it cuts the
    line) in the line's own characters, its matches marked as they were; in the folded characters where the two
    cannot be aligned."""
    origin = None if _as_indexed(line) else _origins(line)
    if origin is None:
        return snippet
    folded, starts, ends = origin
    head = _ELLIPSIS if snippet.startswith(_ELLIPSIS) else ""
    tail = _ELLIPSIS if snippet.endswith(_ELLIPSIS) and len(snippet) > len(head) else ""
    core = snippet[len(head):len(snippet) - len(tail)]
    if folded.find(core.replace(opening, "").replace(closing, "")) < 0:
        whole = _origins(line, _breaks(line))  # the row's words broken at a line's end read whole (audit DZ F4)
        if whole is not None and whole[0].find(core.replace(opening, "").replace(closing, "")) >= 0:
            folded, starts, ends = whole
        else:
            core, tail = _before_the_reading_appended(core, folded, opening, closing), ""
    plain = core.replace(opening, "").replace(closing, "")
    at = folded.find(plain)
    if at < 0 or not plain:
        return snippet
    cuts, marks, position = [], [], at
    for character in core:
        if character in (opening, closing):
            cuts.append(starts[position] if character == opening else ends[position - 1])
            marks.append(character)
        else:
            position += 1
    begin, end = starts[at], ends[at + len(plain) - 1]
    pieces, last = [head], begin
    for cut, mark in zip(cuts, marks, strict=True):
        pieces += [line[last:cut], mark]
        last = cut
    return "".join([*pieces, line[last:end], tail])


def _before_the_reading_appended(core: str, folded: str, opening: str, closing: str) -> str:
    """The snippet's part that is the line's, where its row holds after the line another reading of it: a highlight's
    row holds its quote read whole ('Choibalsan regime' for 'Choibal-\\nsan regime', m034), which the note as written
    does not, and the snippet had been shown folded, that reading after it (audit DS F6). The snippet whole where
    no mark stands whole in the line's part (the words were found in that reading alone), or it is not so."""
    plain = core.replace(opening, "").replace(closing, "")
    ending = next((size for size in range(len(plain) - 1, 0, -1)
                   if plain[size] == " " and folded.endswith(plain[:size])), 0)
    kept, read = [], 0
    for character in core:
        if read == ending and character != closing:  # a mark closing on the line's last word is the line's
            break
        kept.append(character)
        read += character not in (opening, closing)
    cut = "".join(kept)
    return cut if ending and 0 < cut.count(opening) == cut.count(closing) else core


def _as_indexed(line: str) -> bool:
    """Whether the index read the line as it is written (most lines, accented ones too: 'Sükhbaatar' is its own
    compatibility form; Greek 'Στάλιν' is not read so, see `folding.read_plain`), so its snippet needs no aligning;
    aligning every hit had doubled a search's time. No invisible mark, nor a line's end (a row holding a word broken
    there read whole, or a note with its quote's reading after it): those are not printable."""
    return line.isascii() or line.isprintable() and unicodedata.is_normalized("NFKC", line) and not read_plain(line)


def _breaks(line: str) -> frozenset[int]:
    """Where the line's words broken at a line's end are broken (the hyphen and the line end), as the index's second
    reading of a row joins them ('Łódź del-\\negation' is 'Łódź delegation')."""
    return frozenset(at for match in _BREAK_HYPHEN.finditer(line) if line[match.end()].islower()
                     for at in range(match.start(), match.end()))


def _origins(line: str, left_out: frozenset[int] = frozenset()) -> tuple[str, list[int], list[int]] | None:
    """The line folded as the index reads it (`left_out` characters read as none), and for each folded character the
    range of the written ones it comes from; None where folding piece by piece does not give what folding the whole
    line does."""
    folded, starts, ends = [], [], []
    cluster_start = 0
    for position in range(1, len(line) + 1):
        if position < len(line) and unicodedata.combining(line[position]):
            continue  # a mark belongs to the letter before it ('é' written as 'e' and U+0301)
        piece = "" if cluster_start in left_out else searchable(line[cluster_start:position])
        folded.append(piece)
        starts += [cluster_start] * len(piece)
        ends += [position] * len(piece)
        cluster_start = position
    joined = "".join(folded)
    kept = "".join(character for at, character in enumerate(line) if at not in left_out)
    return (joined, starts, ends) if joined == searchable(kept) else None
