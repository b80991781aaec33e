"""The course editor's model: accept, edit, delete and undo, checked by the loader's rules,
saved whole, with a hand-written course's comments kept."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from studyapp.content import CourseError, load_course
from studyapp.content.curation import CourseDraft
from studyapp.quiz import build_quiz
from tests.conftest import CONTENT, WriteCourse
from tests.curation_course import IMPORTED


@pytest.fixture
def imported(write_course: WriteCourse) -> Path:
    return write_course("canal", **{"course.yaml": IMPORTED})


def test_every_item_is_listed_with_what_to_check_first(imported: Path) -> None:
    items = CourseDraft(imported).items()
    assert [(i.kind, i.label, i.detail) for i in items] == [
        ("concept", "lock", "A chamber with gates at each end."),
        ("concept", "Cape Horn", "no meaning yet: asked as a fill-in"),
        ("event", "Work began", "4 May 1904"),
        ("event", "The canal opened", "15 August 1914"),
        ("event", "The French company went bankrupt", "1889"),
        ("claim", "Locks were cheaper.", "Engineers"),
        ("claim", "The project had been run dishonestly.", "Investors"),
    ]
    assert all(item.generated for item in items)


def test_accepting_an_item_takes_its_generated_mark_away_on_save(imported: Path) -> None:
    (imported / "course.yaml").chmod(0o644)
    draft = CourseDraft(imported)
    assert draft.accept("event:work-began") == []
    assert draft.dirty
    assert "generated: true" in (imported / "course.yaml").read_text()  # nothing saved yet
    draft.save()
    course = load_course(imported)
    assert not course.item("event:work-began").generated
    assert course.item("event:canal-opened").generated
    assert not draft.dirty
    assert (imported / "course.yaml").read_text().startswith("# Imported from an article.")
    assert (imported / "course.yaml").stat().st_mode & 0o777 == 0o644  # as it was


def test_a_term_without_a_meaning_is_accepted_only_once_it_has_one(imported: Path) -> None:
    draft = CourseDraft(imported)
    assert draft.accept("concept:cape-horn") == ["'definition' must be non-empty text"]
    assert draft.item("concept:cape-horn").generated
    assert draft.edit("concept:cape-horn", {"definition": "The southern tip of America."}) == []
    assert draft.accept("concept:cape-horn") == []
    assert not draft.item("concept:cape-horn").generated


def test_an_edit_is_checked_by_the_loaders_rules_and_refused_whole(imported: Path) -> None:
    draft = CourseDraft(imported)
    problems = draft.edit("event:work-began", {"title": "Work starts", "quote": "Work began."})
    assert problems == ["quote is not verbatim in lesson 'digging': \"Work began.\""]
    assert draft.item("event:work-began").label == "Work began"  # nothing of it applied
    assert not draft.dirty
    assert draft.check("event:work-began", {"date": "1904-13"}) == [
        "date '1904-13' does not exist (month must be in 1..12)"
    ]
    assert draft.check("event:work-began", {"date": "", "when": ""}) == [
        "event event:work-began needs a 'date' or a 'when'"
    ]
    assert draft.edit("event:work-began", {"title": "Work starts", "date": "1904-05"}) == []
    draft.save()
    event = load_course(imported).item("event:work-began")
    assert (event.label, event.time) == ("Work starts", "May 1904")


def test_a_deleted_item_is_gone_after_saving_and_undo_brings_it_back(imported: Path) -> None:
    draft = CourseDraft(imported)
    draft.delete("claim:locks-cheaper")
    draft.delete("concept:cape-horn")
    assert len(draft.items()) == 5
    assert draft.undo()
    assert [i.id for i in draft.items()].count("concept:cape-horn") == 1
    draft.save()
    course = load_course(imported)
    assert {item.id for item in course.items} == {
        "concept:lock", "concept:cape-horn", "event:work-began", "event:canal-opened",
        "event:company-bankrupt", "claim:run-dishonestly",
    }  # fmt: skip
    assert not draft.undo()  # a save is not taken back


def test_a_view_given_to_a_new_holder_adds_that_holder(imported: Path) -> None:
    draft = CourseDraft(imported)
    assert draft.edit("claim:locks-cheaper", {"actor": "John Stevens"}) == []
    assert draft.actors == ["Engineers", "Investors", "John Stevens"]
    draft.save()
    assert load_course(imported).item("claim:locks-cheaper").actor == "John Stevens"  # type: ignore[union-attr]


def test_a_course_set_to_accepted_items_asks_only_about_them(imported: Path) -> None:
    draft = CourseDraft(imported)
    draft.accept("event:work-began")
    draft.accept("event:canal-opened")
    draft.set_quiz_only_accepted(True)
    course = draft.save()
    assert course.quiz_only_accepted
    assert {item.id for item in course.items} == {"event:work-began", "event:canal-opened"}
    quiz = build_quiz(course, rng=random.Random(3), count=10)
    assert {q.item_id for q in quiz} <= {"event:work-began", "event:canal-opened"}
    assert quiz
    draft.set_quiz_only_accepted(False)
    assert len(draft.save().items) == 7


def test_a_hand_written_course_keeps_its_comments_and_untouched_files(tmp_path: Path) -> None:
    folder = tmp_path / "nato-russia"
    shutil.copytree(CONTENT / "nato-russia", folder)
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    draft = CourseDraft(folder)
    assert draft.edit("event:crimea-annexation", {"title": "Russia takes Crimea"}) == []
    draft.save()
    after = {path.name: path.read_bytes() for path in folder.iterdir()}
    changed = [name for name in before if before[name] != after[name]]
    assert changed == ["events.yaml"]
    old, new = before["events.yaml"].decode(), after["events.yaml"].decode()
    assert new == old.replace("title: Russia annexes Crimea", "title: Russia takes Crimea")
    assert sorted(path.name for path in folder.iterdir()) == sorted(before)  # no temp files


def test_an_edit_that_breaks_another_item_says_which(tmp_path: Path) -> None:
    folder = tmp_path / "nato-russia"
    shutil.copytree(CONTENT / "nato-russia", folder)
    draft = CourseDraft(folder)
    problems = draft.check("event:crimea-annexation", {"date": "2023"})
    assert problems
    assert all("sequence" in problem for problem in problems)
    assert draft.edit("event:crimea-annexation", {"date": "2023"}) == problems
    assert not draft.dirty


def test_a_course_broken_on_disk_since_it_was_opened_is_not_saved(imported: Path) -> None:
    draft = CourseDraft(imported)
    draft.accept("event:work-began")
    (imported / "course.yaml").write_text("id: canal\n", encoding="utf-8")
    draft.files[imported / "course.yaml"]["lessons"] = []  # the course as it now stands
    with pytest.raises(CourseError):
        draft.save()
    assert (imported / "course.yaml").read_text() == "id: canal\n"
