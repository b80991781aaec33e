"""The fields of one item in the course editor, and the course's rules said in its words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from studyapp.content.curation import FIELDS
from studyapp.ui.qt import (
    QComboBox,
    QFontMetrics,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from studyapp.content.curation import DraftItem

Field = QLineEdit | QPlainTextEdit
KIND_NAMES = {"concept": "Key term", "event": "Event", "claim": "View"}
FIELD_NAMES = {
    "term": "&Term",
    "definition": "&Meaning",
    "title": "&What happened",
    "date": "&Date",
    "when": "Time in &words",
    "statement": "&View",
    "actor": "&Held by",
    "quote": "&Sentence",
}
FIELD_TIPS = {
    "definition": "What the term means, in a sentence; empty: asked only as a fill-in",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD, as precise as the lesson says",
    "when": "For an event the lesson does not date: its time in words",
    "actor": "Who holds the view; a name the course does not know yet is added",
    "quote": "The lesson's sentence that says it, word for word",
}
LONG = {"definition", "quote"}  # a sentence: shown on several lines
# The loader's messages are written for course authors; the editor says them in its own words.
PLAIN = (
    (
        r"^quote is not verbatim in lesson '[^']*'",
        "the sentence is not word for word in the lesson",
    ),
    (r"^'definition' must be non-empty text$", "write what the term means"),
    (r"^event \S+ needs a 'date' or a 'when'$", "give a date or a time in words"),
    (r"^give an event a 'date' or a 'when', not both$", "give a date or a time in words, not both"),
    (r"^'\w+' must be non-empty text$", "this field cannot be empty"),
)


def plain(message: str) -> str:
    for pattern, words in PLAIN:
        if re.search(pattern, message):
            return re.sub(pattern, words, message)
    return message


def field_text(field: Field) -> str:
    return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()


class ItemForm(QWidget):
    """Term, meaning and sentence; or what happened, date and sentence; or view, holder and
    sentence: each field as text, edited in place."""

    edited = Signal()  # a field was typed in

    def __init__(self) -> None:
        super().__init__()
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, Field] = {}

    def show_item(self, item: DraftItem | None, actors: list[str]) -> None:
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.fields = {}
        if item is None:
            return
        for name in FIELDS[item.kind]:
            value = item.fields[name]
            field: Field
            if name in LONG:
                field = QPlainTextEdit(value)
                field.setTabChangesFocus(True)
                field.ensurePolished()  # the text size comes with the style sheet
                lines = QFontMetrics(field.font()).lineSpacing()
                margins = 2 * (field.document().documentMargin() + field.frameWidth())
                field.setFixedHeight(round(lines * 3 + margins + 2))  # three whole lines
                field.textChanged.connect(self.edited)
            else:
                field = QLineEdit(value)
                field.setCursorPosition(0)
                field.textEdited.connect(lambda _: self.edited.emit())
            field.setToolTip(FIELD_TIPS.get(name, ""))
            field.setAccessibleName(FIELD_NAMES[name].replace("&", ""))
            shown: QWidget = field
            if name == "actor" and isinstance(field, QLineEdit):  # one of the course's actors
                shown = QComboBox()
                shown.setEditable(True)
                shown.addItems(actors)
                shown.setLineEdit(field)
                field.setText(value)
                shown.activated.connect(lambda _: self.edited.emit())
            self.layout_.addRow(FIELD_NAMES[name], shown)
            shown.show()  # now, not on the next turn: a key to edit may come first
            self.fields[name] = field

    def values(self) -> dict[str, str]:
        return {name: field_text(field) for name, field in self.fields.items()}

    def focus(self, name: str | None = None) -> None:
        """Put the cursor in a field (the first by default), its text chosen."""
        field = self.fields.get(name or "") or next(iter(self.fields.values()), None)
        if field is not None:
            field.setFocus()
            field.selectAll()
