"""Put three to five events in the order they happened."""

from __future__ import annotations

from collections import Counter

from studyapp.content import Event, Item, Topic
from studyapp.quiz.generators.base import Taken, group_id
from studyapp.quiz.pools import Pools, days
from studyapp.quiz.question import Question, QuestionType
from studyapp.quiz.text import quoted

TYPE: QuestionType = "event_order"
TOPICS: tuple[Topic, ...] = ("event",)
MULTI = True
SIZES = (3, 4, 5)


def _partners(event: Event, pools: Pools, taken: Taken) -> dict[int, list[Event]]:
    """Untested events of the quiz's lessons, by place in the order, except the anchor's."""
    by_place: dict[int, list[Event]] = {}
    for other in pools.events:
        if (
            other.sequence is not None
            and other.sequence != event.sequence
            and pools.in_scope(other)
            and not taken(f"{TYPE}:{other.id}")
        ):
            by_place.setdefault(other.sequence, []).append(other)
    return by_place


def eligible(item: Item, pools: Pools) -> bool:
    return (
        isinstance(item, Event)
        and item.sequence is not None
        and len(pools.places_in_scope - {item.sequence}) >= 2
    )


def make(item: Item, pools: Pools, taken: Taken) -> Question | None:
    assert isinstance(item, Event)
    by_place = _partners(item, pools, taken)
    if len(by_place) < 2:
        return None
    # While few places in the order are left, short questions leave some for later ones.
    size = 3 if len(by_place) <= 4 else min(pools.rng.choice(SIZES), len(by_place) + 1)
    chosen = [item]
    spare = 8  # a few more places than needed, for those whose dates overlap the chosen
    for place in pools.rng.sample(sorted(by_place), min(len(by_place), size - 1 + spare)):
        other = pools.rng.choice(by_place[place])
        if not any(_may_overlap(other, e) for e in chosen):
            chosen.append(other)
        if len(chosen) == size:
            break
    if len(chosen) < 3:
        return None
    ordered = sorted(chosen, key=lambda e: e.sequence or 0)
    answer = tuple(e.title for e in ordered)
    options = list(answer)
    while tuple(options) == answer:
        pools.rng.shuffle(options)
    lessons = Counter(e.lesson_id for e in ordered)
    numbers = {lesson.id: lesson.number for lesson in pools.course.lessons}
    lesson_id = min(lessons, key=lambda lid: (-lessons[lid], numbers[lid]))
    anchor = next(e for e in ordered if e.lesson_id == lesson_id)
    steps = "; ".join(f"{n}. {e.title} ({e.time})" for n, e in enumerate(ordered, 1))
    return Question(
        id=group_id(TYPE, [e.id for e in ordered]),
        type=TYPE,
        topic="event",
        item_ids=tuple(e.id for e in ordered),
        lesson_id=lesson_id,
        prompt="Put these events in the order they happened, earliest first.",
        options=tuple(options),
        answer=answer,
        explanation=f"The order is: {steps}. The lesson says: {quoted(pools.source(anchor))}",
        source=pools.source(anchor),
        note=f"The order is: {steps}.",
    )


def _may_overlap(first: Event, second: Event) -> bool:
    """Whether two dated events may have happened in either order: "April 1949" and
    "16 April 1949" cannot be ordered from the text. Undated ones keep the course's order."""
    if first.date is None or second.date is None:
        return False
    (start, end), (other_start, other_end) = days(first.date), days(second.date)
    return not (end < other_start or other_end < start)
