"""What questions draw on, indexed once per quiz: items by kind, lesson and date precision."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import itertools
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from studyapp.content import Claim, Concept, Course, Event, Item, PartialDate
from studyapp.quiz.text import grounding_sentence, mentions, normalize


@dataclass
class Pools:
    course: Course
    rng: random.Random
    concepts: list[Concept] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    dates_by_precision: dict[str, list[PartialDate]] = field(default_factory=dict)
    scope: frozenset[str] = frozenset()  # the lessons the quiz is about
    # counted once, so that asking whether an item can be asked about costs nothing
    concepts_in_scope: int = 0
    places: frozenset[int] = frozenset()  # known places in the order, of any event
    places_in_scope: frozenset[int] = frozenset()
    _sources: dict[str, str] = field(default_factory=dict)
    _index: tuple[list[int], list[int], list[int]] | None = None
    _views: dict[str, list[Claim]] | None = None
    _fair: dict[str, list[str]] = field(default_factory=dict)  # claim id: fair other actors
    # Items the quiz has already tested or shown: the last to serve as distractors, since
    # a learner who has just seen their meaning answers by elimination.
    seen: set[str] = field(default_factory=set)
    shown_options: set[str] = field(default_factory=set)  # every option shown, normalised
    verdicts: Counter[bool] = field(default_factory=Counter)  # true/false statements asked

    @classmethod
    def of(cls, course: Course, rng: random.Random, lessons: frozenset[str]) -> Pools:
        dates: dict[str, list[PartialDate]] = defaultdict(list)
        for event in course.events:
            if event.date is not None and event.date not in dates[event.date.precision]:
                dates[event.date.precision].append(event.date)
        return cls(
            course=course,
            rng=rng,
            # a concept without a definition (found by the importer) is asked as a cloze
            # only: never defined, never offered as another term's meaning
            concepts=[c for c in course.concepts if c.definition],
            events=list(course.events),
            claims=list(course.claims),
            actors=[actor.name for actor in course.actors],
            dates_by_precision=dict(dates),
            scope=lessons,
            concepts_in_scope=sum(
                c.lesson_id in lessons and bool(c.definition) for c in course.concepts
            ),
            places=frozenset(e.sequence for e in course.events if e.sequence is not None),
            places_in_scope=frozenset(
                e.sequence
                for e in course.events
                if e.sequence is not None and e.lesson_id in lessons
            ),
        )

    def in_scope(self, item: Item) -> bool:
        return item.lesson_id in self.scope

    def source(self, item: Item) -> str:
        """The full sentence of the lesson that grounds an item."""
        if item.id not in self._sources:
            paragraphs = self.course.lesson(item.lesson_id).paragraphs
            self._sources[item.id] = grounding_sentence(paragraphs, item.quote)
        return self._sources[item.id]

    def sample(self, candidates: list[str], n: int, *, avoid: str) -> list[str]:
        """Up to n distinct candidates in random order, none equal to `avoid`."""
        shuffled = list(candidates)
        self.rng.shuffle(shuffled)
        return self._first_distinct(shuffled, n, [avoid])

    def nearby_concepts(self, concept: Concept, n: int) -> list[Concept]:
        """Up to n other concepts, those of the same lesson first."""
        return self._nearby_first(concept, n)[:n]

    def _nearby_first(self, concept: Concept, n: int) -> list[Concept]:
        """Other concepts, those of the same lesson first: the most plausible distractors.

        Others are sampled, not shuffled whole: a course may hold thousands of concepts."""
        same = [
            c
            for c in self.concepts
            if c.lesson_id == concept.lesson_id
            and c.id != concept.id
            and c.kind == concept.kind
            and is_plural(c.term) == is_plural(concept.term)
            and not self.related(c, concept)
        ]
        self.rng.shuffle(same)
        same.sort(key=lambda c: c.id in self.seen)
        if sum(c.id not in self.seen for c in same) >= n:
            return same
        wanted = min(len(self.concepts), n + len(same) + 4)
        rest = [
            c
            for c in self.rng.sample(self.concepts, wanted)
            if c.lesson_id != concept.lesson_id
            and c.kind == concept.kind
            and is_plural(c.term) == is_plural(concept.term)
            and not self.related(c, concept)
        ]
        # Unexplained ones first, those of the same lesson first among equals.
        both = same + rest
        return sorted(both, key=lambda c: c.id in self.seen)

    def related(self, first: Concept, second: Concept) -> bool:
        """Concepts the text ties together ("collective defense under Article 5"): one's
        sentence names the other. Each would be arguably right as the other's distractor."""
        return any(mentions(self.source(first), name) for name in second.names) or any(
            mentions(self.source(second), name) for name in first.names
        )

    def other_definitions(self, concept: Concept, n: int) -> list[str]:
        return self._first_distinct(
            [c.definition for c in self._nearby_first(concept, n)], n, [concept.definition]
        )

    def other_terms(self, concept: Concept, n: int) -> list[str]:
        return self._first_distinct(
            [c.term for c in self._nearby_first(concept, n)], n, concept.names
        )

    @staticmethod
    def _first_distinct(
        candidates: list[str], n: int, avoid: tuple[str, ...] | list[str]
    ) -> list[str]:
        seen = {normalize(a) for a in avoid}
        picked = []
        for candidate in candidates:
            key = normalize(candidate)
            if key not in seen:
                seen.add(key)
                picked.append(candidate)
            if len(picked) == n:
                break
        return picked

    def other_actors(self, claim: Claim, n: int) -> list[str]:
        """Actors who surely do not hold the claim's view: never one that shares members
        with its holder, nor one the statement talks about ("NATO's exercises are
        provocations" is plainly not NATO's view)."""
        return self.sample(self._fair_actors(claim), n, avoid=claim.actor)

    def has_other_actor(self, claim: Claim) -> bool:
        return bool(self._fair_actors(claim))

    def _fair_actors(self, claim: Claim) -> list[str]:
        # The Eastern European states are NATO members: neither NATO's view nor a view
        # about NATO is theirs, so an actor overlapping a holder or a named actor is unfair.
        # Asked for each view many times while a quiz is built: found once per view.
        if claim.id not in self._fair:
            self._fair[claim.id] = self._find_fair_actors(claim)
        return self._fair[claim.id]

    def _find_fair_actors(self, claim: Claim) -> list[str]:
        named = self.actors_named(claim.statement)
        candidates = self.actors if claim.rivals is None else claim.rivals
        unfair = [*claim.holders, *named]
        return [
            a for a in candidates if not any(a == n or self.course.overlap(a, n) for n in unfair)
        ]

    def views_of(self, actor: str) -> list[Claim]:
        """The claims an actor holds (indexed once: a course may hold thousands)."""
        if self._views is None:
            self._views = defaultdict(list)
            for claim in self.claims:
                self._views[claim.actor].append(claim)
        return self._views.get(actor, [])

    def actors_named(self, text: str) -> list[str]:
        """The actors a text mentions by name or alias."""
        return [
            actor.name
            for actor in self.course.actors
            if any(mentions(text, name) for name in (actor.name, *actor.aliases))
        ]

    def span(self, event: Event) -> tuple[int | None, int | None]:
        """The first and last day (ordinals) the event can have happened on, as far as the
        course says: its own date, else the dates of the events ordered around it."""
        if event.date is not None:
            return days(event.date)
        if event.sequence is None:
            return None, None
        places, earliest, latest = self._order_index()
        before = bisect.bisect_right(places, event.sequence)  # dated events up to its place
        after = bisect.bisect_left(places, event.sequence)  # dated events from its place on
        first = earliest[before - 1] if before > 0 else None
        last = latest[after] if after < len(places) else None
        return first, last

    def _order_index(self) -> tuple[list[int], list[int], list[int]]:
        """Dated events by place: the places, the latest first day up to each one, and the
        earliest last day from each one on (computed once: courses may hold thousands)."""
        if self._index is None:
            dated = sorted(
                (e.sequence, days(e.date))
                for e in self.events
                if e.date is not None and e.sequence is not None
            )
            places = [place for place, _span in dated]
            earliest = list(itertools.accumulate((s[0] for _p, s in dated), max))
            latest = list(itertools.accumulate((s[1] for _p, s in reversed(dated)), min))[::-1]
            self._index = (places, earliest, latest)
        return self._index

    def events_at_other_times(self, event: Event) -> list[Event]:
        """Events the course proves did not happen when `event` did: their time, known as a
        date or from their place in the order, cannot overlap it. Nearest in time first."""
        first, last = self.span(event)
        if first is None and last is None:
            return []
        apart = []
        for other in self.events:
            if other.id == event.id:
                continue
            start, end = self.span(other)
            if end is not None and first is not None and end < first:
                apart.append((first - end, other))
            elif start is not None and last is not None and start > last:
                apart.append((start - last, other))
        return [other for _gap, other in sorted(apart, key=lambda pair: pair[0])]

    def events_in_order_around(self, event: Event) -> list[Event]:
        """Events the course orders strictly before or after `event`, nearest place first:
        the fair partners of a "came before" statement."""
        if event.sequence is None:
            return []
        placed = [
            e
            for e in self.events
            if e.sequence is not None and e.sequence != event.sequence and self.in_scope(e)
        ]
        return sorted(placed, key=lambda e: abs((e.sequence or 0) - (event.sequence or 0)))

    def plausible_dates(self, event: Event, n: int) -> list[PartialDate]:
        """Wrong dates at the answer's precision: the course's own first, then nearby ones.
        A course found in an article gets the article's own days and months only: an
        invented neighbour ("13 May" beside "12 May") makes the answer the date the others
        share. Years have one part to share: invented ones stay fair."""
        answer = event.date
        assert answer is not None
        true_then = {e.date for e in self.events if e.sequence == event.sequence and e.date}
        course_dates = [
            d for d in self.dates_by_precision.get(answer.precision, []) if d not in true_then
        ]
        if event.generated:  # the article's dates of the same era: no WHO in 1796
            course_dates = [d for d in course_dates if abs(d.year - answer.year) <= ERA_YEARS]
        picked = self.rng.sample(course_dates, min(n, len(course_dates)))
        if event.generated and answer.precision != "year":
            return picked
        nearby = [d for d in _nearby(answer) if d not in true_then and d not in picked]
        picked += self.rng.sample(nearby, min(n - len(picked), len(nearby)))
        return picked


