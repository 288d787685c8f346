"""Entity consolidation and the user's decisions, on small texts (the model is real, loaded once per session)."""

import pytest

from reader.core.entities.cluster import Cluster
from reader.core.entities.names import name_key, trim_surface
from reader.core.entities.service import EntityService
from reader.core.entities.variants import find_variants
from tests.core.library import entity, recognised

ACCOUNT_A = ("Prime Minister Peljidiin Genden met Joseph Stalin in Moscow on November 15, 1934. "
             "Stalin's demands were clear. Genden refused, and Genden's friends in Ulaanbaatar worried.\n"
             "Later Choibalsan took charge of the Ministry of Internal Affairs, and Choibalsan purged the lamas.\n"
             "Marshal Choibalsan ruled Mongolia until 1952.\n")
ACCOUNT_B = ("In early 1935 Genden went to Moscow again. Stalin and Voroshilov reproached Genden. "
             "Choibalshan, his rival, waited in Ulaanbaatar while Choibalsan's men watched.\n")


@pytest.fixture
def corpus(empty_workspace, tmp_path, shared_model):
    return recognised(empty_workspace, tmp_path, shared_model, {"a.txt": ACCOUNT_A, "b.txt": ACCOUNT_B})


def test_titles_possessives_and_initials_are_set_aside():
    """'Prime Minister Genden', "Stalin's" and 'I. V. Stalin' reduce to the name they contain."""
    assert trim_surface("Prime Minister Genden", 0) == ("Genden", 15, 21)
    assert trim_surface("Stalin’s", 5)[0] == "Stalin"
    assert name_key("I. V. Stalin") == name_key("Stalin") == "stalin"


def test_surname_joins_the_full_name_and_type_is_voted(corpus):
    """'Genden' and 'Peljidiin Genden' are one person across both documents, named by the full form."""
    genden = entity(corpus, "Peljidiin Genden")
    assert genden.type == "PERSON" and genden.document_count == 2
    assert genden.mention_count == 5


def test_known_names_are_found_where_the_model_missed_them(corpus):
    """Every occurrence of a known name is a mention (alias propagation), possessives included."""
    mentions = [m for m in corpus.entities.mentions() if m.entity_id == entity(corpus, "Ulaanbaatar").id]
    assert len(mentions) == 2 and all(m.text == "Ulaanbaatar" for m in mentions)
    stalin = [m.text for m in corpus.entities.mentions() if m.entity_id == entity(corpus, "Joseph Stalin").id]
    assert stalin.count("Stalin") == 2


def test_rare_spelling_variant_is_merged(corpus):
    """'Choibalshan' (once) joins 'Choibalsan' (three times): one edit apart, one rare, one frequent."""
    choibalsan = entity(corpus, "Choibalsan")
    assert "Choibalshan" in choibalsan.aliases
    assert choibalsan.type == "PERSON"


def test_close_names_of_similar_frequency_are_only_suggested():
    """Two frequent names one letter apart are a suggestion, not a merge."""
    clusters = {"mprp committee": Cluster("mprp committee"), "mpp committee": Cluster("mpp committee")}
    for key in clusters:
        clusters[key].names[key.upper()] = 3
    merged, suggestions = find_variants(clusters, set())
    assert merged == [] and len(suggestions) == 1 and len(clusters) == 2


def test_dates_are_entities_with_values(corpus):
    """Dates become DATE entities named by their normalised value."""
    names = {e.name for e in corpus.entities.register() if e.type == "DATE"}
    assert {"1934-11-15", "1935 early"} <= names


def test_decisions_survive_a_rerun(corpus):
    """Rename, type, reject and an added mention are replayed when recognition runs again."""
    service = corpus.entities
    moscow = entity(corpus, "Moscow")
    service.rename(moscow.id, "Moskva")
    service.set_type(entity(corpus, "Voroshilov").id, "ORG")
    service.reject_entity(entity(corpus, "Ulaanbaatar").id)
    text = corpus.documents.text(corpus.documents.resolve("a.txt").id).text
    start = text.index("Ministry of Internal Affairs")
    service.add_mention(corpus.documents.resolve("a.txt").id, start, start + len("Ministry of Internal Affairs"),
                        "ORG")
    service.recognise()
    names = {e.name: e for e in service.register()}
    assert "Moskva" in names and "Moscow" not in names
    assert names["Voroshilov"].type == "ORG"
    assert all("Ulaanbaatar" not in (e.name, *e.aliases) for e in service.register())
    assert names["Ministry of Internal Affairs"].type == "ORG"


