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
