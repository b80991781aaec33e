"""Pair four terms with their definitions."""

from __future__ import annotations

from studyapp.content import Concept, Item, Topic
from studyapp.quiz.generators.base import Taken, echoes, group_id
from studyapp.quiz.pools import Pools, is_plural
from studyapp.quiz.question import Question, QuestionType
from studyapp.quiz.text import normalize, quoted

TYPE: QuestionType = "matching"
TOPICS: tuple[Topic, ...] = ("concept",)
MULTI = True
PAIRS = 4


def _partners(concept: Concept, pools: Pools, taken: Taken) -> list[Concept]:
    return [
        c
        for c in pools.concepts
        if c.id != concept.id
        and pools.in_scope(c)
        and c.kind == concept.kind  # "Article 5" would pair with the only clause
        and is_plural(c.term) == is_plural(concept.term)  # the one plural pairs with the plural
        and not echoes(c.term, c.definition)  # a shared word pairs it without thought
        and not taken(f"{TYPE}:{c.id}")
    ]


def eligible(item: Item, pools: Pools) -> bool:
    return (
        isinstance(item, Concept)
        and bool(item.definition)
        and pools.concepts_in_scope >= PAIRS
        and not echoes(item.term, item.definition)
    )


def make(item: Item, pools: Pools, taken: Taken) -> Question | None:
    assert isinstance(item, Concept)
    partners = _partners(item, pools, taken)
    same_lesson = [c for c in partners if c.lesson_id == item.lesson_id]
    others = [c for c in partners if c.lesson_id != item.lesson_id]
    picked = pools.rng.sample(same_lesson, min(PAIRS - 1, len(same_lesson)))
    picked += pools.rng.sample(others, min(PAIRS - 1 - len(picked), len(others)))
    concepts = [item, *picked]
    if len(concepts) < PAIRS:
        return None
    if len({normalize(c.definition) for c in concepts}) < PAIRS:
        return None
    pools.rng.shuffle(concepts)
    definitions = [c.definition for c in concepts]
    pools.rng.shuffle(definitions)
    # The pairs are on screen already: the feedback shows where each term stands instead.
    meanings = " ".join(f"{quoted(c.term)}: {quoted(pools.source(c))}" for c in concepts)
    return Question(
        id=group_id(TYPE, [c.id for c in concepts]),
        type=TYPE,
        topic="concept",
        item_ids=tuple(c.id for c in concepts),
        lesson_id=item.lesson_id,
        prompt="Match each term with its definition.",
        options=tuple(definitions),
        terms=tuple(c.term for c in concepts),
        answer=tuple(c.definition for c in concepts),
        explanation=f"In the lessons: {meanings}",
        source=pools.source(item),
    )
