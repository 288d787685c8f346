"""Decoding: every encoding historians' files come in, and the ways bytes can fail to be text."""

import codecs

import pytest

from reader.core.documents.decoding import DecodeError, decode, decode_html

RUSSIAN = "Сталин встретился с Генденом 15 ноября 1934 года в Москве.\nМонголия и СССР.\n"
FRENCH = "Sükhbaatar est né à Kiakhta; le café de l'été coûte très cher à Genève.\n"


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        ("Genden met Stalin 𝔐 😀\n".encode(), "Genden met Stalin 𝔐 😀\n", "utf-8"),
        (codecs.BOM_UTF8 + b"Ulaanbaatar\n", "Ulaanbaatar\n", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Сүхбаатар\n".encode("utf-16-le"), "Сүхбаатар\n", "utf-16"),
        (codecs.BOM_UTF16_BE + "Сүхбаатар\n".encode("utf-16-be"), "Сүхбаатар\n", "utf-16"),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
    ],
)
def test_decodes_supported_encodings(data, expected, encoding):
    """UTF-8 with/without BOM, UTF-16 with BOM and cp1251 decode to the original text."""
    assert decode(data) == (expected, encoding)


def test_decodes_latin1():
    """A Latin-1 file decodes to its accented text (reported as a Latin-1 family codec)."""
    text, encoding = decode(FRENCH.encode("latin-1"))
    assert text == FRENCH
    assert encoding in ("latin_1", "cp1252")


def test_a_word_or_two_in_latin_1_keeps_its_letters_in_one_script():
    """With a word or two to go on, detection read 'café' as cp1251, 'cafй' (audit BY F4): a Cyrillic letter inside
    a Latin word is a misreading, so the reading keeping each word in one script is taken; Russian stays Russian,
    a word or two of it mixing Latin lookalikes in (as OCR does) too."""
    for text in ("café", "Müller\n", "Ærø"):
        assert decode(text.encode("latin-1"))[0] == text
    russian = "Письмо товарищу Cталину о Монголии: получено в Mоскве"  # two words begin with a Latin letter
    assert decode(russian.encode("cp1251")) == (russian, "cp1251")


@pytest.mark.parametrize("text", ["Déjà reçu.\n", "L'été à Noël\n", "L'été à Noël, où était-il? Déjà reçu.\n"])
def test_short_french_in_cp1252_is_read_as_french(text):
    """Detection offered cp1251 alone ('Dйjа reзu.') or nothing ('undecodable') for a line of French (audit CA
    C3): when no reading offered keeps its words in one script, the Western encodings are tried."""
    assert decode(text.encode("cp1252"))[0] == text


def test_bytes_that_are_no_text_in_any_encoding_are_still_refused():
    """Trying the Western encodings, which decode almost any bytes, must not make junk text."""
    junk = bytes(range(1, 32)) * 4 + bytes(range(128, 256))
    with pytest.raises(DecodeError):
        decode(junk)


def test_only_line_endings_are_normalised():
    """CRLF and lone CR become LF; tabs, spaces and non-breaking spaces stay as they were."""
    assert decode(b"a\r\nb\rc\n\td\xc2\xa0e  ")[0] == "a\nb\nc\n\td\u00a0e  "


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"%PDF-1.7 ...", "PDF file"),
        (b"text\x00with nul", "a NUL byte at byte 4"),
        (bytes(range(128, 256)) * 3, "undecodable"),
    ],
)
def test_rejects_bytes_that_are_not_text(data, reason):
    """Binary and undecodable files raise DecodeError saying why."""
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_utf8_text_with_a_damaged_byte_is_said_to_be_damaged_there():
    """Russian UTF-8 with one bad byte was 'not UTF-8, UTF-16, cp1251 or Latin-1 text' (audit BY F5): it is UTF-8,
    damaged on a line, which is said."""
    damaged = "Генден встретился со Сталиным.\nВторая строка ".encode() + b"\xff" + " конец.\n".encode()
    with pytest.raises(DecodeError, match=r"^damaged UTF-8 text: bytes no character is made of, on line 2$"):
        decode(damaged)


def test_a_damaged_utf8_line_beside_good_ones_is_said_not_read_as_cp1252():
    """A UTF-8 line with one damaged byte, beside good UTF-8 lines, was read as cp1252 ('StraÃŸe in MÃ¼nchen') and
    called imported (audit CA C17): it is UTF-8 damaged on that line. A cp1251 line beside UTF-8 is still cp1251."""
    damaged = "Grüße aus Köln.\n".encode() + "Die Straße in München".encode() + b"\xff\n"
    with pytest.raises(DecodeError, match=r"^damaged UTF-8 text: bytes no character is made of, on line 2$"):
        decode(damaged)
    mixed = "Grüße aus Köln.\n".encode() + "Генден встретился со Сталиным.\n".encode("cp1251")
    assert decode(mixed)[0] == "Grüße aus Köln.\nГенден встретился со Сталиным.\n"


