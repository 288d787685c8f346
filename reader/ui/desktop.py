"""Before the window opens on an X11 desktop: are the system libraries Qt's xcb plugin needs there?

Why: since Qt 6.5 the xcb plugin needs libxcb-cursor0 and a few other xcb libraries that a fresh Debian or Ubuntu
desktop may lack; without them Qt aborts with a long message about plugins. We say in one line which packages to
install instead. Each library is tried with dlopen (what Qt would do a moment later), only on X11.
"""

from __future__ import annotations

import os
import sys

XCB_LIBRARIES = {"libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
                 "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
                 "libxcb-render-util.so.0": "libxcb-render-util0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0"}


def on_x11() -> bool:
    """Whether Qt will pick its xcb plugin: Linux, a DISPLAY, and no other platform asked for."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    wayland = os.environ.get("WAYLAND_DISPLAY") and not platform.startswith("xcb")
    return sys.platform.startswith("linux") and bool(os.environ.get("DISPLAY")) and not wayland and \
        platform in ("", "xcb")


def missing_packages() -> list[str]:
    """The Debian/Ubuntu packages whose libraries cannot be loaded (empty when all are there, or not on X11)."""
    if not on_x11():
        return []
    import ctypes

    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def missing_message(packages: list[str]) -> str:
    return (f"the window needs system libraries that are not installed; install them with: sudo apt-get install "
            f"{' '.join(packages)} (or run the command line: python main.py --help)")
