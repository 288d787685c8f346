"""Doubtful mentions: drawn lighter in the text, listed in the register, confirmed or removed one by one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat


def _recognised(window, qtbot):
    window.workspace.entities.recognise()
    panel = window.entity_panels.register.widget()
    with qtbot.waitSignal(panel.listed, timeout=20000):  # read in a worker
        panel.refresh()
    return panel


def test_doubtful_mentions_are_lighter_listed_and_confirmed(window, qtbot) -> None:
    """Protects the review of low-confidence mentions: shown dotted, listed least sure first; Confirm makes one sure
    through a later recognition run, Not a mention removes it; both undo."""
    panel = _recognised(window, qtbot)
    doubtful = window.workspace.entities.low_confidence_mentions()
    assert doubtful and panel.doubtful.entries.count() == len(doubtful)
    first = doubtful[0]
    pane = window.reading_area.open_document(first.document_id)
    span = next(s for s in pane.spans if s.kind == "mention" and s.start == first.start)
    assert span.doubtful and pane.format_for(span).underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    panel.doubtful.entries.setCurrentRow(0)
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        panel.doubtful.confirm_button.click()
    assert panel.doubtful.entries.count() == len(doubtful) - 1
    window.workspace.entities.recognise()
    assert all((m.document_id, m.start) != (first.document_id, first.start)
               for m in window.workspace.entities.low_confidence_mentions())
    window.ops.undo()
    window.workspace.entities.ensure_current()
    assert (first.document_id, first.start) in {(m.document_id, m.start)
                                                for m in window.workspace.entities.low_confidence_mentions()}


def test_deciding_one_moves_to_the_next(window, qtbot) -> None:
    """One by one, as the list is meant: after a decision the next mention is chosen, so Delete (Not a mention) or
    the context menu's Confirm goes on down the list without a click on each."""
    panel = _recognised(window, qtbot)
    doubtful = window.workspace.entities.low_confidence_mentions()
    assert len(doubtful) >= 2
    entries = panel.doubtful.entries
    entries.setCurrentRow(0)
    confirm = next(a for a in entries.actions() if a.text() == "Confirm")
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        confirm.trigger()
    assert entries.count() == len(doubtful) - 1 and entries.currentRow() == 0
    assert entries.currentItem().text().startswith(doubtful[1].text)
    entries.setFocus()
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        qtbot.keyClick(entries, Qt.Key.Key_Delete)
    assert entries.count() == len(doubtful) - 2


def test_two_quick_deletes_decide_once_each_listed_mention(window, qtbot) -> None:
    """Two quick Delete presses removed the same mention twice (the list moved on only once the first was stored),
    the next one stayed, and the first Undo changed nothing seen: a press while a decision is stored waits for it."""
    panel = _recognised(window, qtbot)
    entries = panel.doubtful.entries
    steps = len(window.workspace.history.steps())
    entries.setCurrentRow(0)
    entries.setFocus()
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        qtbot.keyClick(entries, Qt.Key.Key_Delete)
        qtbot.keyClick(entries, Qt.Key.Key_Delete)  # before the first is stored
    qtbot.waitUntil(lambda: not panel.deciding)
    assert len(window.workspace.history.steps()) == steps + 1


def test_the_heading_is_never_squeezed_below_its_two_lines(window, qtbot) -> None:
    """At a first start the heading "Doubtful mentions (2): check them against the text", wrapped to two lines in
    the narrow dock, was given the height of one and drawn cut through its letters (audit DI 8): a wrapped label
    asks a splitter for one line. It keeps two lines, cut with "…" where even they are too few."""
    panel = _recognised(window, qtbot)
    window.resize(1400, 900)
    window.raise_panel("Entities")
    heading = panel.doubtful.heading
    qtbot.waitUntil(heading.isVisible)
    metrics = heading.fontMetrics()
    qtbot.waitUntil(lambda: heading.width() < metrics.horizontalAdvance(heading.text()))  # wrapped
    assert heading.minimumSizeHint().height() >= metrics.lineSpacing() + metrics.height()
    assert heading.height() >= metrics.lineSpacing() + metrics.height()
    assert heading.toolTip() == heading.text()  # cut with "…" in a narrower dock, read whole there (audit DJ 6)
