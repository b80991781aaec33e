"""Exports: the Anki deck opens in Anki's own library; the CSV opens in Python's csv module."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition

from studyapp.cli import main
from studyapp.content import load_course
from studyapp.demo import seed_history
from studyapp.exports import anki_notes
from studyapp.service import StudyService
from tests.conftest import CONTENT

COURSE = load_course(CONTENT / "nato-russia")
ALWAYS = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS


def import_into(collection: Collection, deck: Path) -> None:
    request = ImportAnkiPackageRequest(
        package_path=str(deck),
        options=ImportAnkiPackageOptions(
            update_notes=ALWAYS, update_notetypes=ALWAYS, with_scheduling=False
        ),
    )
    collection.import_anki_package(request)


def test_the_deck_opens_in_anki_with_every_note(tmp_path: Path) -> None:
    deck = tmp_path / "nato.apkg"
    assert main(["export", "--anki", str(deck)]) == 0
    expected = anki_notes(COURSE)
    kinds = {note.model.name for note in expected}
    assert kinds == {"StudyApp concept (and reversed)", "StudyApp event", "StudyApp cloze"}
    assert sum(n.model.name == "StudyApp concept (and reversed)" for n in expected) == 27
    assert sum(n.model.name == "StudyApp event" for n in expected) == len(COURSE.events)

    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_into(collection, deck)
        assert collection.note_count() == len(expected)
        terms = {
            collection.get_note(nid)["Term"]
            for nid in collection.find_notes('"note:StudyApp concept (and reversed)"')
        }
        assert {c.term for c in COURSE.concepts} == terms
        clozes = [
            collection.get_note(nid)["Text"]
            for nid in collection.find_notes('"note:StudyApp cloze"')
        ]
        assert any("{{c1::2014}}" in text for text in clozes)
        assert any("{{c1::Article 5}}" in text or "::Article 5}}" in text for text in clozes)
        assert collection.card_count() > collection.note_count()  # concepts have two cards

        # a second export updates the same notes instead of adding copies
        again = tmp_path / "again.apkg"
        assert main(["export", "--anki", str(again)]) == 0
        import_into(collection, again)
        assert collection.note_count() == len(expected)
    finally:
        collection.close()


def test_the_deck_of_another_course(tmp_path: Path, write_course: object) -> None:
    from tests.conftest import TOY_COURSE

    root = write_course(**{"course.yaml": TOY_COURSE}).parent  # type: ignore[operator]
    deck = tmp_path / "toy.apkg"
    assert main(["--content", str(root), "export", "--anki", str(deck), "--course", "toy"]) == 0
    collection = Collection(str(tmp_path / "c.anki2"))
    try:
        import_into(collection, deck)
        assert collection.note_count() == len(anki_notes(load_course(root / "toy")))
    finally:
        collection.close()


def test_every_answer_is_a_csv_row(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service = StudyService.open(CONTENT, str(db_path))
    given = seed_history(service, "nato-russia", days=10, now=dt.datetime(2026, 5, 1, 12))
    service.switch_profile("Ben")
    run = service.start_quiz("nato-russia", count=2, types=["matching"], seed=1)
    for question in run.questions:
        service.answer(run, question, list(question.pairs), seconds=12)
    service.close()

    out = db_path.parent / "answers.csv"
    assert main(["export", "--csv", str(out), "--db", str(db_path)]) == 0
    assert f"Wrote {given + 2} answers" in capsys.readouterr().out
    with out.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == given + 2
    assert rows[0].keys() >= {"answered_at_utc", "profile", "question_type", "response", "correct"}
    assert {r["profile"] for r in rows} == {"default", "Ben"}
    matching = [r for r in rows if r["profile"] == "Ben"]
    assert all(" → " in r["response"] and "; " in r["response"] for r in matching)
    assert all(r["correct"] == "True" and r["quiz_mode"] == "quiz" for r in matching)


def test_export_needs_something_to_write(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export"]) == 2
    assert "--anki OUT.apkg and/or --csv OUT.csv" in capsys.readouterr().err
