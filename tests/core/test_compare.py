"""Comparing sources: parallel passages, dismissals, the timeline's dates, events, conflicts and exports."""

import csv
import io
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.core.compare import dating
from reader.core.compare.parallels import longest_words
from reader.core.compare.passages import passages, sentences
from reader.core.compare.words import Vectors, counted, stem
from reader.core.entities.dates import find_dates
from reader.core.errors import ReaderError
from reader.core.records.annotations import Passage
from tests.core.two_accounts import suggestions_for_first

MEETING_000, MEETING_002 = "000_8339fa2bec93c400.txt", "002_ff824666d88bbe20.txt"


@pytest.fixture
def recognised(workspace):
    workspace.entities.ensure_current()
    return workspace


def _doc(workspace, name):
    return workspace.documents.resolve(name).id


def _passage(workspace, document_id, quote):
    """The passage of a document holding `quote` (its first occurrence)."""
    start = workspace.documents.text(document_id).text.index(quote)
    return Passage(document_id, start, start + len(quote))


def _meeting(suggestions):
    return next(s for s in suggestions if "November 15, 1934" in s.source.text and s.other.file_name == MEETING_002)


def test_fuzzy_dates_have_precision_and_span():
    """'the turn of 1936' straddles the new year; 'a winter night in 1935' and 'early 1935' are parts of a year."""
    found = {d.text: d for d in find_dates("At the turn of 1936 and on a winter night in 1935, or early 1935.")}
    assert (found["the turn of 1936"].value, found["the turn of 1936"].first) == ("1936 turn", "1935-11-01")
    assert found["a winter night in 1935"].value == "1935 winter"
    assert (found["early 1935"].first, found["early 1935"].last) == ("1935-01-01", "1935-04-30")
    assert dating.span("1934-11").last - dating.span("1934-11").first == 29


def test_dates_relate_same_near_overlap_apart():
    """A week apart is near (the same event dated twice); a day inside its month overlaps; years apart are apart."""
    assert dating.relate(dating.span("1934-11-15"), dating.span("1934-11-24")) == dating.NEAR
    assert dating.relate(dating.span("1934-11-15"), dating.span("1934-11")) == dating.OVERLAP
    assert dating.relate(dating.span("1937-11-26"), dating.span("1937-11-26")) == dating.SAME
    assert dating.relate(dating.span("1921"), dating.span("1937-11-26")) == dating.APART


_DATE_VALUES = st.one_of(
    st.dates(min_value=date(1934, 6, 1), max_value=date(1935, 6, 30)).map(date.isoformat),
    st.dates(min_value=date(1934, 6, 1), max_value=date(1935, 6, 30)).map(lambda day: day.isoformat()[:7]),
    st.sampled_from(["1934", "1935 winter", "1935 early", "1936 turn", "1934-11-15..1934-11-24", "1930..1937"]))


@given(st.lists(_DATE_VALUES, max_size=12), _DATE_VALUES)
@example(["1934-11"], "1935-01-31")  # the last day near a month: its first day is 92 days before
@example(["1935-01-31"], "1934-11-30")  # the last day near a day, after it
def test_the_quick_asking_of_near_dates_relates_as_relate_does(values, value):
    """Asking only the dates in order near another (for every date of a corpus's years) says what relating it to
    each would: the same value, or near."""
    spans = [one for v in values if (one := dating.span(v)) is not None]
    other = dating.span(value)
    assert other is not None
    assert dating.SameOrNear(spans)(other) == any(
        dating.relate(one, other) in (dating.SAME, dating.NEAR) for one in spans)


def test_long_paragraphs_are_cut_at_sentences():
    """A paragraph over the limit becomes pieces that start at a sentence and cover it in order."""
    body = " ".join(f"Sentence number {n} tells of Genden." for n in range(60))
    pieces = passages([(1, 100, 100 + len(body), body)])
    assert len(pieces) > 1 and pieces[0].start == 100 and pieces[-1].end == 100 + len(body)
    assert all(p.text.startswith("Sentence") for p in pieces)


def test_sentences_do_not_end_at_initials_or_titles():
    """"I. V. Stalin Talking to P. Genden" is one sentence: the encoder read its fragments, and the reasons quoted
    them ("Genden on November 24, 1934"); a full stop before a capital still ends a sentence otherwise."""
    text = ("«Japan is encroaching»: I. V. Stalin Talking to P. Genden on November 24, 1934. Mr. Amar and "
            "G. Demid signed. The U.S. Army stayed out. It was 1936.")
    assert sentences(text) == ["«Japan is encroaching»: I. V. Stalin Talking to P. Genden on November 24, 1934.",
                               "Mr. Amar and G. Demid signed.", "The U.S. Army stayed out.", "It was 1936."]


def test_an_ellipsis_inside_a_quotation_does_not_end_it():
    """"«Japan is encroaching ... How do you think…?»" is one quotation with words left out, so the title it opens
    is one sentence (the focus and the timeline showed it from "How do you think"); outside quotes, "..." ends one."""
    title = ("«Japan is encroaching on the borders of Mongolia ... How do you think to uphold your independence?»: "
             "I. V. Stalin Talking to P. Genden on November 24, 1934")
    assert sentences(title) == [title]
    assert sentences("He waited ... Then he left. “I came… We spoke.” It was late.") == [
        "He waited ...", "Then he left.", "“I came… We spoke.”", "It was late."]


@given(st.lists(st.sampled_from(["Genden met Stalin.", "P. Genden left.", "Dr. Amar spoke!", "Why?", "I. V. Stalin",
                                  "«Japan ...", "He waited ...", "“I came… We"]),
                min_size=1, max_size=8))
def test_sentences_cover_the_text(parts):
    """Sentences are the text's words in order, none lost or repeated, whatever the mix of initials and ends."""
    text = " ".join(parts)
    assert " ".join(sentences(text)).split() == text.split()


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from("abzAÉßİ́ǅⅫ½ 𝔐ж日_-'’.,1\t\n\u00a0\u2009\x1c"), max_size=60)
       | st.text(max_size=60))
def test_content_words_are_the_words_the_pattern_finds(text):
    """The quick reading of a dated sentence's words (a run of letters whole, the pattern only on the other runs)
    finds the very words the pattern finds over the whole text: retold acts are joined on them."""
    from reader.core.compare.words import _LONG_WORD, STOPWORDS, content_words

    assert content_words(text) == [word for word in _LONG_WORD.findall(text.lower()) if word not in STOPWORDS]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["Mr", "Capt", "etc", "I", "V", "xMr", "Stalin", "war", "am", "22", "5", "1٣", "é",
                                 ". ", ". ", " ", "(", "“", "\n", "Dezember", "Mal", "met"]), max_size=14).map("".join))
@example("I. V")  # an initial opens the text
@example("am 22. Dezember. Der Mr. Amar war. Er")
@example("22\n. Dezember")  # a figure with its line's end after it is no ordinal: the pattern read "$" before the "\n"
def test_a_sentence_ends_where_the_patterns_say(text):
    """Asking the patterns for an initial, a title or an ordinal only where one could stand decides every full stop
    as asking them at each did: a dated sentence's bounds are read this way for every date of a corpus."""
    from reader.core.compare.passages import (
        _DAY_FIGURE,
        _GERMAN_OPENING,
        _GERMAN_ORDINAL,
        _MONTH_AFTER,
        _NOT_AN_END,
        _ends_sentence,
    )

    def asked_everywhere(stop):
        following = text[stop + 2:stop + 3]
        ordinal = _DAY_FIGURE.search(text, max(0, stop - 3), stop) and (
            _MONTH_AFTER.match(text, stop + 1) or _GERMAN_ORDINAL.search(text, max(0, stop - 10), stop)
            and not _GERMAN_OPENING.match(text, stop + 1))
        return following != "" and (following.isupper() or following in "“\"«‘'(") and \
            not _NOT_AN_END.search(text, max(0, stop - 5), stop + 1) and not ordinal

    stops = [at for at in range(len(text)) if text.startswith(". ", at)]
    assert [_ends_sentence(text, at) for at in stops] == [bool(asked_everywhere(at)) for at in stops]


def test_numbers_disagree_only_when_they_count_the_same_thing():
    """'five countries' beside 'ten years' was a hint (numbers: five / ten): numbers disagree when they count the
    same thing, 'a hundred thousand lamas' beside 'thirty thousand lamas', or 'ten years' beside 'five years'."""
    from reader.core.compare.words import stem

    assert counted("the five countries nearest to it", []) == {stem("countries"): {"five"}}
    assert counted("It was valid for ten years, said 2 of them.", []) == {"year": {"ten"}}
    assert counted("some 100,000 lamas and 3 monasteries", []) == {"lama": {"100,000"}, stem("monasteries"): {"3"}}


def test_numbers_leave_dates_out():
    """Numbers a passage states, not the digits of its dates."""
    text = "On November 26, 1937, twenty mistakes and 5 items."
    assert counted(text, [(d.start, d.end) for d in find_dates(text)]) == {"mistak": {"twenty"}, "item": {"5"}}  # stems


def test_a_suggestion_points_at_the_sentences_that_match(recognised):
    """The meeting pair's focus is the sentence of each passage giving its date, inside the passage; a pair tied by
    meaning alone points at its closest sentences."""
    suggestions = recognised.parallels.suggest(_doc(recognised, MEETING_000), top=10)
    meeting = _meeting(suggestions)
    assert meeting.source.excerpt == "…The two met on November 15, 1934."
    assert meeting.other.excerpt.endswith("Talking to P. Genden on November 24, 1934")
    assert "November 24, 1934" in meeting.other.excerpt_line(40)  # cut short, the sentence keeps its date in view
    for s in suggestions:
        for side in (s.source, s.other):
            start, end = side.shown
            assert side.start <= start < end <= side.end and side.excerpt.lstrip("…") == side.text[
                start - side.start:end - side.start]


def test_focus_is_the_sentence_of_a_tying_date():
    """Overlapping parts of a year ('early 1935', 'a winter night in 1935') tie two passages at their dated
    sentences; dates a decade wide do not, and the sentences closest in meaning are shown instead."""
    from types import SimpleNamespace

    from reader.core.compare.judge import focus
    from reader.core.compare.passages import Piece

    one = Piece(1, 0, 60, "Genden was in Moscow. He met Stalin again in early 1935.")
    two = Piece(2, 100, 170, "A banquet was held. On a winter night in 1935, Genden slapped Stalin.")

    def ranking(first: str, second: str):
        dated = {1: {first: one.text.index("early 1935")}, 2: {second: 100 + two.text.index("winter")}}
        return SimpleNamespace(
            features=lambda piece: SimpleNamespace(dates=set(dated[piece.document_id]),
                                                   dated_at=dated[piece.document_id]),
            closest_sentences=lambda a, b: ((a.start, a.start + 21), (b.start, b.start + 19)))

    tied = focus(ranking("1935 early", "1935 winter"), one, two)
    assert [text for ((start, end), _key), piece in zip(tied, (one, two), strict=True)
            for text in [piece.text[start - piece.start:end - piece.start]]] == [
        "He met Stalin again in early 1935.", "On a winter night in 1935, Genden slapped Stalin."]
    assert [key - piece.start for (_sentence, key), piece in zip(tied, (one, two), strict=True)] == [
        one.text.index("early 1935"), two.text.index("winter")]
    assert focus(ranking("1930..1939", "1935 winter"), one, two) == (((0, 21), None), ((100, 119), None))


