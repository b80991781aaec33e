# ruff: noqa: E501  (course text: one paragraph per line, as the importer writes it)
"""Questions about a course found in an article (every item `generated`), held to a strict
teacher's rules: nothing the article does not say, nothing absurd, nothing given away."""

from __future__ import annotations

import random

import pytest

from studyapp.content import Claim, Concept, Course, Event, load_course
from studyapp.quiz import Question, build_quiz

FOUND = """\
id: found
title: Found in an Article
actors:
  - name: Soviet leaders
  - name: Berliners
  - name: historians
  - name: pilots
lessons:
  - id: cut-off
    title: Cut Off
    paragraphs:
      - "On June 24, 1948, the Soviet Union cut every road into Berlin. Soviet leaders argued that the new Mark threatened the economy of their zone. Many Berliners say that the Western powers will stay."
  - id: by-air
    title: By Air
    paragraphs:
      - "A blockade is the closing of a place's roads so that nothing can enter. An airlift is the carrying of supplies by aircraft to a place that cannot be reached by land. Pilots said that the weather was the hardest enemy. On April 16, 1949, crews flew almost 13,000 tons of cargo."
  - id: the-end
    title: The End
    paragraphs:
      - "In April 1949 twelve countries founded NATO in Washington. The Soviet Union lifted the blockade on May 12, 1949. Historians argue that the airlift turned former enemies into partners."
concepts:
  - {id: "concept:blockade", lesson: by-air, term: blockade, generated: true,
     definition: "The closing of a place's roads so that nothing can enter.",
     quote: "A blockade is the closing of a place's roads so that nothing can enter."}
  - {id: "concept:airlift", lesson: by-air, term: airlift, generated: true,
     definition: "The carrying of supplies by aircraft to a place that cannot be reached by land.",
     quote: "An airlift is the carrying of supplies by aircraft to a place that cannot be reached by land."}
events:
  - {id: "event:roads-cut", lesson: cut-off, title: The Soviet Union cut every road into Berlin,
     date: "1948-06-24", generated: true,
     quote: "On June 24, 1948, the Soviet Union cut every road into Berlin."}
  - {id: "event:easter-parade", lesson: by-air, title: "Crews flew almost 13,000 tons of cargo",
     date: "1949-04-16", generated: true,
     quote: "On April 16, 1949, crews flew almost 13,000 tons of cargo."}
  - {id: "event:nato", lesson: the-end, title: Twelve countries founded NATO in Washington,
     date: "1949-04", generated: true,
     quote: "In April 1949 twelve countries founded NATO in Washington."}
  - {id: "event:lifted", lesson: the-end, title: The Soviet Union lifted the blockade,
     date: "1949-05-12", generated: true,
     quote: "The Soviet Union lifted the blockade on May 12, 1949."}
claims:
  - {id: "claim:their-zone", lesson: cut-off, actor: Soviet leaders, generated: true,
     statement: "The new Mark threatened the economy of their zone.",
     quote: "Soviet leaders argued that the new Mark threatened the economy of their zone."}
  - {id: "claim:stay", lesson: cut-off, actor: Berliners, generated: true,
     statement: "The Western powers will stay.",
     quote: "Many Berliners say that the Western powers will stay."}
  - {id: "claim:weather", lesson: by-air, actor: pilots, generated: true,
     statement: "The weather was the hardest enemy.",
     quote: "Pilots said that the weather was the hardest enemy."}
  - {id: "claim:partners", lesson: the-end, actor: historians, generated: true,
     statement: "The airlift turned former enemies into partners.",
     quote: "Historians argue that the airlift turned former enemies into partners."}
"""


def found_course(tmp_path_factory: pytest.TempPathFactory, text: str = FOUND) -> Course:
    folder = tmp_path_factory.mktemp("courses") / "found"
    folder.mkdir()
    (folder / "course.yaml").write_text(text, encoding="utf-8")
    return load_course(folder)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    return found_course(tmp_path_factory)


@pytest.fixture(scope="module")
def questions(course: Course) -> list[Question]:
    return [q for seed in range(60) for q in build_quiz(course, count=30, rng=random.Random(seed))]


def test_events_the_text_dates_at_overlapping_times_are_never_ordered(
    questions: list[Question],
) -> None:
    orders = [q for q in questions if q.type == "event_order"]
    assert orders
    for q in orders:  # "April 1949" may be before or after "16 April 1949"
        assert not {"event:nato", "event:easter-parade"} <= set(q.item_ids), q.answer


def test_a_found_event_is_said_as_a_sentence_and_false_ones_take_real_dates(
    course: Course, questions: list[Question]
) -> None:
    dated = [
        q for q in questions
        if q.type == "true_false" and isinstance(course.item(q.item_id), Event)
    ]  # fmt: skip
    assert {q.answer for q in dated} == {"True", "False"}
    for q in dated:
        assert "happened" not in q.prompt and "“" not in q.prompt, q.prompt
        assert q.prompt.endswith("1948.") or q.prompt.endswith("1949."), q.prompt


def test_found_views_and_terms_make_no_true_or_false_statement_the_text_cannot_settle(
    course: Course, questions: list[Question]
) -> None:
    for q in questions:
        if q.type == "true_false":
            item = course.item(q.item_id)
            assert not isinstance(item, Claim | Concept), q.prompt


def test_a_found_view_that_points_back_at_its_holder_is_not_asked_who_holds_it(
    questions: list[Question],
) -> None:
    asked = {q.item_id for q in questions if q.type == "perspective_attribution"}
    assert "claim:their-zone" not in asked
    assert "claim:stay" in asked


def test_a_holder_that_is_a_group_of_people_is_never_the_blank(
    questions: list[Question],
) -> None:
    for q in questions:
        if q.type == "cloze":
            assert q.item_id not in ("claim:partners", "claim:weather"), q.prompt


def test_a_view_that_points_back_at_its_holder_does_not_blank_the_holder(
    course: Course, questions: list[Question]
) -> None:
    blanked = {q.item_id for q in questions if q.type == "cloze"}
    assert "claim:their-zone" not in blanked
    assert "claim:stay" in blanked  # a named people, with nothing pointing back


def test_a_found_events_wrong_days_are_the_articles_own_never_invented(
    course: Course, questions: list[Question]
) -> None:
    told = {str(e.date) for e in course.events if e.date is not None}
    whens = [q for q in questions if q.type == "event_date" and q.prompt.startswith("When")]
    falses = [
        q for q in questions
        if q.type == "true_false" and q.answer == "False"
        and isinstance(course.item(q.item_id), Event)
    ]  # fmt: skip
    assert whens and falses
    for q in whens:
        assert q.options is not None and set(q.options) <= told, q.options
    for q in falses:
        assert any(q.prompt.endswith(f"{date}.") for date in told), q.prompt


def test_a_found_events_wrong_date_is_of_its_own_era(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    far = FOUND.replace(
        "title: The Soviet Union lifted the blockade,", "title: Smallpox was declared eradicated,"
    )
    far = far.replace('date: "1949-05-12"', 'date: "1980-05-12"')
    far = far.replace(
        "The Soviet Union lifted the blockade on May 12, 1949.",
        "Smallpox was declared eradicated on May 12, 1980.",
    )
    course = found_course(tmp_path_factory, far)
    asked = [
        q for seed in range(60) for q in build_quiz(course, count=30, rng=random.Random(seed))
        if q.item_id == "event:lifted" and q.type in ("true_false", "event_date")
    ]  # fmt: skip
    assert asked
    for q in asked:
        assert "194" not in "".join([q.prompt, *(q.options or ())]), q.prompt
