"""The review screen: how many items are due, and when the next one falls due."""

from __future__ import annotations

import datetime as dt

from studyapp.ui.qt import QHBoxLayout, QPushButton, Qt, QVBoxLayout, QWidget, Signal
from studyapp.ui.widgets import label

REVIEW_ROUND = 10  # items a review asks at once; "Keep going" asks the next round


def when_text(due_utc: dt.datetime, now_utc: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """A due time in words, in the learner's time zone: "in 8 minutes", "tomorrow at 09:00"."""
    delta = due_utc - now_utc
    if delta < dt.timedelta(hours=1):
        minutes = max(1, round(delta.total_seconds() / 60))
        return f"in {minutes} minute{'s' if minutes != 1 else ''}"
    local = due_utc.replace(tzinfo=dt.UTC).astimezone(tz)
    today = now_utc.replace(tzinfo=dt.UTC).astimezone(tz).date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return f"today at {clock}"
    if local.date() == today + dt.timedelta(days=1):
        return f"tomorrow at {clock}"
    return f"on {local.day} {local:%B} at {clock}"


class ReviewPage(QWidget):
    """Start a review of the due items, or learn when there will be some."""

    start_requested = Signal()
    quiz_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("Review", "title")
        self.count = label("", "bigNumber", wrap=False)
        self.message = label("")
        self.message.setMaximumWidth(640)
        self.start = QPushButton("Start review")
        self.start.setObjectName("primary")
        self.start.setAutoDefault(True)
        self.start.setToolTip("A quiz of the items due now, most overdue first")
        self.quiz = QPushButton("Take a quiz")
        self.quiz.setToolTip("Choose lessons and question types for a new quiz")
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.quiz)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.start.clicked.connect(self.start_requested)
        self.quiz.clicked.connect(self.quiz_requested)

    def show_state(
        self, due: int, next_due: dt.datetime | None, now: dt.datetime, tz: dt.tzinfo | None
    ) -> None:
        self.count.setVisible(due > 0)
        self.count.setText(str(due))
        self.start.setVisible(due > 0)
        if due:
            noun = "item is" if due == 1 else "items are"
            self.message.setText(
                f"{due} {noun} due for review. Reviewing them now, just as they start "
                "to fade, is what makes them stick."
            )
            self.start.setText(f"Start review ({due})")  # in rounds: "Keep going" after each
            self.start.setFocus()
        elif next_due is not None:
            self.message.setText(
                f"Nothing is due right now. The next item falls due {when_text(next_due, now, tz)}."
                " Meanwhile, a quiz on new lessons adds items to review."
            )
            self.quiz.setFocus()
        else:
            self.message.setText(
                "Nothing to review yet. Take a quiz first: every item you answer comes back "
                "here when it is due, at the moment you are about to forget it."
            )
            self.quiz.setFocus()
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft)
