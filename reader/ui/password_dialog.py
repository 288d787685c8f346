"""Asking for the password of an encrypted PDF the import could not open (loaded only when one turns up)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_password(parent: QWidget, file_name: str, wrong: bool) -> str | None:
    """The password the user typed, or None when they cancelled; `wrong` says the last one did not open it."""
    prompt = (f"That password did not open {file_name}. Try again:" if wrong
              else f"{file_name} is protected by a password. Enter it to import the file:")
    text, accepted = QInputDialog.getText(parent, "Password needed", prompt, QLineEdit.EchoMode.Password)
    return text if accepted and text else None
