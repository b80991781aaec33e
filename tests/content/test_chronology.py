"""The order check: every fault that a test of all pairs finds, in n log n."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.content.chronology import out_of_order
from studyapp.content.model import Event, PartialDate


def event(number: int, date: PartialDate, sequence: int) -> Event:
    return Event(f"event:e{number}", "first", f"Event {number}", "Quote.", sequence, date)


def surely_before(a: PartialDate, b: PartialDate) -> bool:
    """The rule as a reader states it: compare at the precision both dates give."""
    shared = (
        1
        + (a.month is not None and b.month is not None)
        + (a.day is not None and b.day is not None)
    )
    left = (a.year, a.month or 0, a.day or 0)[:shared]
    return left < (b.year, b.month or 0, b.day or 0)[:shared]


def later_ones_at_fault(events: list[Event]) -> set[str]:
    return {
        b.id
        for a in events
        for b in events
        if a.date
        and b.date
        and surely_before(a.date, b.date)
        and (a.sequence or 0) >= (b.sequence or 0)
    }


dates = st.builds(
    lambda year, month, day, shape: PartialDate(
        year, month if shape > 0 else None, day if shape > 1 else None
    ),
    st.integers(1990, 1993),
    st.integers(1, 3),
    st.integers(1, 3),
    st.integers(0, 2),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(dates, st.integers(1, 6)), max_size=12))
def test_it_finds_what_a_test_of_all_pairs_finds(
    given_events: list[tuple[PartialDate, int]],
) -> None:
    events = [event(n, date, sequence) for n, (date, sequence) in enumerate(given_events)]
    found = out_of_order(events)
    assert {later.id for _, later in found} == later_ones_at_fault(events)
    for earlier, later in found:
        assert earlier.date and later.date and surely_before(earlier.date, later.date)
        assert (earlier.sequence or 0) >= (later.sequence or 0)


def test_a_year_is_not_before_a_month_of_that_year() -> None:
    events = [event(1, PartialDate(1999), 2), event(2, PartialDate(1999, 3), 1)]
    assert out_of_order(events) == []


def test_a_fault_at_month_precision_is_found() -> None:
    events = [event(1, PartialDate(1999, 2), 3), event(2, PartialDate(1999, 3, 1), 2)]
    assert out_of_order(events) == [(events[0], events[1])]


def test_twenty_thousand_events_in_reverse_order_are_checked_quickly() -> None:
    events = [event(n, PartialDate(1000 + n % 1000, 1 + n % 12), 20_000 - n) for n in range(20_000)]
    started = time.perf_counter()
    found = out_of_order(events)
    assert time.perf_counter() - started < 2
    assert len(found) > 19_000
