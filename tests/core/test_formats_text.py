"""Text assembly for paged formats: every offset it hands out (pages, word boxes, uncertain words, running lines)
indexes the final text exactly, whatever the words, hyphens and line breaks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.documents.extracted import TextBuilder, Word
from reader.core.documents.formats.layout import paragraphs
from reader.core.documents.formats.paged import PagedText
from reader.core.documents.formats.pagetext import page_parts, write_page
from reader.core.documents.formats.running import running_lines

_letters = st.text(alphabet="abcXYZéжß1-\u00ad\ufffe.,", min_size=1, max_size=9).filter(lambda t: t.strip())
_line = st.lists(st.tuples(_letters, st.floats(0.0, 1.0)), min_size=1, max_size=6)
_page = st.lists(_line, min_size=0, max_size=7)


def _words(page: list[list[tuple[str, float]]], gap_every: int = 3) -> list[Word]:
    """Lay out lines top to bottom (a wider gap every few lines, so paragraphs form), words left to right."""
    words, y = [], 20.0
    for number, line in enumerate(page):
        y += 30 if number % gap_every == 0 else 14
        x = 40.0
        for text, confidence in line:
            words.append(Word(text, x, y, x + 6 * len(text), y + 12, confidence))
            x += 6 * len(text) + 5
    return words


@settings(max_examples=150, deadline=None)
@given(st.lists(_page, min_size=1, max_size=4))
def test_every_offset_indexes_the_final_text(pages):
    """Boxes and uncertain words cover exactly their word (hyphen rules aside), in order, inside their page."""
    paged = PagedText()
    for page in pages:
        paged.add_page("", 600, 800, "ocr", _words(page))
    extracted = paged.finish("png", {})
    text = extracted.text
    source_words = [w for page in pages for line in page for w, _ in line]
    assert len(extracted.boxes) <= len(source_words)
    previous_end = 0
    for box in extracted.boxes:
        page = extracted.pages[box.page]
        assert previous_end <= box.start < box.end <= len(text)
        assert page.start <= box.start and box.end <= page.end
        assert not any(c.isspace() for c in text[box.start:box.end])
        previous_end = box.end
    covered = set()
    for box in extracted.boxes:
        covered.update(range(box.start, box.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
    boxes_by_range = {(b.start, b.end) for b in extracted.boxes}
    assert all((u.start, u.end) in boxes_by_range and u.confidence < 0.8 for u in extracted.uncertain)
    for start, end in extracted.boilerplate:
        assert text[start:end].strip() == text[start:end] != ""


@given(st.lists(st.text(min_size=0, max_size=12), max_size=20), st.sampled_from([" ", "\n\n", ""]))
def test_builder_offsets_match_what_was_added(pieces, separator):
    """Each add returns the range its text occupies in the final text; add_words gives each word its range."""
    builder = TextBuilder(uncertain_below=0.5)
    ranges = [(piece, builder.add(piece)) for piece in pieces]
    words = [Word(piece, 0, 0, 1, 1, 0.4) for piece in pieces]
    start, end = builder.add_words(words, 0, separator)
    text = builder.text()
    assert all(text[s:e] == piece for piece, (s, e) in ranges)
    assert text[start:end] == separator.join(pieces)
    assert [text[b.start:b.end] for b in builder.boxes] == [p for p in pieces if p]
    assert [(u.start, u.end) for u in builder.uncertain] == [(b.start, b.end) for b in builder.boxes]


def test_line_end_hyphen_rules():
    """A break hyphen before lower case is dropped, before a capital kept; a mid-line hyphen and the box stay."""
    lines = [["The", "inter-"], ["national", "Mongolian-"], ["Soviet", "well-"], ["1936", "treaty."]]
    page = [[(w, 1.0) for w in line] for line in lines]
    builder = TextBuilder()
    written = write_page(builder, 0, page_parts(paragraphs(_words(page, gap_every=99), 600, 800), 800))
    text = builder.text()
    assert text == "The international Mongolian-Soviet well-1936 treaty."
    assert [text[b.start:b.end] for b in builder.boxes][:3] == ["The", "inter", "national"]
    assert [line.text for line in written] == ["The inter", "national Mongolian-", "Soviet well-", "1936 treaty."]


def test_running_lines_need_several_pages():
    """A line recurring at the top of most pages is a running head (page one's excepted); folios match by digits."""
    from reader.core.documents.formats.pagetext import WrittenLine

    lines = []
    for page in range(4):
        base = page * 100
        lines += [WrittenLine(page, base, base + 7, 0, 2, "HISTORY"),
                  WrittenLine(page, base + 9, base + 30, 1, 1, f"Body text {page} differs {'x' * page}"),
                  WrittenLine(page, base + 32, base + 34, 2, 0, str(page + 10))]
    found = running_lines(lines, 4)
    assert found == ((32, 34), (100, 107), (132, 134), (200, 207), (232, 234), (300, 307), (332, 334))
    assert running_lines(lines[:6], 2) == ()


def test_box_table_hands_out_boxes_like_a_tuple():
    """The flat box store reads back each box exactly, by index, negative index, slice and iteration."""
    from reader.core.documents.extracted import Box, BoxTable

    boxes = [Box(0, 0, 5, 1.5, 2.0, 30.25, 14.0), Box(3, 10, 17, 100.0, 700.5, 160.0, 712.0)]
    table = BoxTable(number for box in boxes for number in (box.page, box.start, box.end, box.x0, box.y0, box.x1,
                                                           box.y1))
    assert len(table) == 2 and list(table) == boxes and table == boxes
    assert table[-1] == boxes[1] and table[0:1] == boxes[:1]
    with pytest.raises(IndexError):
        table[2]


def test_chapter_headings_are_not_running_heads():
    """'Chapter 1', 'Chapter 2', … at the top of every tenth page recur, but too sparsely to be running heads."""
    from reader.core.documents.formats.pagetext import WrittenLine

    lines = [WrittenLine(page, page * 100, page * 100 + 9, 0, 5, f"Chapter {page // 10 + 1}")
             for page in range(0, 40, 10)]
    lines += [WrittenLine(page, page * 100 + 20, page * 100 + 27, 0, 5, "HISTORY") for page in range(1, 40)
              if page % 10]
    found = running_lines(lines, 40)
    assert len(found) == 36 and all(start % 100 == 20 for start, _ in found)
