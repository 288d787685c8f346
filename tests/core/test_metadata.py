"""Metadata read from the sample corpus and from plain texts, and checked when typed."""

import pytest

from reader.core.documents.metadata import extract_metadata


def _meta(workspace, name):
    return workspace.documents.resolve(name).metadata


def test_titles_skip_boilerplate_and_captions(workspace):
    """The title is the first heading-like line after the boilerplate, not a caption or the shop's phone."""
    assert _meta(workspace, "000_8339fa2bec93c400.txt").title == "Genden Falls into Disfavor"
    assert _meta(workspace, "003_bfdd3a082e8d2a08.txt").title == "The Soviet Army in Mongolia"
    assert _meta(workspace, "004_b764a032f36e08ce.txt").title == "Soviet-Mongolian Friendship Talks"
    assert _meta(workspace, "001_c9451cbdf41c54f1.txt").title.startswith("In 1935, the prime minister of Mongolia")
    assert _meta(workspace, "002_ff824666d88bbe20.txt").title.startswith("«Japan is encroaching")


def test_doi_date_author_from_the_text(workspace):
    """A DOI line, an 'Updated on' date, a '(Jun 2021)' date and bylines are taken from the text."""
    journal = _meta(workspace, "002_ff824666d88bbe20.txt")
    assert journal.doi == "10.22162/2619-0990-2021-55-3-428-435"
    assert journal.url == "https://doi.org/10.22162/2619-0990-2021-55-3-428-435"
    assert (journal.date_published, journal.author) == ("2021-06", "Larisa B. Zhabaeva")
    web = _meta(workspace, "001_c9451cbdf41c54f1.txt")
    assert (web.date_published, web.author) == ("2024-02-17", "Mondo International")


def test_nothing_found_leaves_fields_empty():
    """A text with no metadata in it gets empty fields, not guesses."""
    found = extract_metadata("see below\n", [])
    assert (found.title, found.author, found.date_published, found.doi, found.kind) == ("", "", "", "", "unknown")


def test_by_line_author():
    """A 'By Name' line gives the author."""
    text = "The Purge of 1937 in Mongolia\n\nBy Christopher Kaplonski\n\nThe purge began in September.\n"
    assert extract_metadata(text, []).author == "Christopher Kaplonski"


def test_kind_is_what_the_text_says_it_is():
    """A DOI with an Abstract heading is a journal abstract, a DOI alone a journal article, a 'Published on <date>'
    line or a newspaper's masthead (its dated part between others) a news article; a text that says nothing, or a
    letter's dateline, stays unknown."""
    from reader.core.documents.metadata import extract_metadata

    abstract = "Oriental Studies\nA Title of Some Length Here\nDOI\n10.1234/abc.5\nAbstract\nThe text.\n"
    assert extract_metadata(abstract, []).kind == "journal abstract"
    assert extract_metadata(abstract.replace("Abstract\n", ""), []).kind == "journal article"
    news = "A Headline of the Day Here\nDaily Post Published on 2024-02-17\nOn a winter night in 1935...\n"
    assert extract_metadata(news, []).kind == "news article"
    assert extract_metadata("Just some words about Genden and Stalin in 1934.\n", []).kind == "unknown"
    masthead = "THE EVENING HERALD\nVol. LXXVI, No. 24,915 — New York, Tuesday, April 16, 1912 — Price One Cent\n"
    assert extract_metadata(masthead + "The liner sank.\n", []).kind == "news article"  # a newspaper's masthead
    assert extract_metadata("Paris, 16th July 1789\n\nSir, I write in haste.\n", []).kind == "unknown"  # a letter
    diary = "Journal d'Hélène\n\nLundi 10 janvier 1898. — On juge aujourd'hui le commandant devant le conseil.\n"
    assert extract_metadata(diary, []).kind == "unknown"  # a diary's entry, its day before a dash: no masthead


