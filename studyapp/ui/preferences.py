"""What the app remembers between runs, typed: the one place that knows the QSettings keys
and how each value is written. A value edited by hand into nonsense reads as its default."""

from __future__ import annotations

from studyapp.quiz.kinds import QUESTION_TYPES
from studyapp.ui.qt import QByteArray, QSettings
from studyapp.ui.theme import THEME_CHOICES

DEFAULT_LENGTH = 10
MAX_LENGTH = 50
MIN_TEXT_SIZE = 8
MAX_TEXT_SIZE = 20  # at 800 by 600 every screen still reflows; larger is the desktop zoom
DEFAULT_GOAL = 20  # answers a day: about ten minutes
MAX_GOAL = 500


class SavedSettings:
    def __init__(self, store: QSettings) -> None:
        self.store = store

    def _text(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return str(value) if value is not None else default

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._text(key, str(default)))
        except ValueError:
            return default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) else None

    # --- look --------------------------------------------------------------------------

    @property
    def theme(self) -> str:
        choice = self._text("theme", "system")
        return choice if choice in THEME_CHOICES else "system"

    @theme.setter
    def theme(self, choice: str) -> None:
        self.store.setValue("theme", choice)

    def text_size(self, default: int) -> int:
        return max(MIN_TEXT_SIZE, min(MAX_TEXT_SIZE, self._int("text_size", default)))

    def set_text_size(self, size: int) -> None:
        self.store.setValue("text_size", size)

    # --- the default quiz --------------------------------------------------------------

    @property
    def quiz_length(self) -> int:
        return max(1, min(MAX_LENGTH, self._int("quiz/length", DEFAULT_LENGTH)))

    @quiz_length.setter
    def quiz_length(self, length: int) -> None:
        self.store.setValue("quiz/length", length)

    @property
    def quiz_types(self) -> list[str]:
        known: list[str] = list(QUESTION_TYPES)
        chosen = [t for t in self._text("quiz/types", ",".join(known)).split(",") if t in known]
        return chosen or known

    @quiz_types.setter
    def quiz_types(self, types: list[str]) -> None:
        self.store.setValue("quiz/types", ",".join(types))

    # --- the daily goal --------------------------------------------------------------

    @property
    def daily_goal(self) -> int:
        """Answers a day to aim for; 0 turns the goal off."""
        return max(0, min(MAX_GOAL, self._int("goal/answers", DEFAULT_GOAL)))

    @daily_goal.setter
    def daily_goal(self, answers: int) -> None:
        self.store.setValue("goal/answers", answers)

    @property
    def celebrate(self) -> bool:
        return self._text("goal/celebrate", "true").lower() != "false"

    @celebrate.setter
    def celebrate(self, on: bool) -> None:
        self.store.setValue("goal/celebrate", "true" if on else "false")

    # --- where the learner was ---------------------------------------------------------

    @property
    def profile(self) -> str:
        return self._text("profile")

    @profile.setter
    def profile(self, name: str) -> None:
        self.store.setValue("profile", name)

    @property
    def last_course(self) -> str:
        return self._text("last_course")

    @property
    def last_lesson(self) -> str | None:
        return self._text("last_lesson") or None

    def set_place(self, course_id: str, lesson_id: str) -> None:
        self.store.setValue("last_course", course_id)
        self.store.setValue("last_lesson", lesson_id)

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("geometry")

    @property
    def splitter(self) -> QByteArray | None:
        return self._bytes("splitter")

    def set_layout(self, geometry: QByteArray, splitter: QByteArray) -> None:
        self.store.setValue("geometry", geometry)
        self.store.setValue("splitter", splitter)
        self.store.sync()
