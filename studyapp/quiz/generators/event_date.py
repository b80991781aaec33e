"""When did a dated event happen, or which event happened at a given date."""

from __future__ import annotations

from studyapp.content import Event, Item, Topic
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
        distractors=[str(d) for d in pools.plausible_dates(event, 3)],
        in_order=True,
        explanation=f"{event.title}: {event.date}. {the_lesson_says(pools, event)}",
    )


def _which(event: Event, pools: Pools) -> Question | None:
    others = [e.title for e in pools.events_at_other_times(event)]
    return choice(
        pools,
        kind=TYPE,
        item=event,
        variant="which",
        prompt=f"Which of these happened in {event.date}?",
        answer=event.title,
        distractors=pools.sample(others, 3, avoid=event.title),
        explanation=f"{event.title}: {event.date}. {the_lesson_says(pools, event)}",
    )
