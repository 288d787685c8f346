"""Which model reads a text in Latin letters: the English one reads English, and no model another language."""

import pytest

from reader.core.entities.model import ModelStep
from reader.core.entities.scripts import in_english

GERMAN = ("Bericht der Gesandtschaft in Moskau. Am 24. November 1934 empfing Stalin den Ministerpräsidenten Genden "
          "im Kreml. Die Gespräche dauerten drei Stunden; die Forderungen Stalins nach Verhaftungen der Lamas wurden "
          "von Genden abgelehnt, und die Linie Moskaus wurde in Ulan-Bator nicht befolgt. Der Gesandtschaftsrat "
          "meldete es nach Berlin.\n")
FRENCH = ("Rapport de l'ambassade de France à Moscou. Le 15 novembre 1934, Staline a reçu Peljidiin Genden au "
          "Kremlin. Les entretiens ont duré trois heures et le premier ministre de la Mongolie a refusé les demandes "
          "soviétiques sur les lamas. On dit à Oulan-Bator que Genden ne reviendra pas au pouvoir.\n")
POLISH = ("Dnia 24 listopada 1934 r. Stalin przyjął w Moskwie premiera Mongolii Gendena. Rozmowy trwały trzy "
          "godziny, a Genden odrzucił żądania, które dotyczyły rozpoczęcia walki z lamami. Podpisano tylko krótki "
          "komunikat, o którym pisały gazety w Warszawie i w Moskwie przez wiele tygodni.\n")  # its 'w', 'z', 'o'
# count, as initials do not (audit EA F1)
GREEK = ("Στις 15 Νοεμβρίου 1934 ο Στάλιν δέχτηκε τον Γκεντέν στη Μόσχα. Οι συνομιλίες κράτησαν τρεις ώρες και ο "
         "Μογγόλος πρωθυπουργός αρνήθηκε τα αιτήματα.\n")
ENGLISH = ("In November 1934 the Mongolian prime minister Peljidiin Genden led a delegation to Moscow. Genden met "
           "Stalin in the Kremlin on 15 November 1934, with Voroshilov and Molotov present. The talks were long and "
           "the demands were refused.\n")


@pytest.mark.parametrize("text", [GERMAN, FRENCH, POLISH])
def test_a_text_in_another_language_in_latin_letters_goes_to_no_model(text, shared_model):
    """German, French and Polish went to the English model, which made 'Bericht', 'Verhaftungen', 'Moscou' and
    'Dnia' people and Genden a place (audit DY F2): such text is read by no model, as Mongolian is; its names are
    the ones the user marks (and those known from other texts), its dates are read."""
    assert not in_english(text)
    assert next(shared_model.candidates([text])) == []


def test_english_quoting_another_language_or_listing_names_is_read_in_english(shared_model):
    """An English text keeps the English model, a French quotation in it and a list of names too (too few words of
    any language to tell it by); so do a wire report's initials, which spaCy's Romanian list holds as words, a
    telegram's 'STOP' (a French word), an index's particles ('de', 'van der'), Greek quotations, and a book whose
    first pages are a German preface (audit DZ F1, F2, F5)."""
    quoting = ENGLISH + "\n" + FRENCH[:200] + "\n" + ENGLISH
    listing = "Genden, Peljidiin. Choibalsan, Khorloogiin. Amar, Anandyn. Demid, Gelegdorjiin. Stalin, Joseph.\n"
    wire = "MOSCOW, Nov. 24 (U.P.).—J. V. Stalin of the U.S.S.R. received P. Genden of the M.P.R. in the Kremlin. " * 3
    telegram = "GENDEN RECEIVED KREMLIN STALIN PRESENT STOP TALKS THREE HOURS STOP DEMANDS REFUSED STOP " * 4
    index = "de Gaulle, Charles 201. van der Lubbe, Marinus 12. Ribbentrop, Joachim von 150. Stalin, Joseph 3. " * 4
    preface = GERMAN * 60 + ENGLISH * 1500
    for text in (ENGLISH, quoting, listing, wire, telegram, index, ENGLISH + GREEK * 3, preface):
        assert in_english(text), text[:60]
    assert "Genden" in {c.text for c in next(shared_model.candidates([quoting]))}


def test_what_read_a_text_names_whether_its_latin_letters_were_read():
    """A text read by no model is kept apart from one read by the English model: their cached names differ."""
    step = ModelStep()
    assert step.pipeline(GERMAN) != step.pipeline(ENGLISH) == step.pipeline("An English line.")


def test_a_text_no_model_reads_is_said_so(empty_workspace, shared_model, tmp_path):
    """A German report's names were its dates alone and nothing said why: 'no names here' could not be told from
    'names not read' (audit DZ F3). The run names the texts no model reads, and the command line says so."""
    from reader.core.entities.service import unread_line
    from tests.core.library import recognised

    recognised(empty_workspace, tmp_path, shared_model, {"bericht.txt": GERMAN, "account.txt": ENGLISH,
                                                         "anafora.txt": GREEK})
    report = empty_workspace.entities.recognise()
    assert len(report.unread) == 2 and "bericht.txt" in report.unread  # the Greek, titled by its line, too (EA F6)
    said = unread_line(report.unread)
    assert said.startswith("The names of 2 texts (“bericht.txt”, “Στις 15 Νοεμβρίου 1934") and "…”) are read" in said