def test_wide_dates_tie_passages_less():
    """A decade overlapping "the turn of 1936" (every article's introduction on "the early 1930s") ties two passages
    far less than two parts of one year do, and a year less than a month; before, all overlaps weighed alike."""
    from reader.core.compare.judge import _date_weight

    decade = _date_weight(dating.OVERLAP, ("1936 turn", "1930..1939"))
    parts = _date_weight(dating.OVERLAP, ("1935 early", "1935 winter"))
    assert decade < parts / 5
    assert _date_weight(dating.SAME, ("1930..1939", "1930..1939")) < _date_weight(dating.SAME, ("1936", "1936"))
    assert _date_weight(dating.SAME, ("1936", "1936")) < _date_weight(dating.SAME, ("1936-03", "1936-03"))


def test_meeting_dated_twice_is_suggested_as_contradicting(recognised):
    """The 15 November meeting finds the 24 November account: shared names, both dates, hint, 'contradicts'."""
    meeting = _meeting(recognised.parallels.suggest(_doc(recognised, MEETING_000), top=10))
    assert meeting.relation == "contradicts"
    assert any(r.startswith("both:") and "Genden" in r and "Stalin" in r for r in meeting.reasons)
    assert "dates 1934-11-15 / 1934-11-24" in meeting.reasons
    assert "dates: 1934-11-15 / 1934-11-24" in meeting.hints


def test_execution_on_the_same_day_corroborates(recognised):
    """Two accounts of Genden's execution on 26 November 1937 agree: 'corroborates'."""
    suggestions = recognised.parallels.suggest(_doc(recognised, MEETING_000), top=10)
    found = next(s for s in suggestions if "executed in Moscow" in s.source.text and "tribunal" in s.other.text)
    assert found.relation == "corroborates" and "dates 1937-11-26" in found.reasons


def test_names_disagree_only_in_the_sentences_that_tie_the_pair(recognised):
    """Names in the same role are those of the two sentences telling the same thing: every place of two long
    paragraphs set side by side ("places: Black Sea, Foros, Moscow, USSR / Soviet Union" beside an execution on the
    same day) is noise a historian learns to skip, and then skips the real disagreements too."""
    suggestions = recognised.parallels.suggest(_doc(recognised, MEETING_000), top=10)
    found = next(s for s in suggestions if "executed in Moscow" in s.source.text and "tribunal" in s.other.text)
    assert not any(hint.startswith(("places:", "people:", "organisations:")) for hint in found.hints)


def test_suggestions_come_from_other_documents_only_and_ranked(recognised):
    """No suggestion points into the document itself; scores fall; a selection narrows the sources."""
    document_id = _doc(recognised, MEETING_000)
    suggestions = recognised.parallels.suggest(document_id, top=10)
    assert suggestions and all(s.other.document_id != document_id for s in suggestions)
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)
    start = recognised.documents.text(document_id).text.index("The two met on November 15, 1934")
    narrowed = recognised.parallels.suggest(document_id, start, start + 32, top=5)
    assert narrowed and all(s.source.start >= start and s.source.end <= start + 32 for s in narrowed)


def test_a_selection_gets_as_many_suggestions_as_asked(recognised):
    """Parallels of one passage listed two rows whatever --top asked: the share each passage of a document may take
    of the list (so one paragraph does not fill it) was applied to the one passage asked about. A shorter list is
    the longer one's beginning, so a suggestion's number names one pair."""
    document_id = _doc(recognised, MEETING_000)
    start = recognised.documents.text(document_id).text.index("Genden broke the precious pipe")
    found = recognised.parallels.suggest(document_id, start, start + 30, top=6)
    assert len(found) == 6 and len({s.other.document_id for s in found}) >= 2
    assert recognised.parallels.suggest(document_id, start, start + 30, top=3) == found[:3]  # --dismiss N's N


def test_unrelated_documents_do_not_change_what_is_suggested(recognised, tmp_path):
    """Protects the ranking from the rest of the library: forty documents on other subjects make every name of
    the five articles rare in the corpus, which must not let shared names outweigh dates, words and meaning."""
    document_id = _doc(recognised, MEETING_000)
    alone = [s.key for s in recognised.parallels.suggest(document_id, top=10)]
    folder = _unrelated_letters(tmp_path / "unrelated")
    recognised.documents.import_paths([folder])
    among_many = [s.key for s in recognised.parallels.suggest(document_id, top=10)]
    assert len(set(alone) & set(among_many)) >= 9


def test_a_passage_sharing_only_words_is_suggested_as_written(recognised, tmp_path):
    """Protects the index's neighbours among many documents: a retelling that names no one and dates nothing is
    found by its words alone, though its document is not read whole, and read as written: the index's text drops a
    soft hyphen, and the sentence shown ended a letter short."""
    folder = _unrelated_letters(tmp_path / "many")
    retold = ("Asked for five items of aid, the other side immediately dismissed the issues of human health, vet\u00ad"
              "erinary services, cultural and educational assistance, and demanded a discussion of defense issues "
              "instead. Nothing more came of it.")
    (folder / "retold.txt").write_text(retold, encoding="utf-8")
    recognised.documents.import_paths([folder])
    recognised.entities.ensure_current()
    found = recognised.parallels.suggest(_doc(recognised, MEETING_000), top=40)
    told = next(s.other for s in found if s.other.file_name == "retold.txt")
    assert retold[slice(*told.focus)] == retold[:retold.index(" Nothing")]


def test_the_words_asking_the_index_for_neighbours_are_the_same_every_run():
    """Of words as long, the first in the alphabet ask the index for a passage's neighbours: taken in a set's order,
    they changed with each run's hashing, and so did a large library's suggestions."""
    words = ["kappa", "alpha", "gamma", "delta", "omega", "sigma", "theta", "lambd", "cigar", "mango", "piano", "radio"]
    assert longest_words(" ".join(words)) == sorted(words)[:8]


def test_a_retelling_in_a_long_paragraphs_later_piece_is_judged(recognised, tmp_path, monkeypatch):
    """The index finds a line, and a long one is cut into pieces: only the piece at the line's start was judged, so
    a retelling in the middle of a long paragraph was never suggested for the whole document (audit BR F1). The
    library is made to count as large (a shortlist judged, not every passage read)."""
    from reader.core.compare import parallels

    monkeypatch.setattr(parallels, "SCORE_ALL", 0)
    folder = _unrelated_letters(tmp_path / "many")
    filler = "Humuci nezicoca hini rabuto kesami. " * 16
    retold = ("Asked for five items of aid, the other side immediately dismissed the issues of human health, "
              "veterinary services, cultural and educational assistance, and demanded a discussion of defense "
              "issues instead.")
    (folder / "retold.txt").write_text(filler + retold + " " + filler.strip(), encoding="utf-8")
    recognised.documents.import_paths([folder])
    recognised.entities.ensure_current()
    found = recognised.parallels.suggest(_doc(recognised, MEETING_000), top=40)
    assert any(s.other.file_name == "retold.txt" and retold in s.other.text for s in found)


def test_the_words_asking_the_index_are_words_it_holds():
    """A compound was asked for whole, 'counterrevolutionary', which the index (a hyphen parts words) never holds:
    a passage of long compounds found no neighbour (audit BR F3)."""
    assert longest_words("Soviet-Mongolian counter-revolutionaries") == ["revolutionari", "mongolian", "counter",
                                                                        "soviet"]


def test_the_words_two_passages_share_come_in_one_order():
    """Shared words of equal weight were listed in a set's order: the reason 'words: …' changed from run to run
    (audit BR F2)."""
    words = "kappa alpha gamma delta omega sigma theta lambd"
    assert Vectors({1: words, 2: words}).cosine(1, 2)[1] == sorted(words.split())


def _unrelated_letters(folder):
    """Forty letters of twelve made-up sentences each: documents on other subjects, naming nothing of the sample."""
    import random

    rng = random.Random(15)
    folder.mkdir()
    for n in range(40):
        words = ["".join(rng.choice("bdfgklmnprstv") + rng.choice("aeiou") for _ in range(3)) for _ in range(300)]
        (folder / f"letter{n:02d}.txt").write_text(
            "\n".join(" ".join(words[k:k + 25]).capitalize() + "." for k in range(0, 300, 25)), encoding="utf-8")
    return folder


def test_dismissed_pair_does_not_come_back_until_undone(recognised):
    """Dismissing stores the pair (either way round); undo brings the suggestion back."""
    document_id = _doc(recognised, MEETING_000)
    meeting = _meeting(recognised.parallels.suggest(document_id, top=10))
    recognised.parallels.dismiss(meeting)
    assert all(s.key != meeting.key for s in recognised.parallels.suggest(document_id, top=20))
    back = recognised.parallels.suggest(_doc(recognised, MEETING_002), top=30)
    assert all(s.key != meeting.key for s in back)
    recognised.history.undo()
    assert _meeting(recognised.parallels.suggest(document_id, top=10)).key == meeting.key


def test_linking_a_suggestion_makes_a_link_with_its_relation(recognised):
    """A suggestion links through LinkService with Passage targets and the suggested relation."""
    meeting = _meeting(recognised.parallels.suggest(_doc(recognised, MEETING_000), top=10))
    link = recognised.links.link(Passage(meeting.source.document_id, meeting.source.start, meeting.source.end),
                                 Passage(meeting.other.document_id, meeting.other.start, meeting.other.end),
                                 meeting.relation)
    assert link.relation == "contradicts"


def test_timeline_entries_have_precision_and_passage(recognised):
    """Every recognised date is on the timeline with its precision and passage; filters by entity and period."""
    entries = recognised.timeline.entries()
    turn = next(e for e in entries if e.text == "the turn of 1936")
    assert (turn.precision, turn.first, turn.last) == ("part", "1935-11-01", "1936-02-29")  # 1936 is a leap year
    assert "pipe" in turn.passage
    assert [e.first for e in entries] == sorted(e.first for e in entries)
    late = recognised.timeline.entries(entity="Genden", date_from="1937", date_to="1937-12-31")
    assert late and all(e.first >= "1937" and "Genden" in e.passage for e in late)


def test_a_note_dated_in_a_passage_naming_an_entity_stays_in_its_timeline(recognised):
    """Filtered to an entity, the timeline lost a historian's dated note on a highlight that does not itself name
    the entity when its passage does: the note's date belongs with the passage it was written on."""
    document_id = _doc(recognised, MEETING_000)
    recognised.annotations.create_at_quote(document_id, "The two met", note="Zhabaeva gives 24 November 1934")
    noted = [e for e in recognised.timeline.entries(entity="Genden") if e.origin == "note"]
    assert [e.value for e in noted] == ["1934-11-24"]


