"""The core stays Qt-free: importing it in a fresh interpreter loads no PySide6."""

import subprocess
import sys

from tests.conftest import ROOT


def test_core_imports_without_qt():
    """Importing every core module loads neither PySide6 nor reader.ui."""
    code = (
        "import pkgutil, importlib, sys, reader.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'reader.core.'): importlib.import_module(m.name)\n"
        "import reader.cli\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'reader.ui'))]\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
