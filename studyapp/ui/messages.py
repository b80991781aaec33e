"""Message boxes that show their text as plain text.

Course titles, file names, profile names and error messages come from outside the app;
Qt would render `<b>` or `<img>` in them as markup, so every message box here is plain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from studyapp.ui import qt

if TYPE_CHECKING:
    from studyapp.ui.qt import QMessageBox, QWidget

    Icon = QMessageBox.Icon
    Button = QMessageBox.StandardButton


def __getattr__(name: str) -> Any:
    """`Icon` and `Button` on first use: QMessageBox's enums cost PySide milliseconds that
    the Lessons screen, which imports this module, should not wait for."""
    if name == "Icon":
        return qt.QMessageBox.Icon
    if name == "Button":
        return qt.QMessageBox.StandardButton
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _box(parent: QWidget | None, icon: Icon, title: str, text: str) -> QMessageBox:
    button = qt.QMessageBox.StandardButton
    box = qt.QMessageBox(icon, title, text, button.Ok, parent)
    box.setTextFormat(qt.Qt.TextFormat.PlainText)
    return box


def tell(
    parent: QWidget | None, title: str, text: str, icon: Icon | None = None, details: str = ""
) -> None:
    """Show a message and wait for OK (an information icon unless `icon` says otherwise);
    `details` go behind a "Show Details…" button."""
    box = _box(parent, qt.QMessageBox.Icon.Information if icon is None else icon, title, text)
    if details:
        box.setDetailedText(details)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before doing something that cannot be undone by a click; True to go ahead."""
    button = qt.QMessageBox.StandardButton
    box = _box(parent, qt.QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(button.Cancel)
    go = box.addButton(action, qt.QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(button.Cancel)
    box.exec()
    return box.clickedButton() is go


def ask_to_save(parent: QWidget | None, title: str, text: str) -> Button:
    """Save, Discard or Cancel, for changes about to be closed; Save is the default."""
    button = qt.QMessageBox.StandardButton
    box = _box(parent, qt.QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(button.Save | button.Discard | button.Cancel)
    box.setDefaultButton(button.Save)
    return button(box.exec())
