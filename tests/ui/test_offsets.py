"""The one code-point / UTF-16 conversion, against Python's own UTF-16 encoding."""

from hypothesis import given
from hypothesis import strategies as st

from reader.ui.offsets import Utf16Map

TEXT = st.text(alphabet=st.sampled_from(list("ab \n😀𝔐éЖ")), max_size=60)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(TEXT, st.data())
def test_round_trip_at_every_code_point(text, data):
    """Every code-point offset maps to the UTF-16 offset of the same place and back."""
    offsets = Utf16Map(text)
    position = data.draw(st.integers(0, len(text)))
    utf16 = offsets.to_utf16(position)
    assert utf16 == _utf16_length(text[:position])
    assert offsets.to_code_point(utf16) == position


@given(TEXT)
def test_inside_a_surrogate_pair_maps_to_its_start(text):
    """A UTF-16 position between the two halves of 😀 or 𝔐 belongs to that character."""
    offsets = Utf16Map(text)
    for index, character in enumerate(text):
        if ord(character) > 0xFFFF:
            assert offsets.to_code_point(_utf16_length(text[:index]) + 1) == index
