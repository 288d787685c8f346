"""Dates found by pattern and normalised with a precision; phone numbers, prices and DOIs are not dates."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.entities.dates import Taken, date_span, find_dates


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("The two met on November 15, 1934.", "1934-11-15", "day"),
    ("On 24 November 1934 they spoke.", "1934-11-24", "day"),
    ("Updated on 2024-02-17", "2024-02-17", "day"),
    ("In October 1919 the warlord came.", "1919-10", "month"),
    ("Oriental Studies (Jun 2021)", "2021-06", "month"),
    ("He met him again in early 1935.", "1935 early", "part"),
    ("during the summer of 1937", "1937 summer", "part"),
    ("relations 1900-1937 were tense", "1900..1937", "range"),
    ("the early 1930s saw", "1930..1933", "decade"),  # its first years, not the whole decade
    ("in the late 1920s", "1926..1929", "decade"),
    ("the 1930s were", "1930..1939", "decade"),
    ("In 1921, Outer Mongolia", "1921", "year"),
    ("the winter of 1920-21 was hard", "1920..1921", "range"),  # a season's years, as a report writes them
    ("the campaign of 1921–22", "1921..1922", "range"),
    ("signed at Urga, 12.IV.1922", "1922-04-12", "day"),  # a Roman month, as Russian and German papers date
    ("dated 3. XI. 1924", "1924-11-03", "day"),
])
def test_dates_are_normalised(text, value, precision):
    """Each kind of date gets its sortable value and precision, and keeps its surface text."""
    [found] = find_dates(text)
    assert (found.value, found.precision) == (value, precision)
    assert text[found.start:found.end] == found.text


@pytest.mark.parametrize("text", ["+1 (618)724-5782", "orders over $150.00", "10.22162/2619-0990-2021-55-3-428",
                                  "pp. 428 – 435", "100% original", "Vol. 14, no. 3", "1,934 lamas",
                                  "call 1921-2255 now", "ISBN 978-1934-56", "in 1935-19 (a typo)"])
def test_numbers_that_are_not_dates(text):
    """Phone numbers, prices, DOIs, page ranges and counts never become dates."""
    assert find_dates(text) == []


def test_a_day_without_a_year_takes_the_year_read_before_it():
    """'on April 7' after 'March 12, 1934' is 1934-04-07; with no dated mention before it, it is not taken."""
    text = "On March 12, 1934, the treaty was signed. Twice, on April 7 and 14, the envoy protested."
    assert [(m.text, m.value) for m in find_dates(text)] == [("March 12, 1934", "1934-03-12"),
                                                            ("April 7", "1934-04-07"), ("14", "1934-04-14")]
    assert find_dates("On August 22, the envoy left.") == []
    assert [m.value for m in find_dates("In 1921 it began; on May 3 they met; on 5 May 1922 they parted.")] == \
        ["1921", "1921-05-03", "1922-05-05"]


def test_a_chronologys_month_items_take_the_year_above_them():
    """A chronology's '• March:' and '• July:' under '• 1936:' are March and July 1936: the July item was placed by
    the '1932 revolt' it mentions, and March had no date at all."""
    text = ("  • 1936: Amar became Prime Minister.\n  • March: Dogsom was chosen.\n"
            "  • July: those involved in the 1932 revolt were released.\n")
    assert [(m.text, m.value) for m in find_dates(text)] == [("1936", "1936"), ("March", "1936-03"),
                                                            ("July", "1936-07"), ("1932", "1932")]
    assert find_dates("March: nothing dated before it.\n") == []


def _values(text: str) -> list[str]:
    return [mention.value for mention in find_dates(text)]


def test_a_word_beginning_like_a_month_is_no_month():
    """"The decree of 1921" was December 1921, "the Declaration of 1934" December, "the marriage of 1934" March and
    "the novel of 1934" November: any word beginning like a month was one, and made false conflicts."""
    for text in ("The decree of 1921 abolished it.", "the Declaration of 1934", "the marriage of 1934",
                 "the novel of 1934", "the mayor of 1934", "the Junta of 1934", "the Octobrists of 1917"):
        assert _values(text) == [text.split(" of ")[-1].split()[0]], text
    assert _values("in Sept. 1934 and in Nov 1935") == ["1934-09", "1935-11"]


def test_a_full_date_is_read_in_the_forms_historians_write_it():
    """"the 15th of November 1934", "November the 15th, 1934", "15th November, 1934", "15 Nov., 1934" and the German
    "15. November 1934" lost their day (a month or a year overlapping the other source's 24th: the conflict was
    missed); "November, 1934" its month."""
    for text in ("the 15th of November 1934", "the 15th of November, 1934", "November the 15th, 1934",
                 "15th November, 1934", "15 Nov., 1934", "am 15. November 1934"):
        assert _values(text) == ["1934-11-15"], text
    assert _values("In November, 1934, they met.") == ["1934-11"]


def test_a_date_in_figures_is_read_where_it_can_mean_one_day_only():
    """15.11.1934, 15/11/1934 and 15-11-1934 were no date at all (the other source's 24 November made no conflict):
    dotted figures are day, month, year, as Europe and Russia write them; with slashes or dashes a day over 12 says
    which figure is the day, and 11/05/1934, either the 11th of May or the 5th of November, is read as its year."""
    for text in ("on 15.11.1934", "on 15/11/1934", "on 15-11-1934", "on 11/15/1934", "on 5.11.1934"):
        assert len(_values(text)) == 1 and _values(text)[0] in ("1934-11-15", "1934-11-05"), text
    assert _values("on 11/05/1934") == ["1934"]


def test_a_span_of_days_or_months_is_read_whole():
    """"From 12 to 15 November 1934" was the 15th alone (another source's 13th, inside it, made a conflict), "from
    March to May 1921" May, "12-15 November 1934" the whole month, and "between 1934 and 1937" two years: each is
    one span, from its first day to its last."""
    cases = {"from 12 to 15 November 1934": "1934-11-12..1934-11-15",
             "on 12-15 November 1934": "1934-11-12..1934-11-15",
             "between 12 and 15 November 1934": "1934-11-12..1934-11-15",
             "from 12 November to 3 December 1934": "1934-11-12..1934-12-03",
             "from March to May 1921": "1921-03..1921-05",
             "between 1934 and 1937": "1934..1937", "from 1934 to 1937": "1934..1937"}
    for text, value in cases.items():
        assert _values(text) == [value], text
        first, last, precision = date_span(value)
        assert precision == "range" and first <= last
    assert date_span("1921-03..1921-05") == ("1921-03-01", "1921-05-31", "range")


def test_the_turn_of_a_leap_year_ends_on_its_last_day_of_february():
    """"The turn of 1936" ended on 28 February, though 1936 is a leap year: a source's 29 February 1936 fell outside."""
    assert [(m.first, m.last) for m in find_dates("at the turn of 1936")] == [("1935-11-01", "1936-02-29")]


def test_a_date_after_before_or_since_is_a_bound_not_the_day():
    """"before 24 November 1934" was read as that day: a source saying they met before it and another giving the
    15th made a conflict, though they agree. A date a word bounds is open on one side, as the word says."""
    cases = {"met Stalin before 24 November 1934": ("1934-11-24 before", "0001-01-01", "1934-11-23"),
             "by 24 November 1934 he had gone": ("1934-11-24 by", "0001-01-01", "1934-11-24"),
             "not later than November 1934": ("1934-11 by", "0001-01-01", "1934-11-30"),
             "after 10 November 1934": ("1934-11-10 after", "1934-11-11", "9999-12-31"),
             "Since 1921 Mongolia had been": ("1921 since", "1921-01-01", "9999-12-31"),
             "prior to 1921": ("1921 before", "0001-01-01", "1920-12-31")}
    for text, (value, first, last) in cases.items():
        [found] = find_dates(text)
        assert (found.value, found.first, found.last, found.precision) == (value, first, last, "bound"), text
        assert date_span(value) == (first, last, "bound")
    assert _values("the meeting of 15 November 1934") == ["1934-11-15"]  # no bounding word: the day
    assert _values("On 10 April 1912 she sailed; by the 15th of April she had sunk; before the 18th, none knew.") \
        == ["1912-04-10", "1912-04-15 by", "1912-04-18 before"]  # a day written with its article is bounded too
    assert _values("Confiscated by the 1921 decree, it was sold after the 1929 crash.") == ["1921", "1929"]


def test_an_old_style_date_is_the_gregorian_day_it_names():
    """"25 October 1917 (O.S.)" and "7 November 1917" are one day: both were read as Gregorian, 13 days apart, a
    false conflict; a double date "12 (25) November 1934" lost its day. Old Style is converted to the Gregorian day,
    and a double date is the new-style day it gives."""
    assert _values("the rising of 25 October 1917 (O.S.) in Petrograd") == ["1917-11-07"]
    assert _values("on 25 October (Old Style) 1917") == ["1917-11-07"]
    assert _values("on 12 (25) November 1934 the decree") == ["1934-11-25"]
    assert _values("on 3/16 June 1921 they crossed") == ["1921-06-16"]
    assert _values("on 1/14 February 1918") == ["1918-02-14"]
    assert _values("between 12 and 15 November 1934") == ["1934-11-12..1934-11-15"]  # a span, not a double date


def test_a_day_no_calendar_has_is_read_as_its_month():
    """"31 April 1934" (a scribe's slip worth noticing) was a date in the register but silently off the timeline:
    read as April 1934, as written."""
    [found] = find_dates("the order of 31 April 1934 was")
    assert (found.value, found.precision, found.text) == ("1934-04", "month", "31 April 1934")
    assert _values("On February 30 the order came. In 1934 nothing.") == ["1934"]  # yearless: not taken


def test_hyphenated_parts_and_circa_are_read():
    """"mid-1935", "the mid-1930s", "late-1930s" and "c.1920" were not read at all (a hyphen or a dot before the
    year was taken for a number's), and "c. 1920" was the year 1920 exactly. Parts are read hyphenated too; a year
    'circa' spans the two years either side of it, and says so."""
    assert _values("In mid-1935 the lamas rose.") == ["1935 mid"]
    assert _values("In the mid-1930s the purges") == ["1933..1936"]
    assert _values("the late-1930s") == ["1936..1939"]
    for text in ("built c.1920 by", "built c. 1920 by", "built ca. 1920 by", "built circa 1920 by"):
        [found] = find_dates(text)
        assert (found.value, found.first, found.last, found.precision) == ("1920 circa", "1918-01-01",
                                                                          "1922-12-31", "circa"), text
    assert date_span("1920 circa") == ("1918-01-01", "1922-12-31", "circa")


def test_a_number_that_numbers_or_counts_money_is_no_year():
    """"Order No. 1921", "page 1934", "Fond 1934, op. 1" and "1934 roubles" were years on the timeline: a number
    after a word that numbers (an order, a page, an archive's fond or file) or before a unit of money or measure
    counts or names something, not a year."""
    for text in ("under Order No. 1921 the", "see page 1934 of the report", "GARF, Fond 1934, op. 1",
                 "he was paid 1934 roubles", "a herd numbering 1934 head of cattle", "over 1921 km of road"):
        assert find_dates(text) == [], text
    assert _values("In 1934 roubles were scarce") == ["1934"]  # after "in", a year all the same
    assert _values("1936 marks the beginning of the purges") == ["1936"]  # 'marks' a verb, not a currency
    assert _values("In 1921 Mongolia declared") == ["1921"]


def test_french_and_german_months_are_read():
    """"Mardi 14 juillet 1789" (a French diary), "den 16. Juli 1789" (a German dispatch), "11 mars 1934" were the
    year alone: sources in other languages lost their days, and their conflicts went unseen."""
    cases = {"Mardi 14 juillet 1789": "1789-07-14", "den 16. Juli 1789": "1789-07-16",
             "le 11 mars 1934": "1934-03-11", "1er août 1914": "1914-08-01", "am 3. März 1921": "1921-03-03",
             "im Dezember 1934": "1934-12", "en décembre 1934": "1934-12", "den 9. Oktober 1918": "1918-10-09"}
    for text, value in cases.items():
        assert _values(text) == [value], text


def test_months_written_without_their_accents_or_spaces_are_read():
    """A telegram, a typescript or an OCR'd page writes "fevrier", "aout", "Marz" or "Maerz", and OCR may run the
    year into the month ("le 3 fevrier1935", "den 5.Marz1935"): a French and a German scan lost both their dates."""
    cases = {"Geneve, le 3 fevrier 1935.": "1935-02-03", "le 15 aout 1936": "1936-08-15",
             "le 1er decembre 1936": "1936-12-01", "den 5. Marz 1935": "1935-03-05", "am 3. Maerz 1921": "1921-03-03",
             "Geneve, le 3 fevrier1935.": "1935-02-03", "Zirich, den 5.Marz1935.": "1935-03-05",
             "On 24 November1934 they met.": "1934-11-24"}
    for text, value in cases.items():
        assert _values(text) == [value], text
    assert _values("In 1934, Marz15 was no date; nor were 3.14159 or 12.1934.") == ["1934"]


def test_russian_months_are_read():
    """A Russian archival document's "15 ноября 1934 г." was the year alone (or nothing): the sources a historian of
    Soviet-Mongolian relations reads most lost their days."""
    cases = {"15 ноября 1934 г.": "1934-11-15", "24 ноября 1934 года": "1934-11-24", "в ноябре 1934 г.": "1934-11",
             "1 января 1937 г.": "1937-01-01", "ноябрь 1934": "1934-11", "26 ноября 1937": "1937-11-26"}
    for text, value in cases.items():
        assert _values(text) == [value], text


def test_polish_and_greek_months_are_read():
    """A Polish legation's "24 listopada 1934 r." and a Greek report's "15 Νοεμβρίου 1934" were the year alone, so
    they joined no event and no conflict (audit DY F5); in capitals and without accents too. 'Maja' (a name
    capitalised, as Polish months are not) is no May."""
    cases = {"Dnia 24 listopada 1934 r.": "1934-11-24", "W marcu 1936 r.": "1936-03", "3 grudnia 1934 r.": "1934-12-03",
             "w październiku 1937": "1937-10", "24 pazdziernika 1934": "1934-10-24",
             "Στις 15 Νοεμβρίου 1934": "1934-11-15", "ΣΤΙΣ 15 ΝΟΕΜΒΡΙΟΥ 1934": "1934-11-15",
             "Τον Μάρτιο του 1936": "1936-03", "Μάιος 1921": "1921-05", "Maja Kowalska, 1934": "1934",
             "ΜΑΡΤΙΟΣ 1936": "1936-03", "Νοεμβριος 1934": "1934-11"}  # its final sigma, without accents (EA F2)
    for text, value in cases.items():
        assert _values(text) == [value], text


def test_a_year_abbreviated_after_it_ends_no_sentence():
    """A Polish "r." and a Russian "г." after a year abbreviate the year ('roku', 'года'): the timeline's sentence
    for "W marcu 1936 r. Genden został odwołany." was cut to "W marcu 1936 r." (audit DY F5)."""
    from reader.core.compare.passages import sentence_bounds

    for text in ("W marcu 1936 r. Genden został odwołany.", "В марте 1936 г. Генден был снят."):
        assert sentence_bounds(text, 3) == (0, len(text)), text


def test_a_day_before_or_after_a_date_is_beside_it_not_a_bound():
    """"The day after 15 November 1934" was read as every day after it: a day, a week or a month before or after a
    date is near it, and is read as that date."""
    assert _values("the day after 15 November 1934 they left") == ["1934-11-15"]
    assert _values("a week before 24 November 1934") == ["1934-11-24"]
    assert _values("after 10 November 1934") == ["1934-11-10 after"]


def test_a_day_written_before_its_month_without_a_year_takes_the_year_read_before_it():
    """A London paper's "Wednesday, 10 April" and an inquiry's "the 14th of April" were no dates at all while
    "April 10" was: the eyewitness sources, which write days so, had nothing on the timeline to agree or conflict
    with. With no dated mention before it, such a day is not taken."""
    text = ("London, 16 April 1912.\nThe liner left Southampton on Wednesday, 10 April. She struck the ice on the "
            "14th of April and sank on the 15th April. Am 17. Juli came the news; le 18 juillet, the rest.")
    assert [(m.text, m.value) for m in find_dates(text)] == [
        ("16 April 1912", "1912-04-16"), ("10 April", "1912-04-10"), ("14th of April", "1912-04-14"),
        ("15th April", "1912-04-15"), ("17. Juli", "1912-07-17"), ("18 juillet", "1912-07-18")]
    assert find_dates("She left on Wednesday, 10 April, from Southampton.") == []
    assert _values("In 1912 they sailed; No. 3 May Street was their office; 2 may go.") == ["1912"]


def test_a_number_before_a_month_word_is_a_day_only_where_it_dates():
    """Read since days were taken before their month, these were dates: a heading's number and the next line's
    'May', a numbered list, chapters, sections and psalms, 'august' men, the god Mars; 'On 15 April 2 boats' was
    the 15th and also April 2; a citation's '(1955)' gave its year to the next day; '30th of February' was a day."""
    dated = "In 1912 the ship sailed.\n"
    for text in ("Chapter 3\nMay the troops advance.", "1. May the Lord bless us.\n2. March forward.",
                 "Chapter 3 May the troops advance.", "Section 4 March orders", "Psalm 23 May", "Art. 5 May rules",
                 "12 august men stood", "4 Mars, the god", "on the 30th of February"):
        assert _values(dated + text) == ["1912"], text
    assert _values(dated + "On 15 April 2 boats were lowered.") == ["1912", "1912-04-15"]
    assert _values(dated + "On 3 Dec. 5 Sept. came.") == ["1912", "1912-12-03", "1912-09-05"]
    assert _values("As Lord (1955) shows, on 14 April the ship struck ice.") == ["1955"]
    assert _values(dated + "le 14 juillet, am 17. Juli, on 5 May") == ["1912", "1912-07-14", "1912-07-17",
                                                                       "1912-05-05"]


def test_two_days_or_a_span_before_a_yearless_month_are_read_whole():
    """"On 10 and 11 April" was the 11th alone, "from 10 to 15 April" the 15th: a source giving both days seemed to
    contradict one giving the 10th."""
    dated = "In 1912 the ship sailed.\n"
    assert [(m.text, m.value) for m in find_dates(dated + "On 10 and 11 April they waited.")][1:] == [
        ("10", "1912-04-10"), ("11 April", "1912-04-11")]
    assert [(m.text, m.value, m.precision) for m in find_dates(dated + "From 10 to 15 April they sailed.")][1:] == [
        ("10 to 15 April", "1912-04-10..1912-04-15", "range")]
    assert _values(dated + "In 10-15 April, and 3–2 May.")[1:] == ["1912-04-10..1912-04-15", "1912-05-02"]


def test_a_yearless_january_after_a_december_is_the_next_year():
    """"On 31 December 1912 they dined. On 2 January they left." put the leaving in January 1912, eleven months
    before the dinner: a narrative that goes from November or December to January or February has crossed the new
    year."""
    assert _values("On 31 December 1912 they dined. On 2 January they left.") == ["1912-12-31", "1913-01-02"]
    assert _values("In November 1934 Genden went. On February 3 he came back.") == ["1934-11", "1935-02-03"]
    assert _values("On 3 March 1934 it began. On 2 January it had been planned.") == ["1934-03-03", "1934-01-02"]


def test_a_yearless_december_told_from_a_januarys_dateline_is_the_year_before():
    """A paper dated "PARIS, Jan. 5, 1895" recalling that "on December 22 the seven judges found him guilty" put the
    verdict in December 1895, after the paper was printed: told from a January or February dateline (the day of
    writing), a November or December is the one just past. A narrative's dates move forward: after "23 February
    1917", "7 November" is 1917's (it had been put in 1916, and conflicted with a source giving the year)."""
    assert _values("PARIS, Jan. 5, 1895. It will be remembered that on December 22 the judges found him guilty.") \
        == ["1895-01-05", "1894-12-22"]
    assert _values("London, January 10, 1850.\nYour letter of December 28 came.") == ["1850-01-10", "1849-12-28"]
    assert _values("The Tsar fell on 23 February 1917; the Bolsheviks seized the Winter Palace on 7 November.") == [
        "1917-02-23", "1917-11-07"]
    assert _values("In February 1935 the talks began. On 3 November they ended.") == ["1935-02", "1935-11-03"]
    assert _values("On 3 March 1934 it began. On 2 December it ended.") == ["1934-03-03", "1934-12-02"]


def test_a_day_written_alone_takes_its_month_and_year_from_the_date_before_it():
    """An inquiry's "on the 15th." and "the night of the 18th" and a letter's "Sunday night, the 14th," were no
    dates: a witness who gives the month once and then the days alone had nothing on the timeline after it."""
    text = ("Hearing of April 20, 1912.\nQ. When did she strike?\nA. On Sunday night, the 14th, at 11.40 p.m.\n"
            "Q. And sink?\nA. At 2.20 a.m., sir, on the 15th. We reached New York on the night of the 18th.")
    assert [(m.text, m.value, m.precision) for m in find_dates(text)][1:] == [
        ("14th", "1912-04-14", "day"), ("15th", "1912-04-15", "day"), ("18th", "1912-04-18", "day")]


def test_a_diarys_weekday_and_day_alone_is_a_day_of_the_month_before_it():
    """A French diary's entries "Mardi 11. — C'est fait" and "Jeudi 13." after "Lundi 10 janvier 1898" were no dates
    (the weekdays became persons); a weekday and a day alone are a day of the month written before them, where the
    weekday agrees, in English, French or German."""
    text = ("Lundi 10 janvier 1898. — On juge Esterhazy.\nMardi 11. — C'est fait : il est acquitté.\n"
            "Jeudi 13. — L'Aurore publie la lettre.\nVendredi 15. — Rien.\nTuesday, 18. Nothing.\nDienstag, 18.")
    assert _values(text) == ["1898-01-10", "1898-01-11", "1898-01-13", "1898-01-18", "1898-01-18"]  # Friday 15: no


def test_a_day_alone_reads_a_letters_inst_ult_and_prox():
    """A letter's "the 3rd inst." is a day of its own month, "the 28th ult." of the month before, "the 2nd prox."
    of the month after."""
    text = ("London, January 10, 1850.\nYours of the 3rd inst. came; mine of the 28th ult. did not; the 2nd prox. I "
            "sail.")
    assert [(m.text, m.value) for m in find_dates(text)][1:] == [
        ("3rd inst.", "1850-01-03"), ("28th ult.", "1849-12-28"), ("2nd prox.", "1850-02-02")]


def test_a_number_written_as_an_ordinal_alone_is_a_day_only_where_nothing_else_reads_it():
    """Ordinals that number things are no days: a century, a congress, a regiment, a list of centuries, a king
    ("Louis the 16th,"), a weekday the month gives no such day, and any ordinal with no day or month read before
    it."""
    dated = "On 12 April 1912 the ship sailed.\n"
    for text in ("In the 17th, 18th and 19th centuries", "At the 15th Party Congress", "the 15th Anniversary of",
                 "the 9th regiment marched", "On Monday, the 14th, she struck.", "King Louis the 16th, of France",
                 "as Henry the 8th. And", "Pius the 9th; the rest"):
        assert _values(dated + text) == ["1912-04-12"], text
    assert _values("In 1912 the ship sailed. On the 15th she sank.") == ["1912"]


def test_a_year_in_an_author_year_citation_is_no_date():
    """A note's "(Zhabaeva 2021)" put a mark at 2021 into the 1934 meeting's conflict, and stretched the timeline
    to 2021: the year a work was published, cited as author and year, dates no event the text tells."""
    for text in ("The abstract (Zhabaeva 2021) gives 24 November 1934.", "as shown (Baabar, 1999: 45) on 24 November "
                 "1934", "(Sanders and Bold 2003, p. 12) 24 November 1934", "(Rupen et al. 1964a) 24 November 1934"):
        assert _values(text) == ["1934-11-24"], text
    assert _values("The Protocol (1936) was signed; Genden (Prime Minister) left in 1936.") == ["1936", "1936"]
    for text in ("The treaty (Versailles, 1919) ended the war.", "The conference (Paris 1946) followed.",
                 "The Rising (Easter 1916) failed.", "The truce (Christmas 1914) was brief.",
                 "The congress (Ulaanbaatar, 1924) met.", "He fled (Petrograd 1917)."):
        assert len(_values(text)) == 1, text  # a place's or a feast's year is the event's


def test_a_dispatchs_and_a_diarys_today_and_yesterday_are_days_counted_from_their_dateline():
    """A dispatch's "PARIS, Jan. 5, 1895.—… degraded this morning" and a diary's "Lundi 10 janvier 1898. — On juge
    aujourd'hui" dated only their datelines: the report under them, which tells the event, had no date on the
    timeline. Today, yesterday and tomorrow count from the dateline before them, in English, French and German."""
    dispatch = ("PARIS, Jan. 5, 1895.—Captain Dreyfus was degraded this morning. Yesterday evening he was told; "
                "the day before yesterday he wrote. To-morrow he leaves.")
    assert [(m.text, m.value) for m in find_dates(dispatch)][1:] == [
        ("this morning", "1895-01-05"), ("Yesterday evening", "1895-01-04"),
        ("the day before yesterday", "1895-01-03"), ("To-morrow", "1895-01-06")]
    diary = "Lundi 10 janvier 1898. — On juge aujourd'hui Esterhazy ; hier soir, la foule.\nMardi 11. — Demain, rien."
    assert _values(diary) == ["1898-01-10", "1898-01-10", "1898-01-09", "1898-01-11", "1898-01-12"]
    german = "Paris, 5. Januar 1895. — Heute früh wurde Dreyfus degradiert, gestern abend verurteilt. Hier ist Ruhe."
    assert _values(german) == ["1895-01-05", "1895-01-05", "1895-01-04"]  # German "hier" is "here"


def test_today_counts_only_from_a_dateline():
    """A date in a sentence, or a date alone without a place or a weekday before it (a chronology's heading), is no
    dateline: a modern article's "today historians doubt it" is not that day."""
    for text in ("On 15 November 1934 Genden met Stalin. Today historians doubt it.",
                 "15 November 1934\nToday historians doubt the meeting.",
                 "He wrote from Paris, 5 January 1895, that he had seen him today.",
                 "Today we know more. Paris, 5 January 1895."):
        assert len(_values(text)) == 1, text


def test_german_and_french_shortened_months_are_months():
    """"am 22. Dez. 1894" and "15. Okt. 1894" were the year 1894 alone (the day of the verdict lost), and a French
    "le 13 janv. 1898" or "3 févr. 1935" no date: German and French print their months shortened so."""
    for text, value in (("am 22. Dez. 1894 verurteilt", "1894-12-22"), ("am 15. Okt. 1894 verhaftet", "1894-10-15"),
                        ("am 3. Febr. 1895", "1895-02-03"), ("le 13 janv. 1898, Zola", "1898-01-13"),
                        ("le 3 févr. 1935", "1935-02-03"), ("le 5 oct. 1894", "1894-10-05"),
                        ("le 22 déc. 1894", "1894-12-22"), ("le 14 juil. 1789", "1789-07-14")):
        assert _values(text) == [value], text


def test_a_diarys_weekday_and_a_smaller_day_is_the_next_months_where_the_weekday_agrees():
    """"Mardi 1er." after "Lundi 31." in a diary of January 1898 had no date: a diary moves forward, so a day lower
    than its month's date is the next month's, where its weekday agrees (1 February 1898 was a Tuesday)."""
    text = "Lundi 10 janvier 1898. — On juge Esterhazy.\nLundi 31. — Fin du mois.\nMardi 1er. — Les journaux.\n"
    assert _values(text) == ["1898-01-10", "1898-01-31", "1898-02-01"]
    assert _values("Lundi 10 janvier 1898. — Rien.\nMercredi 1er. — Rien.") == ["1898-01-10"]  # 2 February: no


def test_a_french_or_german_day_alone_after_its_article_is_a_day_of_the_month_before_it():
    """A French letter's "Le 15, Zola publie…" and a German report's "am 18. wurde er…" after a date naming January
    1898 had no date, where English "on the 15th" had one; "le 15e régiment" numbers a regiment."""
    assert _values("Paris, le 10 janvier 1898.\nLe 15, Zola publie sa lettre. Le 18 au soir, rien.") == [
        "1898-01-10", "1898-01-15", "1898-01-18"]
    assert _values("Berlin, den 10. Januar 1898. Er kam am 18. wieder.") == ["1898-01-10", "1898-01-18"]
    assert _values("Le 10 janvier 1898, le 15e régiment partit; le 16 octobre, il rentra.") == [
        "1898-01-10", "1898-10-16"]


def test_a_russian_dispatchs_today_and_yesterday_count_from_its_dateline():
    """Russian is read as English, French and German are: under "МОСКВА, 25 ноября 1934 г. (ТАСС)." the delegation
    that left "сегодня утром" left on the 25th, the reception "вчера вечером" was on the 24th."""
    text = "МОСКВА, 25 ноября 1934 г. (ТАСС). Сегодня утром делегация выехала. Вчера вечером был приём."
    assert [(m.text, m.value) for m in find_dates(text)] == [
        ("25 ноября 1934", "1934-11-25"), ("Сегодня утром", "1934-11-25"), ("Вчера вечером", "1934-11-24")]


def test_a_dateline_names_a_place_and_its_present_ends_where_a_later_time_is_written():
    """"For Dreyfus, 5 January 1895 - the degradation - was…" and "In Moscow, 15 November 1934 — the day…" were
    datelines, and a modern essay's "Today his name is cleared" was dated 1895; a letter's afterword of 2004 had its
    "today" dated 1789. A dateline's place is a place, and its present ends at a date written more than a year later.
    "г." before the report on the line ends a Russian dateline too."""
    for text in ("For Dreyfus, 5 January 1895 - the degradation - was a wound.\nToday his name is cleared.",
                 "In Moscow, 15 November 1934 — the day Genden met Stalin — was cold. Today the archive is open."):
        assert len(_values(text)) == 1, text
    letter = ("Paris, 16 July 1789.\nThe crowd is calm today.\n\nAfterword (2004)\n"
              "Today scholars read this letter otherwise.")
    assert _values(letter) == ["1789-07-16", "1789-07-16", "2004"]
    assert _values("Urga, 12 March 1921.\nToday the Baron left.") == ["1921-03-12", "1921-03-12"]  # its old name
    assert _values("МОСКВА, 25 ноября 1934 г. Сегодня утром приехал Генден. Вчера вечером был снег.") == [
        "1934-11-25", "1934-11-25", "1934-11-24"]


def test_a_german_ordinal_before_a_noun_and_a_french_address_are_no_days():
    """After "Im Januar 1934", "am 17. Parteitag" (the 17th congress) and "am 1. Weltkrieg" were days of January;
    "Le 3, rue Royale" (an address) a day: a German day alone is followed by a verb or an adverb, in lower case, and
    a French one by no street."""
    assert _values("Im Januar 1934 nahm Genden am 17. Parteitag teil und sprach am 2. Verhandlungstag.") == ["1934-01"]
    assert _values("Am 3. Januar 1934 kam er an; am 5. wurde er empfangen.") == ["1934-01-03", "1934-01-05"]
    assert _values("Paris, le 2 novembre 1894.\nLe 3, rue Royale, il attendait. Le 4, il partit.") == [
        "1894-11-02", "1894-11-04"]


def test_a_weekday_dateline_dates_yesterday_and_a_future_year_in_a_report_moves_no_present():
    """"Tuesday, 13 November 1934." no longer dated a diary's "Yesterday" (the weekday was taken for a place, and no
    place was found); a dispatch's "trade for 1936" ended its present, and "Yesterday" under it was undated. Only a
    later date heading a short line (an afterword's) moves the writer's present."""
    assert _values("Tuesday, 13 November 1934.\nYesterday it snowed.") == ["1934-11-13", "1934-11-12"]
    assert _values("Вторник, 13 ноября 1934 г.\nВчера шёл снег.") == ["1934-11-13", "1934-11-12"]
    dispatch = "MOSCOW, 25 November 1934 (TASS).— A trade agreement for 1936 was signed. Yesterday Genden met Stalin."
    assert _values(dispatch) == ["1934-11-25", "1936", "1934-11-24"]


def test_german_days_alone_and_ordinals_told_apart_by_what_follows():
    """"am 7. allrussischen Kongress" (an ordinal, its adjective in lower case) was a day; "am 19. Abends" and "kam am
    17. Sie wurde…" were no longer days; "Le 21, place de la Révolution, Louis Capet fut exécuté" was taken for an
    address."""
    assert _values("Im November 1934 sprach Genden am 7. allrussischen Kongress.") == ["1934-11"]
    assert _values("Am 3. November 1934 kam er; am 19. Abends empfing ihn Stalin. Die Delegation kam am 17. Sie "
                   "blieb. Am 18. wurde der Vertrag unterzeichnet. Am 20. Parteitag sprach man nicht darüber.") == [
        "1934-11-03", "1934-11-19", "1934-11-17", "1934-11-18"]
    assert _values("Paris, le 20 janvier 1793.\nLe 21, place de la Révolution, Louis Capet fut exécuté.") == [
        "1793-01-20", "1793-01-21"]


def test_german_days_before_plural_verbs_and_figures_counted_together():
    """"Am 20. trafen die Delegationen…" lost its day (a verb ending in -en was taken for an adjective), and "Am 2.
    oder 3. Tag" was a day; an editor's note of 2004 longer than a heading left the letter's present in 1934, and a
    short paragraph "Talks resume on 2 January 1936." ended a dispatch's."""
    assert _values("Im November 1934 reiste er. Am 20. trafen die Delegationen ein. Am 2. oder 3. Tag sprach er. "
                   "Er sprach am 1. und 2. Tag.") == ["1934-11", "1934-11-20"]
    letter = ("Ulaanbaatar, 13 November 1934.\nDear comrade, all is well.\n\nNote by the editor of the 2004 "
              "edition, Ulaanbaatar, 12 May 2004: Today historians doubt the letter.")
    assert _values(letter) == ["1934-11-13", "2004", "2004-05-12"]
    dispatch = "MOSCOW, 13 November 1934.—\n\nTalks resume on 2 January 1936.\n\nYesterday Stalin received Genden."
    assert _values(dispatch) == ["1934-11-13", "1936-01-02", "1934-11-12"]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=30))
