"""Who holds a view: pick the actor, or, where the wording would give the actor away, pick
the view among views the actor does not hold."""

from __future__ import annotations

from studyapp.content import Claim, Item, Topic
from studyapp.quiz.generators.base import Taken, choice, possessive, the_lesson_says
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import Question, QuestionType
from studyapp.quiz.text import quoted

TYPE: QuestionType = "perspective_attribution"
TOPICS: tuple[Topic, ...] = ("perspective",)
MULTI = False
MIN_VIEWS = 3


def _who_holds(claim: Claim, pools: Pools) -> bool:
    # Two sides are a fair question ("NATO or Russia?"), as long as they do not overlap
    # and the statement does not name one of them: a view about NATO is not NATO's.
    return not pools.actors_named(claim.statement) and pools.has_other_actor(claim)


def _views_not_held(claim: Claim, pools: Pools) -> list[str]:
    """Views the course says the claim's holder does not take: its own contrary first (the
    same subject, the other side's answer), then the contraries of its other views."""
    others = [c.contrary for c in pools.views_of(claim.actor) if c.id != claim.id]
    pools.rng.shuffle(others)
    return [view for view in (claim.contrary, *others) if view is not None]


def eligible(item: Item, pools: Pools) -> bool:
    if not isinstance(item, Claim):
        return False
    if _who_holds(item, pools):
        return True
    held = sum(c.contrary is not None for c in pools.views_of(item.actor) if c.id != item.id)
    return held + (item.contrary is not None) >= MIN_VIEWS - 1


def make(item: Item, pools: Pools, taken: Taken) -> Question | None:
    assert isinstance(item, Claim)
    lesson_says = the_lesson_says(pools, item)
    if not _who_holds(item, pools):
        return choice(
            pools,
            kind=TYPE,
            item=item,
            variant="view",
            prompt=f"Which of these views is held by {item.actor}?",
            answer=item.statement,
            distractors=_views_not_held(item, pools),
            explanation=f"This is {possessive(item.actor)} view. {lesson_says}",
        )
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
        explanation=f"This is the view of {item.actor}. {lesson_says}",
    )