def test_the_timeline_finds_an_entity_by_any_of_its_spellings(recognised):
    """'P. Genden' (as 002 writes it) finds Peljidiin Genden's dated passages, as 'Genden' does: the filter had
    matched canonical names only, and a spelling from the source in front of the reader found nothing."""
    by_name = recognised.timeline.entries(entity="Genden")
    by_spelling = recognised.timeline.entries(entity="P. Genden")
    assert by_spelling and [(e.document_id, e.start) for e in by_spelling] == [(e.document_id, e.start)
                                                                               for e in by_name]
    with pytest.raises(ReaderError, match="no entity is named “nobody at all”"):
        recognised.timeline.entries(entity="nobody at all")


def test_a_tag_no_note_carries_is_refused_with_the_nearest(recognised):
    """A tag mistyped in the Timeline's Tag box emptied it with no word of why, where an entity mistyped is refused
    with the nearest name (audit CK K3)."""
    document_id = _doc(recognised, MEETING_002)
    recognised.annotations.create_at_quote(document_id, "November 24, 1934", tags=["meeting"])
    assert recognised.timeline.entries(tag="Meeting")
    with pytest.raises(ReaderError, match="no note is tagged “meetng”: did you mean meeting?"):
        recognised.timeline.entries(tag="meetng")


def test_a_timeline_tag_is_found_accents_aside_and_one_only_in_the_trash_is_said_so(recognised):
    """"Urgoo" found nothing of the tag "Ürgöö" (search's tag: finds it), and a tag only trashed notes carry was
    refused with itself as the nearest ("no note is tagged “removal”: did you mean removal?") (audit CL L4, L6)."""
    document_id = _doc(recognised, MEETING_002)
    recognised.annotations.create_at_quote(document_id, "November 24, 1934", tags=["Ürgöö"])
    assert recognised.timeline.entries(tag="Urgoo") == recognised.timeline.entries(tag="ürgöö") != []
    trashed = recognised.annotations.create_at_quote(document_id, "November 24, 1934", tags=["removal"])
    recognised.annotations.delete(trashed.id)
    with pytest.raises(ReaderError, match="^only notes in the Trash are tagged “removal”$"):
        recognised.timeline.entries(tag="removal")

def test_a_sources_own_date_in_its_byline_is_not_on_the_timeline(recognised):
    """"Mondo International Updated on 2024-02-17" and "Oriental Studies (Jun 2021)" date the articles, not what they
    tell: a byline or heading giving the document's date of publication is left off the timeline (a 1930s
    timeline stretched to 2024), while a sentence giving that date, and any other date in a byline, stay on it."""
    values = {(e.file_name, e.value) for e in recognised.timeline.entries()}
    assert ("001_c9451cbdf41c54f1.txt", "2024-02-17") not in values and (MEETING_002, "2021-06") not in values
    assert (MEETING_002, "1934-11-24") in values  # its title's date is the meeting's, not its own
    document_id = _doc(recognised, MEETING_000)
    recognised.documents.update_metadata(document_id, {"date_published": "1934-11-15"})
    values = {(e.file_name, e.value) for e in recognised.timeline.entries()}
    assert (MEETING_000, "1934-11-15") in values  # "The two met on November 15, 1934." tells of the meeting


def test_a_persons_life_dates_are_not_on_the_timeline(recognised):
    """'Urlug Janjin Demid (1900-1937)' gives a man's years, not something that happened in them: as a 38-year bar
    it lay under every mark of its source and stretched every view back to 1900. A range that follows no person's
    name stays."""
    values = {(e.file_name, e.value) for e in recognised.timeline.entries()}
    assert ("003_bfdd3a082e8d2a08.txt", "1900..1937") not in values
    assert any(e.precision in ("range", "decade") for e in recognised.timeline.entries())  # 'the early 1930s'


def test_annotation_note_dates_join_the_timeline(recognised):
    """A date written in a note places the annotated passage on the timeline."""
    document_id = _doc(recognised, MEETING_000)
    start = recognised.documents.text(document_id).text.index("Genden Gets Corrected")
    recognised.annotations.create(document_id, start, start + 21, note="Archive copy dated 3 March 1935")
    entry = next(e for e in recognised.timeline.entries() if e.origin == "note")
    assert (entry.value, entry.document_id) == ("1935-03-03", document_id)


def test_meeting_is_one_event_in_conflict(recognised):
    """15 vs 24 November 1934 with the same people is one event, in conflict; the execution agrees."""
    events = recognised.timeline.events()
    meeting = next(e for e in events if {x.value for x in e.entries} >= {"1934-11-15", "1934-11-24"})
    assert meeting.conflict and "Joseph Stalin" in meeting.entities
    execution = next(e for e in events if any(x.value == "1937-11-26" for x in e.entries))
    assert not execution.conflict and len(execution.documents) == 2
    assert meeting in recognised.timeline.conflicts() and execution not in recognised.timeline.conflicts()


def test_one_act_told_in_the_same_words_is_a_conflict_however_far_apart(recognised):
    """The protocol signed 'March 12, 1934' (003) and 'in 1936' (002): too far apart, and a bare year too coarse, to
    be one event by their dates, but told in the same words ('mutual assistance … signed'): one event, in conflict,
    with no link needed."""
    protocol, pact = _doc(recognised, "003_bfdd3a082e8d2a08.txt"), _doc(recognised, MEETING_002)
    conflict = next(c for c in recognised.timeline.conflicts() if any(e.value == "1936" for e in c.entries))
    assert {(e.document_id, e.value) for e in conflict.entries} == {(protocol, "1934-03-12"), (pact, "1936")}
    assert conflict.reasons == ("same words: assistance signed, mutual assistance",)


def test_passages_linked_as_contradicting_are_a_conflict_however_far_apart(recognised):
    """A user's judgement joins what neither dates nor words can: 000's second meeting 'in early 1935', linked as
    contradicting 002's summit of November 24, 1934, is one event in conflict until the link is deleted."""
    again, summit = _doc(recognised, MEETING_000), _doc(recognised, MEETING_002)

    def in_conflict(document_id, value):
        return any(e.document_id == document_id and e.value == value for c in recognised.timeline.conflicts()
                   for e in c.entries)

    assert not in_conflict(again, "1935 early")
    passages = [_passage(recognised, again, "Genden met again with the Soviet “father” in early 1935"),
                _passage(recognised, summit, "The summit meeting of November 24, 1934")]
    link = recognised.links.link(*passages, "contradicts")
    conflict = next(c for c in recognised.timeline.conflicts() if any(e.value == "1935 early" for e in c.entries))
    assert (summit, "1934-11-24") in {(e.document_id, e.value) for e in conflict.entries}
    assert "linked as contradicting" in conflict.reasons
    with pytest.raises(ReaderError, match="you linked"):  # judged one by the user: 'not one event' would only
        recognised.timeline.dissolve(conflict)  # dismiss the pair the user linked, and leave the event as it was
    assert len(recognised.parallels.dismissals()) == 0
    recognised.links.delete(link.id)
    assert not in_conflict(again, "1935 early")


def test_passages_linked_as_one_event_are_one_event_on_the_timeline(recognised):
    """A link saying two passages tell one event (or corroborate each other) joins them on the timeline as a link
    saying they contradict each other does: the banquet's 'winter night in 1935' and the pipe's 'turn of 1936',
    linked as the same event, stayed two loose marks. (Their dates can meet, in December 1935: no conflict.)"""
    banquet, pipe = _doc(recognised, "001_c9451cbdf41c54f1.txt"), _doc(recognised, MEETING_000)
    ends = [_passage(recognised, banquet, "On a winter night in 1935, at a banquet in Moscow"),
            _passage(recognised, pipe, "At the turn of 1936, Genden a visit to Moscow")]
    recognised.links.link(*ends, "same_event")
    event = next(c for c in recognised.timeline.events() if any(e.value == "1935 winter" for e in c.entries))
    assert (pipe, "1936 turn") in {(e.document_id, e.value) for e in event.entries}
    assert "linked as one event" in event.reasons and not event.conflict


