"""The bundled NATO-Russia course: the article's text, unchanged, with curated items."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.content import Course, PartialDate, load_course
from tests.conftest import ARTICLE, CONTENT


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(CONTENT / "nato-russia")


def test_eight_lessons_in_the_articles_order(course: Course) -> None:
    lines = [line for line in ARTICLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    headings = lines[2::2]
    assert course.title == lines[0]
    assert [lesson.title for lesson in course.lessons] == ["Introduction", *headings]
    assert [lesson.number for lesson in course.lessons] == list(range(1, 9))


def test_lesson_text_is_the_article_unchanged(course: Course) -> None:
    lines = [line for line in ARTICLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    bodies = [lines[1], *lines[3::2]]
    for lesson, body in zip(course.lessons, bodies, strict=True):
        assert " ".join(lesson.paragraphs) == body
        assert all(p.rstrip().endswith((".", "?", "!")) for p in lesson.paragraphs)


def test_long_sections_are_split_into_readable_paragraphs(course: Course) -> None:
    for lesson in course.lessons:
        assert all(len(p) <= 1000 for p in lesson.paragraphs), lesson.id


def test_curated_items_meet_the_floor(course: Course) -> None:
    assert len(course.concepts) >= 20
    assert len(course.events) >= 8
    assert len(course.claims) >= 16
    holders = {holder for c in course.claims for holder in c.holders}
    assert holders == {"NATO", "Russia", "Eastern European states"}
    assert any(len(c.holders) == 2 for c in course.claims)  # views both sides hold
    assert sum(c.contrary is not None for c in course.claims) >= 16  # most have a false twin


def test_every_lesson_has_items_and_every_quote_stands_in_its_lesson(course: Course) -> None:
    for lesson in course.lessons:
        assert course.items_in(lesson.id), lesson.id
    for item in course.items:
        assert item.quote in course.lesson(item.lesson_id).text


def test_dates_have_the_articles_precision(course: Course) -> None:
    crimea = course.item("event:crimea-annexation")
    invasion = course.item("event:full-scale-invasion")
    assert crimea.date == PartialDate(2014) and str(crimea.date) == "2014"
    assert invasion.date == PartialDate(2022, 2) and str(invasion.date) == "February 2022"


def test_events_follow_the_order_the_article_implies(course: Course) -> None:
    sequence = {e.id: e.sequence or 0 for e in course.events}
    assert sequence["event:end-of-cold-war"] < sequence["event:crimea-annexation"]
    assert sequence["event:crimea-annexation"] < sequence["event:full-scale-invasion"]
    for later in ("unprecedented-sanctions", "eastern-flank-deployments"):
        assert sequence["event:full-scale-invasion"] < sequence[f"event:{later}"]
    # Processes that run on, and steps the article gives no time, have no place: no
    # question may order them by guesswork.
    for unplaced in ("nato-eastward-expansion", "exercise-surge", "article-5-reaffirmed"):
        assert sequence[f"event:{unplaced}"] == 0
    undated = [e for e in course.events if e.date is None]
    assert undated and all(e.when for e in undated)


def test_claims_never_name_their_own_actor(course: Course) -> None:
    for claim in course.claims:
        for actor in (a for a in course.actors if a.name in claim.holders):
            for name in (actor.name, *actor.aliases):
                assert name.casefold() not in claim.statement.casefold(), claim.id


def test_the_course_folder_is_found_by_name(tmp_path: Path) -> None:
    assert load_course(CONTENT / "nato-russia").folder == CONTENT / "nato-russia"
