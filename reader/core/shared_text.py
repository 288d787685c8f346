"""The stretches two versions of a text share, as (old start, new start, length): what re-anchoring carries notes
through, and what carries entity marks, dismissed pairs and boilerplate marks onto a new version.

The common beginning and end first, stopped at whole lines (as diff-match-patch does, so a notice repeated on every
page is not paired with the next copy); then a line diff of what lies between, refined by characters inside the
lines that changed, or by sentences where they are too long for that; each lone deletion or insertion slid to where
its edges fall between sentences. Pure functions: no I/O.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

CHAR_DIFF_LIMIT = 20000


def shared_blocks(old: str, new: str) -> list[tuple[int, int, int]]:
    """(old_start, new_start, length) of stretches the texts share: the common beginning and end first (as
    diff-match-patch does), then a line diff of what lies between, refined by characters inside hunks. Without the
    first step, a text repeating a paragraph (a notice on every page) paired the copy edited with the next one. The
    common beginning and end stop at whole lines, so that a line changed is diffed whole (a long one by sentences)."""
    prefix = common_prefix_length(old, new)
    suffix = common_prefix_length(old[prefix:][::-1], new[prefix:][::-1])
    prefix = old.rfind("\n", 0, prefix) + 1
    line_end = old.find("\n", len(old) - suffix)
    suffix = 0 if line_end < 0 else len(old) - line_end - 1
    old_middle, new_middle = old[prefix:len(old) - suffix], new[prefix:len(new) - suffix]
    blocks = [(0, 0, prefix), *_line_blocks(old_middle, new_middle, prefix, prefix),
              (len(old) - suffix, len(new) - suffix, suffix)]
    return _slid_to_boundaries(old, new, _joined_up(sorted(block for block in blocks if block[2] > 0)))


def _joined_up(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The stretches with those that follow on in both texts made one: unchanged text cut at a line's start (where
    the common beginning stops) was two stretches, a mark across it was no longer inside one and was dropped, and
    a deletion could not slide back over the cut (audit CM M1, M2)."""
    joined: list[tuple[int, int, int]] = []
    for block in blocks:
        if joined and joined[-1][0] + joined[-1][2] == block[0] and joined[-1][1] + joined[-1][2] == block[1]:
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + block[2])
        else:
            joined.append(block)
    return joined