def test_a_wire_reports_dateline_makes_a_news_article_and_a_diarys_short_entry_does_not():
    """A report opening "PARIS, Jan. 5, 1895 — Captain Alfred Dreyfus was degraded…" (a place in capitals, its day,
    and the report) was filed as unknown once a masthead's parts had to be short, while a diary whose first entry
    was short ("Lundi 10 janvier 1898. — Procès Esterhazy, à huis clos.") became a news article: a masthead's dated
    part names its place; a weekday alone heads a diary's entry."""
    from reader.core.documents.metadata import extract_metadata

    for report in ("PARIS, Jan. 5, 1895 — Captain Alfred Dreyfus was publicly degraded this morning in the court.\n",
                   "THE DEGRADATION\n\nPARIS, Jan. 5.—Captain Dreyfus was degraded this morning.\n",
                   "LONDON, 30 July 1912. The inquiry closed today.\n"):
        assert extract_metadata(report, []).kind == "news article", report
    for other in ("Journal\n\nLundi 10 janvier 1898. — Procès Esterhazy, à huis clos.\nMardi 11. — Acquitté.\n",
                  "Paris, 16th July 1789. Sir, I write in haste.\n", "Tuesday, 16 April 1912 — Rain all day.\n"):
        assert extract_metadata(other, []).kind == "unknown", other


def test_a_date_url_or_doi_typed_must_be_one(workspace):
    """Metadata typed by hand: a date published in words is kept as the date it says (1934-01, which sorts and
    compares as a date); 'banana' or a day no month has (1934-02-30) as a date, a URL without http(s):// and a DOI
    without 10.x/ are refused in one line each, and nothing is changed."""
    from reader.core.errors import ReaderError

    document_id = workspace.documents.list()[0].id
    assert workspace.documents.update_metadata(document_id, {"date_published": "Jan 1934"}).metadata.date_published \
        == "1934-01"
    refused = (("date_published", "banana", "is not a date"), ("date_published", "1934-02-30", "is not a date"),
               ("url", "notaurl", "is not a web address"),
               ("doi", "not a doi", "is not a DOI"))
    for field, typed, said in refused:
        with pytest.raises(ReaderError, match=said):
            workspace.documents.update_metadata(document_id, {field: typed, "title": "changed"})
    info = workspace.documents.get(document_id)
    assert info.title != "changed" and info.metadata.date_published == "1934-01"
    fine = {"url": "https://example.org/a", "doi": "https://doi.org/10.1000/xyz", "date_published": "2021-06"}
    assert workspace.documents.update_metadata(document_id, fine).metadata.doi == fine["doi"]


def test_a_date_stored_unchecked_does_not_block_the_other_fields(workspace):
    """A date published taken unchecked from a file ("1935?" in its front matter) refused every later edit of the
    document's metadata, the window sending every field (audit DE 2): only what changes is checked."""
    from reader.core.errors import ReaderError

    document_id = workspace.documents.list()[0].id
    with workspace.db.atomic():
        workspace.db.execute("UPDATE documents SET date_published = '1935?' WHERE id = ?", [document_id])
    fields = {"title": "A title", "author": "Anonymous", "date_published": "1935?", "url": "", "doi": ""}
    assert workspace.documents.update_metadata(document_id, fields).metadata.author == "Anonymous"
    with pytest.raises(ReaderError, match="is not a date"):
        workspace.documents.update_metadata(document_id, {**fields, "date_published": "1936?"})
    with workspace.db.atomic():  # blanks around it, the window's field trims: the same value (audit DF 7)
        workspace.db.execute("UPDATE documents SET date_published = ' 1935? ' WHERE id = ?", [document_id])
    assert workspace.documents.update_metadata(document_id, {**fields, "author": "Someone"}).metadata.author \
        == "Someone"
    for stray in ("1934)", "(1934", ")1934(", "((1934))", "() 1934"):  # a bracket alone is no date's (audit DF 5)
        with pytest.raises(ReaderError, match="is not a date"):
            workspace.documents.update_metadata(document_id, {**fields, "date_published": stray})
    assert workspace.documents.update_metadata(document_id, {**fields, "date_published": "(1934)"}) \
        .metadata.date_published == "1934"


