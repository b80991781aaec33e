"""Message boxes that show their text as plain text.

Course titles, file names, profile names and error messages come from outside the app;
Qt would render `<b>` or `<img>` in them as markup, so every message box here is plain.
"""

from __future__ import annotations

from studyapp.ui.qt import QMessageBox, Qt, QWidget

Icon = QMessageBox.Icon
Button = QMessageBox.StandardButton


def _box(parent: QWidget | None, icon: Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, Button.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def tell(
    parent: QWidget | None, title: str, text: str, icon: Icon = Icon.Information, details: str = ""
) -> None:
    """Show a message and wait for OK; `details` go behind a "Show Details…" button."""
    box = _box(parent, icon, title, text)
    if details:
        box.setDetailedText(details)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before doing something that cannot be undone by a click; True to go ahead."""
    box = _box(parent, Icon.Question, title, text)
    box.setStandardButtons(Button.Cancel)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(Button.Cancel)
    box.exec()
    return box.clickedButton() is go


def ask_to_save(parent: QWidget | None, title: str, text: str) -> Button:
    """Save, Discard or Cancel, for changes about to be closed; Save is the default."""
    box = _box(parent, Icon.Question, title, text)
    box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
    box.setDefaultButton(Button.Save)
    return Button(box.exec())