def test_utf8_lines_beside_cp1252_lines_read_each_in_its_own():
    """UTF-8 lines beside a line of French in cp1252 were read whole as cp1252, 'CafÃ© in KÃ¶ln' (audit CC N5):
    detection had nothing to say of the one line; the Western reading of it is taken, each line in its own."""
    data = "Café in Köln\n".encode() + "Déjà reçu à Noël\n".encode("cp1252")
    assert decode(data) == ("Café in Köln\nDéjà reçu à Noël\n", "utf-8 mixed with cp1252")


def test_invalid_bytes_after_a_bom_are_reported():
    """A UTF-8 BOM followed by invalid UTF-8 is an error, not silently replaced characters; said in the user's words
    with its line ('invalid utf-8-sig bytes at offset 34', a codec's name and a count from the BOM, audit BY F5),
    and a UTF-16 file cut short is said to be cut short."""
    with pytest.raises(DecodeError, match=r"^damaged UTF-8 text: bytes no character is made of, on line 2$"):
        decode(codecs.BOM_UTF8 + b"ok\n\xff\xfe bad")
    with pytest.raises(DecodeError, match=r"^damaged UTF-16 text: it ends inside a character \(cut short\?\)$"):
        decode(codecs.BOM_UTF16_LE + "Genden met Stalin.\n".encode("utf-16-le")[:-1])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_text(encoding):
    """UTF-16 saved without a byte-order mark (its ASCII letters each beside a NUL byte) is read as the text it is,
    in English and in Russian: it had been refused as 'binary file (contains NUL bytes)'."""
    for text in ("Genden met Stalin on 15 November 1934.\nChoibalsan was there.\n",
                 "Генден встретился со Сталиным 15 ноября 1934 года.\n"):
        decoded, used = decode(text.encode(encoding))
        assert (decoded, used) == (text, encoding)


def test_text_with_a_stray_nul_byte_is_not_read_as_utf16():
    """One NUL byte in an ASCII text is at one side of a byte pair, as UTF-16's are: the file was read as UTF-16 and
    stored as Chinese-looking nonsense, called imported (audit BY F1). UTF-16 has a NUL beside every space."""
    with pytest.raises(DecodeError, match="binary file"):
        decode(b"Report of the district committee on the harvest of 1934, written in the autumn.\x00\r\n")
    russian = "Председатель Совета министров Монгольской Народной Республики встретился с товарищем Сталиным.\n"
    assert decode(russian.encode("utf-16-le")) == (russian, "utf-16-le")  # one space in eight characters or fewer


def test_bytes_with_nul_bytes_here_and_there_are_still_binary():
    """NUL bytes at no steady place are a binary file's, not UTF-16 text's."""
    with pytest.raises(DecodeError, match="binary file"):
        decode(b"PK\x00\x01abc\x00\x00def\x00g" * 40)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_of_a_script_with_few_spaces_is_still_read(encoding):
    """Japanese, or Russian with dashes for spaces, has few NUL bytes in UTF-16: the rule that stopped a stray NUL
    from making a text UTF-16 refused them as binary (audit CA C1)."""
    for text in ("大正十年五月十二日、委員会の記録。\n", "Протокол—заседания—губкома—Продразвёрстка—приостановлена.\n",
                 "大正十年五月十二日、委員会の記録。「秘」。\n" * 200):
        assert decode(text.encode(encoding)) == (text, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["委员会于五月开会，", "委员会于五月开会", "委员会于五月开会，讨论了一些问题。\n" * 40,
                                  "위원회는 오월에 모였다", "위원회는 오월에 모였다. 그들은 회의를 했다.\n" * 40,
                                  "一部は東京で会議を開いた。\n" * 200, "한국어 문서", "Η επιτροπή συνεδρίασε."])
def test_utf16_without_a_mark_with_nul_bytes_on_both_sides_is_read_in_its_byte_order(text, encoding):
    """Chinese, Korean and Japanese characters whose code ends in 00 (一, 开, 가, 였) put a NUL on the other side
    of their pair from a line feed's: such a file was refused as binary, or read in the wrong byte order as
    nonsense and called imported (audit CC N2). Short Korean and Greek read the wrong way round are Hangul too."""
    assert decode(text.encode(encoding)) == (text, encoding)


