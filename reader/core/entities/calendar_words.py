"""The words a date is written with: months and their abbreviations, weekdays, in the languages dates are read in.

Kept apart from the patterns that read dates (dates.py) so that what reads around a date (a dateline's language, a
name that is a month) knows these words without the patterns.
"""

from __future__ import annotations

from reader.core.folding import without_accents

ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
# The months' names and their usual abbreviations, in English, French and German, no other word: any word beginning
# like one was a month ("the decree of 1921" December, "the marriage of 1934" March), and two sources then differed
# by a month they never gave; sources in French or German lost their days.
FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre")
GERMAN_MONTHS = ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
                 "november", "dezember")
UNACCENTED_MONTHS = {**{without_accents(name): name for name in (*FRENCH_MONTHS, *GERMAN_MONTHS)}, "maerz": "märz"}
# as a telegram, a typescript or an OCR'd page writes them: 'fevrier', 'aout', 'Marz', 'Maerz'
RUSSIAN_MONTHS = tuple(zip(  # as a date writes them: "15 ноября 1934 г." (of November), "в ноябре" (in), "ноябрь"
    ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
     "декабрь"),
    ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
     "декабря"),
    ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре",
     "декабре"), strict=True))
POLISH_MONTHS = tuple(zip(  # as a date writes them: "24 listopada 1934 r." (of November), "w marcu" (in), "maj"
    ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik",
     "listopad", "grudzień"),
    ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
     "listopada", "grudnia"),
    ("styczniu", "lutym", "marcu", "kwietniu", "maju", "czerwcu", "lipcu", "sierpniu", "wrześniu", "październiku",
     "listopadzie", "grudniu"), strict=True))
GREEK_MONTHS = tuple(zip(  # "Ιανουάριος", "15 Νοεμβρίου 1934" (of November), "τον Μάρτιο του 1936" (in March of)
    ("ιανουάριος", "φεβρουάριος", "μάρτιος", "απρίλιος", "μάιος", "ιούνιος", "ιούλιος", "αύγουστος", "σεπτέμβριος",
     "οκτώβριος", "νοέμβριος", "δεκέμβριος"),
    ("ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου", "σεπτεμβρίου",
     "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"),
    ("ιανουάριο", "φεβρουάριο", "μάρτιο", "απρίλιο", "μάιο", "ιούνιο", "ιούλιο", "αύγουστο", "σεπτέμβριο",
     "οκτώβριο", "νοέμβριο", "δεκέμβριο"), strict=True))
_WITHOUT_ACCENTS = {without_accents(name): number for languages in (POLISH_MONTHS, GREEK_MONTHS)
                    for number, forms in enumerate(languages, 1) for name in forms}  # Greek capitals and a
# typescript write none: 'ΝΟΕΜΒΡΙΟΥ', 'pazdziernika'
ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = (*ENGLISH_WEEKDAYS, "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag",
            "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "понедельник", "вторник", "среда",
            "четверг", "пятница", "суббота", "воскресенье")  # Monday to Sunday in each language: an index % 7
ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
GERMAN_ABBREVIATIONS = {"febr": 2, "mrz": 3, "okt": 10, "dez": 12}  # "am 22. Dez. 1894" (the rest as English)
FRENCH_ABBREVIATIONS = {"janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11,
                        "déc": 12, "dec": 12}  # "le 13 janv. 1898", in lower case as French writes its months
MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(MONTHS, 1)},
    **{name: number for number, name in enumerate(ABBREVIATIONS, 1)}, "sept": 9,
    **GERMAN_ABBREVIATIONS, **FRENCH_ABBREVIATIONS,
    **{name: number for number, name in enumerate(FRENCH_MONTHS, 1)},
    **{name: number for number, name in enumerate(GERMAN_MONTHS, 1)},
    **{plain: (FRENCH_MONTHS + GERMAN_MONTHS).index(name) % 12 + 1 for plain, name in UNACCENTED_MONTHS.items()},
    **{name: number for number, forms in enumerate(RUSSIAN_MONTHS, 1) for name in forms},
    **{name: number for languages in (POLISH_MONTHS, GREEK_MONTHS) for number, forms in enumerate(languages, 1)
       for name in forms}, **_WITHOUT_ACCENTS,
}

# What a German sentence opens with, in capitals there (articles, pronouns, some adverbs): after "am 17." such a word
# begins the next sentence ("kam am 17. Sie blieb"), where a noun or an adjective is what the ordinal counts.
GERMAN_OPENINGS = ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "ich", "du",
                   "er", "sie", "es", "wir", "ihr", "man", "dann", "danach", "darauf", "doch", "so", "auch", "am", "im")
