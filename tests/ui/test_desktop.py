"""A fresh desktop without Qt's xcb libraries gets one line naming the packages, and the program starts every way."""

from __future__ import annotations

import ctypes
import subprocess
import sys

from reader.ui import desktop
from reader.ui.app import run_app
from tests.conftest import ROOT


def test_missing_xcb_libraries_are_named_in_one_line(monkeypatch, tmp_path, capsys) -> None:
    """Protects a fresh Debian/Ubuntu desktop: no Qt abort, one line with the apt-get command."""
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    real = ctypes.CDLL

    def without_cursor(name, *args, **kwargs):
        if name == "libxcb-cursor.so.0":
            raise OSError(f"{name}: cannot open shared object file")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(ctypes, "CDLL", without_cursor)
    assert "libxcb-cursor0" in desktop.missing_packages()
    assert run_app(tmp_path / "annotations.db") == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "sudo apt-get install" in error[0] and "libxcb-cursor0" in error[0]
    assert not (tmp_path / "annotations.db").exists()


def test_python_m_reader_runs_the_command_line(tmp_path) -> None:
    """`python -m reader` is the same program as `python main.py`."""
    result = subprocess.run([sys.executable, "-m", "reader", "--db", str(tmp_path / "a.db"), "docs"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr.startswith("no documents yet")