@pytest.mark.parametrize("data", [b"Moscow, 12 May 1921.\x00 Signed: K\n", "Новости".encode("cp1251") + b"\x00\n\n",
                                  b"Report of the district committee on the harvest of 1934, written.\x00\r\n",
                                  b"Minutes of the meeting held on 12 May 1921.\r\n" * 5 + b"Signed\x00.\r\n\x1a"])
# the last: a DOS end-of-file mark, a control byte, made it UTF-16 (audit CC N1): its line ends are one byte each
def test_a_short_text_with_a_stray_nul_is_binary_not_utf16(data):
    """A text of 32 bytes or fewer with one stray NUL was still read as UTF-16 nonsense (audit CA C2): a text of one
    byte a character with a few NULs in it is refused, whatever its length."""
    with pytest.raises(DecodeError, match=r"^binary file \(a NUL byte at byte \d+\), not text$"):
        decode(data)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_nul_after_a_byte_order_mark_makes_a_file_binary_too(encoding):
    """A NUL was stored in the text when the file began with a byte-order mark (audit CA C4)."""
    with pytest.raises(DecodeError, match=r"^binary file \(a NUL character on line 2\), not text$"):
        decode("Report on the\nrequisition\x00 of grain.\n".encode(encoding))


def test_a_nul_byte_anywhere_makes_a_file_binary_and_is_placed():
    """A NUL after the first 64 KB was stored in the text (snippets lost words around it, CSV carried it raw) where
    one before was refused (audit BY F12): one rule for the whole file, the byte's place said."""
    late = b"The treaty text. " * 5000 + b"\x00 after the NUL.\n"
    with pytest.raises(DecodeError, match=r"^binary file \(a NUL byte at byte 85,000\), not text$"):
        decode(late)


def test_a_file_mixing_utf8_with_a_legacy_encoding_reads_each_part_right():
    """A file partly UTF-8, partly cp1251 (an archive's lines pasted together) reads each part in its encoding and
    says so: it had been read whole as cp1252, the UTF-8 lines garbled ('CafÃ©') without a word."""
    russian = "Генден встретился со Сталиным в Москве пятнадцатого ноября тридцать четвёртого года."
    data = "Café Genden, Ulaanbaatar — 1934\n".encode() + (russian + "\n").encode("cp1251")
    text, used = decode(data)
    assert text == "Café Genden, Ulaanbaatar — 1934\n" + russian + "\n"
    assert used == "utf-8 mixed with cp1251"


def test_legacy_text_with_a_few_utf8_lookalikes_is_read_whole_in_its_encoding():
    """cp1251 text in which a capital letter happens to stand before '»' (bytes that also make a UTF-8 character)
    is read whole as cp1251, not split."""
    russian = "«ТАСС» сообщает: переговоры в Москве закончились. " * 20
    text, used = decode(russian.encode("cp1251"))
    assert (text, used) == (russian, "cp1251")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["Привет", "Протокол", "Да"])
