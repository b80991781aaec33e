"""The daily goal: today's answers against the learner's aim, and the streak of study days.
Quiet and optional: a thin bar where studying starts, a word when the goal is reached."""

from __future__ import annotations

from studyapp.ui.qt import QFrame, QProgressBar, QVBoxLayout, QWidget
from studyapp.ui.widgets import label


def goal_text(answers: int, goal: int) -> str:
    if goal <= 0:
        return f"Today: {answers} answer{'s' if answers != 1 else ''}"
    if answers >= goal:
        return f"Goal reached ✓ {answers} today"
    return f"Today: {answers} of {goal} answers"


def streak_text(days: int) -> str:
    if days == 0:
        return "No streak yet"
    return f"{days}-day streak"


class GoalBar(QFrame):
    """Today's answers against the goal (a bar), and the streak under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goal")
        self.today = label("", wrap=True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName("Daily goal")
        self.streak = label("", "muted")
        self.setToolTip(
            "Answers given today against your daily goal, and the days in a row you have "
            "studied. Set the goal, or turn it off, in Settings (Ctrl+,)."
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(4)
        for widget in (self.today, self.bar, self.streak):
            column.addWidget(widget)

    def show_day(self, answers: int, goal: int, streak: int) -> None:
        self.today.setText(goal_text(answers, goal))
        self.bar.setVisible(goal > 0)
        self.bar.setRange(0, max(goal, 1))
        self.bar.setValue(min(answers, goal))
        self.streak.setText(streak_text(streak))
        self.setProperty("state", "right" if 0 < goal <= answers else "")
        self.style().unpolish(self)
        self.style().polish(self)