def test_timeline_exports_csv_and_escaped_html(recognised, tmp_path):
    """CSV has a row per entry with its event; the HTML page stands alone and escapes what the texts hold."""
    count = recognised.timeline.export(tmp_path / "t.csv", "csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == count and any(r["conflict"] == "yes" and r["value"] == "1934-11-15" for r in rows)
    told_apart = [(r["document"], r["value"], r["start"], r["date_at"]) for r in rows]  # a year given twice in one
    assert len(set(told_apart)) == len(told_apart)  # passage made two rows alike
    recognised.timeline.export(tmp_path / "t.html", "html")
    page = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "independence?»" in page
    assert "Genden’s" not in page or "&lt;" not in page.split("<svg")[0]
    conflicts = page.split("<h2>Conflicts</h2>")[1]  # each source's sentence giving its date, not its paragraph's start
    assert "(1934-11-15) — The two met on November 15, 1934.</li>" in conflicts


def test_hints_set_dates_numbers_and_names_side_by_side(empty_workspace, shared_model, tmp_path):
    """Two tellings of one meeting: same people, other day, other count, other city; hints say each, 'contradicts'."""
    [found] = suggestions_for_first(
        empty_workspace, shared_model, tmp_path,
        "General Ivanov met Marshal Petrov in Berlin on 3 May 1941. They signed twenty agreements about the railway.\n",
        "General Ivanov met Marshal Petrov in Warsaw on 9 May 1941. They signed twelve agreements about the railway.\n")
    assert found.relation == "contradicts" and found.other.file_name == "b.txt"
    assert "dates: 1941-05-03 / 1941-05-09" in found.hints
    assert "numbers: twenty / twelve (agreements)" in found.hints
    assert "places: Berlin / Warsaw" in found.hints
    assert any(r.startswith("both:") and "Ivanov" in r for r in found.reasons)


def test_a_city_and_its_country_are_no_disagreement(empty_workspace, shared_model, tmp_path):
    """'Moscow' in one account and 'Russia' in the other name one place at two scales, not two places in the same
    role: they were shown as a disagreement ('places: Moscow / Russia', 'Ulaanbaatar / Mongolia' in the sample)."""
    found = suggestions_for_first(
        empty_workspace, shared_model, tmp_path,
        "On March 12, 1934, General Ivanov signed the protocol of mutual assistance in Moscow.\n",
        "On March 12, 1934, General Ivanov signed the protocol of mutual assistance in Russia.\n")
    assert found and not any(hint.startswith("places:") for s in found for hint in s.hints)


def test_a_town_the_user_linked_lies_in_the_country_of_its_link(empty_workspace, shared_model, tmp_path):
    """A place the user linked by hand to GeoNames is placed by that link: 'Paris' linked to Paris, Texas lies in
    the United States, so 'places: Paris / United States' is no disagreement (read by its name alone, Paris was the
    French capital, whatever the register said)."""
    texts = ("On March 12, 1934, General Ivanov signed the protocol of mutual assistance in Paris.\n",
             "On March 12, 1934, General Ivanov signed the protocol of mutual assistance in the United States.\n")
    found = suggestions_for_first(empty_workspace, shared_model, tmp_path, *texts)
    assert any(hint == "places: Paris / United States" for s in found for hint in s.hints)
    paris = next(e for e in empty_workspace.entities.register() if e.name == "Paris")
    empty_workspace.entities.choose_place(paris.id, 4717560)  # Paris, Texas
    found = empty_workspace.parallels.suggest(empty_workspace.documents.resolve("a.txt").id, top=5)
    assert found and not any(hint.startswith("places:") for s in found for hint in s.hints)


def test_a_place_both_passages_name_is_no_disagreement(recognised):
    """'places: Outer Mongolia, Soviet Union / Japan, Mongolia, USSR' set Mongolia against a passage that names it:
    a name the other passage gives anywhere is not a name in another role."""
    for suggestion in recognised.parallels.suggest(_doc(recognised, "001_c9451cbdf41c54f1.txt"), top=20):
        for hint in suggestion.hints:
            if hint.startswith("places: "):
                mine, theirs = (side.split(", ") for side in hint.removeprefix("places: ").split(" / "))
                assert not any(name in suggestion.source.text for name in theirs), hint
                assert not any(name in suggestion.other.text for name in mine), hint


def test_dates_of_unrelated_acts_are_no_disagreement_nor_one_event(empty_workspace, shared_model, tmp_path):
    """Two acts five days apart, sharing no name and no wording, are no 'dates' disagreement (the hint told a
    historian the sources disagreed); two passages alike in meaning whose dates are thirteen years apart are not
    'same event' but 'see also'."""
    found = suggestions_for_first(
        empty_workspace, shared_model, tmp_path,
        "The presidium of the party convened on January 20, 1936, to discuss the threats from abroad.\n"
        "In 1921 the Soviet government recognised the People's Government of Mongolia as the sole legitimate "
        "government of the country.\n",
        "Military assistance was requested by the ministry on January 25, 1936, after long talks.\n"
        "In 1934 the Soviet note recognised the government of Outer Mongolia as an integral part of China.\n")
    presidium = next(s for s in found if "presidium" in s.source.text)
    assert "dates 1936-01-20 / 1936-01-25" in presidium.reasons  # close dates still tie them, as a reason
    assert not presidium.hints and presidium.relation == "see_also"
    recognised = next(s for s in found if "In 1921" in s.source.text)
    assert recognised.relation == "see_also"


def _dated(document_id: int, passage: str, date_text: str, value: str, names: tuple[str, ...] = ()):
    from reader.core.records.compare import TimelineEntry

    span = dating.span(value)
    return TimelineEntry(document_id, f"{document_id}.txt", "", 0, len(passage), date_text, value, span.precision,
                         dating.iso(span.first), dating.iso(span.last), passage, entities=names)


def test_retold_needs_two_word_pairs_that_are_not_names():
    """Protects the timeline from false conflicts: a role many events share ('Prime Minister of Mongolia') is one
    word pair once the name is left out, not a retelling; the pact's wording is; a pair said twice counts once."""
    from reader.core.compare.retold import retold_pairs

    entries = [_dated(1, "In July 1932, Genden became Prime Minister of Mongolia.", "July 1932", "1932-07",
                      ("Mongolia", "Peljidiin Genden")),
               _dated(2, "In 1936 Amar became Prime Minister of Mongolia.", "1936", "1936", ("Mongolia",)),
               _dated(3, "On March 12, 1934, a Protocol of Mutual Assistance was signed.", "March 12, 1934",
                      "1934-03-12"),
               _dated(4, "The pact of mutual assistance signed in 1936 held.", "1936", "1936"),
               _dated(5, "Mutual assistance, mutual assistance: so it ran in 1950.", "1950", "1950")]
    assert retold_pairs(entries) == {(2, 3): ["assistance signed", "mutual assistance"]}
    diaries = [_dated(1 + n % 2, f"The weather was fine and cold on day {n} in 1935.", "1935", "1935")
               for n in range(3000)]  # a formula two diaries repeat daily: not one act, and not 2,250,000 pairs
    assert retold_pairs(diaries) == {}


def test_an_event_judged_not_one_parts_until_undone(recognised):
    """Protects the user's judgement over the timeline's guess: the protocol event dissolved stays apart (and its
    pair is no longer a parallel suggestion) until the step is undone."""
    def protocol_events():
        return [c for c in recognised.timeline.conflicts() if any(e.value == "1936" for e in c.entries)]

    assert recognised.timeline.dissolve(protocol_events()[0]) == 1
    assert protocol_events() == []
    pact = _doc(recognised, MEETING_002)
    assert not any("Protocol of Mutual Assistance" in s.other.text and "signed in 1936" in s.source.text
                   for s in recognised.parallels.suggest(pact, top=30))
    recognised.history.undo()
    assert len(protocol_events()) == 1


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 30).flatmap(lambda size: st.tuples(
    st.just(size), st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)), max_size=60))))
def test_components_are_the_connected_parts(case):
    """Protects the array union-find: two items share a representative exactly when pairs connect them."""
    import numpy as np

    from reader.core.compare.joining import components

    size, pairs = case
    roots = components(size, np.array([p[0] for p in pairs], np.int64), np.array([p[1] for p in pairs], np.int64))
    reach = {i: {i} for i in range(size)}
    for _ in range(size):
        for one, two in pairs:
            reach[one] = reach[two] = reach[one] | reach[two]
    for one in range(size):
        for two in range(size):
            assert (roots[one] == roots[two]) == (two in reach[one])


def test_a_dismissal_made_long_ago_is_listed_and_brought_back(recognised):
    """Undo reaches only the latest steps: a pair dismissed many steps ago is listed with its texts, newest first,
    and brought back in one undoable step, after which it is suggested again."""
    meeting_doc = _doc(recognised, MEETING_000)
    meeting = _meeting(recognised.parallels.suggest(meeting_doc, top=10))
    recognised.parallels.dismiss(meeting)
    for n in range(3):  # later work the undo history would have to unwind first
        recognised.annotations.create(meeting_doc, n, n + 5, note=f"later {n}")
    [dismissal] = recognised.parallels.dismissals()
    assert dismissal.key == meeting.key
    assert {dismissal.one.excerpt, dismissal.two.excerpt} == {meeting.source.excerpt, meeting.other.excerpt}
    assert "The two met on November 15, 1934." in dismissal.one.text + dismissal.two.text
    recognised.parallels.bring_back(dismissal)
    assert recognised.parallels.dismissals() == [] and recognised.history.next_undo() == "Bring back dismissed pair"
    assert _meeting(recognised.parallels.suggest(meeting_doc, top=10)).key == meeting.key
    recognised.history.undo()
    assert [d.key for d in recognised.parallels.dismissals()] == [meeting.key]


def test_a_dismissal_holds_through_a_new_version_of_its_document(recognised, tmp_path):
    """A dismissed pair does not come back when one of its documents gets a new version (a corrected text, or the
    file imported again) with words changed before the passage: the judgement moves with the text, as notes do."""
    meeting_doc = _doc(recognised, MEETING_000)
    meeting = _meeting(recognised.parallels.suggest(meeting_doc, top=10))
    recognised.parallels.dismiss(meeting)
    text = recognised.documents.text(meeting_doc).text
    recognised.documents.correct_text(meeting_doc, "A corrected first line. " + text)
    recognised.entities.ensure_current()
    assert not any("November 15, 1934" in s.source.text and "Stalin Talking to P. Genden" in s.other.text
                   for s in recognised.parallels.suggest(meeting_doc, top=30))
    [dismissal] = recognised.parallels.dismissals()
    assert dismissal.key != meeting.key and dismissal.one.text == meeting.source.text  # its passage, moved
    assert dismissal.one.excerpt == meeting.source.excerpt  # and the sentence that tied the pair with it


def test_reasons_name_words_as_the_passages_write_them(recognised):
    """Reasons listed the stems the ranking compares ('execut', 'countri', 'includ military'): each shared word
    and phrase reads as the passage writes it."""
    import re

    for info in recognised.documents.list():
        for suggestion in recognised.parallels.suggest(info.id, top=10):
            written = set(re.findall(r"[\w’'-]+", suggestion.source.text.lower()))
            for reason in suggestion.reasons:
                if reason.startswith(("words: ", "phrases: ")):
                    shown = reason.split(": ", 1)[1].replace(",", " ").split()
                    assert set(shown) <= written, (reason, suggestion.source.text[:80])


def test_a_document_and_its_whole_range_get_the_same_suggestions(recognised):
    """`parallels DOC` and `parallels DOC --start 0 --end LENGTH` differed: the range kept passages too short to tell
    anything (a heading), which the document leaves out, so the lists, their numbers and scores differed."""
    document_id = _doc(recognised, MEETING_000)
    length = len(recognised.documents.text(document_id).text)
    whole = recognised.parallels.suggest(document_id, top=20)
    ranged = recognised.parallels.suggest(document_id, 0, length, top=20)
    assert [(s.key, s.score) for s in ranged] == [(s.key, s.score) for s in whole]


def test_a_link_joins_the_dates_of_its_sentences_not_of_their_whole_paragraphs(recognised):
    """Two accounts of Genden's execution on 26 November 1937, linked as corroborating, made a new conflict: the
    link joined every date of their paragraphs ('the summer of 1937' of his arrest, Demid's journey of 23 July)."""
    executed, sentenced = _doc(recognised, MEETING_000), _doc(recognised, "001_c9451cbdf41c54f1.txt")
    before = len(recognised.timeline.conflicts())
    ends = [_passage(recognised, executed, "Genden was executed in Moscow on November 26, 1937"),
            _passage(recognised, sentenced, "On November 26, 1937, a special Soviet tribunal sentenced Genden")]
    recognised.links.link(*ends, "corroborates")
    assert len(recognised.timeline.conflicts()) == before
    event = next(e for e in recognised.timeline.events() if "linked as corroborating" in e.reasons)
    assert {e.value for e in event.entries} == {"1937-11-26"}


def test_a_corrected_date_leaves_no_phantom_from_a_highlight_of_the_old_words(recognised):
    """A highlight of 'The two met on November 15, 1934.' kept its old words after the text was corrected to 24
    November (it awaits review): the timeline showed 15 November from those words, a date the text no longer gives."""
    document_id = _doc(recognised, MEETING_000)
    recognised.annotations.create_at_quote(document_id, "The two met on November 15, 1934.")
    text = recognised.documents.text(document_id).text
    recognised.documents.correct_text(document_id, text.replace("met on November 15, 1934", "met on November 24, 1934"))
    recognised.entities.ensure_current()
    assert not [e for e in recognised.timeline.entries() if e.document_id == document_id and e.value == "1934-11-15"]


