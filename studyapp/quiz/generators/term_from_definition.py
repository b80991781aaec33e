"""Pick the term that a definition describes."""

from __future__ import annotations

from studyapp.content import Concept, Item, Topic
from studyapp.quiz.generators.base import Taken, bare, choice, echoes, the_lesson_says
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import Question, QuestionType
from studyapp.quiz.text import quoted

TYPE: QuestionType = "term_from_definition"
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
        prompt=f"Which term means {quoted(bare(item.definition))}?",
        answer=item.term,
        answer_names=item.aliases,
        distractors=pools.other_terms(item, 3),
        explanation=f"This is {quoted(item.term)}. {the_lesson_says(pools, item)}",
    )