def test_utf16_without_a_mark_or_a_nul_is_not_stored_as_control_characters(text, encoding):
    """A word of Russian in UTF-16 without a mark has no NUL byte, and its bytes are ASCII: it was stored as UTF-8
    '\\x1f\\x04@\\x048\\x04…', control characters (audit CG F6). A reading holding control characters is tried as
    UTF-16 first."""
    assert decode(text.encode(encoding)) == (text, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_line_of_korean_in_utf16_without_a_mark_is_read(encoding):
    """Korean's bytes hold no control byte to tell UTF-16 by, and a line of it was refused as binary (audit CG F5):
    its NULs stand beside its spaces, digits and full stops."""
    text = "가을에 회의가 열렸다. 1934년 11월 스탈린은 겐뎅을 만났다.\n"
    assert decode(text.encode(encoding)) == (text, encoding)


@pytest.mark.parametrize("data", [b"68 0 0 0 0 0 0\x1a ", b"1\t2\t3\t4\t5\t6\x1b[0m"])
def test_figures_with_a_control_byte_are_not_read_as_utf16(data):
    """A line of figures parted by spaces or tabs, with a control byte, came back as UTF-16 nonsense ('㠶〠〠…',
    Devanagari): a space or a tab was taken for an alphabet's block of UTF-16 (audit CI F5)."""
    assert decode(data)[1] == "utf-8"


POLISH = "Zażółć gęślą jaźń. Protokół posiedzenia komisji w Krakowie, dnia piątego maja, w obecności członków.\n"
GREEK = "Πρακτικά της συνεδρίασης της επιτροπής στην Αθήνα, την πέμπτη Μαΐου, παρόντων όλων των μελών.\n"


@pytest.mark.parametrize(("text", "encoding"), [
    (RUSSIAN, "koi8_r"), ("Протокол заседания комиссии от пятого мая.", "koi8_r"), ("Москва", "koi8_r"),
    (POLISH, "cp1250"), ("Łódź 1920", "cp1250"), ("Wrocław", "cp1250"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"), (GREEK, "cp1253"), ("Αθήνα", "cp1253"),
    (RUSSIAN, "cp866"), ("Москва", "cp866"), ("Он пришёл в Москву.\nЕщё один день прошёл.", "koi8_r"),
    (POLISH, "iso8859_2"), ("Łódź 1920, Wrocław i Poznań", "iso8859_2"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "iso8859_2"),
])
def test_koi8_r_central_european_and_greek_text_is_read_in_its_encoding(text, encoding):
    """Russian in KOI8-R was refused as 'undecodable', Polish in windows-1250 stored as 'Za¿ó³æ gêœl¹' and Greek in
    windows-1253 as 'РсбкфйкЬ' (audit DW F1, F2), and so were Russian in DOS's cp866 and Polish or Czech in
    ISO-8859-2: the reading taken is the one without the signs of a misreading, a symbol glued to a word's letters
    or a capital inside one."""
    assert decode(text.encode(encoding)) == (text, encoding)


@pytest.mark.parametrize(("text", "encoding"), [
    ("Die Straße in München, 25°C, £5, ½ Pfund.", "cp1252"), ("¿Qué pasó en España? ¡Nadie sabía!", "cp1252"),
    ("3 Ut»g of the commons [By Authority], § 4: adjourned. " + "The house met at noon and rose at six. " * 8,
     "latin_1"),  # OCR's stray '»' in a column of a newspaper, no Czech 'Utťg'
    ("Flat: 45 m²", "cp1252"), ("Sala nº 2", "cp1252"), ("x² + y² = z²", "cp1252"), ("25°C", "cp1252"),
    ("Acme™", "cp1252"), ("ВВЕДЕНИЕ", "cp1251"), ("ГЛАВА ПЕРВАЯ", "cp1251"), ("ПРОТОКОЛ № 5", "cp1251"),
    ("ТЕЛЕГРАММА\nМОСКВА КРЕМЛЬ ТОВАРИЩУ СТАЛИНУ\nПРИБЫЛИ БЛАГОПОЛУЧНО ТЧК ЖДЕМ УКАЗАНИЙ ТЧК НКВД\n", "cp1251"),
    ("Україна і Білорусь, їхні відносини.", "cp1251"), ("Србија и Југославија, ђак, љубав, његош.", "cp1251"),
    ("България и Съветският съюз през 1934 година.", "cp1251"),
])
def test_western_and_cyrillic_text_keeps_its_reading_beside_the_other_encodings(text, encoding):
    """Trying KOI8-R, windows-1250 and windows-1253 must not take a symbol a text holds ('°C', '¿Qué', 'm²') or one
    OCR misread for a misreading, nor read Ukrainian, Serbian or Bulgarian in another encoding, nor Russian in
    capitals (a telegram, a heading, its acronyms) as KOI8-R's small letters (audit DX F1, F2)."""
    assert decode(text.encode(encoding))[0] == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["Генден встретился со Сталиным.\n", "Genden met Stalin in Moscow.\n"])
def test_utf16_without_a_mark_cut_short_by_a_byte_is_said_to_be_cut_short(text, encoding):
    """UTF-16 without a mark whose last byte is missing (a copy still being written) was 'binary file (a NUL byte
    at byte 1), not text' (audit DW F11), sending the reader to look for another file: it is said as the same text
    with a mark is."""
    with pytest.raises(DecodeError, match=r"damaged UTF-16 text: it ends inside a character \(cut short\?\)"):
        decode(text.encode(encoding)[:-1])


def test_a_russian_page_naming_no_charset_is_read_in_cp1251():
    """A windows-1251 page without a <meta> charset was stored as 'Ãëàâíàÿ', its markup's letters glued to the
    Russian words taken for words of two scripts (audit DX F10)."""
    page = "<html><head><title>Главная страница</title></head><body><p>Генден встретился со Сталиным.</p></body></html>"
    assert decode_html(page.encode("cp1251")) == (page, "cp1251")


def test_cp1251_capitals_beside_utf8_lines_are_read_as_cp1251():
    """A file partly UTF-8, partly cp1251 in capitals read those as KOI8-R's small letters (audit DX F12)."""
    data = "Café Genden, Ulaanbaatar — 1934\n".encode() + "ПРОТОКОЛ ЗАСЕДАНИЯ КОМИССИИ\n".encode("cp1251")
    assert decode(data)[0] == "Café Genden, Ulaanbaatar — 1934\nПРОТОКОЛ ЗАСЕДАНИЯ КОМИССИИ\n"