def test_the_timeline_is_cut_at_dates_as_texts_write_them(recognised):
    """`timeline --from 'early 1935'` was refused, though the timeline reads that phrase in the texts."""
    entries = recognised.timeline.entries(date_from="early 1935", date_to="the turn of 1936")
    assert entries and all(e.last >= "1935-01-01" and e.first <= "1936-02-28" for e in entries)
    with pytest.raises(ReaderError, match="a date as a text writes it"):
        recognised.timeline.entries(date_from="banana")


def _against(suggestions, other):
    """The suggestions pairing a passage with `other` (a PassageRef), whatever the range ranked."""
    return [s for s in suggestions if (s.other.document_id, s.other.start, s.other.end)
            == (other.document_id, other.start, other.end)]


def test_a_pair_dismissed_on_a_selection_stays_dismissed_for_the_whole_document(recognised):
    """A pair judged not parallel while one sentence was ranked is not suggested when the whole document is, nor
    the other way round: the dismissal was kept under the range ranked, and any other range suggested it again."""
    document_id = _doc(recognised, MEETING_000)
    sentence = _passage(recognised, document_id, "The two met on November 15, 1934.")
    on_sentence = next(s for s in recognised.parallels.suggest(document_id, sentence.start, sentence.end, top=10)
                       if s.other.file_name == MEETING_002)
    recognised.parallels.dismiss(on_sentence)
    whole = recognised.parallels.suggest(document_id, top=30)
    assert not [s for s in _against(whole, on_sentence.other) if s.source.start <= sentence.start < s.source.end]
    recognised.history.undo()
    meeting = _meeting(recognised.parallels.suggest(document_id, top=10))
    recognised.parallels.dismiss(meeting)
    assert not _against(recognised.parallels.suggest(document_id, sentence.start, sentence.end, top=30),
                        meeting.other)


def test_a_linked_suggestion_cannot_be_dismissed(recognised):
    """A pair the user linked is judged parallel: dismissing it too (Delete on its row, `--dismiss`) hid the link's
    row and left the pair both linked and 'not parallel'. It is refused, saying how to part them."""
    document_id = _doc(recognised, MEETING_000)
    meeting = _meeting(recognised.parallels.suggest(document_id, top=10))
    recognised.links.link(*meeting.to_link(), "contradicts")
    linked = _meeting(recognised.parallels.suggest(document_id, top=10))
    assert linked.linked == "contradicts"
    with pytest.raises(ReaderError, match="linked"):
        recognised.parallels.dismiss(linked)
    assert len(recognised.parallels.dismissals()) == 0


def test_a_date_in_a_note_does_not_settle_a_conflict_between_sources(recognised):
    """A historian's note on the disputed sentence naming the other source's date ('Zhabaeva gives 24 November
    1934') dated the source by it, and the meeting's conflict vanished from Conflicts and the exports. The note's
    date stays on the timeline; what the sources themselves say decides the conflict."""
    document_id = _doc(recognised, MEETING_000)
    sentence = _passage(recognised, document_id, "The two met on November 15, 1934.")
    recognised.annotations.create(document_id, sentence.start, sentence.end,
                                  note="Zhabaeva's transcript gives 24 November 1934; the 15th is a misprint.")
    meeting = next(e for e in recognised.timeline.conflicts() if any(x.value == "1934-11-15" for x in e.entries))
    assert {"1934-11-15", "1934-11-24"} <= {x.value for x in meeting.entries}


def test_a_filter_hides_marks_and_leaves_the_verdicts(recognised):
    """The timeline filtered to late November 1934 still shows 002's summit in conflict with 000's 15 November,
    under the event number the whole timeline gives it: the events were grouped among the shown marks alone, so a
    filter (or an export of it) said there was no conflict and renumbered the events."""
    every = {event.id: event.conflict for event in recognised.timeline.events()}
    shown, events = recognised.timeline.view(date_from="1934-11-20", date_to="1934-12")
    summit = next(e for e in shown if e.value == "1934-11-24")
    event = next(event for event in events if summit in event.entries)
    assert event.conflict and every[event.id] and "1934-11-15" in {x.value for x in event.entries}
    assert all(every[event.id] == event.conflict for event in events)


def test_the_disputed_sentence_ranked_alone_still_contradicts(recognised):
    """'The two met on November 15, 1934.' selected and ranked alone is of Stalin and Genden, named in the sentences
    before it: ranked without its passage's names, the summit of 24 November was 'see also' with no disagreement
    listed, and L linked it so, where its paragraph said 'contradicts, dates 1934-11-15 / 1934-11-24'."""
    document_id = _doc(recognised, MEETING_000)
    sentence = _passage(recognised, document_id, "The two met on November 15, 1934.")
    summit = next(s for s in recognised.parallels.suggest(document_id, sentence.start, sentence.end, top=10)
                  if s.other.file_name == MEETING_002 and "November 24, 1934" in s.other.text)
    assert summit.relation == "contradicts" and "dates: 1934-11-15 / 1934-11-24" in summit.hints
    assert (summit.source.start, summit.source.end) == (sentence.start, sentence.end)


@pytest.mark.parametrize(("first", "second"), [
    ("Peljidiin Genden met Joseph Stalin in Moscow before 24 November 1934.",
     "Peljidiin Genden met Joseph Stalin in Moscow on 15 November 1934."),
    ("Vladimir Lenin and Leon Trotsky took the Winter Palace in Petrograd on 25 October 1917 (O.S.).",
     "Vladimir Lenin and Leon Trotsky took the Winter Palace in Petrograd on 7 November 1917."),
    ("Peljidiin Genden met Joseph Stalin in Moscow at the end of 1934.",
     "Peljidiin Genden met Joseph Stalin in Moscow on 24 September 1934."),
    ("Peljidiin Genden met Joseph Stalin in Moscow in early 1935.",
     "Peljidiin Genden met Joseph Stalin in Moscow on 2 May 1935."),
], ids=["a bound", "old style", "the end of a year", "early in a year"])
def test_dates_that_agree_as_written_make_no_conflict(empty_workspace, shared_model, tmp_path, first, second):
    """'before 24 November' and 'on 15 November', or 25 October Old Style and 7 November, agree: each was read as
    another day, and the timeline called the sources in conflict. The bound's mark stands at its own date. A vague
    part of a year ("the end of 1934": October to December, as the program reads it) is no contradiction of a day a
    few weeks outside it (24 September)."""
    suggestions_for_first(empty_workspace, shared_model, tmp_path, first, second)
    assert empty_workspace.timeline.conflicts() == []
    entries, _events = empty_workspace.timeline.view()
    assert all(entry.first >= "1900" for entry in entries) and len(entries) == 2


def test_the_timeline_page_has_an_axis_at_any_span():
    """The HTML timeline drew only 1 January of each year: dates within one year (the November 1934 meeting) had no
    axis at all, the page unreadable without hovering each mark. Months, or days, are drawn as the span asks."""
    from datetime import date

    from reader.core.compare.timeline_export import WIDTH, _ticks

    def labels(first: date, last: date) -> list[str]:
        span = last.toordinal() - first.toordinal()
        drawn = _ticks(first.toordinal(), last.toordinal(), (WIDTH - 240) / max(span, 1), 2)
        return [part.split("<")[0] for part in drawn.split('font-size="10">')[1:]]

    assert labels(date(1934, 11, 15), date(1934, 11, 24))[:2] == ["15 Nov 1934", "16"]
    assert "Jan 1935" in labels(date(1934, 9, 1), date(1935, 6, 30))
    assert labels(date(1900, 1, 1), date(1937, 12, 31))[:2] == ["1900", "1905"]


def test_passages_are_the_text_as_written_at_their_own_places(empty_workspace, shared_model, tmp_path):
    """Passages were read from the search index, whose text is folded for searching: ligatures made longer and
    invisible marks dropped moved every later passage's place (Parallels flashed other words), and the Timeline
    showed 'Mongol' for '𝔐𝔬𝔫𝔤𝔬𝔩'. They are the document's own text, where it stands."""
    text = ("The 𝔐𝔬𝔫𝔤𝔬𝔩 chronicle: the ﬁrst ﬁve ﬁ\u00adgures of the pu\u00adrge.\n\n"
            "Peljidiin Genden met Joseph Stalin in Moscow on 15 November 1934.\n")
    suggestions_for_first(empty_workspace, shared_model, tmp_path, text, "Nothing dated here at all.\n")
    stored = empty_workspace.documents.text(empty_workspace.documents.resolve("a.txt").id).text
    entries, _events = empty_workspace.timeline.view()
    [entry] = [e for e in entries if e.value == "1934-11-15"]
    assert stored[entry.start:entry.end] == entry.passage and "Genden met" in entry.passage
    from reader.core.compare.passages import passages
    from reader.core.storage import compare as store

    assert any("𝔐𝔬𝔫𝔤𝔬𝔩" in piece.text for piece in passages(store.all_lines(empty_workspace.db)))


def test_the_corpus_setting_alone_makes_no_event_of_a_week(empty_workspace, shared_model, tmp_path):
    """Four sources on one week in Paris, each telling another act with other people: every dated passage named
    Paris, so the whole week was one event, in conflict ("the sources' dates cannot all be right"). A name most
    dated passages give is the corpus's setting: alone it joins no two different days."""
    accounts = ["In Paris on 11 July 1789 King Louis dismissed Jacques Necker from the ministry.",
                "In Paris on 12 July 1789 Camille Desmoulins spoke to the crowd at the Palais Royal.",
                "In Paris on 14 July 1789 the crowd killed Bernard de Launay at the fortress.",
                "In Paris on 17 July 1789 the King received the cockade from Jean Sylvain Bailly."]
    _recognised(empty_workspace, shared_model, tmp_path, [text + "\n" for text in accounts])
    assert all("Paris" in entry.entities for entry in empty_workspace.timeline.view()[0])
    assert empty_workspace.timeline.conflicts() == []


def test_numbers_written_in_words_of_any_size_are_counted():
    """'about eighty men' beside 'ninety-eight men' (the dead of one siege, as two witnesses count them) was no
    disagreement: eighty, ninety and the numbers written with a hyphen were not read as numbers."""
    from reader.core.compare.words import stem

    assert counted("about eighty men were killed", []) == {stem("men"): {"eighty"}}
    assert counted("ninety-eight men fell; seventeen guards", []) == {stem("men"): {"ninety-eight"},
                                                                      stem("guards"): {"seventeen"}}
    assert counted("on the forty-third day", []) == {}


def test_one_shared_name_and_two_near_days_are_no_contradiction(empty_workspace, shared_model, tmp_path):
    """The demolition of the Bastille (15 July) was suggested as contradicting its storming (14 July): they share
    the fortress's name and near dates, and tell two acts. One shared name and two near days are passages to see
    together; a contradiction needs a second shared name or the same words."""
    found = suggestions_for_first(
        empty_workspace, shared_model, tmp_path,
        "On 15 July 1789 the contractor Pierre Palloy set eight hundred workmen to pull down the Bastille.\n",
        "On 14 July 1789 the crowd from the faubourgs laid siege to the Bastille and took it by the afternoon.\n")
    assert found and all(s.relation != "contradicts" for s in found)


