"""The rules every question obeys, checked on any course (used by the property tests)."""

from __future__ import annotations

import random

from studyapp.content import Claim, Concept, Course, Event, PartialDate
from studyapp.quiz import FALSE, TRUE, Question, grade
from studyapp.quiz.generators.base import echoes
from studyapp.quiz.generators.cloze import BLANK, hint
from studyapp.quiz.pools import Pools
from studyapp.quiz.text import STOP_WORDS, find_word, normalize

MULTIPLE_CHOICE = {
    "concept_definition",
    "term_from_definition",
    "event_date",
    "perspective_attribution",
}


def parse_date(text: str) -> PartialDate:
    import calendar

    parts = text.split()
    months = list(calendar.month_name)
    if len(parts) == 1:
        return PartialDate(int(parts[0]))
    if len(parts) == 2:
        return PartialDate(int(parts[1]), months.index(parts[0]))
    return PartialDate(int(parts[2]), months.index(parts[1]), int(parts[0]))


def check_question(course: Course, q: Question) -> None:
    items = [course.item(i) for i in q.item_ids]
    lesson = course.lesson(q.lesson_id)
    assert q.topic in {i.topic for i in items}
    assert any(i.lesson_id == q.lesson_id for i in items)
    assert q.source in lesson.text, "the source stands verbatim in its lesson"
    assert q.explanation.strip() and q.prompt.strip()
    assert grade(q, _right_response(q)).correct

    if q.type in MULTIPLE_CHOICE:
        fewest = 2 if q.type == "perspective_attribution" else 3  # two sides may be asked
        assert q.options is not None and fewest <= len(q.options) <= 5
        assert len({normalize(o) for o in q.options}) == len(q.options)
        assert [normalize(o) for o in q.options].count(normalize(str(q.answer))) == 1
        assert not find_word(q.prompt, str(q.answer)), "the stem gives the answer away"
        for option in q.options:
            if option != q.answer:
                assert not grade(q, option).correct
        _check_distractor_kind(course, q)
    elif q.type == "true_false":
        assert q.options == (TRUE, FALSE) and q.answer in (TRUE, FALSE)
        claim = items[0]
        if isinstance(claim, Claim) and q.answer == FALSE:
            holder = q.prompt.removeprefix("True or false? This view is held by ").split(":")[0]
            holder = holder.removeprefix("both ")  # a view several sides share
            assert not course.overlap(holder, claim.actor), f"{holder} may hold it too"
            if claim.contrary is not None:  # the view the holder rejects, pinned on them
                assert holder == claim.actor and claim.contrary in q.prompt
            elif claim.rivals is not None:
                assert holder in claim.rivals
        assert " not " not in f" {q.prompt} ".replace("“", " ").replace("”", " ").split("?", 1)[0]
    elif q.type == "cloze":
        assert q.options is None
        assert q.prompt.count(BLANK) == 1
        assert (
            q.prompt.replace(BLANK, str(q.answer))
            == f"Fill in the blank ({hint(str(q.answer))}): {q.source}"
        )
        assert len(q.source.split()) - len(str(q.answer).split()) >= 8, "too little context"
        assert normalize(str(q.answer)) not in STOP_WORDS
        assert not find_word(q.prompt, str(q.answer)), "the answer leaks elsewhere in the stem"
        assert not echoes(str(q.answer), q.source.replace(str(q.answer), " ")), "a word echoes"
    elif q.type == "event_order":
        assert q.options is not None and 3 <= len(q.options) <= 5
        assert sorted(q.options) == sorted(q.answer)
        events = [course.item(i) for i in q.item_ids]
        assert all(isinstance(e, Event) for e in events)
        places = [e.sequence for e in events if isinstance(e, Event)]
        assert places == sorted(places) and len(set(places)) == len(places)
        assert tuple(e.title for e in events if isinstance(e, Event)) == q.answer
    elif q.type == "matching":
        assert len(q.terms) == 4 and q.options is not None
        assert sorted(q.options) == sorted(q.answer)
        for term, definition in q.pairs:
            concept = next(c for c in course.concepts if c.term == term)
            assert concept.definition == definition


def _check_distractor_kind(course: Course, q: Question) -> None:
    assert q.options is not None
    if q.type in ("concept_definition", "term_from_definition"):
        pools = Pools.of(course, random.Random(0), frozenset())
        asked = course.item(q.item_id)
        assert isinstance(asked, Concept)
        for concept in course.concepts:
            offered = concept.definition if q.type == "concept_definition" else concept.term
            if concept.id != asked.id and offered in q.options:
                assert not pools.related(concept, asked), f"{concept.term} is arguably right"
                assert concept.kind == asked.kind, f"{concept.term} is of another kind"
    if q.type == "concept_definition":
        assert set(q.options) <= {c.definition for c in course.concepts}
    elif q.type == "term_from_definition":
        assert set(q.options) <= {c.term for c in course.concepts}
    elif q.id.endswith(":view"):  # which view does the actor hold: the others are not theirs
        claim = course.item(q.item_id)
        assert isinstance(claim, Claim)
        sides = {claim.actor, *claim.holders}
        not_held = {c.contrary for c in course.claims if c.actor in sides}
        assert set(q.options) - {q.answer} <= not_held
    elif q.type == "perspective_attribution":
        assert set(q.options) <= {a.name for a in course.actors}
        claim = course.item(q.item_id)
        assert isinstance(claim, Claim)
        assert claim.rivals is None or set(q.options) - {q.answer} <= set(claim.rivals)
        for option in q.options:
            assert not course.overlap(option, str(q.answer)), f"{option} may hold it too"
    elif q.id.endswith(":when"):
        answer = parse_date(str(q.answer))
        dates = [parse_date(o) for o in q.options]
        assert {d.precision for d in dates} == {answer.precision}
        assert dates == sorted(dates, key=lambda d: (d.year, d.month or 0, d.day or 0))
        event = course.item(q.item_id)
        assert isinstance(event, Event)
        same_time = {e.date for e in course.events if e.sequence == event.sequence}
        assert all(d not in same_time for d in dates if d != answer), "a distractor is also true"
    else:  # which event happened at a date
        event = course.item(q.item_id)
        assert isinstance(event, Event)
        by_title = {e.title: e for e in course.events}
        pools = Pools.of(course, random.Random(0), frozenset())
        first, last = pools.span(event)
        for option in q.options:
            other = by_title[option]
            if other.id != event.id:
                # Proved to be at another time: its span, from its date or its place in
                # the order, cannot overlap the answer's.
                start, end = pools.span(other)
                assert (end is not None and first is not None and end < first) or (
                    start is not None and last is not None and start > last
                ), f"{other.title} may also have happened in {event.date}"


def _right_response(q: Question) -> str | list[str] | list[tuple[str, str]]:
    if q.type == "event_order":
        return list(q.answer)
    if q.type == "matching":
        return list(q.pairs)
    return str(q.answer)


def usage_keys(q: Question) -> list[str]:
    if q.type == "event_date":
        return [q.id]
    return [f"{q.type}:{i}" for i in q.item_ids]


def check_fresh(course: Course, questions: list[Question]) -> None:
    """Nothing in a quiz answers anything else: no cloze shares its sentence with another
    question, and no earlier prompt or explanation states a later question's fact."""
    for number, q in enumerate(questions):
        earlier = questions[:number]
        for before in earlier:
            if "cloze" in (q.type, before.type):
                assert normalize(q.source) != normalize(before.source), (before.id, q.id)
                assert normalize(q.source) not in normalize(before.explanation), (before.id, q.id)
        if not isinstance(q.answer, str) or len(q.item_ids) != 1 or q.type == "true_false":
            continue
        item = course.item(q.item_id)
        facts = {
            "concept_definition": [getattr(item, "term", "")],
            "term_from_definition": [getattr(item, "definition", "")],
            "perspective_attribution": [getattr(item, "statement", "")],
        }
        if isinstance(item, Event) and item.date is not None:
            facts["event_date"] = [item.title if q.answer == str(item.date) else str(item.date)]
        for cue in facts.get(q.type, []):
            for before in earlier:
                shown = f"{before.prompt} {before.explanation}"
                answer = str(q.answer).rstrip(".")  # stems quote definitions without it
                given_away = find_word(shown, answer) and find_word(shown, cue.rstrip("."))
                assert not given_away, f"{before.id} gives away {q.id}"
