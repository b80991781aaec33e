"""The course model: frozen dataclasses that the loader builds and every layer reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

Topic = Literal["concept", "event", "perspective"]
TOPICS: tuple[Topic, ...] = ("event", "perspective", "concept")


# In English, as the courses are: not `calendar.month_name`, which follows the locale
# (Qt sets it from the desktop: "4 Mai 1904" in an English sentence).
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date at the precision a text gives it: a year, a month of a year, or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """`2014`, `2022-02` or `2022-02-24`, the form course files use."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def when(self) -> str:
        """ "on 24 February 2022", "in February 2022", "in 2014": as a sentence says it."""
        return f"on {self}" if self.day is not None else f"in {self}"

    def __str__(self) -> str:
        """`2014`, `February 2022` or `24 February 2022`, the form a learner reads."""
        if self.month is None:
            return str(self.year)
        month = MONTH_NAMES[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    paragraphs: tuple[str, ...]
    number: int  # 1-based place in the course

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Concept:
    id: str
    lesson_id: str
    term: str
    definition: str  # "" for a generated concept whose text defined nothing: cloze only
    quote: str
    aliases: tuple[str, ...] = ()
    generated: bool = False
    # What sort of thing the term names ("treaty article"): a concept with a kind is set
    # only against concepts of the same kind, so that its form never gives it away.
    kind: str | None = None
    topic: Topic = field(default="concept", init=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The term first, then its aliases: every way the text may write it."""
        return (self.term, *self.aliases)

    @property
    def label(self) -> str:
        return self.term


@dataclass(frozen=True)
class Event:
    id: str
    lesson_id: str
    title: str
    quote: str
    sequence: int | None  # place in the chronology (simultaneous events share it); None: unknown
    date: PartialDate | None = None
    when: str | None = None  # the time in words, for events the text does not date
    generated: bool = False
    topic: Topic = field(default="event", init=False)

    @property
    def label(self) -> str:
        return self.title

    @property
    def time(self) -> str:
        """When it happened, as the course gives it."""
        return str(self.date) if self.date is not None else self.when or ""


@dataclass(frozen=True)
class Claim:
    id: str
    lesson_id: str
    actor: str
    statement: str
    quote: str
    generated: bool = False
    # A view the holder does not take, in the same voice: the other side's position on the
    # same subject. It makes the false statement a learner has to think about.
    contrary: str | None = None
    # Who may be offered as the holder by mistake; None: every side that does not overlap.
    # An empty list keeps the claim out of "who holds this view?" questions, for views whose
    # wording names their side ("an attack on one of our members").
    rivals: tuple[str, ...] | None = None
    # A view several sides hold ("both sides are keen to avoid a direct confrontation"):
    # their names; `actor` then reads "NATO and Russia".
    shared_by: tuple[str, ...] = ()
    # Concepts whose meaning states this view too ("security assurances" and "we were
    # promised…"): a quiz asks one of them, since either answers the other.
    about: tuple[str, ...] = ()
    topic: Topic = field(default="perspective", init=False)

    @property
    def holders(self) -> tuple[str, ...]:
        return self.shared_by or (self.actor,)

    @property
    def label(self) -> str:
        return self.statement


Item = Concept | Event | Claim


@dataclass(frozen=True)
class Actor:
    name: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    # Actors that share members with this one (Poland is both NATO and Eastern Europe): a
    # view of one may be true of the other, so one is never offered against the other.
    overlaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    lessons: tuple[Lesson, ...]
    concepts: tuple[Concept, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    actors: tuple[Actor, ...] = ()
    description: str = ""
    language: str = "en"
    folder: Path | None = None
    # Items still marked generated are left out of quizzes, progress and the reader: only
    # the items someone accepted in the course editor are studied.
    quiz_only_accepted: bool = False

    @property
    def items(self) -> tuple[Item, ...]:
        return (*self.concepts, *self.events, *self.claims)

    @cached_property
    def _lessons_by_id(self) -> dict[str, Lesson]:
        return {lesson.id: lesson for lesson in self.lessons}

    @cached_property
    def _items_by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def lesson(self, lesson_id: str) -> Lesson:
        found = self._lessons_by_id.get(lesson_id)
        if found is not None:
            return found
        known = ", ".join(lesson.id for lesson in self.lessons)
        raise KeyError(f"unknown lesson '{lesson_id}' in course '{self.id}' (lessons: {known})")

    def item(self, item_id: str) -> Item:
        found = self._items_by_id.get(item_id)
        if found is not None:
            return found
        raise KeyError(f"unknown item '{item_id}' in course '{self.id}'")

    def overlap(self, first: str, second: str) -> bool:
        """Whether two actors share members, as either one's `overlaps` says."""
        actors = {actor.name: actor for actor in self.actors}
        return any(
            other in actors and name in actors[other].overlaps
            for name, other in ((first, second), (second, first))
        )

    def items_in(self, lesson_id: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.lesson_id == lesson_id)

    def summary(self) -> str:
        return (
            f"{self.id}: {len(self.lessons)} lessons, {len(self.concepts)} concepts, "
            f"{len(self.events)} events, {len(self.claims)} claims"
        )