def _slid_to_boundaries(old: str, new: str, blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Each lone deletion or insertion between two shared stretches slid, as far as the text repeats itself, to
    where its edges fall best (diff-match-patch's semantic cleanup): of "… Kremlin. The decree was not signed. The
    decree was signed.", the sentence deleted, a diff by common beginnings deletes "not signed. The decree was ",
    and the words of the deleted sentence were read as standing in the next (audit CJ J1)."""
    for k in range(len(blocks) - 1):
        (a, b, size), (c, d, next_size) = blocks[k], blocks[k + 1]
        if (a + size == c) == (b + size == d):  # both sides changed, or neither
            continue
        text, start, end = (old, a + size, c) if b + size == d else (new, b + size, d)
        at_edges = (a == b == 0, c + next_size == len(old) and d + next_size == len(new))  # a stretch shared at
        possible = shifts(text, start, end, -size + (not at_edges[0]), next_size - (not at_edges[1]))  # the text's
        shift = max(possible, key=lambda shift: (edges_score(text, start, end, shift), shift))  # edge may go whole
        blocks[k], blocks[k + 1] = (a, b, size + shift), (c + shift, d + shift, next_size - shift)
    return [block for block in blocks if block[2] > 0]


def shifts(text: str, start: int, end: int, lowest: int, highest: int) -> range:
    """How far the edit text[start:end] may slide, within [lowest, highest], the text the same either way."""
    left = 0
    while left > lowest and text[start + left - 1] == text[end + left - 1]:
        left -= 1
    right = 0
    while right < highest and text[start + right] == text[end + right]:
        right += 1
    return range(left, right + 1)


def edges_score(text: str, start: int, end: int, shift: int) -> int:
    """How well the edit text[start:end], slid by `shift`, falls between words (`_edge_score`, both edges)."""
    return _edge_score(text, start + shift) + _edge_score(text, end + shift)


def _edge_score(text: str, at: int) -> int:
    """How well an edit's edge at `at` falls between what is before and after it: a blank line 5, a line's end 4, a
    sentence's end 3, a blank 2, other punctuation 1, inside a word 0 (diff-match-patch's scores)."""
    before, after = text[at - 1:at], text[at:at + 1]
    if not before or not after:
        return 6
    if text.endswith(("\n\n", "\n\r\n"), 0, at) or text.startswith(("\n\n", "\r\n\r\n"), at):
        return 5
    if before in "\r\n" or after in "\r\n":
        return 4
    if not before.isalnum() and not before.isspace() and after.isspace():
        return 3
    if before.isspace() or after.isspace():
        return 2
    return 1 if not before.isalnum() or not after.isalnum() else 0


def _line_blocks(old: str, new: str, old_base: int, new_base: int) -> list[tuple[int, int, int]]:
    """Shared stretches by a line diff, refined by characters inside the hunks that changed."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_offsets, new_offsets = _offsets(old_lines), _offsets(new_lines)
    blocks: list[tuple[int, int, int]] = []
    matcher = SequenceMatcher(_is_blank, old_lines, new_lines)  # a blank line must not pair far-apart stretches
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = old_offsets[i1], new_offsets[j1]
        if tag == "equal":
            blocks.append((old_base + a, new_base + b, old_offsets[i2] - a))
        elif tag == "replace":
            blocks.extend(_char_blocks(old[a:old_offsets[i2]], new[b:new_offsets[j2]], old_base + a, new_base + b))
    return blocks


def _is_blank(line: str) -> bool:
    return not line.strip()


def _char_blocks(old: str, new: str, old_base: int, new_base: int) -> list[tuple[int, int, int]]:
    """Shared stretches inside one changed hunk: common prefix and suffix, and a character diff of what is left."""
    prefix = common_prefix_length(old, new)
    suffix = common_prefix_length(old[prefix:][::-1], new[prefix:][::-1])
    middle_old, middle_new = old[prefix:len(old) - suffix], new[prefix:len(new) - suffix]
    if middle_old and middle_new and len(middle_old) + len(middle_new) > CHAR_DIFF_LIMIT:  # by sentences, from the
        prefix -= len((_sentences(old[:prefix]) or [""])[-1])  # start of the one the common beginning ends
        suffix -= len((_sentences(old[len(old) - suffix:]) or [""])[0])  # in ("On 3 May …" deleted before
        middle_old, middle_new = old[prefix:len(old) - suffix], new[prefix:len(new) - suffix]  # "On 9 May …")
        middle = _sentence_blocks(middle_old, middle_new, old_base + prefix, new_base + prefix)
    else:
        middle = [(old_base + prefix + i, new_base + prefix + j, size) for i, j, size in SequenceMatcher(
            None, middle_old, middle_new, autojunk=False).get_matching_blocks()] if middle_old and middle_new else []
    return [(old_base, new_base, prefix), *middle,
            (old_base + len(old) - suffix, new_base + len(new) - suffix, suffix)]


def _sentence_blocks(old: str, new: str, old_base: int, new_base: int) -> list[tuple[int, int, int]]:
    """The sentences two long stretches share, by a diff of their sentences, blanks aside (a text re-wrapped has a
    line's end where a space stood), each paired whole or word by word. A diff by characters of them all costs too
    much, and without one nothing of a paragraph of thousands of words was paired: every place in it was taken for
    new text, and a deleted sentence's note moved onto the same words of the next (audit CJ J2). By words, a corpus's
    few words each too common to pair by, the diff paired copies far apart."""
    old_sentences, new_sentences = _sentences(old), _sentences(new)
    old_starts, new_starts = _offsets(old_sentences), _offsets(new_sentences)
    matcher = SequenceMatcher(None, [" ".join(one.split()) for one in old_sentences],  # a sentence said in more
                              [" ".join(one.split()) for one in new_sentences])  # than a hundredth of them pairs by
    # its neighbours only ("Yes." 12,000 times paired each with each: audit CM M4)
    blocks = []
    for i, j, size in matcher.get_matching_blocks():
        for k in range(size):
            one, other = old_sentences[i + k], new_sentences[j + k]
            pairs = [(0, 0, len(one))] if one == other else [
                (word.start(), theirs.start(), len(word.group()))
                for word, theirs in zip(_RUN.finditer(one), _RUN.finditer(other), strict=True)]
            blocks += [(old_base + old_starts[i + k] + o, new_base + new_starts[j + k] + n, length)
                       for o, n, length in pairs]
    return blocks


def _sentences(text: str) -> list[str]:
    """The text cut after each sentence's end and the blanks after it (the pieces make the text again)."""
    cuts = [0, *(end.end() for end in _SENTENCE_END.finditer(text)), len(text)]
    return [text[begin:end] for begin, end in zip(cuts, cuts[1:], strict=False) if end > begin]


_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"”»)]*+\s+")  # tried only where a run of stops begins: a run of
# thousands without a blank after it cost each of its stops a look to its end (audit CM M5)
_RUN = re.compile(r"\S+")


def common_prefix_length(a: str, b: str) -> int:
    """Length of the common prefix, by bisection over slice comparisons (C speed on long strings)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _offsets(lines: list[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets
