"""Hypothesis strategies for small generated courses, so no quiz rule depends on one article."""

from __future__ import annotations

from hypothesis import strategies as st

from studyapp.content import Actor, Claim, Concept, Course, Event, Lesson, PartialDate

WORDS = [
    "zorblat", "quenthic", "marlow", "vextra", "plindor", "ostrel", "crandle", "thimbet",
    "wuzzle", "gravik", "selmore", "drupent", "falquin", "hestron", "jobbick", "kelvane",
    "lumtree", "norquist", "pellary", "rastogue", "sindle", "tovarin", "ulmbrek", "yostle",
]  # fmt: skip
ACTORS = ["Northland", "Southmark", "Eastvale", "Westreach", "the Guild"]


@st.composite
def courses(draw: st.DrawFn) -> Course:
    """A course of 1-4 lessons with concepts, dated and undated events, and claims."""
    lesson_count = draw(st.integers(1, 4))
    terms = draw(st.lists(st.sampled_from(WORDS), min_size=4, max_size=12, unique=True))
    actor_count = draw(st.integers(2, 5))
    actors = ACTORS[:actor_count]
    event_count = draw(st.integers(0, 7))
    claim_count = draw(st.integers(0, 6))
    sentences: list[list[str]] = [[] for _ in range(lesson_count)]
    concepts, events, claims = [], [], []
    for n, term in enumerate(terms):
        lesson = draw(st.integers(0, lesson_count - 1))
        quote = f"Everyone talks about {term} in this part."
        sentences[lesson].append(quote)
        definition = f"Meaning number {n}: the {WORDS[(n + 7) % len(WORDS)]} way of acting."
        kind = draw(st.sampled_from([None, None, "treaty", "place"]))
        concepts.append(
            Concept(f"concept:{term}", f"l{lesson}", term, definition, quote, kind=kind)
        )
    year = draw(st.integers(1800, 2020))
    for n in range(event_count):
        lesson = draw(st.integers(0, lesson_count - 1))
        precision = draw(st.sampled_from(["year", "month", "day", "none"]))
        year += draw(st.integers(1, 3))
        date = {
            "year": PartialDate(year),
            "month": PartialDate(year, draw(st.integers(1, 12))),
            "day": PartialDate(year, draw(st.integers(1, 12)), draw(st.integers(1, 28))),
            "none": None,
        }[precision]
        title = f"The {WORDS[n % len(WORDS)]} accord is signed"
        quote = (
            f"In {date} the {WORDS[n % len(WORDS)]} accord was signed."
            if date
            else (f"Later the {WORDS[n % len(WORDS)]} accord was signed.")
        )
        sentences[lesson].append(quote)
        when = None if date else "some time after the previous accord"
        known = date is not None or draw(st.booleans())  # an imported text may not say when
        sequence = n + 1 if known else None
        events.append(Event(f"event:e{n}", f"l{lesson}", title, quote, sequence, date, when))
    for n in range(claim_count):
        lesson = draw(st.integers(0, lesson_count - 1))
        actor = draw(st.sampled_from(actors))
        statement = f"Rule {n} about {WORDS[(n + 3) % len(WORDS)]} should hold."
        quote = f"{actor} argues that rule {n} about {WORDS[(n + 3) % len(WORDS)]} should hold."
        sentences[lesson].append(quote)
        contrary = draw(st.sampled_from([None, f"Rule {n} should be dropped at once."]))
        rivals = draw(st.sampled_from([None, (), tuple(a for a in actors[:2] if a != actor)]))
        claims.append(
            Claim(f"claim:c{n}", f"l{lesson}", actor, statement, quote, False, contrary, rivals)
        )
    lessons = tuple(
        Lesson(f"l{i}", f"Lesson {i}", (" ".join(s) if s else "Nothing happens here.",), i + 1)
        for i, s in enumerate(sentences)
    )
    return Course(
        id="toy",
        title="Toy",
        lessons=lessons,
        concepts=tuple(concepts),
        events=tuple(events),
        claims=tuple(claims),
        actors=tuple(Actor(a) for a in actors),
    )
