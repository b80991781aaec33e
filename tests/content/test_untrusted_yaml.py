"""Untrusted course YAML (issue #10): one `file:line: message` each, no hang, no traceback."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studyapp.content import CourseError, load_catalogue, load_course
from studyapp.content.yamlfile import MAX_ALIASED_VALUES
from tests.conftest import ROOT, TOY_COURSE, WriteCourse

LAUGHS = """\
id: toy
title: Laughs
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def check_in_a_child(content: Path, seconds: float = 20) -> subprocess.CompletedProcess[str]:
    """`main.py check` in its own process, so that a hang fails the test instead of the run."""
    try:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "check", "--content", str(content)],
            capture_output=True,
            text=True,
            timeout=seconds,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"check did not finish within {seconds} s")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CourseError) as caught:
        load_course(folder)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("use", ["include: *i", "description: *i", "lessons: *i"])
def test_a_billion_laughs_is_refused_at_once_with_one_message(
    write_course: WriteCourse, use: str
) -> None:
    folder = write_course(**{"course.yaml": LAUGHS + use + "\n"})
    started = time.perf_counter()
    done = check_in_a_child(folder.parent)
    assert time.perf_counter() - started < 10
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert re.fullmatch(r".*course\.yaml:\d+: aliases here expand to more than [\d,]+ values", line)


def test_the_refusal_points_at_the_line_of_the_alias(write_course: WriteCourse) -> None:
    folder = write_course(**{"course.yaml": LAUGHS})
    [problem] = problems_of(folder)
    assert problem.startswith(f"{folder / 'course.yaml'}:")
    assert int(problem.split(":")[1]) in range(5, 12)  # one of the lines that alias


def test_a_few_aliases_are_fine(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace("  - name: Cats\n", "  - &cats {name: Cats}\n")
    text = text.replace("title: A Toy Course", "title: &title A Toy Course\ndescription: *title")
    course = load_course(write_course(**{"course.yaml": text}))
    assert course.description == "A Toy Course"


def test_aliases_just_under_the_budget_load(write_course: WriteCourse) -> None:
    items = ", ".join(["x"] * (MAX_ALIASED_VALUES // 4 - 1))
    text = TOY_COURSE + f"description: &long [{items}]\n"
    problems = problems_of(write_course(**{"course.yaml": text + "language: [*long, *long]\n"}))
    assert all("expand to more than" not in p for p in problems)  # a list, not a bomb


def test_an_alias_inside_itself_is_refused(write_course: WriteCourse) -> None:
    [problem] = problems_of(write_course(**{"course.yaml": TOY_COURSE + "include: &r [*r]\n"}))
    assert problem.endswith(":35: an alias refers to the value that holds it")


def test_lists_nested_too_deep_are_refused(write_course: WriteCourse) -> None:
    text = TOY_COURSE + "include: " + "[" * 500 + "]" * 500 + "\n"
    [problem] = problems_of(write_course(**{"course.yaml": text}))
    assert ":35: " in problem and "nest" in problem


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("title: A Toy Course", "title: {a: 1}", "'title' must be non-empty text, not a mapping"),
        ("title: A Toy Course", "title: [a, b]", "'title' must be non-empty text, not a list"),
        (
            "title: A Toy Course",
            "title: A\ndescription: {a: 1}",
            "'description' must be non-empty text, not a mapping",
        ),
        (
            "title: A Toy Course",
            "title: A\nlanguage: [en]",
            "'language' must be non-empty text, not a list",
        ),
        ("  - name: Dogs", "  - name: Dogs\n    description: [a]", "'description' must be"),
        ('date: "1999"', "date: {year: 1999}", "date a mapping must be YYYY"),
        ("id: event:great-nap", "id: [event, great-nap]", "'id' must be non-empty text"),
    ],
)
def test_a_field_of_the_wrong_type_is_named(
    write_course: WriteCourse, old: str, new: str, message: str
) -> None:
    problems = problems_of(write_course(**{"course.yaml": TOY_COURSE.replace(old, new, 1)}))
    assert any(message in p for p in problems), problems


def test_an_include_entry_that_is_not_a_name_is_named_not_printed(
    write_course: WriteCourse,
) -> None:
    text = TOY_COURSE + "include:\n  - {a: [1, 2, 3]}\n  - [x, y]\n"
    assert [p.split(": ", 1)[1] for p in problems_of(write_course(**{"course.yaml": text}))] == [
        "include entry a mapping is not a .yaml file name",
        "include entry a list is not a .yaml file name",
    ]


def test_a_huge_list_where_text_belongs_is_reported_quickly(write_course: WriteCourse) -> None:
    huge = "[" + ", ".join(["[" + ", ".join(["word"] * 200) + "]"] * 400) + "]"
    text = TOY_COURSE + f"include: [{huge}]\ndescription: {huge}\n"
    folder = write_course(**{"course.yaml": text.replace('date: "1999"', f"date: {huge}")})
    started = time.perf_counter()
    problems = problems_of(folder)
    assert time.perf_counter() - started < 3
    assert all(len(p) < 300 for p in problems)


def test_a_very_long_text_is_clipped_in_messages(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace("lesson: second", "lesson: " + "x" * 100_000)
    [problem] = problems_of(write_course(**{"course.yaml": text}))
    assert "unknown lesson 'xxx" in problem and len(problem) < 400


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2022-02-30", "day is out of range for month"),
        ("!!int abc", "invalid literal"),
        ("!!float x", "could not convert"),
        ("1" * 5000, "Exceeds the limit"),
        ("!!timestamp id", "as timestamp"),
    ],
)
def test_a_value_its_type_cannot_hold_is_reported_at_its_line(
    write_course: WriteCourse, value: str, reason: str
) -> None:
    text = TOY_COURSE.replace('date: "1999"', f"date: {value}")
    [problem] = problems_of(write_course(**{"course.yaml": text}))
    assert ":27: a value cannot be read as " in problem and reason in problem


