"""Boilerplate detection on the sample corpus, and the user's own marks."""

from reader.core.documents.boilerplate import detect_boilerplate
from reader.core.ranges import overlaps

SHOP_LINES = [
    "+1 (618)724-5782", "Free Express shipping on Wool products orders over", "Made in Mongolia Only",
    "Everything at our store is Made in Mongolia", "and 100% original only", "Return & Refund",
    "We do our best to provide", "outstanding shopping experience", "100% Secure Checkout",
    "PayPal / MasterCard / Visa",
]


def _ranges(workspace, document_id):
    return [(s.start, s.end) for s in workspace.documents.text(document_id).boilerplate]


def test_all_shop_lines_found(workspace):
    """Every shop line in every sample document lies inside a boilerplate range."""
    for info in workspace.documents.list():
        text = workspace.documents.text(info.id).text
        ranges = _ranges(workspace, info.id)
        for line in SHOP_LINES:
            position = text.find(line)
            if position >= 0:
                assert overlaps(ranges, position, position + len(line)), (info.file_name, line)


def test_no_article_paragraph_marked(workspace):
    """No line of three or more sentences' worth of prose, and no heading, is marked as boilerplate."""
    for info in workspace.documents.list():
        version = workspace.documents.text(info.id)
        marked = "".join(version.text[s.start:s.end] for s in version.boilerplate)
        for line in marked.splitlines():
            assert any(line.startswith(shop) for shop in SHOP_LINES) or not line.strip(), (info.file_name, line)


def test_a_heading_shared_by_two_articles_is_not_boilerplate():
    """A single recurring line in the middle of prose (a shared heading) stays article text."""
    def prose(n: int) -> str:
        return f"This is sentence {n} of article prose, and it says something new. "

    texts = {1: f"{prose(1)}\n\nChronology\n\n{prose(2)}", 2: f"{prose(3)}\n\nChronology\n\n{prose(4)}"}
    assert detect_boilerplate(texts) == {1: [], 2: []}


def test_a_footnote_two_reports_share_stays_text():
    """Two reports from one archive cite the same file in their footnotes: each footnote and the page number under
    it recur in both, and the pair was taken for a wrapper, so the citations left search. A page number recurs in
    every paged document and tells no wrapper from content."""
    def page(body: str, number: int) -> str:
        return f"{body}1\n\n1 GARF, fond 9401, opis 2, delo {99 + number}, list 3.\n\n{number}\n"

    bodies = {1: ["Peljidiin Genden met Joseph Stalin in Moscow on 15 November 1934 and refused to sign.",
                  "The delegation returned to Ulaanbaatar in December 1934 without an agreement on the lamas.",
                  "The Soviet side asked again for the reduction of the monasteries in the spring of 1935."],
              2: ["Anandyn Amar travelled to Irkutsk in March 1936 to discuss the supply of arms.",
                  "The Japanese advance in Inner Mongolia was the main subject of the talks held in Chita.",
                  "Amar was removed from office in March 1939 and sent to Moscow, where he was shot."]}
    texts = {key: "\n".join(page(body, n) for n, body in enumerate(pages, 1)) for key, pages in bodies.items()}
    assert detect_boilerplate(texts) == {1: [], 2: []}


def test_a_running_footer_beside_its_page_number_is_boilerplate_and_the_number_goes_with_it():
    """A typed transcription's footer on every page ("Public Record Office, FO 371/17148.") over its page number,
    and a shop's "Basket / 0" above its footer, were left as text once page numbers stopped counting as wrapper
    lines: a line repeated on the document's own pages is a running line, and a bare number between wrapper lines
    goes with them."""
    prose = ["The consul wrote that the caravans had not arrived from Kalgan and that prices had doubled.",
             "He added that the Chinese merchants were leaving the city and that the lamas feared the worst.",
             "A second letter asks the Ministry for instructions on the matter of the loans to the merchants."]
    other = ["Genden told the Politburo that the herds had fallen by a third in the collectivisation years.",
             "The Central Committee ordered the return of the animals to their owners in the summer of 1932.",
             "Soviet advisers were sent to every aimag to supervise the new policy and report on the herders."]
    foot = "Public Record Office, FO 371/17148. Confidential."
    texts = {1: "\n\n".join(f"{p}\n\n{foot}\n\n{n}" for n, p in enumerate(prose, 1)),
             2: "\n\n".join(f"{p}\n\n{foot}\n\n{n}" for n, p in enumerate(other, 1))}
    for key, ranges in detect_boilerplate(texts).items():
        assert [texts[key][s:e] for s, e in ranges] == [f"{foot}\n\n{n}" for n in (1, 2, 3)]
    shop = "Basket\n\n0\n\nSubscribe to our newsletter\n\nOpening hours\n\n© 2023 Steppe Books"
    texts = {1: "\n\n".join(prose) + "\n\n" + shop, 2: "\n\n".join(other) + "\n\n" + shop}
    assert [texts[1][s:e] for s, e in detect_boilerplate(texts)[1]] == [shop]


