"""The order of a course's events: dated events against the sequence the course gives them."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from studyapp.content.model import Event, PartialDate


def date_key(date: PartialDate) -> tuple[int, int, int]:
    """A date as a sortable key; a missing month or day sorts first."""
    return date.year, date.month or 0, date.day or 0


def _precision(date: PartialDate) -> int:
    return 1 + (date.month is not None) + (date.day is not None)


def _by_date(events: list[Event], precision: int) -> list[list[Event]]:
    """Events that give at least `precision`, grouped by their date cut to it, earliest first."""
    placed: list[tuple[tuple[int, ...], Event]] = []
    for event in events:
        if event.date is not None and _precision(event.date) >= precision:
            placed.append((date_key(event.date)[:precision], event))
    placed.sort(key=lambda pair: pair[0])
    grouped = itertools.groupby(placed, key=lambda pair: pair[0])
    return [[event for _, event in group] for _, group in grouped]


def _sequence(event: Event) -> int:
    return event.sequence if event.sequence is not None else 0


def out_of_order(events: Iterable[Event]) -> list[tuple[Event, Event]]:
    """(earlier, later) pairs where a surely later date has a sequence no greater.

    Two dates compare at the precision both give (1999 is not before March 1999), so one
    sorted sweep per precision finds every fault in n log n rather than testing all pairs.
    Each later event is reported once, with the earlier event of greatest sequence.
    """
    found: dict[str, tuple[Event, Event]] = {}
    ordered = [e for e in events if e.date is not None and e.sequence is not None]
    for precision in (1, 2, 3):
        latest: Event | None = None  # of the earlier dates, the event of greatest sequence
        for same_date in _by_date(ordered, precision):
            for event in same_date:
                if latest is not None and _sequence(latest) >= _sequence(event):
                    found.setdefault(event.id, (latest, event))
            for event in same_date:
                if latest is None or _sequence(event) > _sequence(latest):
                    latest = event
    return list(found.values())
