"""Pick the actor who holds a view."""

from __future__ import annotations

from studyapp.content import Claim, Item, Topic
from studyapp.quiz.generators.base import Taken, choice, the_lesson_says
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import Question, QuestionType
from studyapp.quiz.text import quoted

TYPE: QuestionType = "perspective_attribution"
TOPICS: tuple[Topic, ...] = ("perspective",)
MULTI = False


def eligible(item: Item, pools: Pools) -> bool:
    # Two sides are a fair question ("NATO or Russia?"), as long as they do not overlap
    # and the statement does not name one of them: a view about NATO is not NATO's.
    return (
        isinstance(item, Claim)
        and not pools.actors_named(item.statement)
        and pools.has_other_actor(item)
    )


def make(item: Item, pools: Pools, taken: Taken) -> Question | None:
    assert isinstance(item, Claim)
    aliases = next((a.aliases for a in pools.course.actors if a.name == item.actor), ())
    return choice(
        pools,
        kind=TYPE,
        item=item,
        prompt=f"Who holds this view? {quoted(item.statement)}",
        answer=item.actor,
        answer_names=aliases,
        distractors=pools.other_actors(item, 4),
        min_options=2,
        explanation=f"This is the view of {item.actor}. {the_lesson_says(pools, item)}",
    )