ERA_YEARS = 30  # how far a found event's wrong dates may lie from its own


@functools.lru_cache(maxsize=65536)
def is_plural(term: str) -> bool:
    """Whether a term is a plural ("sanctions", "national interests"): its definition is
    plural too, so it is set only against plurals, or number alone would pair them."""
    last = term.split()[-1].casefold() if term.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def days(date: PartialDate) -> tuple[int, int]:
    """The first and last day of a year, a month or a day, as ordinals."""
    if date.month is None:
        return dt.date(date.year, 1, 1).toordinal(), dt.date(date.year, 12, 31).toordinal()
    if date.day is None:
        last = calendar.monthrange(date.year, date.month)[1]
        first_day = dt.date(date.year, date.month, 1)
        return first_day.toordinal(), dt.date(date.year, date.month, last).toordinal()
    day = dt.date(date.year, date.month, date.day).toordinal()
    return day, day


def _nearby(date: PartialDate) -> list[PartialDate]:
    """Dates a few steps from `date` at its own precision."""
    if date.precision == "year":
        return [PartialDate(date.year + step) for step in (-4, -3, -2, -1, 1, 2, 3, 4)]
    if date.precision == "month":
        assert date.month is not None
        shifted = []
        for step in (-5, -3, -2, -1, 1, 2, 3, 5, -12, 12):
            index = date.year * 12 + date.month - 1 + step
            shifted.append(PartialDate(index // 12, index % 12 + 1))
        return shifted
    assert date.month is not None and date.day is not None
    day = dt.date(date.year, date.month, date.day)
    steps = (-9, -5, -3, -2, -1, 1, 2, 3, 5, 9, -30, 30, -365, 365)
    days = [day + dt.timedelta(days=s) for s in steps]
    return [PartialDate(d.year, d.month, d.day) for d in days]
