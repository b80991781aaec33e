"""Small widgets every screen uses."""

from __future__ import annotations

from studyapp.ui.qt import QLabel, Qt


def label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    """A plain-text label; its name may give it a size (see `theme.TEXT_SIZES`)."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if name:
        widget.setObjectName(name)
    return widget
