"""Judge a statement. A false one changes one checkable fact: the actor or their view, the
date, the definition or the order; it never just adds "not"."""

from __future__ import annotations

from dataclasses import replace

from studyapp.content import Claim, Concept, Event, Item, PartialDate, Topic
from studyapp.quiz.generators.base import (
    Taken,
    about_one_item,
    echoes,
    possessive,
    the_lesson_says,
)
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import FALSE, TRUE, Question, QuestionType
from studyapp.quiz.text import quoted

TYPE: QuestionType = "true_false"
TOPICS: tuple[Topic, ...] = ("concept", "event", "perspective")
MULTI = False


def eligible(item: Item, pools: Pools) -> bool:
    if isinstance(item, Concept):
        # "'collective defence' means: allies defend one another" is true by its words. A
        # found term has no kind: its false twin would be another kind's meaning, absurd.
        return (
            bool(item.definition)
            and len(pools.concepts) >= 2
            and not echoes(item.term, item.definition)
            and (not item.generated or item.kind is not None)
        )
    if isinstance(item, Claim):
        # A view whose wording names its side ("allied forces", `rivals: []`) is true at a
        # glance: it is asked among the side's other views instead. A view found in an
        # article is asked only as "who holds it": that it is not another side's, the
        # article seldom says.
        return len(pools.actors) >= 2 and item.rivals != () and not item.generated
    assert isinstance(item, Event)
    known_elsewhere = item.sequence is not None and len(pools.places - {item.sequence}) >= 1
    return item.date is not None or known_elsewhere


def make(item: Item, pools: Pools, taken: Taken) -> Question | None:
    # The verdict asked less so far in this quiz, else a coin: some false statements do
    # not fit a quiz (their view was just offered as wrong), and True should not gain.
    shown_true, shown_false = pools.verdicts[True], pools.verdicts[False]
    truth = shown_true < shown_false if shown_true != shown_false else pools.rng.random() < 0.5
    made = _statement(item, pools, truth)
    if made is None and shown_true == shown_false:
        # Only where the verdict was a coin: the other one keeps the balance, and an
        # item whose false twin cannot be made (a review of that one view) is still asked.
        made = _statement(item, pools, not truth)
    if made is None:
        return None  # no fallback where the balance chose: it would tilt it to True
    statement, explanation, truth = made[:3]
    verdict = TRUE if truth else FALSE
    question = about_one_item(
        pools,
        kind=TYPE,
        item=item,
        prompt=f"True or false? {statement}",
        options=(TRUE, FALSE),
        answer=verdict,
        explanation=f"{verdict}. {explanation} {the_lesson_says(pools, item)}",
        note=explanation,
    )
    # "X came before Y" tests Y as much as X: both count as tested, so that one quiz does
    # not set the same event against four others.
    return replace(question, item_ids=(item.id, *made[3:]))


Statement = tuple[str, str, bool] | tuple[str, str, bool, str]  # text, why, truth, partner


def _statement(item: Item, pools: Pools, truth: bool) -> Statement | None:
    if isinstance(item, Concept):
        return _concept(item, pools, truth)
    if isinstance(item, Claim):
        return _claim(item, pools, truth)
    return _event(item, pools, truth)


def _concept(concept: Concept, pools: Pools, truth: bool) -> tuple[str, str, bool] | None:
    fact = f"{quoted(concept.term)} means: {concept.definition}"
    if truth:
        return fact, fact, True
    # A neighbour's definition (same lesson first) makes the learner think; a random one
    # is absurd. One the quiz has not shown yet, or the learner knows whose it is.
    others = pools.nearby_concepts(concept, 1)
    if not others:
        return None
    other = others[0]
    wrong = f"{quoted(concept.term)} means: {other.definition}"
    return wrong, f"{fact} That definition is of {quoted(other.term)}.", False


def _claim(claim: Claim, pools: Pools, truth: bool) -> tuple[str, str, bool] | None:
    view = quoted(claim.statement)
    who = f"both {claim.actor}" if claim.shared_by else claim.actor
    fact = f"This is the view of {who}."
    if truth:
        return f"This view is held by {who}: {view}", fact, True
    if claim.contrary is not None:  # the other side's position, in this side's voice
        plural = claim.shared_by or claim.actor.endswith("s")  # "Eastern European states"
        why = f"{who[0].upper()}{who[1:]} {'hold' if plural else 'holds'} the opposite view: {view}"
        return f"This view is held by {who}: {quoted(claim.contrary)}", why, False
    others = _false_holders(claim, pools)
    if not others:
        return None
    pools.rng.shuffle(others)
    not_theirs = f"{fact} It is not {possessive(others[0])}."
    return f"This view is held by {others[0]}: {view}", not_theirs, False


def _false_holders(claim: Claim, pools: Pools) -> list[str]:
    """Who a view may be falsely pinned on: never an actor it names or one sharing members
    with its holder, and a voice of the same lesson where there is one (pinning Russia's
    view of its "near abroad" on a side that speaks elsewhere tests less)."""
    fair = pools.other_actors(claim, len(pools.actors))
    voices = {c.actor for c in pools.claims if c.lesson_id == claim.lesson_id}
    return [a for a in fair if a in voices] or fair


def _event(event: Event, pools: Pools, truth: bool) -> Statement | None:
    if event.date is not None:
        fact = _dated(event, event.date)
        if truth:
            return fact, fact, True
        dates = pools.plausible_dates(event, 1)
        if not dates:
            return None
        return _dated(event, dates[0]), fact, False
    others = pools.events_in_order_around(event)
    if not others:
        return None
    # A neighbour in the order: "the sanctions came before the Cold War ended" tests nothing.
    here = event.sequence or 0
    places = sorted({e.sequence or 0 for e in others}, key=lambda place: abs(place - here))
    near = [e for e in others if (e.sequence or 0) in places[:2]]
    other = pools.rng.choice(near)
    assert event.sequence is not None and other.sequence is not None
    first, second = (event, other) if event.sequence < other.sequence else (other, event)
    fact = (
        f"{quoted(first.title)} ({first.time}) came before {quoted(second.title)} ({second.time})."
    )
    if truth:
        return f"{quoted(first.title)} came before {quoted(second.title)}.", fact, True, other.id
    return f"{quoted(second.title)} came before {quoted(first.title)}.", fact, False, other.id


def _dated(event: Event, date: PartialDate) -> str:
    """ "The Soviet Union lifted the blockade on 12 May 1949." A found event's title is a
    clause in the past, said as it is; a written one is a headline, quoted."""
    if event.generated:
        return f"{event.title} {date.when}."
    return f"{quoted(event.title)} happened {date.when}."