def test_stretches_taken_as_dates_are_told_apart_as_a_scan_would(spans):
    """The ordered stretches answer 'does this overlap a date read before?' as scanning them all did (which took
    hours over a 30 MB text)."""
    taken, kept = Taken(), []
    for start, length in spans:
        end = start + length
        overlapping = any(s < end and start < e for s, e in kept)
        assert taken.overlaps(start, end) == overlapping
        if not overlapping:
            taken.add(start, end)
            kept.append((start, end))


def test_a_stored_date_is_said_in_words_as_a_historian_writes_it():
    """"c. 1935" typed as a source's date was stored "1935 circa" (it sorts and compares so) and shown so in the
    citation copied, the pane's header and every export (audit DB F8): it is said as written, and says again the
    date it was read as."""
    from reader.core.documents.typed_metadata import typed_date
    from reader.core.entities.dates import date_in_words

    for value, words in (("1935 circa", "c. 1935"), ("1935 early", "early 1935"), ("1936 turn", "the turn of 1936"),
                         ("1934 end", "the end of 1934"), ("1935 mid", "mid-1935"), ("1936..1937", "1936–1937"),
                         ("1934-11", "1934-11"), ("1934-11-15", "1934-11-15"), ("1934", "1934"),
                         ("1930..1939", "1930–1939"), ("1934-11-15..1934-11-20", "1934-11-15 – 1934-11-20"),
                         ("1934-11..1935-02", "1934-11 – 1935-02"), ("1934 before", "before 1934"),
                         ("1935-03 by", "by 1935-03"), ("1936 winter", "winter 1936"), ("banana", "banana")):
        assert date_in_words(value) == words, value
        if value != "banana":  # read back as shown: the Metadata form shows it so (a range of days, or "before
            assert typed_date(words) == value, words  # 1934", was refused as no date, audit DL F2)


def test_a_range_ending_before_it_begins_is_no_date_and_a_typed_hyphen_parts_two_dates():
    """"1937 – 1934" was stored as a span ending before it began, where a range of days so written was refused; and
    "1934-11-15 - 1934-11-20", the form's range retyped with a keyboard's hyphen, was refused (audit DN F4)."""
    import pytest

    from reader.core.documents.typed_metadata import typed_date
    from reader.core.entities.dates import date_span
    from reader.core.errors import ReaderError

    assert date_span("1937..1934") is None and date_span("1934..1937") is not None
    for backwards in ("1937 – 1934", "1937 - 1934"):  # said as what it is, not as no date (audit DP F6)
        with pytest.raises(ReaderError, match="ends before it begins: give the earlier date first"):
            typed_date(backwards)
    for backwards in ("1937–1934", "1937..1934"):
        with pytest.raises(ReaderError):
            typed_date(backwards)
    assert typed_date("1934-11-15 - 1934-11-20") == "1934-11-15..1934-11-20"
    assert typed_date("1934 - 1937") == "1934..1937"