def test_the_subject_of_a_corpus_still_joins_its_conflicting_dates(empty_workspace, shared_model, tmp_path):
    """A corpus on one man names him in every dated passage: taken for the corpus's setting, he joined no two
    different days, and 'executed on 26 November' against 'shot on 30 November' was no conflict. Only a place is
    a setting; the person every source is about is what they disagree on."""
    accounts = ["Genden was born in 1895 in Khudaa.\n\nGenden became prime minister in July 1932.\n\nGenden was "
                "arrested in Moscow on 17 July 1937.\n\nGenden was executed on 26 November 1937.\n",
                "In 1932 Genden took the office of prime minister.\n\nGenden was detained in the summer of 1937 while "
                "on holiday in the Crimea.\n\nGenden was shot on 30 November 1937 after a short trial.\n"]
    _recognised(empty_workspace, shared_model, tmp_path, accounts)
    [conflict] = empty_workspace.timeline.conflicts()
    assert sorted(entry.value for entry in conflict.entries) == ["1937-11-26", "1937-11-30"]


def test_a_count_in_words_and_in_figures_is_one_count():
    """"eighty men" beside "80 men" was a disagreement (the numbers were compared as written), "twenty-five men"
    was not read at all, and "two hundred men" was a hundred."""
    from reader.core.compare.judge import _numbers_differing
    from reader.core.compare.words import number_value

    assert _numbers_differing("About eighty men were killed.", "About 80 men were killed.") == []
    assert _numbers_differing("Twenty-five men fell.", "Seventy men fell.") == ["numbers: twenty-five / seventy (men)"]
    assert [number_value(n) for n in ("two hundred", "one hundred and twenty", "hundred thousand", "1,200",
                                      "eighty-three")] == [200, 120, 100_000, 1200, 83]
    assert counted("two hundred men", []) == {stem("men"): {"two hundred"}}


def test_a_figure_with_its_thousands_spaced_is_one_count():
    """French and German print thousands apart with a space ("devant 5 000 hommes"): the count was read as 000, and
    "5 000 hommes" beside "6 000 hommes" was no disagreement; "5 000" and "5,000" are one count."""
    from reader.core.compare.judge import _numbers_differing

    assert _numbers_differing("devant 5 000 hommes de la garnison", "devant 6 000 hommes de la garnison") == [
        "numbers: 5 000 / 6 000 (hommes)"]
    assert _numbers_differing("before 5 000 men", "before 5,000 men") == []
    assert counted("In 1934 1000 men came", []) == {"men": {"1000"}}  # a year and a count, not "934 100"


def test_thousands_set_apart_by_any_space_or_a_german_dot_are_one_count_and_a_day_is_not_one_of_them():
    """"5 000" beside "5\u2009000" (a thin space, as digitised French prints it) was "5 000 / 000"; German "5.000
    Mann" was 5 men; and "on July 1 780 men" glued the day to the count, set against "780 men" as a disagreement."""
    from reader.core.compare.judge import _numbers_differing

    assert _numbers_differing("devant 5 000 hommes", "devant 5\u2009000 hommes") == []
    assert _numbers_differing("vor 5.000 Mann", "vor 5 000 Mann") == []
    assert _numbers_differing("on July 1 780 men advanced", "780 men advanced") == []
    assert _numbers_differing("on July 1 780 men advanced", "880 men advanced") == ["numbers: 780 / 880 (men)"]
    assert _numbers_differing("En juillet 12 000 hommes partirent", "En juillet, 12 000 hommes partirent") == []
    assert _numbers_differing("Im August 12 000 Mann fielen", "Im August fielen 12 000 Mann") == []


def test_counts_of_one_thing_in_several_roles_are_not_matched_to_one_count():
    """"2,201 persons on board ... 705 persons saved" beside "1,490 persons were lost" was a disagreement (numbers:
    2,201, 705 / 1,490 persons): a passage counting one thing in several roles cannot be matched, number for
    number, to another's count of it without knowing which role each tells."""
    from reader.core.compare.judge import _numbers_differing

    assert _numbers_differing("Of the 2,201 persons on board, 705 persons were saved.",
                              "In all 1,490 persons were lost.") == []
    assert _numbers_differing("In all 1,503 persons were lost.", "In all 1,490 persons were lost.") == [
        "numbers: 1,503 / 1,490 (persons)"]


def test_a_dated_sentence_runs_past_abbreviations_and_initials():
    """The sentence giving a date ended at "11.40 p.m.", at the date's own "Dec." and at "I. V.": the names told
    after them were lost, and two sources dating the Kirov murder 1 and 2 December made no conflict."""
    from reader.core.compare.passages import sentence_bounds

    cases = ["Murdoch kept the watch. On 14 April 1912 at 11.40 p.m. the Titanic struck an iceberg. It sank.",
             "The guards were few. On Dec. 1, 1934 Nikolaev shot Kirov in the corridor. Panic followed.",
             "Moscow mourned. On 5 March 1953 I. V. Stalin died at Kuntsevo. The funeral came.",
             "Order No. 5 was issued on 2 May 1937 by Mr. Yezhov. It named them."]
    said = ["On 14 April 1912 at 11.40 p.m. the Titanic struck an iceberg.",
            "On Dec. 1, 1934 Nikolaev shot Kirov in the corridor.",
            "On 5 March 1953 I. V. Stalin died at Kuntsevo.", "Order No. 5 was issued on 2 May 1937 by Mr. Yezhov."]
    for text, sentence in zip(cases, said, strict=True):
        begin, end = sentence_bounds(text, text.index(sentence) + 5)
        assert text[begin:end] == sentence


def test_a_german_ordinal_day_before_its_month_ends_no_sentence():
    """"am 22. Dezember 1894" ended the sentence at "22.": the timeline, Parallels and every export quoted "Das
    Kriegsgericht … hatte ihn am 22." without the date it is about. A figure's stop before a month is an ordinal."""
    from reader.core.compare.passages import sentence_bounds, sentences

    text = ("Paris, den 5. Januar 1895. Das Kriegsgericht hatte ihn am 22. Dezember 1894 verurteilt. "
            "Heute wurde er degradiert.")
    said = "Das Kriegsgericht hatte ihn am 22. Dezember 1894 verurteilt."
    begin, end = sentence_bounds(text, text.index("22."))
    assert text[begin:end] == said
    assert sentences(text) == ["Paris, den 5. Januar 1895.", said, "Heute wurde er degradiert."]


def test_a_german_ordinal_before_a_roman_or_shortened_month_ends_no_sentence_and_no_day_over_31_is_one():
    """"am 22. XII. 1894" and "am 22. Dez. 1894" still ended their sentences at "22."; and "von 11 auf 35. August
    Bebel führte…" was one sentence, 35 taken for a day."""
    from reader.core.compare.passages import sentences

    for month in ("XII.", "Dez."):
        said = f"Das Kriegsgericht hatte ihn am 22. {month} 1894 verurteilt."
        assert sentences(f"{said} Heute wurde er degradiert.") == [said, "Heute wurde er degradiert."]
    text = "Die Fraktion wuchs von 11 auf 35. August Bebel führte sie."
    assert sentences(text) == ["Die Fraktion wuchs von 11 auf 35.", "August Bebel führte sie."]


def test_times_of_day_that_differ_are_a_disagreement():
    """"struck an iceberg at 10.40 o'clock" beside "at 11.40 p.m." (New York time against ship's time, the question
    a historian asks of this pair) was no disagreement: times were read as nothing. A time given alike on both sides,
    however written (2.20 a.m., 2:20 am), is none, nor one side giving a time more; a rate is no time."""
    from reader.core.compare.judge import _times_differing

    assert _times_differing("The ship struck an iceberg at 10.40 o'clock on Sunday night.",
                            "At 11.40 p.m. she struck the ice.") == ["times: 10.40 o'clock / 11.40 p.m."]
    assert _times_differing("She sank at 2.20 a.m.", "She foundered at 2:20 am, sir.") == []
    assert _times_differing("Shares fell 10.40 points.", "At 11.40 p.m. she struck.") == []
    assert _times_differing("At 23:40 the watch saw it.", "At 11.40 p.m. she struck.") == []
    assert _times_differing("As John 3:16 says, at 11.40 p.m.", "She struck at 11.40 p.m.") == []
    assert _times_differing("It struck at 11.40 p.m. and sank at 2.20 a.m.", "It struck at 11.40 p.m.") == []
    assert _times_differing("Boats went from 10:15 to 10:45.", "Boats went at 10:45.") == []
    assert _times_differing("Loans stood at 4:30 per cent.", "Loans stood at 5:30 per cent.") == []


def test_a_paragraph_of_several_dated_acts_joins_each_to_its_own(empty_workspace, shared_model, tmp_path):
    """A paragraph telling a sailing on 10 April and a landing on 18 April joined, by the names of the landing, the
    other source's landing and its memorial service of the 20th into one event "in conflict": an entry is joined
    by the names of the sentence giving its date (or, where that sentence names no one, those told before it)."""
    accounts = ["Captain Smith took the liner out of Southampton on 10 April 1912. Arthur Rostron landed the "
                "survivors at New York on 18 April 1912.\n",
                "Arthur Rostron reached New York with the survivors on 18 April 1912. Later, on 20 April 1912, a "
                "memorial service was held in St Paul's Cathedral.\n"]
    _recognised(empty_workspace, shared_model, tmp_path, accounts)
    assert empty_workspace.timeline.conflicts() == []
    [landing] = empty_workspace.timeline.events()
    assert [entry.value for entry in landing.entries] == ["1912-04-18", "1912-04-18"]


def test_a_day_inside_another_sources_season_naming_other_people_is_not_one_event(empty_workspace, shared_model,
                                                                                tmp_path):
    """Demid's death on 22 August 1937 beside Genden's arrest "in the summer of 1937" was suggested as "same event",
    preselected for the link, though the row said the people differ (audit CK K1): a day inside a season ties them
    in time, and only a name both give, or the same telling, makes them one event."""
    found = suggestions_for_first(
        empty_workspace, shared_model, tmp_path,
        "On August 22, 1937, Marshal Demid died from food poisoning at the Taiga railway station.\n",
        "In the summer of 1937, Genden was suddenly arrested at his dacha near Moscow.\n")
    death = next(s for s in found if "Demid" in s.source.text)
    assert "dates 1937-08-22 / 1937 summer" in death.reasons and death.relation == "see_also"

def _recognised(workspace, model, folder, accounts: list[str]) -> None:
    """The accounts imported as a library of their own, each a file, and recognised."""
    for number, text in enumerate(accounts):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    workspace.documents.import_paths(sorted(folder.glob("*.txt")))
    workspace.entities.model = model
    workspace.entities.ensure_current()


