"""Settings (Ctrl+,): theme and text size, kept in QSettings."""

from __future__ import annotations

from studyapp.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from studyapp.ui.theme import THEME_CHOICES

MIN_TEXT_SIZE = 8
MAX_TEXT_SIZE = 28
THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


class SettingsDialog(QDialog):
    def __init__(self, theme: str, text_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(380)
        self.theme = QComboBox()
        for choice in THEME_CHOICES:
            self.theme.addItem(THEME_LABELS[choice], choice)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        self.theme.setToolTip("Colours of the app; 'Follow the system' matches your desktop")
        self.text_size = QSpinBox()
        self.text_size.setRange(MIN_TEXT_SIZE, MAX_TEXT_SIZE)
        self.text_size.setValue(text_size)
        self.text_size.setSuffix(" pt")
        self.text_size.setToolTip("Size of all text; Ctrl+= and Ctrl+- change it anywhere")
        form = QFormLayout()
        form.addRow("&Theme:", self.theme)
        form.addRow("Text &size:", self.text_size)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_theme(self) -> str:
        return str(self.theme.currentData())

    def chosen_text_size(self) -> int:
        return self.text_size.value()