def test_fragments_between_boilerplate_and_the_edge_are_absorbed():
    """Short non-sentence lines between a recurring run and the document's end go with the run."""
    prose = "An article paragraph with several words in it, ending properly."
    texts = {1: f"{prose} A\n\nShop now\nFree returns\n\nContact us", 2: f"{prose} B\n\nShop now\nFree returns\n"}
    first = detect_boilerplate(texts)[1]
    assert [texts[1][s:e] for s, e in first] == ["Shop now\nFree returns\n\nContact us"]


def test_user_unmark_and_mark_survive_redetection(workspace):
    """Unmarking detected boilerplate and marking a new range persist through a later import."""
    info = workspace.documents.resolve("000_8339fa2bec93c400.txt")
    first = workspace.documents.text(info.id).boilerplate[0]
    workspace.documents.set_boilerplate(info.id, first.start, first.end, False)
    workspace.documents.set_boilerplate(info.id, 80, 95, True)
    workspace.documents.import_paths([])
    ranges = _ranges(workspace, info.id)
    assert not overlaps(ranges, first.start, first.end)
    assert overlaps(ranges, 80, 95)
    assert workspace.documents.get(info.id).boilerplate_chars == sum(e - s for s, e in ranges)


def test_two_copies_of_one_text_are_not_each_others_boilerplate():
    """A transcription and a scan of one memorandum share every line: they are one text twice, not a wrapper, so
    neither is dimmed and dropped from search. The wrapper a third page shares with them still is."""
    memo = ("Memorandum of 3 February 1935, kept in the ministry's archive.\n\n"
            "On 15 November 1934 Peljidiin Genden met Joseph Stalin in Moscow, as the interpreter recorded.\n\n"
            "The conversation turned on the lamas and on the army, and lasted three hours.\n")
    shop = "\nShop now\nFree returns on every order\n"
    other = "An account of the purge of 1937, with the trials in Ulaanbaatar told from the archives.\n"
    found = detect_boilerplate({1: memo, 2: memo, 3: memo + shop, 4: other + shop})
    assert found[1] == [] and found[2] == []
    assert [(memo + shop)[s:e] for s, e in found[3]] == ["Shop now\nFree returns on every order"]
    assert [(other + shop)[s:e] for s, e in found[4]] == ["Shop now\nFree returns on every order"]


def test_a_paragraph_two_sources_quote_is_not_boilerplate():
    """Two articles quoting the same paragraph of a speech, just above a shared footer, share it as content: a
    wrapper's lines are short."""
    speech = ("“The lamas who still exist in your country have become the enemies of your independence and are ready "
              "to help the Japanese militarists,” Stalin said.")
    own = "It goes on in its own words for a while, as accounts do, about the delegation and the winter of {}."
    first = f"Our first account opens here, and it tells of the meeting.\n{own.format(1935)}\n{speech}\nShop now\n"
    second = f"A second account, by another hand, of the same winter.\n{own.format(1936)}\n{speech}\nShop now\n"
    found = detect_boilerplate({1: first, 2: second})
    assert [first[s:e] for s, e in found[1]] == ["Shop now"]
    assert [second[s:e] for s, e in found[2]] == ["Shop now"]