def test_a_mastheads_date_is_the_papers_own_not_an_event(empty_workspace, shared_model, tmp_path):
    """A newspaper's masthead ('Vol. LXXVI, No. 24,915 — New York, Tuesday, April 16, 1912 — Price One Cent') dated
    the paper and stayed on the timeline as an event: the full stop of 'Vol.' made it a line that tells something.
    A stop that ends an abbreviation ends no sentence."""
    _recognised(empty_workspace, shared_model, tmp_path, [
        "THE EVENING HERALD\nVol. LXXVI, No. 24,915 — New York, Tuesday, April 16, 1912 — Price One Cent\n\n"
        "The liner sank in the Atlantic yesterday morning, Monday, April 15, 1912, with Captain Smith.\n"])
    assert [entry.value for entry in empty_workspace.timeline.entries()] == ["1912-04-15"]


def test_a_dispatchs_event_told_this_morning_is_on_the_timeline_once_for_its_sentence(empty_workspace, shared_model,
                                                                                       tmp_path):
    """Under "PARIS, Jan. 5, 1895.—" the degradation "this morning" is 5 January and the prisoner told "yesterday
    evening" the 4th; a sentence giving one day twice (its dateline and "this morning") is one mark, not two."""
    _recognised(empty_workspace, shared_model, tmp_path, [
        "PARIS, Jan. 5, 1895.—Captain Dreyfus was degraded this morning at the Ecole Militaire.\n\n"
        "Yesterday evening the prisoner was told of the ceremony.\n"])
    assert [(entry.value, entry.text) for entry in empty_workspace.timeline.entries()] == [
        ("1895-01-04", "Yesterday evening"), ("1895-01-05", "Jan. 5, 1895")]


def test_a_sources_month_does_not_settle_a_conflict_its_own_day_makes(empty_workspace, shared_model, tmp_path):
    """"In November 1934 Genden led a delegation to Moscow … met Stalin on 15 November 1934" beside "on 24 November
    1934 Stalin received Genden" was no conflict: the month overlapped the other's day. A source's vaguer date of an
    event it also dates to the day says no more than that day."""
    _recognised(empty_workspace, shared_model, tmp_path, [
        "In November 1934 the prime minister Peljidiin Genden led a delegation to Moscow. Genden met Joseph Stalin "
        "in the Kremlin on 15 November 1934.\n",
        "On 24 November 1934 Joseph Stalin received Peljidiin Genden in the Kremlin in Moscow.\n"])
    [conflict] = empty_workspace.timeline.conflicts()
    assert {entry.value for entry in conflict.entries} >= {"1934-11-15", "1934-11-24"}


def test_a_chronicle_naming_the_other_sources_day_for_something_else_still_contradicts_it(empty_workspace,
                                                                                        shared_model, tmp_path):
    """A chronicle giving the meeting on 24 November and, for snow, the 15th no longer contradicted a report of the
    meeting on the 15th: a source's days about other things settle nothing about this one."""
    _recognised(empty_workspace, shared_model, tmp_path, [
        "Peljidiin Genden met Joseph Stalin in Moscow on 15 November 1934.\n",
        "On 15 November 1934 it snowed heavily.\n\nOn 24 November 1934 Peljidiin Genden met Joseph Stalin in "
        "Moscow.\n"])
    [conflict] = empty_workspace.timeline.conflicts()
    assert {entry.value for entry in conflict.entries} == {"1934-11-15", "1934-11-24"}


def test_a_german_ordinal_before_a_noun_ends_no_sentence():
    """"Genden nahm am 17. Parteitag teil." was quoted "Genden nahm am 17.": after a German article or preposition
    ("am", "zum", "der"), a figure's stop is an ordinal's."""
    from reader.core.compare.passages import sentences

    text = "Genden nahm am 17. Parteitag teil. Er sprach zum 2. Mal. Das war 1934. Danach schwieg er."
    assert sentences(text) == ["Genden nahm am 17. Parteitag teil.", "Er sprach zum 2. Mal.", "Das war 1934.",
                               "Danach schwieg er."]
    assert sentences("Die Delegation kam am 17. Sie blieb drei Tage. Es war der 21. Der Vertrag folgte.") == [
        "Die Delegation kam am 17.", "Sie blieb drei Tage.", "Es war der 21.", "Der Vertrag folgte."]


def test_russian_passages_are_not_alike_in_meaning_by_the_english_encoder(empty_workspace, shared_model, tmp_path):
    """The sentence encoder learnt English: it rates a Russian sentence on a cow's milk and one on a tractor works
    0.6-0.75 alike, above the floor where meaning counts. Between Cyrillic passages it is no evidence: no reason
    'alike in meaning' and nothing added to the score."""
    _recognised(empty_workspace, shared_model, tmp_path, [
        "Корова дала много молока этим летом в деревне под Калугой, и колхоз был доволен.\n",
        "Завод выпустил новые тракторы для колхозов Украины, и рабочие получили премии.\n"])
    suggestions = empty_workspace.parallels.suggest(_doc(empty_workspace, "0.txt"), top=10)
    assert not any("meaning" in reason for s in suggestions for reason in s.reasons)


def test_one_place_in_two_languages_is_no_disagreement():
    """Parallels listed 'Япония / Japan' and 'Улан-Батор / Ulan Bator' as places the sources disagree on: one place
    named in two languages is one place wherever GeoNames puts both names."""
    from reader.core.compare.judge import _not_within
    from reader.core.entities.geonames import located

    places = {1: located("Япония"), 2: located("Japan"), 3: located("Улан-Батор"), 4: located("Ulan Bator"),
              5: located("Manchuria")}
    assert _not_within({1, 3}, {2, 4}, places) == set()
    assert _not_within({1, 5}, {2}, places) == {5}


def test_a_place_the_other_passage_names_in_another_language_anywhere_is_no_disagreement():
    """'differ: places: Москва, Улан-Батор / USSR': the Russian sentence's places were weighed only against the
    English sentence's, not against the Moscow and Ulaanbaatar its passage names elsewhere (audit DY F6)."""
    from types import SimpleNamespace

    from reader.core.compare.judge import hints
    from reader.core.compare.passages import Piece
    from reader.core.entities.geonames import located

    russian, english = Piece(1, 0, 40, "x" * 40), Piece(2, 0, 80, "y" * 80)
    names = {1: "Москва", 2: "Улан-Батор", 3: "USSR", 4: "Moscow", 5: "Ulaanbaatar", 6: "Manchuria"}
    features = {russian: SimpleNamespace(entities={1: "PLACE", 2: "PLACE", 6: "PLACE"}, dates=set(),
                                         names_at=[(5, 1), (15, 2), (25, 6)]),
                english: SimpleNamespace(entities={3: "PLACE", 4: "PLACE", 5: "PLACE"}, dates=set(),
                                         names_at=[(5, 3), (50, 4), (60, 5)])}
    ranking = SimpleNamespace(features=features.__getitem__, vectors=SimpleNamespace(phrases=lambda one, two: []),
                              names=lambda ids: {e: names[e] for e in ids},
                              located=lambda ids: {e: located(names[e]) for e in ids})
    assert hints(ranking, (russian, (0, 40)), (english, (0, 40))) == ("places: Manchuria / USSR",)


def test_two_meetings_a_source_dates_apart_are_two_events():
    """A chronicle's meeting in Bremen on 3 May and the second, in Hamburg on the 17th, were chained through a
    memoir's dates of both into one event, and the shared 3 May hid the memoir's 18th for the signing. One source
    dating two days that cannot meet tells two acts: two events, the second in conflict."""
    from reader.core.compare.dismissed import Dismissed
    from reader.core.compare.timeline import group_events

    names = ("Frederik Holm", "Otto Lindqvist")
    entries = [_dated(1, "On 3 May 1890 Lindqvist met Holm in Bremen.", "3 May 1890", "1890-05-03", names),
               _dated(2, "I met Lindqvist in Bremen on 3 May 1890.", "3 May 1890", "1890-05-03", names),
               _dated(1, "On 17 May 1890 Lindqvist and Holm signed in Hamburg.", "17 May 1890", "1890-05-17", names),
               _dated(2, "Lindqvist and I signed in Hamburg on 18 May 1890.", "18 May 1890", "1890-05-18", names)]
    events = group_events(entries, [], Dismissed([]), frozenset())
    assert [([e.value for e in event.entries], event.conflict) for event in events] == [
        (["1890-05-03", "1890-05-03"], False), (["1890-05-17", "1890-05-18"], True)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), st.integers(0, 40)), min_size=1, max_size=25).flatmap(
    lambda dated: st.tuples(st.just(dated), st.lists(st.tuples(st.integers(0, len(dated) - 1),
                                                               st.integers(0, len(dated) - 1)), max_size=40))))
def test_an_event_holds_no_two_days_of_one_source_that_cannot_meet(case):
    """Protects the parting of chained acts: each part lies inside one connected part, holds no two days of one
    document that cannot meet, and no pair of parts could have been joined by a pair between them."""
    import numpy as np

    from reader.core.compare.joining import components, one_act_each

    dated, pairs = case
    documents, bounds = [d for d, _day in dated], [(day, day + 1) for _d, day in dated]
    ones, twos = np.array([p[0] for p in pairs], np.int64), np.array([p[1] for p in pairs], np.int64)
    whole = components(len(dated), ones, twos)
    names = [frozenset({f"n{i % 3}", f"m{i % 2}"}) for i in range(len(dated))]  # any: the parting holds whatever
    parts = one_act_each(whole, ones, twos, np.empty((0, 2), np.int64), documents, bounds, names)  # joins first
    members: dict[int, list[int]] = {}
    for i, part in enumerate(parts):
        members.setdefault(part, []).append(i)
        assert whole[part] == whole[i]
    for group in members.values():
        for i in group:
            for j in group:
                assert documents[i] != documents[j] or abs(bounds[i][0] - bounds[j][0]) <= 1
    for one, two in pairs:
        if parts[one] != parts[two]:
            both = members[parts[one]] + members[parts[two]]
            assert any(documents[i] == documents[j] and abs(bounds[i][0] - bounds[j][0]) > 1 for i in both
                       for j in both)


def test_a_short_sentence_is_a_passage_and_a_heading_or_dateline_is_not():
    """'Lindqvist died at Uppsala on 12 February 1899.' (a chronology's line, 47 characters) was taken for a heading,
    so Parallels never offered it, though the Timeline set its date against another source's: a line ending a
    sentence of a few words, some of them lower case, tells something; a heading, a name or a dateline does not."""
    from reader.core.compare.passages import Piece, telling

    def tells(text: str) -> bool:
        return telling(Piece(1, 0, len(text), text))

    assert tells("Lindqvist died at Uppsala on 12 February 1899.") and tells("In 1936 Amar became the premier.")
    assert not any(map(tells, ["The Fall of Genden", "Joseph Stalin", "Moscow, 15 November 1934.",
                               "Vol. LXXVI, No. 24,915.", "Chapter IX: The Treaty", "Photo by I. V. Stalin.",
                               "Москва, 15 ноября 1934 года.", "Paris, le 15 novembre 1934.",  # datelines (audit AW)
                               "From our correspondent in Moscow, 15 November 1934."]))