def test_a_name_marked_inside_a_rejected_mention_is_a_mention(corpus):
    """'Prime Minister Peljidiin Genden' rejected as a mention (it held the title), the name marked on its own is
    a person's mention as the user drew it: it had been widened over the title again, matched the rejection, and
    vanished while the decision was recorded."""
    service = corpus.entities
    document_id = corpus.documents.resolve("a.txt").id
    text = corpus.documents.text(document_id).text
    wide = next(m for m in service.mentions(document_id) if m.text.startswith("Prime Minister"))
    service.reject_mention(document_id, wide.start, wide.end)
    start = text.index("Peljidiin Genden")
    service.add_mention(document_id, start, start + len("Peljidiin Genden"), "PERSON")
    assert (start, start + len("Peljidiin Genden")) in {(m.start, m.end) for m in service.mentions(document_id)}


def test_merge_and_reject_mention(corpus):
    """Merging two entities makes one; a rejected mention stays rejected."""
    service = corpus.entities
    stalin, voroshilov = entity(corpus, "Joseph Stalin"), entity(corpus, "Voroshilov")
    service.merge(stalin.id, voroshilov.id)
    assert "Voroshilov" in entity(corpus, "Joseph Stalin").aliases
    mention = next(m for m in service.mentions() if m.text == "Moscow")
    service.reject_mention(mention.document_id, mention.start, mention.end)
    assert all((m.document_id, m.start) != (mention.document_id, mention.start) for m in service.mentions())


def test_a_merge_keeps_the_name_chosen_for_good(corpus):
    """The merged entity keeps the name of the one merged into (the window asks which): it had been named anew from
    all the names of both at the next run, so a mis-read 'Foreign Affairs Genden' could become the main person's
    name minutes after the user chose 'Peljidiin Genden'."""
    service = corpus.entities
    keeper, other = entity(corpus, "Voroshilov"), entity(corpus, "Joseph Stalin")
    service.merge(keeper.id, other.id)
    service.recognise()
    merged = entity(corpus, "Joseph Stalin")
    assert merged.name == "Voroshilov" and "Joseph Stalin" in merged.aliases


def test_cache_skips_unchanged_texts(corpus):
    """A second run takes every text from the cache; a changed document is the only one processed again."""
    again = corpus.entities.recognise()
    assert (again.documents_processed, again.documents_cached) == (0, 2)


def test_boilerplate_has_no_mentions(workspace, shared_model):
    """Shop lines and other boilerplate are never mentions."""
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    for info in workspace.documents.list():
        ranges = workspace.documents.text(info.id).boilerplate
        assert not [m for m in workspace.entities.mentions(info.id)
                    if any(s.start <= m.start < s.end for s in ranges)]


def test_missing_model_still_finds_dates_and_says_so(empty_workspace, tmp_path):
    """Without the model, recognition warns once and still finds dates and user-marked names."""
    (tmp_path / "a.txt").write_text(ACCOUNT_A, encoding="utf-8")
    empty_workspace.documents.import_paths([tmp_path / "a.txt"])
    service = EntityService(empty_workspace.db, model_name="no_such_model_xyz")
    report = service.recognise()
    assert "no_such_model_xyz" in report.model_warning and "\n" not in report.model_warning
    assert {e.type for e in service.register()} == {"DATE"}


def test_mention_decisions_hold_through_a_new_version(corpus):
    """A rejected, a confirmed and an added mention keep to their words when the document gets a new version with
    a line added before them: left on the old ranges, the rejected one came back and the others landed elsewhere."""
    service = corpus.entities
    document_id = corpus.documents.resolve("a.txt").id
    text = corpus.documents.text(document_id).text
    moscow = next(m for m in service.mentions() if m.document_id == document_id and m.text == "Moscow")
    service.reject_mention(document_id, moscow.start, moscow.end)
    start = text.index("Ministry of Internal Affairs")
    service.add_mention(document_id, start, start + len("Ministry of Internal Affairs"), "ORG")
    corpus.documents.correct_text(document_id, "A line the archivist added.\n" + text)
    service.ensure_current()
    shift = len("A line the archivist added.\n")
    found = {(m.start, m.text) for m in service.mentions() if m.document_id == document_id}
    assert (moscow.start + shift, "Moscow") not in found
    assert (start + shift, "Ministry of Internal Affairs") in found



