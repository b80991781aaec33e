"""What is wrong with a course, said as `file:line: message`, and how values are shown in it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def together(names: tuple[str, ...]) -> str:
    """ "NATO and Russia"; "A, B and C"."""
    return f"{', '.join(names[:-1])} and {names[-1]}"


def shown(value: object) -> str:
    """A value as a message shows it: text clipped, a list or mapping named, never repr'd."""
    if isinstance(value, str):
        return f"'{clip(value)}'"
    if value is None or isinstance(value, bool | int | float | dt.date):
        return clip(str(value))
    if isinstance(value, list):
        return "a list"
    return "a mapping" if isinstance(value, dict) else f"a {type(value).__name__} value"


def label(value: object) -> str:
    """An entry's id or name for a message, if it is text."""
    return clip(value.strip()) if isinstance(value, str) else ""


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class CourseError(Exception):
    """A course that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
