"""Help > Recent messages: the status bar's lines can be read again, whole, from the keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

LONG = ("“Soviet-Mongolian Friendship Talks” took the place of “«Japan is encroaching on the borders of Mongolia ... "
        "How do you think to uphold your independence?»: I. V. Stalin Talking to P. Genden on November 24, 1934” "
        "(at most 4 sources side by side)")


def _recent_messages(window):
    [help_menu] = [action.menu() for action in window.menuBar().actions() if action.text() == "&Help"]
    [action] = [action for action in help_menu.actions() if action.text() == "&Recent messages…"]
    return action


def test_a_line_gone_or_cut_off_is_read_again_whole(window, qtbot):
    """A status line wider than the bar, or gone after its seconds, was whole only in a tooltip, which needs a mouse
    (audit DA F8, DB F9): Help > Recent messages lists the lines, newest first, whole, and selectable by keyboard."""
    window.resize(900, 600)
    window.statusBar().showMessage("Deleted the highlight: Edit > Undo or Edit > Trash brings it back.", 50)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "")
    window.statusBar().showMessage(LONG, 5000)
    action = _recent_messages(window)
    assert action.shortcut().toString() == "Ctrl+Shift+M"
    action.trigger()
    dialog = window.messages_dialog
    qtbot.waitUntil(dialog.isVisible)
    shown = dialog.text.toPlainText()
    assert LONG in shown and shown.index(LONG) < shown.index("Deleted the highlight")  # newest first
    assert dialog.text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text)
    window.statusBar().showMessage("Undone: Add annotation", 5000)  # a line shown meanwhile joins the list
    qtbot.waitUntil(lambda: dialog.text.toPlainText().split("\n")[0].endswith("Undone: Add annotation"))


def test_a_line_shown_again_later_is_listed_again_and_a_selection_stays(window, qtbot):
    """A line shown again after the bar had emptied (the same refusal met twice) was listed once, at its first time;
    and a line arriving while the list was open threw away the selection being copied (audit DJ 3, DJ 4)."""
    bar = window.statusBar()
    for _ in range(2):
        bar.showMessage("Select some text to link first.", 30)
        qtbot.waitUntil(lambda: bar.currentMessage() == "")
    bar.showMessage("Undone: Add annotation")
    bar.showMessage("Undone: Add annotation")  # shown again at once: once
    _recent_messages(window).trigger()
    text = window.messages_dialog.text
    assert text.toPlainText().count("Select some text to link first.") == 2
    assert text.toPlainText().count("Undone: Add annotation") == 1
    text.selectAll()
    chosen = text.textCursor().selectedText()
    bar.showMessage("Redone: Add annotation")
    assert text.toPlainText().split("\n")[0].endswith("Redone: Add annotation")
    assert text.textCursor().selectedText() == chosen  # the lines chosen, still chosen


def test_the_list_closes_with_the_window(window, qtbot):
    """Recent messages, kept open beside the window, stayed open after it closed, the active window still: the
    shortcuts of the window opened next went unheard."""
    _recent_messages(window).trigger()
    qtbot.waitUntil(window.messages_dialog.isVisible)
    window.close()
    assert not window.messages_dialog.isVisible()