def test_sources_sharing_a_title_are_named_apart(workspace):
    """Where sources are set side by side by name (Parallels, Timeline lanes, Trash), two documents with one title
    are told apart by their file names; the others keep their titles alone (they had looked like one source)."""
    first = workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    second = workspace.documents.resolve("003_bfdd3a082e8d2a08.txt").id
    workspace.documents.update_metadata(second, {"title": "Genden Falls into Disfavor"})
    names = workspace.documents.names()
    assert names[first] == "Genden Falls into Disfavor (000_8339fa2bec93c400.txt)"
    assert names[second] == "Genden Falls into Disfavor (003_bfdd3a082e8d2a08.txt)"
    assert names[workspace.documents.resolve("004_b764a032f36e08ce.txt").id] == "Soviet-Mongolian Friendship Talks"


LONG = ("In the spring of 1934 the Mongolian delegation led by Peljidiin Genden travelled to Moscow for negotiations "
        "with the Soviet leadership, and the conversations concerned the international position of the republic, the "
        "presence of Soviet instructors, and the persistent question of the lamaseries and their herds.")
SHORT_PARAGRAPH = "Choibalsan, by contrast, supported the proposals of the Soviet representatives in every respect."


def test_a_scans_title_is_its_first_line_when_short_else_its_file_name():
    """OCR unwraps a page's lines into paragraphs: a scan's title is its first line only when it is as short as a
    heading (12 words, 100 characters), else the file's name; never a paragraph, and never one from further down."""
    assert extract_metadata(f"{LONG}\n\n{SHORT_PARAGRAPH}\n", [], paged_from="scan1").title == "scan1"
    assert extract_metadata(f"{SHORT_PARAGRAPH}\n\n{LONG}\n", [], paged_from="scan1").title == "scan1"
    heading = "Protocol of the Politburo, 12 March 1934"
    assert extract_metadata(f"{heading}\n\n{LONG}\n", [], paged_from="scan1").title == heading
    assert extract_metadata(f"{'Aa' * 60}\n\n{LONG}\n", [], paged_from="scan1").title == "scan1"  # 120 characters


def test_a_paged_sources_label_line_is_no_title():
    """Typescripts open with a label ("Confidential.", "(Copy)", "Draft.", "1."), and a folder of them was a Library
    of sources all titled "Confidential.": a line of one word is passed over for the heading after it, or for the
    file's name."""
    heading = "Report on the situation in Urga"
    for label in ("Confidential.", "(Copy)", "Draft.", "1."):
        assert extract_metadata(f"{label}\n\n{heading}\n\n{LONG}\n", [], paged_from="fo_371").title == heading
        assert extract_metadata(f"{label}\n\n{LONG}\n", [], paged_from="fo_371").title == "fo_371"


def test_other_texts_keep_their_title_rule():
    """A text not read from a scan still takes its first line of three to forty words, a paragraph included."""
    assert extract_metadata(f"{LONG}\n\n{SHORT_PARAGRAPH}\n", []).title == SHORT_PARAGRAPH


def test_a_web_page_is_dated_by_its_markup_never_by_a_year_its_text_mentions():
    """A transcription page declaring no date was dated 1998-01-01, a year its text names (found in the archive in
    1998), shown and cited as the page's date; a date the page's markup declares is kept."""
    body = ("<h1>The Kobdo letters</h1><p>The letters were found in the provincial archive in 1998 and first read "
            "aloud in March 2003 by the archivists of the city.</p>")
    plain = f"<html><head><title>The Kobdo letters</title></head><body>{body}</body></html>"
    assert extract_metadata("The Kobdo letters\n\nThe letters were found…\n", [], html=plain).date_published == ""
    dated = plain.replace("<head>", '<head><meta property="article:published_time" content="2019-03-04">')
    assert extract_metadata("The Kobdo letters\n", [], html=dated).date_published == "2019-03-04"


