"""When did a dated event happen, or which event happened at a given date."""

from __future__ import annotations

from studyapp.content import Event, Item, PartialDate, Topic
from studyapp.quiz.generators.base import Taken, choice, the_lesson_says
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import Question, QuestionType
from studyapp.quiz.text import quoted

TYPE: QuestionType = "event_date"
TOPICS: tuple[Topic, ...] = ("event",)
MULTI = False
VARIANTS = ("when", "which")


def eligible(item: Item, pools: Pools) -> bool:
    return isinstance(item, Event) and item.date is not None


def make(item: Item, pools: Pools, taken: Taken) -> Question | None:
    assert isinstance(item, Event) and item.date is not None
    variants = [v for v in VARIANTS if not taken(f"{TYPE}:{item.id}:{v}")]
    pools.rng.shuffle(variants)
    for variant in variants:
        question = _when(item, pools) if variant == "when" else _which(item, pools)
        if question is not None:
            return question
    return None


def _when(event: Event, pools: Pools) -> Question | None:
    assert event.date is not None
    return choice(
        pools,
        kind=TYPE,
        item=event,
        variant="when",
        prompt=f"When did this happen? {quoted(event.title)}",
        answer=str(event.date),
        answer_names=(str(event.date.year),),
        distractors=[str(d) for d in _dates_around(event, pools)],
        in_order=True,
        explanation=f"{event.title}: {event.date}. {the_lesson_says(pools, event)}",
    )


def _dates_around(event: Event, pools: Pools, wanted: int = 3) -> list[PartialDate]:
    """Wrong dates placed so that the right one, once the options are in time order, is
    first, second, third or last equally often."""
    answer = event.date
    assert answer is not None
    dates = pools.plausible_dates(event, 12)
    before = [d for d in dates if d < answer]
    after = [d for d in dates if d > answer]
    slots = [k for k in range(wanted + 1) if len(before) >= k and len(after) >= wanted - k]
    if not slots:
        return dates[:wanted]
    slot = pools.rng.choice(slots)
    return pools.rng.sample(before, slot) + pools.rng.sample(after, wanted - slot)


def _which(event: Event, pools: Pools) -> Question | None:
    # Only events proved to be at another time, and near it: the end of the Cold War, which
    # the course places only as "before everything else", is no thought-worthy answer to
    # "what happened in February 2022?".
    if event.date is None:
        return None
    near = [e for e in pools.events_at_other_times(event) if None not in pools.span(e)]
    others = [e.title for e in near][:4]
    return choice(
        pools,
        kind=TYPE,
        item=event,
        variant="which",
        prompt=f"Which of these happened {event.date.when}?",
        answer=event.title,
        distractors=pools.sample(others, 3, avoid=event.title),
        explanation=f"{event.title}: {event.date}. {the_lesson_says(pools, event)}",
    )
