"""The loader: a good course loads; each kind of bad input is reported at its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studyapp.content import (
    Claim,
    Concept,
    CourseError,
    PartialDate,
    load_catalogue,
    load_course,
)
from tests.conftest import TOY_COURSE, WriteCourse


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CourseError) as caught:
        load_course(folder)
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing `needle`."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def test_toy_course_loads(write_course: WriteCourse) -> None:
    course = load_course(write_course())
    assert course.summary() == "toy: 2 lessons, 1 concepts, 1 events, 1 claims"
    assert course.item("event:great-nap").date == PartialDate(1999)
    assert course.item("concept:nap").names == ("nap", "naps")


def test_misspelled_lesson_reference(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace("lesson: second", "lesson: secnd")
    folder = write_course(**{"course.yaml": text})
    line = line_of(text, "lesson: secnd")
    assert problems_of(folder) == [
        f"{folder / 'course.yaml'}:{line}: unknown lesson 'secnd'; did you mean 'second'?"
    ]


def test_quote_not_in_its_lesson(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace('quote: "Dogs say walks', 'quote: "Dogs said walks')
    folder = write_course(**{"course.yaml": text})
    [problem] = problems_of(folder)
    assert problem.startswith(f"{folder / 'course.yaml'}:{line_of(text, 'Dogs said')}: ")
    assert "quote is not verbatim in lesson 'second'" in problem


def test_quote_from_another_lesson_says_where_it_stands(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace("lesson: second", "lesson: first")
    [problem] = problems_of(write_course(**{"course.yaml": text}))
    assert "(it stands in lesson 'second')" in problem


def test_duplicate_id(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace("id: claim:walks", "id: concept:nap")
    folder = write_course(**{"course.yaml": text})
    messages = problems_of(folder)
    line = line_of(text, "id: concept:nap", 2)
    expected = f"{folder / 'course.yaml'}:{line}: duplicate id 'concept:nap' (first at course.yaml:"
    assert any(m.startswith(expected) for m in messages), messages


def test_broken_yaml_syntax(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace("title: The First Lesson", "title: [The First Lesson")
    folder = write_course(**{"course.yaml": text})
    [problem] = problems_of(folder)
    assert re.match(rf"^{re.escape(str(folder / 'course.yaml'))}:\d+: YAML syntax error", problem)


def test_every_problem_is_reported_at_once(write_course: WriteCourse) -> None:
    text = (
        TOY_COURSE.replace("lesson: second", "lesson: secnd")
        .replace('date: "1999"', 'date: "1999-13"')
        .replace("actor: Dogs", "actor: Wolves")
        .replace("term: nap", "trem: nap")
    )
    folder = write_course(**{"course.yaml": text})
    messages = problems_of(folder)
    expected = [
        (line_of(text, "trem: nap"), "unknown field 'trem' in concept; did you mean 'term'?"),
        (line_of(text, "id: concept:nap"), "concept concept:nap is missing required field 'term'"),
        (line_of(text, "1999-13"), "date '1999-13' does not exist"),
        (line_of(text, "actor: Wolves"), "unknown actor 'Wolves' (actors: Cats, Dogs)"),
        (line_of(text, "lesson: secnd"), "unknown lesson 'secnd'"),
    ]
    for line, message in expected:
        assert any(m.startswith(f"{folder / 'course.yaml'}:") and message in m for m in messages), (
            message,
            messages,
        )
        assert any(f":{line}: " in m and message in m for m in messages)


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ('"14 Feb 2022"', "must be YYYY, YYYY-MM or YYYY-MM-DD"),
        ('"2022-02-30"', "does not exist"),
        ("yesterday", "must be YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_bad_dates(write_course: WriteCourse, date: str, message: str) -> None:
    text = TOY_COURSE.replace('date: "1999"', f"date: {date}")
    [problem] = problems_of(write_course(**{"course.yaml": text}))
    assert f":{line_of(text, 'date: ')}: " in problem and message in problem


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("1999", PartialDate(1999)),
        ("1999-05", PartialDate(1999, 5)),
        ("1999-05-04", PartialDate(1999, 5, 4)),
    ],
)
def test_dates_keep_their_precision_quoted_or_not(
    write_course: WriteCourse, date: str, expected: PartialDate
) -> None:
    text = TOY_COURSE.replace('date: "1999"', f"date: {date}")
    course = load_course(write_course(**{"course.yaml": text}))
    assert course.item("event:great-nap").date == expected


def test_event_needs_a_date_or_a_when(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace('    date: "1999"\n', "")
    [problem] = problems_of(write_course(**{"course.yaml": text}))
    assert "event event:great-nap needs a 'date' or a 'when'" in problem


def test_later_date_needs_later_sequence(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace(
        "claims:",
        """  - id: event:second-nap
    lesson: first
    title: Another nap
    date: "1998"
    sequence: 2
    quote: "In 1999 the great nap began."