def test_an_import_leaves_the_detected_rows_of_other_documents_as_they_were(workspace):
    """Every import wrote each document's detected boilerplate anew, under ids the history had seen on other rows:
    a later Redo of a mark on one document then overwrote another's detected running head."""
    from tests.conftest import TEXTS

    first, second = (info.id for info in workspace.documents.list()[:2])
    before = _ranges(workspace, first)
    workspace.documents.set_boilerplate(second, 0, 50, True)
    workspace.history.undo()
    workspace.documents.import_paths([TEXTS])  # nothing new: every file already imported, unchanged
    workspace.history.redo()
    assert _ranges(workspace, first) == before


def test_a_chinese_paragraph_two_sources_quote_stays_text():
    """Prose was measured in words parted by spaces, so a Chinese paragraph was a dozen long "words" and never
    prose: an edict two articles quote was dimmed as an advert and left out of search. Each character of a script
    without spaces counts as a word."""
    edict = ("宣統三年十月，庫倫活佛宣布獨立，驅逐清朝駐庫倫辦事大臣三多，建立大蒙古國，改元共戴，"
             "並遣使赴俄國請求援助，俄國政府表示願意調停，然而拒絕承認其完全獨立，此事影響中俄蒙三方關係甚深。")
    first = "當時庫倫之政局複雜，王公喇嘛各有主張，俄國領事從中斡旋，清廷鞭長莫及，邊疆大臣束手無策。" * 3
    second = "會議歷時九月，中俄蒙三方代表往返爭辯，關於自治範圍、稅收、駐軍、鐵路諸項，逐條磋商。" * 3
    texts = {1: f"外蒙古獨立史考\n\n{first}\n\n此後北京政府與俄國展開長期交涉。\n\n{edict}\n",
             2: f"恰克圖條約研究\n\n{second}\n\n協約規定外蒙古自治，承認中國宗主權。\n\n{edict}\n"}
    found = detect_boilerplate(texts)
    assert not any(overlaps(ranges, texts[key].index(edict), texts[key].index(edict) + len(edict))
                   for key, ranges in found.items())


def test_an_anthology_reprinting_the_sources_changes_none_of_their_boilerplate():
    """A compilation that reprints the sources made their titles and headings recur in two texts: the headings
    became boilerplate, left search, and the sources were titled anew, silently. A text reprinting another's prose
    is not a second holder of that text's lines (nor is it, for the reprint): the sources keep their boilerplate,
    adverts marked, headings not."""
    from tests.conftest import TEXTS

    texts = {number: path.read_text(encoding="utf-8") for number, path in enumerate(sorted(TEXTS.glob("*.txt")))}
    anthology = "\n\n".join(texts.values())
    alone = detect_boilerplate(texts)
    beside = detect_boilerplate({**texts, len(texts): "Collected Articles\n\n" + "\n\n".join([anthology] * 3)})
    assert all(beside[number] == ranges for number, ranges in alone.items())


def test_two_issues_quoting_one_speech_keep_their_paper_s_wrapper():
    """Two issues of a paper each quoting a long speech in full (the short one is little else) were taken as
    reprints of each other, and their masthead and advert were no longer found: a reprint is discounted only for
    the lines it holds inside its body, never for those at its edges, where a wrapper stands."""
    words = ["people", "government", "land", "grain", "workers", "council", "revolution", "harvest", "district",
             "committee", "party"]
    speech = [" ".join(words[(n + k) % len(words)] for k in range(45)).capitalize() + "." for n in range(8)]
    masthead = ["THE NORTHERN GAZETTE", "Published every Tuesday and Friday"]
    advert = ["DR. WARD'S TONIC, for weak nerves", "Sold by all chemists, 1s. 6d."]
    own = [" ".join(words[(3 * n + k) % len(words)] for k in range(44)).capitalize() + "!" for n in range(9)]
    first = "\n\n".join([*masthead, "Our correspondent reports the speech given yesterday at the hall.", *speech,
                         *advert])
    second = "\n\n".join([*masthead, "The full text of the address follows, as delivered on Monday.", *speech, *own,
                          *advert])
    found = detect_boilerplate({1: first, 2: second, 3: "Address to the Congress\n\n" + "\n\n".join(speech)})
    for key, text in ((1, first), (2, second)):
        marked = [text[s:e] for s, e in found[key]]
        assert all(any(line in stretch for stretch in marked) for line in masthead + advert), marked
