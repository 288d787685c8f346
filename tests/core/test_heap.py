"""The collector pause the compare services use: off inside, as it was after, even when the block fails."""

import gc

import pytest

from reader.core.heap import without_collection


def test_collector_is_off_inside_and_restored_after_an_error():
    """A failing block leaves the collector as it found it (on), and an already-off collector stays off."""
    assert gc.isenabled()
    with pytest.raises(ValueError), without_collection():
        assert not gc.isenabled()
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with without_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
