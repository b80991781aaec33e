"""Spaced repetition with FSRS-6 (the `fsrs` package, default parameters).

How an answer becomes an FSRS rating:

| the answer                                             | rating |
|--------------------------------------------------------|--------|
| wrong (score 0), or this item's pair/place was wrong   | Again  |
| partly right (0 < score < 1), slow, or a retry         | Hard   |
| right on the first try, in reasonable time             | Good   |

"Slow" means longer than SLOW_SECONDS for the question's type. Easy is never given
automatically: a quiz cannot tell effortless recall from a lucky guess.

Mastery is FSRS retrievability one week ahead: the chance of still recalling the item in
seven days. Retrievability *now* is 100% for any item just answered, right or wrong, so it
cannot tell a learner what they have learned; a week ahead it can (about 58% after a wrong
first answer, 81% after a right one, over 95% once an item has been recalled a few times).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fsrs import Card, Rating, Scheduler

SLOW_SECONDS = {
    "true_false": 15.0,
    "concept_definition": 25.0,
    "term_from_definition": 25.0,
    "event_date": 20.0,
    "perspective_attribution": 20.0,
    "cloze": 30.0,
    "event_order": 60.0,
    "matching": 75.0,
}
DEFAULT_RETENTION = 0.9
MASTERY_HORIZON = dt.timedelta(days=7)


def rating_for(
    *, item_right: bool, score: float, seconds: float, question_type: str, first_try: bool
) -> Rating:
    """The FSRS rating of one item in one answer (see the table above)."""
    if not item_right:
        return Rating.Again
    slow = seconds > SLOW_SECONDS.get(question_type, 30.0)
    if score < 1.0 or slow or not first_try:
        return Rating.Hard
    return Rating.Good


@dataclass(frozen=True)
class Review:
    """A card after one review: what the store keeps of it."""

    card_json: str
    due: dt.datetime  # UTC, naive
    last_review: dt.datetime  # UTC, naive
    lapsed: bool


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


class Scheduling:
    """One learner's FSRS scheduler: reviews cards and tells how well each is remembered."""

    def __init__(self, desired_retention: float = DEFAULT_RETENTION, *, fuzz: bool = True) -> None:
        self.scheduler = Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)

    def review(self, card_json: str | None, rating: Rating, when: dt.datetime) -> Review:
        card = Card.from_json(card_json) if card_json else Card()
        card, _ = self.scheduler.review_card(card, rating, review_datetime=_aware(when))
        assert card.last_review is not None
        return Review(
            card_json=card.to_json(),
            due=_naive(card.due),
            last_review=_naive(card.last_review),
            lapsed=rating == Rating.Again,
        )

    def retrievability(self, card_json: str, now: dt.datetime) -> float:
        """The probability (0..1) that the learner recalls the item now."""
        card = Card.from_json(card_json)
        return float(self.scheduler.get_card_retrievability(card, current_datetime=_aware(now)))

    def mastery(self, card_json: str, now: dt.datetime) -> float:
        """The chance (0..1) of still recalling the item a week from now."""
        return self.retrievability(card_json, now + MASTERY_HORIZON)
