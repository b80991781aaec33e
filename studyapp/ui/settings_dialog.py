"""Settings (Ctrl+,): look, text size, the default quiz, and how much to remember."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from studyapp.quiz import QUESTION_TYPES
from studyapp.ui.preferences import (
    DEFAULT_GOAL,
    MAX_GOAL,
    MAX_LENGTH,
    MAX_TEXT_SIZE,
    MIN_TEXT_SIZE,
)
from studyapp.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from studyapp.ui.quiz import type_checkboxes
from studyapp.ui.theme import THEME_CHOICES
from studyapp.ui.widgets import label

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


@dataclass(frozen=True)
class Preferences:
    theme: str
    text_size: int
    quiz_length: int
    quiz_types: list[str]
    retention: float  # desired retention, kept per profile in the database
    daily_goal: int = DEFAULT_GOAL  # answers a day; 0 is off
    celebrate: bool = True


class SettingsDialog(QDialog):
    def __init__(self, current: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(460)
        self.theme = QComboBox()
        for choice in THEME_CHOICES:
            self.theme.addItem(THEME_LABELS[choice], choice)
        self.theme.setCurrentIndex(max(0, self.theme.findData(current.theme)))
        self.theme.setToolTip("Colours of the app; 'Follow the system' matches your desktop")
        self.text_size = QSpinBox()
        self.text_size.setRange(MIN_TEXT_SIZE, MAX_TEXT_SIZE)
        self.text_size.setValue(current.text_size)
        self.text_size.setSuffix(" pt")
        self.text_size.setToolTip("Size of all text; Ctrl+= and Ctrl+- change it anywhere")
        self.length = QSpinBox()
        self.length.setRange(1, MAX_LENGTH)
        self.length.setValue(current.quiz_length)
        self.length.setSuffix(" questions")
        self.length.setToolTip("How many questions a new quiz has at first")
        type_grid, self.types = type_checkboxes(current.quiz_types)
        types = QWidget()
        types.setLayout(type_grid)
        self.retention = QSpinBox()  # FSRS's "desired retention", in a learner's words
        self.retention.setRange(70, 99)
        self.retention.setValue(round(current.retention * 100))
        self.retention.setSuffix(" % of items")
        self.retention.setToolTip("FSRS's desired retention; 90% suits most learners")
        retention_words = label(
            "How much you want to still remember when an item comes back for review. "
            "Higher means more reviews, closer together.",
            "muted",
        )
        self.goal = QSpinBox()
        self.goal.setRange(0, MAX_GOAL)
        self.goal.setSingleStep(5)
        self.goal.setSpecialValueText("Off")
        self.goal.setSuffix(" answers a day")
        self.goal.setValue(current.daily_goal)
        self.goal.setToolTip("Shown as a bar on the Lessons and Progress screens; 0 turns it off")
        self.celebrate = QCheckBox("Celebrate a reached goal or a perfect quiz")
        self.celebrate.setChecked(current.celebrate)
        form = QFormLayout()
        form.addRow("&Theme:", self.theme)
        form.addRow("Text &size:", self.text_size)
        form.addRow("Quiz &length:", self.length)
        form.addRow("Question types:", types)
        form.addRow("&Remember at review:", self.retention)
        form.addRow("", retention_words)
        form.addRow("Daily &goal:", self.goal)
        form.addRow("", self.celebrate)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def chosen(self) -> Preferences:
        types = [name for name, box in self.types.items() if box.isChecked()]
        return Preferences(
            theme=str(self.theme.currentData()),
            text_size=self.text_size.value(),
            quiz_length=self.length.value(),
            quiz_types=types or list(QUESTION_TYPES),
            retention=self.retention.value() / 100,
            daily_goal=self.goal.value(),
            celebrate=self.celebrate.isChecked(),
        )


def current(window: MainWindow) -> Preferences:
    """What the dialog opens with: the window's look, the saved quiz, the profile's aim."""
    return Preferences(
        theme=window.appearance.choice,
        text_size=window.appearance.text_size,
        quiz_length=window.saved.quiz_length,
        quiz_types=window.saved.quiz_types,
        retention=window.service.desired_retention,
        daily_goal=window.saved.daily_goal,
        celebrate=window.saved.celebrate,
    )


def apply(window: MainWindow, chosen: Preferences) -> None:
    window.appearance.set_theme(chosen.theme)
    window.appearance.set_text_size(chosen.text_size)
    window.saved.quiz_length = chosen.quiz_length
    window.saved.quiz_types = chosen.quiz_types
    if round(chosen.retention, 2) != round(window.service.desired_retention, 2):
        window.service.set_desired_retention(chosen.retention)
    window.saved.daily_goal = chosen.daily_goal
    window.saved.celebrate = chosen.celebrate
    window.show_goal()


def open_settings(window: MainWindow) -> SettingsDialog:
    """Settings as a window-modal sheet; OK applies what was chosen."""
    dialog = SettingsDialog(current(window), window)
    dialog.accepted.connect(lambda: apply(window, dialog.chosen()))
    dialog.open()
    return dialog
