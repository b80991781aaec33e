"""Who holds a view: pick the actor, or, where the course says the wording gives the actor
away, pick the view among views the actor does not hold."""

from __future__ import annotations

from studyapp.content import Claim, Item, Topic
from studyapp.quiz.generators.base import (
    Taken,
    choice,
    points_back,
    possessive,
    the_lesson_says,
)
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import Question, QuestionType
from studyapp.quiz.text import normalize, quoted

TYPE: QuestionType = "perspective_attribution"
TOPICS: tuple[Topic, ...] = ("perspective",)
MULTI = False
MIN_VIEWS = 3


def _who_holds(claim: Claim, pools: Pools) -> bool:
    # Two sides are a fair question ("NATO or Russia?"), as long as they do not overlap
    # and the statement does not name one of them: a view about NATO is not NATO's. A
    # view both sides hold is asked as "which of these views do they share?".
    return (
        len(claim.holders) == 1
        and not pools.actors_named(claim.statement)
        and pools.has_other_actor(claim)
        and not points_back(claim)
    )


def _not_held(claim: Claim, pools: Pools) -> list[Claim]:
    """Claims whose contrary the claim's holders surely do not take: the holder's other
    views (for a view both sides hold, the other shared views) that the quiz has not
    asked. Never the claim's own contrary, whose plain opposite would stand out, nor one
    the quiz has already offered: the same wrong views again and again teach the learner
    to spot them."""
    others = [
        c
        for c in pools.views_of(claim.actor)
        if c.id != claim.id
        and c.contrary is not None
        and normalize(c.contrary) not in pools.shown_options
        and c.id not in pools.seen  # a view already asked rules its opposite out
    ]
    return others


def _which_view(claim: Claim, pools: Pools) -> bool:
    # Only where the course says so (`rivals: []`): among one side's views, those it
    # rejects may all lean one way (Russia's grievances against contented denials), and
    # then the question answers itself.
    return claim.rivals == () and len(_not_held(claim, pools)) >= MIN_VIEWS - 1


def eligible(item: Item, pools: Pools) -> bool:
    return isinstance(item, Claim) and (_who_holds(item, pools) or _which_view(item, pools))


def make(item: Item, pools: Pools, taken: Taken) -> Question | None:
    assert isinstance(item, Claim)
    lesson_says = the_lesson_says(pools, item)
    if not _who_holds(item, pools):
        others = [c.contrary for c in _not_held(item, pools) if c.contrary]
        if item.rivals != () or len(others) < MIN_VIEWS - 1:
            return None
        pools.rng.shuffle(others)
        return choice(
            pools,
            kind=TYPE,
            item=item,
            variant="view",
            prompt=(
                f"Which of these views do {item.actor} share?"
                if item.shared_by
                else f"Which of these views is held by {item.actor}?"
            ),
            answer=item.statement,
            distractors=others,
            explanation=f"{_whose(item)} {lesson_says}",
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
        # a curated course may pit two sides; an imported one with two holders would ask
        # coin flips, so it waits for a third
        min_options=3 if item.generated else 2,
        explanation=f"{_whose(item)} {lesson_says}",
    )


def _whose(claim: Claim) -> str:
    if claim.shared_by:
        return f"Both {claim.actor} hold this view."
    return f"This is {possessive(claim.actor)} view."