def test_a_short_dated_paragraph_has_parallels(empty_workspace, shared_model, tmp_path):
    """The Timeline's conflict of two one-line death notices (2 and 12 February 1899) was no Parallels suggestion,
    so it could not be linked with L."""
    found = suggestions_for_first(
        empty_workspace, shared_model, tmp_path,
        "Report one\n\nThe treaty talks went on for many weeks, and nobody was in a hurry to finish them.\n\n"
        "Lindqvist died in Stockholm on 2 February 1899.\n",
        "Report two\n\nThe weather in that year was cold and the harvest was poor in the whole north.\n\n"
        "Lindqvist died at Uppsala on 12 February 1899.\n")
    assert any("Uppsala" in s.other.text and "dates 1899-02-02 / 1899-02-12" in s.reasons for s in found)


def test_times_on_the_hour_are_read():
    """'broke out at 3 p.m.' beside 'began at 11 a.m.' was no disagreement: only times with minutes were read. An
    hour with a.m., p.m. or o'clock is a time; a bare figure, a count or a date is none."""
    from reader.core.compare.judge import _times_differing
    from reader.core.compare.words import times_of_day

    assert _times_differing("The fire broke out at 3 p.m. on 9 August.", "The fire began at 11 a.m. on 9 August.") \
        == ["times: 3 p.m. / 11 a.m."]
    assert [minutes for _written, minutes in times_of_day("at 11 o'clock, at 3pm, at 12 a.m., at 12 p.m.")] == [
        (660, False), (900, True), (0, True), (720, True)]
    assert times_of_day("On 3 May 1,200 soldiers came; I am 5 and 3 amendments passed at 13 p.m.") == []
    assert times_of_day("Von den 12 am Tisch sprach keiner.") == []  # German 'am' (at the), not a.m. (audit AW)


def test_a_timeline_cell_a_spreadsheet_would_run_is_defused():
    """A passage of an imported web page opening '=HYPERLINK(…)' was written as it stands into the timeline's CSV,
    which a double-click opens in a spreadsheet that runs it; the notes' CSV defused such cells already."""
    from reader.core.compare.timeline_export import timeline_csv

    entry = _dated(1, '=HYPERLINK("http://example.com","click") On 3 May 1890 they met.', "3 May 1890", "1890-05-03")
    [row] = list(csv.DictReader(io.StringIO(timeline_csv([entry], [], {}))))
    assert row["passage"].startswith("'=HYPERLINK(") and row["value"] == "1890-05-03"


def test_a_dated_act_and_an_undated_comment_alike_in_meaning_are_not_one_event(recognised):
    """'The two met on November 15, 1934.' was suggested as the same event as 'Politically, Genden was seen as
    Stalin's man in Mongolia' (no date, no act), by likeness of meaning alone (0.72), and L preselected it. Where
    one passage dates what it tells and the other dates nothing, meaning alone does not make them one event: words
    they share may."""
    found = recognised.parallels.suggest(_doc(recognised, MEETING_000), 121, 318, top=10)
    comment = next(s for s in found if "Stalin's ** man" in s.other.text)
    assert comment.relation == "see_also"
    assert any(s.relation == "contradicts" and "November 24, 1934" in s.other.text for s in found)


def test_a_timeline_of_years_only_or_of_nothing_lists_without_an_error(empty_workspace):
    """A corpus dating only years (or none at all) made `timeline` and `conflicts` fail with a ValueError: no
    passage was narrow enough to join, and the parting of acts was asked of nothing."""
    from reader.core.compare.dismissed import Dismissed
    from reader.core.compare.timeline import group_events

    years = [_dated(1, "The treaty was signed in 1936.", "1936", "1936"), _dated(2, "Renewed in 1946.", "1946", "1946")]
    assert group_events(years, [], Dismissed([]), frozenset()) == []
    assert empty_workspace.timeline.view() == ([], []) and empty_workspace.timeline.conflicts() == []


def test_a_source_giving_both_dates_of_one_act_keeps_the_conflict_of_two_others():
    """'received on 15 November 1934, though some memoirs put the meeting on 24 November' gives both dates in one
    sentence: a report of the dispute, not two acts. Taken for two acts, it parted the memoir's 24th from the diary's
    15th, and their conflict was gone."""
    from reader.core.compare.dismissed import Dismissed
    from reader.core.compare.timeline import group_events

    names = ("Joseph Stalin", "Kremlin", "Peljidiin Genden")
    both = "Genden was received by Stalin in the Kremlin on 15 November 1934, though some put it on 24 November 1934."
    entries = [_dated(1, both, "15 November 1934", "1934-11-15", names),
               _dated(3, "Genden saw Stalin in the Kremlin on 15 November 1934.", "15 November 1934", "1934-11-15",
                      names),
               _dated(1, both, "24 November 1934", "1934-11-24", names),
               _dated(2, "Stalin met Genden in the Kremlin on 24 November 1934.", "24 November 1934", "1934-11-24",
                      names)]
    [event] = group_events(entries, [], Dismissed([]), frozenset())
    assert event.conflict and len(event.entries) == 4


def test_an_act_joins_the_passage_telling_it_with_more_of_its_names_before_a_nearer_date():
    """An account's arrival on 10 November and its meeting on the 24th beside another's meeting on the 15th: the
    15th went with the arrival, the nearer date, and the meeting's 24th was in no event. The pair sharing more names
    is joined first."""
    from reader.core.compare.dismissed import Dismissed
    from reader.core.compare.timeline import group_events

    entries = [_dated(1, "Genden arrived in Moscow on 10 November 1934; Stalin's staff prepared the talks.",
                      "10 November 1934", "1934-11-10", ("Joseph Stalin", "Moscow", "Peljidiin Genden")),
               _dated(2, "Stalin received Genden in the Kremlin on 15 November 1934.", "15 November 1934",
                      "1934-11-15", ("Joseph Stalin", "Kremlin", "Peljidiin Genden")),
               _dated(1, "Stalin received Genden in the Kremlin on 24 November 1934.", "24 November 1934",
                      "1934-11-24", ("Joseph Stalin", "Kremlin", "Peljidiin Genden"))]
    [event] = group_events(entries, [], Dismissed([]), frozenset())
    assert event.conflict and [e.value for e in event.entries] == ["1934-11-15", "1934-11-24"]


def test_the_timeline_page_paints_conflicts_last_spreads_one_days_marks_and_names_sources_by_title(recognised,
                                                                                                  tmp_path):
    """In the exported page, grey marks written after a red one on its day covered it (002's 24 November 1934 showed
    grey), and sources were named by their files' hashed names (audit BN F5, F6): conflicts are painted last, marks
    of one place in a lane spread across it, as in the window, and each source is named by its title."""
    import re

    recognised.timeline.export(tmp_path / "t.html", "html")
    page = (tmp_path / "t.html").read_text(encoding="utf-8")
    marks = re.findall(r'<rect x="([\d.]+)" y="([\d.]+)"[^>]* fill="(#\w+)"', page.split("<svg")[1])
    colours = [colour for _x, _y, colour in marks]
    assert colours.index("#c0392b") > max(i for i, colour in enumerate(colours) if colour == "#7f8c8d")
    places = [(x, y) for x, y, _colour in marks]
    assert len(set(places)) == len(places)
    conflicts = page.split("<h2>Conflicts</h2>")[1]
    assert "Genden Falls into Disfavor" in conflicts and "000_8339fa2bec93c400.txt" not in conflicts
    recognised.timeline.export(tmp_path / "t.csv", "csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8-sig"))))
    assert {row["title"] for row in rows if row["document"] == "000_8339fa2bec93c400.txt"} == {
        "Genden Falls into Disfavor"}


def test_unjudged_suggestions_are_the_best_of_those_not_yet_linked(recognised):
    """A pair linked took one of a source's five places among the suggestions not yet judged, so the sixth, a
    second telling of the 15 / 24 November meeting, never showed (audit BN F2): the five are of the pairs not
    linked."""
    document_id = _doc(recognised, "000_8339fa2bec93c400.txt")
    best = recognised.parallels.suggest(document_id, top=8)
    for suggestion in best[:2]:
        recognised.links.link(*suggestion.to_link(), suggestion.relation)
    unjudged = recognised.parallels.unjudged([document_id], per_document=5)
    assert [s.key for s in unjudged] == [s.key for s in best[2:7]]


def test_a_timeline_filtered_by_a_name_no_entity_has_says_so_and_the_nearest(recognised):
    """'Gendn' typed in the Timeline's entity box gave an empty chart, '0 dated passages · 0 events · 0
    conflicts', read as "no conflicts about this person" (audit BN F9): a name no entity has is said so, with the
    nearest the register holds."""
    with pytest.raises(ReaderError, match="no entity is named “Gendn”: did you mean .*Genden"):
        recognised.timeline.view(entity="Gendn")
    assert recognised.timeline.view(entity="Genden")[0]


def test_names_offered_and_meant_are_the_registers(recognised):
    """The Timeline's completer and 'did you mean' offered entities with no mention left (one judged not an entity),
    which then found nothing, silently (audit BO F5): only the register's names are offered and meant."""
    molotov = next(e for e in recognised.entities.register() if e.name == "Molotov")
    recognised.entities.reject_entity(molotov.id)
    assert set(recognised.timeline.entity_choices()) == {e.name for e in recognised.entities.register()}
    with pytest.raises(ReaderError, match="no entity is named “Molotov”"):
        recognised.timeline.view(entity="Molotov")


def test_marks_closer_than_a_mark_in_one_lane_are_spread_wherever_they_fall():
    """Marks 0.2 pixels apart on either side of a 12-pixel column's edge lay on one another, one of them out of
    reach, while marks 11.8 pixels apart in one column were spread (audit BO F6): marks are spread where each is
    closer than a mark's width to the one before it in its lane."""
    from reader.core.compare.timeline_lanes import spread

    assert spread([(0, 11.9), (0, 12.1)], 12) == [(-1.0, 2), (1.0, 2)]
    assert spread([(0, 12.1), (1, 12.2), (0, 40.0)], 12) == [(0.0, 1)] * 3
    assert [many for _across, many in spread([(0, 0.0), (0, 10.0), (0, 20.0)], 12)] == [3, 3, 3]


def test_one_long_link_leaves_five_suggestions_not_yet_judged(recognised):
    """A link over two long passages marks several suggestions linked, but took only one more place, so a source
    showed two pairs not yet judged of the 26 there were (audit BO F10)."""
    document_id = _doc(recognised, "000_8339fa2bec93c400.txt")
    best = recognised.parallels.suggest(document_id, top=8)
    other = max({s.other.document_id for s in best}, key=lambda d: sum(s.other.document_id == d for s in best))
    mine = [s for s in best if s.other.document_id == other]
    recognised.links.link(Passage(document_id, min(s.source.start for s in mine), max(s.source.end for s in mine)),
                          Passage(other, min(s.other.start for s in mine), max(s.other.end for s in mine)),
                          "same_event")
    unjudged = recognised.parallels.unjudged([document_id], per_document=5)
    assert len(unjudged) == 5 and not any(s.linked for s in unjudged)