def test_the_language_is_the_one_most_of_the_text_is_written_in():
    """An English report quoting one Russian sentence was "German", an English letter "Dutch", a German paragraph
    "Dutch" (an encoding detector's by-product): the language most paragraphs are written in, or none when no
    language holds most of the text."""
    english = ("The delegation arrived in early May 1921 at Kyakhta, where the consul received it with great "
               "courtesy and arranged the onward journey.\n\nОтвет правительства был получен 3 июня.\n\n"
               "The delegates were lodged in the old trading houses and waited there for the answer from Moscow.\n")
    german = ("Die Delegation kam Anfang Mai 1921 in Kjachta an, wo der Konsul sie sehr freundlich empfing und die "
              "Weiterreise nach Urga vorbereitete.\n")
    from reader.core.documents.language import LanguageReader

    languages = LanguageReader()
    assert extract_metadata(english, [], languages=languages).language == "English"
    assert extract_metadata(german, [], languages=languages).language == "German"
    assert extract_metadata("Kobdo, 1921\n", [], languages=languages).language == ""


@pytest.mark.parametrize(("head", "value"), [
    ("Paris, 16th July 1789\n\nSir, I write in haste.", "1789-07-16"),
    ("# Paris, Thursday 16 July 1789\n\nTHE GAZETTE\n\nYesterday the people rose.", "1789-07-16"),
    ("Ulaanbaatar, 24 November 1934.\n\nDear comrade, the prime minister left.", "1934-11-24"),
    ("THE EVENING HERALD\nVol. LXXVI, No. 24,915 — New York, Tuesday, April 16, 1912 — Price One Cent\n\nText.",
     "1912-04-16"),  # a masthead's parts
    ("# Counting the Dead\n\n*Journal of Maritime History Review, published 10 April 2012*\n\nText.",
     "2012-04-10"),
    ("Report on the Loss of the Titanic (s.s.). Lord Mersey. London, 30 July 1912.\n\nText.", "1912-07-30"),
])
def test_a_dateline_dates_the_source(head, value):
    """A letter's or a dispatch's dateline ("Paris, 16th July 1789") is the date it was written: it was left
    unread, so the source had no date and the dateline went on the timeline as an event of its own. So is a
    newspaper's masthead, a journal's 'published' line, and a report's dateline ending its title line."""
    assert extract_metadata(head, []).date_published == value


def test_a_title_holding_a_date_is_no_dateline():
    """A title naming a dated event is what the text tells, not when it was written: also one in parts between
    dashes, a table of contents' row, and a sentence saying when something else was published (the event left the
    timeline as the source's own date)."""
    for head in ("The meeting of 15 November 1934\n\nGenden met Stalin.",
                 "Black Friday — 13 December 1929 — and its aftermath\n\nOn 13 December 1929 the exchange crashed.",
                 "Contents\nPart I | 10 September 1937 | Arrests\n\nText.",
                 "The decree published on 5 March 1937 ordered the arrest of the lamas.\n\nText.",
                 "The police records, updated on 2 December 1934 by Yagoda, named Nikolaev.\n\nText."):
        assert extract_metadata(head, []).date_published == "", head


def test_a_line_as_long_as_a_chapter_is_read_for_no_dateline():
    """A text without line breaks is one line, and every sentence of it was read for a dateline (a 10 MB file took
    over a minute to import, audit BY F6): only the first sentences of a line of thousands of characters are read
    for one, and an ISO date anywhere in it."""
    sentences = "The commission sat for many weeks and heard the witnesses one by one. " * 60
    assert extract_metadata(sentences + "London, 30 July 1912.", []).date_published == ""
    assert extract_metadata(sentences + "Filed 1912-07-30.", []).date_published == "1912-07-30"
    assert extract_metadata("Moscow, 12 May 1921. " + sentences, []).date_published == "1921-05-12"  # its opening
    # words still date it (audit CA C13)


def test_a_markdown_heading_is_a_title_without_its_marks():
    """'# Recollections of an Old Soldier' was the title with its '# ' (and every citation with it)."""
    assert extract_metadata("# Recollections of an Old Soldier\n\nI was there.", []).title == (
        "Recollections of an Old Soldier")
    assert extract_metadata("## *The Fall of the Bastille*\n\nText.", []).title == "The Fall of the Bastille"