def test_ids_with_spaces_around_them_in_a_term_clash(write_course: WriteCourse) -> None:
    other = """\
  - id: " concept:snooze "
    lesson: " first "
    term: nap
    definition: A nap by another name.
    quote: "A nap is a short sleep taken by day."
events:"""
    [problem] = problems_of(write_course(**{"course.yaml": TOY_COURSE.replace("events:", other)}))
    assert problem.endswith("'nap' of concept:snooze is already a term of concept:nap")


def test_ids_with_spaces_around_them_in_a_chronology_fault(write_course: WriteCourse) -> None:
    later = """\
  - id: " event:later-nap "
    lesson: " first "
    title: A later nap
    date: "2005"
    sequence: 1
    quote: "In 1999 the great nap began."
claims:"""
    text = TOY_COURSE.replace('date: "1999"', 'date: "1999"\n    sequence: 2')
    [problem] = problems_of(write_course(**{"course.yaml": text.replace("claims:", later)}))
    assert "event:later-nap (2005) comes after event:great-nap (1999)" in problem


def test_ids_with_spaces_around_them_load_as_the_trimmed_id(write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace("id: concept:nap", 'id: " concept:nap "')
    course = load_course(write_course(**{"course.yaml": text}))
    assert course.item("concept:nap").lesson_id == "first"


def test_an_include_name_the_system_cannot_open_is_a_problem(write_course: WriteCourse) -> None:
    text = TOY_COURSE + 'include: ["a\\0b.yaml", "' + "x" * 5000 + '.yaml"]\n'
    problems = problems_of(write_course(**{"course.yaml": text}))
    assert len(problems) == 2
    assert all("cannot be opened" in p for p in problems)


def test_a_course_file_linked_from_outside_the_folder_is_not_read(
    write_course: WriteCourse, tmp_path: Path
) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text(TOY_COURSE, encoding="utf-8")
    folder = write_course()
    (folder / "course.yaml").unlink()
    (folder / "course.yaml").symlink_to(outside)
    assert problems_of(folder) == [
        f"{folder / 'course.yaml'}:1: course.yaml lies outside the course folder"
    ]


def test_thousands_of_events_with_sequences_are_checked_quickly(write_course: WriteCourse) -> None:
    events = "".join(
        f"""\
  - id: event:e{n}
    lesson: first
    title: Nap {n}
    date: "{1000 + n // 12}-{n % 12 + 1:02d}"
    sequence: {n + 1}
    quote: "In 1999 the great nap began."
"""
        for n in range(4000)
    )
    text = TOY_COURSE.replace('date: "1999"\n', 'date: "1999"\n    sequence: 4001\n')
    text = text.replace("events:\n", "events:\n" + events)
    started = time.perf_counter()
    assert len(load_course(write_course(**{"course.yaml": text})).events) == 4001
    assert time.perf_counter() - started < 4  # a test of all pairs took over 10 s


def test_a_course_folder_linked_from_outside_the_content_folder_is_not_read(
    write_course: WriteCourse, tmp_path: Path
) -> None:
    outside = write_course(root=tmp_path / "elsewhere")
    content = tmp_path / "content"
    content.mkdir()
    (content / "toy").symlink_to(outside, target_is_directory=True)
    catalogue = load_catalogue(content)
    assert catalogue.courses == ()
    [problem] = catalogue.broken["toy"]
    assert problem.message == "course folder 'toy' lies outside the content folder"
