"""Pick the definition of a term."""

from __future__ import annotations

from studyapp.content import Concept, Item, Topic
from studyapp.quiz.generators.base import Taken, choice, echoes, the_lesson_says
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import Question, QuestionType
from studyapp.quiz.text import quoted

TYPE: QuestionType = "concept_definition"
TOPICS: tuple[Topic, ...] = ("concept",)
MULTI = False


def eligible(item: Item, pools: Pools) -> bool:
    # A definition that repeats its term's words asks nothing: other families ask it.
    return (
        isinstance(item, Concept)
        and bool(item.definition)
        and len(pools.concepts) >= 3
        and not echoes(item.term, item.definition)
    )


def make(item: Item, pools: Pools, taken: Taken) -> Question | None:
    assert isinstance(item, Concept)
    return choice(
        pools,
        kind=TYPE,
        item=item,
        prompt=f"What does {quoted(item.term)} mean?",
        answer=item.definition,
        distractors=pools.other_definitions(item, 3),
        explanation=f"{quoted(item.term)} means: {item.definition} {the_lesson_says(pools, item)}",
    )