claims:""",
    ).replace('date: "1999"', 'date: "1999"\n    sequence: 1')
    [problem] = problems_of(write_course(**{"course.yaml": text}))
    assert "event:great-nap (1999) comes after event:second-nap (1998)" in problem
    assert f":{line_of(text, 'sequence: 1')}: " in problem


def test_duplicate_yaml_key_is_reported(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace("    term: nap\n", "    term: nap\n    term: snooze\n")
    messages = problems_of(write_course(**{"course.yaml": text}))
    assert any(f":{line_of(text, 'term: snooze')}: duplicate key 'term'" in m for m in messages)


def test_two_concepts_may_not_share_a_term(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace(
        "events:",
        """  - id: concept:snooze
    lesson: first
    term: Snooze
    aliases: [Nap]
    definition: A light sleep.
    quote: "Cats prefer naps."
events:""",
    )
    messages = problems_of(write_course(**{"course.yaml": text}))
    assert any("'Nap' of concept:snooze is already a term of concept:nap" in m for m in messages)


def test_problems_in_included_files_name_that_file(write_course: WriteCourse) -> None:
    head, _, items = TOY_COURSE.partition("concepts:")
    items = "concepts:" + items.replace("lesson: second", "lesson: nowhere")
    folder = write_course(**{"course.yaml": head + "include: [items.yaml]\n", "items.yaml": items})
    [problem] = problems_of(folder)
    assert problem.startswith(f"{folder / 'items.yaml'}:{line_of(items, 'lesson: nowhere')}: ")


def test_include_cannot_leave_the_course_folder(write_course: WriteCourse) -> None:
    folder = write_course(**{"course.yaml": TOY_COURSE + "include: [../other.yaml]\n"})
    [problem] = problems_of(folder)
    assert "lies outside the course folder" in problem


def test_missing_course_file(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    [problem] = problems_of(tmp_path / "empty")
    assert problem.endswith("no course.yaml in course folder 'empty'")


def test_yaml_that_is_not_a_mapping(write_course: WriteCourse) -> None:
    [problem] = problems_of(write_course(**{"course.yaml": "- just\n- a list\n"}))
    assert problem.endswith(":1: expected a mapping of keys (like 'lessons:') at the top")


def test_yaml_tags_that_build_objects_are_refused(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace("title: A Toy Course", "title: !!python/object:os.system ls")
    [problem] = problems_of(write_course(**{"course.yaml": text}))
    assert "YAML syntax error" in problem


def test_a_broken_course_does_not_hide_the_others(write_course: WriteCourse) -> None:
    root = write_course("toy").parent
    write_course("broken", **{"course.yaml": "id: broken\ntitle: [oops\n"})
    catalogue = load_catalogue(root)
    assert [c.id for c in catalogue.courses] == ["toy"]
    assert list(catalogue.broken) == ["broken"]
    assert catalogue.course("toy").title == "A Toy Course"
    with pytest.raises(KeyError, match="unknown course 'nope' \\(courses: toy\\)"):
        catalogue.course("nope")


def test_unknown_lesson_lookup_lists_the_lessons(write_course: WriteCourse) -> None:
    course = load_course(write_course())
    with pytest.raises(KeyError, match="lessons: first, second"):
        course.lesson("third")


def test_without_sequences_dated_events_are_ordered_by_date(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace(
        "claims:",
        """  - id: event:earlier
    lesson: first
    title: An earlier nap
    date: "1998-05"
    quote: "In 1999 the great nap began."
  - id: event:sometime
    lesson: first
    title: A nap at some time
    when: the text does not say
    quote: "Cats prefer naps."
claims:""",
    )
    course = load_course(write_course(**{"course.yaml": text}))
    places = {e.id: e.sequence for e in course.events}
    assert places == {"event:great-nap": 2, "event:earlier": 1, "event:sometime": None}


def test_a_course_gives_every_event_a_sequence_or_none(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace(
        "claims:",
        """  - id: event:second
    lesson: first
    title: Another nap
    date: "2001"
    sequence: 2
    quote: "In 1999 the great nap began."