def test_a_long_text_stops_between_its_pieces_when_cancelled():
    """Cancelling (closing the window) was looked at only between documents: closing while a 45 MB text was read
    waited for all its 9,000 pieces. It is looked at between pieces, and stops the run, not just that text."""
    import pytest

    from reader.core.entities.pieces import PIECE_CHARS, recognise_each
    from reader.core.errors import ImportCancelled

    read = []

    def recognise(pieces):
        for piece in pieces:
            read.append(piece)
            yield []

    text = ("A line of a long text. " * 40 + "\n\n") * (PIECE_CHARS // 900 * 10)
    with pytest.raises(ImportCancelled):
        list(recognise_each(recognise, [text, "another text"], cancelled=lambda: len(read) >= 3))
    assert len(read) == 3


def test_a_long_text_says_how_far_its_reading_has_gone():
    """A 45 MB text showed 'Recognising entities: 0 of 1' for over half an hour: its reading reports each piece."""
    from reader.core.entities.pieces import PIECE_CHARS, recognise_each

    text = ("A line of a long text. " * 40 + "\n\n") * (PIECE_CHARS // 900 * 10)
    told = []
    list(recognise_each(lambda pieces: ([] for _ in pieces), ["short", text],
                        reading=lambda number, done, total: told.append((number, done, total))))
    total = told[-1][2]
    assert total > 5 and told[-1] == (1, total, total) and (1, 1, total) in told


def test_french_and_german_honorifics_are_set_aside():
    """'Sieur de Launay', 'M. de Flesselles' and 'Herr von Flesselles' kept their honorific in the name, so one man
    was several entities (and Parallels called them different people): the honorific is set aside as 'Mr.' is."""
    assert trim_surface("Sieur de Launay", 0)[0] == "de Launay"
    assert trim_surface("M. de Flesselles", 0)[0] == "de Flesselles"
    assert trim_surface("Herr von Flesselles", 0)[0] == "von Flesselles"
    assert trim_surface("Citoyen Danton", 0)[0] == "Danton"


def test_russian_ranks_are_set_aside_and_an_entity_is_named_in_the_script_most_mentions_use():
    """'Маршал Чойбалсан' (Marshal) named the English corpus's Choibalsan, and 'Пэлжидийн Гэндэн' its Genden, once
    one Russian report was imported (audit DY F1): a rank in any case is set aside as 'Marshal' is, and an entity is
    named in Latin letters where it has such a name, whatever the count of its mentions in each script (DZ F9)."""
    from collections import Counter

    from reader.core.entities.names import canonical_name

    for titled in ("Маршал Чойбалсан", "маршалом Чойбалсаном", "председателя Гендена", "Наркома Литвинова"):
        assert trim_surface(titled, 0)[0] == titled.split()[-1]
    assert canonical_name(Counter({"Peljidiin Genden": 3, "Genden": 100, "Пэлжидийн Гэндэн": 1, "Генден": 5})) == \
        "Peljidiin Genden"
    assert canonical_name(Counter({"Peljidiin Genden": 1, "Genden": 1, "Гэндэн": 9})) == "Peljidiin Genden"
    assert canonical_name(Counter({"Пэлжидийн Гэндэн": 2, "Генден": 9})) == "Пэлжидийн Гэндэн"


def test_names_that_are_words_of_other_calendars_or_titles_stay_names():
    """Marshal Juin, the writer Graf: French and German month and weekday names, and surnames
    that are German titles, dropped out of the register once other languages' calendars and honorifics were read."""
    from reader.core.entities.names import is_calendar_word, is_title

    assert not any(is_calendar_word(name) for name in ("Juin", "Juli", "Mai", "Mardi"))
    assert is_calendar_word("March") and is_calendar_word("Friday")
    assert not is_title("Graf") and not is_title("Fürst") and is_title("Herr")
