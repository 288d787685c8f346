"""A Russian name in the Latin letters English-language histories write it in, so that 'Сталин' meets 'Stalin'.

The convention is the one those books use (BGN/PCGN without its marks, as in 'Khrushchev', 'Trotsky', 'Yezhov'),
not a scholarly one with diacritics (ISO 9's 'Hruŝëv') or the ASCII fallbacks of transliteration libraries ('Trotskii',
'Iagoda'), which an English text never spells. Mongolian names written in Cyrillic come out as English writes them
too ('Чойбалсан' -> 'choibalsan', 'Сүхбаатар' -> 'sukhbaatar'), as й inside a word is 'i'.
"""

from __future__ import annotations

import re

LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ө": "o", "ү": "u", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
_ADJECTIVE_END = re.compile(r"[иы]й\b")  # 'Троцкий' -> 'Trotsky', 'Дзержинский' -> 'Dzerzhinsky'
_FINAL_Y = re.compile(r"(?<=[аеёоуыэюяөү])й\b")  # 'Толстой' -> 'Tolstoy'; inside a word 'i' ('Чойбалсан')
_YE = re.compile(r"(?:(?<![^\W\d_])|(?<=[аеёиоуыэюяөүйъь]))е")  # word-initial or after a vowel: 'Ежов' -> 'Yezhov'


def romanised(key: str) -> str:
    """The lower-case Latin form of a name key ('сталин' -> 'stalin'); other letters pass as they are."""
    text = _FINAL_Y.sub("y", _ADJECTIVE_END.sub("y", key.casefold()))
    text = _YE.sub("ye", text)
    return "".join(LETTERS.get(char, char) for char in text)