claims:""",
    )
    [problem] = problems_of(write_course(**{"course.yaml": text}))
    assert f":{line_of(text, 'id: event:great-nap')}: " in problem
    assert "give every event a 'sequence', or none of them" in problem


def test_actors_that_overlap_are_read_and_an_unknown_one_is_named(
    write_course: WriteCourse,
) -> None:
    text = TOY_COURSE.replace("  - name: Dogs\n", "  - name: Dogs\n    overlaps: [Cats]\n")
    course = load_course(write_course(**{"course.yaml": text}))
    assert course.overlap("Cats", "Dogs") and course.overlap("Dogs", "Cats")
    bad = TOY_COURSE.replace("  - name: Dogs\n", "  - name: Dogs\n    overlaps: [Birds]\n")
    folder = write_course("bad", **{"course.yaml": bad.replace("id: toy", "id: bad")})
    with pytest.raises(CourseError) as raised:
        load_course(folder)
    assert "'overlaps' names unknown actor 'Birds' (Cats)" in str(raised.value)


def test_a_claim_may_give_its_contrary_and_its_rivals(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace(
        "    statement: Walks matter most.\n",
        "    statement: Walks matter most.\n"
        "    contrary: Walks hardly matter.\n"
        "    rivals: [Cats]\n",
    ).replace("    term: nap\n", "    term: nap\n    kind: habit\n")
    course = load_course(write_course(**{"course.yaml": text}))
    claim = course.item("claim:walks")
    assert isinstance(claim, Claim)
    assert claim.contrary == "Walks hardly matter." and claim.rivals == ("Cats",)
    nap = course.item("concept:nap")
    assert isinstance(nap, Concept) and nap.kind == "habit"
    plain = load_course(
        write_course("plain", **{"course.yaml": TOY_COURSE.replace("toy", "plain")})
    )
    walks = plain.item("claim:walks")
    assert isinstance(walks, Claim) and walks.contrary is None and walks.rivals is None


@pytest.mark.parametrize(
    ("rivals", "message"),
    [("[Birds]", "rival 'Birds' is not an actor of the course"), ("[Dogs]", "is its own actor")],
)
def test_a_rival_must_be_another_actor_of_the_course(
    write_course: WriteCourse, rivals: str, message: str
) -> None:
    text = TOY_COURSE.replace(
        "    statement: Walks matter most.\n",
        f"    statement: Walks matter most.\n    rivals: {rivals}\n",
    )
    with pytest.raises(CourseError) as raised:
        load_course(write_course(**{"course.yaml": text}))
    assert message in str(raised.value)
    assert "course.yaml:34:" in str(raised.value)  # the line of `rivals`


def test_a_view_both_sides_hold_names_them_all(write_course: WriteCourse) -> None:
    shared = TOY_COURSE.replace("    actor: Dogs\n", "    actor: [Dogs, Cats]\n")
    course = load_course(write_course(**{"course.yaml": shared}))
    claim = course.item("claim:walks")
    assert isinstance(claim, Claim)
    assert claim.actor == "Dogs and Cats" and claim.holders == ("Dogs", "Cats")
    alone = TOY_COURSE.replace("    actor: Dogs\n", "    actor: [Dogs, Dogs]\n").replace(
        "toy", "one"
    )
    with pytest.raises(CourseError) as raised:
        load_course(write_course("one", **{"course.yaml": alone}))
    assert "a shared view needs two different actors" in str(raised.value)


def test_a_claims_about_must_name_a_concept_of_the_course(write_course: WriteCourse) -> None:
    good = TOY_COURSE.replace(
        "    statement: Walks matter most.\n",
        "    statement: Walks matter most.\n    about: [concept:nap]\n",
    )
    claim = load_course(write_course(**{"course.yaml": good})).item("claim:walks")
    assert isinstance(claim, Claim) and claim.about == ("concept:nap",)
    bad = good.replace("about: [concept:nap]", "about: [concept:walk]").replace("toy", "bad")
    with pytest.raises(CourseError) as raised:
        load_course(write_course("bad", **{"course.yaml": bad}))
    assert "course.yaml:34: 'about' names unknown concept 'concept:walk'" in str(raised.value)