def test_a_diarys_first_entry_is_no_dateline():
    """A diary's first entry heading was taken for a dateline: its day became the source's date and left the
    timeline, while the later entries stayed. Several lines dated alike are entries."""
    diary = "Mardi 14 juillet 1789\n\nThe people went to the Invalides.\n\nMercredi 15 juillet 1789\n\nWork began."
    assert extract_metadata(diary, []).date_published == ""


def test_a_russian_dispatchs_dateline_and_a_heading_of_two_words_in_capitals():
    """"МОСКВА, 25 ноября 1934 г. (ТАСС)." made no news article and no date (the place's capitals were Latin ones
    only, and the year's "г." and the agency after the day were text); "MOSCOW, 25 November 1934 (TASS)." gave its
    month only; an interrogation record headed "ПРОТОКОЛ ДОПРОСА" was titled by its next line (a title had three
    words at least)."""
    from reader.core.documents.metadata import extract_metadata

    for report in ("ПРАВДА\n\nМОСКВА, 25 ноября 1934 г. (ТАСС). Вчера, 24 ноября, тов. Сталин принял тов. Гендена.\n",
                   "PRAVDA\n\nMOSCOW, 25 November 1934 (TASS). Yesterday Comrade Stalin received Comrade Genden.\n"):
        found = extract_metadata(report, [])
        assert (found.kind, found.date_published) == ("news article", "1934-11-25"), report
    protocol = "ПРОТОКОЛ ДОПРОСА\n\nобвиняемого Гендена Пэлжидийна\n\nВопрос: Признаёте ли вы себя виновным?\n"
    assert extract_metadata(protocol, []).title == "ПРОТОКОЛ ДОПРОСА"


def test_an_opening_sentence_with_a_day_between_dashes_is_no_dateline():
    """A memoir opening "In Moscow, 15 November 1934 — the day Genden met Stalin — was cold" was a news article
    published on that day: a dateline's or a masthead's place is a place. "МОСКВА, 25 ноября 1934 г. Сегодня…" (the
    report on the dateline's line) is one."""
    from reader.core.documents.metadata import extract_metadata

    found = extract_metadata("Memoirs\n\nIn Moscow, 15 November 1934 — the day Genden met Stalin — was cold.\n", [])
    assert (found.kind, found.date_published) == ("unknown", "")
    found = extract_metadata("МОСКВА, 25 ноября 1934 г. Сегодня утром приехал тов. Генден.\n", [])
    assert (found.kind, found.date_published) == ("news article", "1934-11-25")


def test_a_letter_headed_by_its_writers_name_in_capitals_is_no_dispatch():
    """"STALIN, 15 November 1934.—Dear comrade…" heading a letter in a collection made it a news article: Stalin is
    an old name of Donetsk, and a dispatch's place in capitals must be a place by its own name."""
    from reader.core.documents.metadata import extract_metadata

    assert extract_metadata("STALIN, 15 November 1934.—Dear comrade, the Mongols came.\n", []).kind == "unknown"
    assert extract_metadata("LONDON, 15 November 1934.—The Mongols came.\n", []).kind == "news article"


def test_a_line_of_figures_is_no_title():
    """A shop's phone number heading a web page, "+1 (618)724-5782", was the title of a document imported alone
    (the boilerplate no other document shared to show it), in the library and every citation: a title has words."""
    text = "+1 (618)724-5782\n\nFree Express shipping on Wool products orders over $150.00\n\nGenden Falls into " \
           "Disfavor\n\nIn 1934 Genden met Stalin in Moscow.\n"
    assert extract_metadata(text, []).title.startswith("Free Express shipping")  # the next line with words


def test_a_heading_with_one_word_of_letters_is_a_title():
    """"1934–1937: Chronology" was passed over for the first sentence of the text once a title needed two words
    with letters (audit CI F7); a line of figures alone is none."""
    text = "1934–1937: Chronology\n\nIn 1934 Genden met Stalin in Moscow, and the talks went badly for him.\n"
    assert extract_metadata(text, []).title == "1934–1937: Chronology"
