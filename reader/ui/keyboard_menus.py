"""Context menus from the keyboard: Shift+F10 opens the focused part's, as the Menu key does (many keyboards have no
Menu key, and Qt turns only that key into a context-menu request), and a list's or a text's keyboard requests come
where a mouse's do."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMenu, QPlainTextEdit, QTextEdit


def open_focused_context_menu() -> None:
    """The context-menu request the Menu key makes (as Qt makes it): at the focused widget's cursor, or the chosen
    row of a list, else its middle."""
    widget = QApplication.focusWidget()
    if widget is None or not widget.isEnabled():
        return
    cursor = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)  # a QRect, or a text's QRectF
    at = QRectF(cursor).center().toPoint() if isinstance(cursor, (QRect, QRectF)) else widget.rect().center()
    QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, widget.mapToGlobal(at)))


class _ViewportMenus(QObject):
    """Gives a list's or a text's keyboard context-menu requests at its viewport, where a mouse's come. A list's come
    at the widget's own coordinates (its cursor rectangle is given so); a text's is at its caret, in the viewport's
    (taken from it a second time the point fell up and left of the caret, on another name: audit DI 4)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and event.reason() == QContextMenuEvent.Reason.Keyboard:
            if isinstance(watched, (QPlainTextEdit, QTextEdit)):  # at the caret, brought into view: scrolled away
                watched.ensureCursorVisible()  # by the wheel, it asked for the menu of a line on screen (DJ 9)
                watched.customContextMenuRequested.emit(watched.cursorRect().center())
            else:
                watched.customContextMenuRequested.emit(event.pos() - watched.viewport().pos())
            return True
        return False


def keyboard_menus_at_viewport(view: QAbstractScrollArea) -> None:
    """A keyboard's context-menu request (the Menu key, Shift+F10) on a list or a text comes at the widget's own
    coordinates, a mouse's at its viewport's: a handler reading the row under the point (by the viewport, as for
    the mouse) took the row below the chosen one, by a header's height; in the library, Delete was then offered on
    the next document. `view` has a custom context menu; its requests all come at the viewport."""
    view.installEventFilter(_ViewportMenus(view))


_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")  # "&&" is an ampersand shown


def give_letters(menu: QMenu, like: QMenu | None = None) -> None:
    """A letter to press (a mnemonic) for each entry of a menu that has none, unlike the others': a word's first
    letter where one is free (every entry's looked at first), else any of its letters; an entry with keys of its own
    (F6) needs none. View > Go to listed twelve panels without one, and Timeline took eleven Downs (audit DA F5). An
    entry named as one of `like`'s takes its letter where it is free: a panel was "Se&arch" in Go to and "Searc&h"
    in View."""
    entries = [action for action in menu.actions() if not action.isSeparator() and action.text()]
    if like is not None:
        _letters_like(entries, like)
    letters = {action: _MNEMONIC.search(action.text()) for action in entries}
    taken = {found[1].casefold() for found in letters.values() if found}
    lettered = {action: None for action in entries if not letters[action] and action.shortcut().isEmpty()}
    for any_letter in (False, True):
        for action in [action for action, at in lettered.items() if at is None]:
            text = action.text()
            places = range(len(text)) if any_letter else [at for at in range(len(text))
                                                          if at == 0 or text[at - 1] in " -"]
            lettered[action] = next((at for at in places if text[at].isalpha() and text[at].casefold() not in taken
                                     and not text[:at].endswith("&")), None)
            if lettered[action] is not None:
                taken.add(text[lettered[action]].casefold())
    for action, at in lettered.items():
        if at is not None:
            action.setText(f"{action.text()[:at]}&{action.text()[at:]}")


def _letters_like(entries: list[QAction], like: QMenu) -> None:
    """Give the entries without a letter the letter of `like`'s entry of the same name, where none has it yet."""
    lettered = {action.text().replace("&", ""): action.text() for action in like.actions() if "&" in action.text()}
    taken = {found[1].casefold() for action in entries if (found := _MNEMONIC.search(action.text()))}
    for action in entries:
        text = lettered.get(action.text())
        if text is None or _MNEMONIC.search(action.text()) or not action.shortcut().isEmpty():
            continue
        letter = _MNEMONIC.search(text)
        if letter and letter[1].casefold() not in taken:
            taken.add(letter[1].casefold())
            action.setText(text)
