"""Work that leaves the app: a course as an Anki deck, every answer as a CSV file.

Both are written to a temporary file beside the target and then renamed over it, so a
failed export never leaves half a file behind.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
import re
import tempfile
from pathlib import Path

import genanki

from studyapp.content import Claim, Concept, Course, Event, Item
from studyapp.progress import ProgressStore
from studyapp.safe_files import replacing

# Stable ids: a second export updates the same note types and deck instead of adding copies.
BASIC_MODEL_ID = 1_711_000_101
CLOZE_MODEL_ID = 1_711_000_102
EVENT_MODEL_ID = 1_711_000_103
STYLE = (
    ".card { font-family: sans-serif; font-size: 20px; line-height: 1.5; } small { color: #666; }"
)

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID,
    "StudyApp concept (and reversed)",
    fields=[{"name": "Term"}, {"name": "Definition"}, {"name": "Source"}],
    templates=[
        {
            "name": "Term → definition",
            "qfmt": "{{Term}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Definition}}<br><small>{{Source}}</small>",
        },
        {
            "name": "Definition → term",
            "qfmt": "{{Definition}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Term}}<br><small>{{Source}}</small>",
        },
    ],
    css=STYLE,
)
CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "StudyApp cloze",
    fields=[{"name": "Text"}, {"name": "Source"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}<br><small>{{Source}}</small>",
        }
    ],
    model_type=genanki.Model.CLOZE,
    css=STYLE,
)
EVENT_MODEL = genanki.Model(
    EVENT_MODEL_ID,
    "StudyApp event",
    fields=[{"name": "Event"}, {"name": "When"}, {"name": "Source"}],
    templates=[
        {
            "name": "When did it happen?",
            "qfmt": "When did this happen?<br><b>{{Event}}</b>",
            "afmt": "{{FrontSide}}<hr id=answer>{{When}}<br><small>{{Source}}</small>",
        }
    ],
    css=STYLE,
)
CSV_COLUMNS = [
    "answered_at_utc", "day", "profile", "course", "lesson", "question_id", "question_type",
    "topic", "item_ids", "response", "correct", "score", "seconds", "quiz_id", "quiz_mode",
]  # fmt: skip


def _deck_id(course_id: str) -> int:
    return int(hashlib.sha1(f"studyapp:{course_id}".encode()).hexdigest()[:7], 16)


def _source(course: Course, item: Item) -> str:
    lesson = course.lesson(item.lesson_id)
    return html.escape(f"{course.title} · {lesson.title}")


def _cloze_names(course: Course, item: Item) -> tuple[str, ...]:
    if isinstance(item, Concept):
        return item.names
    if isinstance(item, Event):
        return (str(item.date),) if item.date is not None else ()
    assert isinstance(item, Claim)
    actor = next((a for a in course.actors if a.name == item.actor), None)
    return (item.actor, *(actor.aliases if actor else ()))


def _cloze_text(sentence: str, blanks: list[tuple[int, int]]) -> str:
    """The sentence, HTML-escaped, with each span as its own cloze deletion (c1, c2 …)."""
    out, at = [], 0
    for number, (start, end) in enumerate(sorted(blanks), 1):
        out.append(html.escape(sentence[at:start]))
        out.append(f"{{{{c{number}::{html.escape(sentence[start:end])}}}}}")
        at = end
    out.append(html.escape(sentence[at:]))
    return "".join(out)


def anki_notes(course: Course) -> list[genanki.Note]:
    """A Basic note per concept, an event note per event, a Cloze note per grounded sentence."""
    notes = []
    for concept in (c for c in course.concepts if c.definition):  # a cloze only otherwise
        notes.append(
            genanki.Note(
                model=BASIC_MODEL,
                fields=[
                    html.escape(concept.term),
                    html.escape(concept.definition),
                    _source(course, concept),
                ],
                guid=genanki.guid_for("studyapp", course.id, concept.id, "concept"),
            )
        )
    for event in course.events:
        notes.append(
            genanki.Note(
                model=EVENT_MODEL,
                fields=[html.escape(event.title), html.escape(event.time), _source(course, event)],
                guid=genanki.guid_for("studyapp", course.id, event.id, "event"),
            )
        )
    by_sentence: dict[tuple[str, str], list[Item]] = {}
    for item in course.items:
        by_sentence.setdefault((item.lesson_id, item.quote), []).append(item)
    for (lesson_id, sentence), items in by_sentence.items():
        blanks: list[tuple[int, int]] = []
        for item in items:
            for name in sorted(_cloze_names(course, item), key=len, reverse=True):
                found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.IGNORECASE)
                if found and not any(s < found.end() and found.start() < e for s, e in blanks):
                    blanks.append(found.span())
                    break
        if not blanks:
            continue
        notes.append(
            genanki.Note(
                model=CLOZE_MODEL,
                fields=[_cloze_text(sentence, blanks), _source(course, items[0])],
                guid=genanki.guid_for("studyapp", course.id, lesson_id, sentence, "cloze"),
            )
        )
    return notes


def export_anki(course: Course, target: Path) -> int:
    """Write the course as an .apkg deck; returns the number of notes."""
    deck = genanki.Deck(_deck_id(course.id), f"StudyApp::{course.title}")
    notes = anki_notes(course)
    for note in notes:
        deck.add_note(note)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".apkg", dir=target.parent
    )
    os.close(handle)
    try:
        genanki.Package(deck).write_to_file(temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return len(notes)


def export_answers(store: ProgressStore, target: Path) -> int:
    """Every recorded answer of every profile, one CSV row each; returns the row count."""
    rows = 0
    with replacing(target, newline="") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_COLUMNS)
        for (
            answered_at,
            day,
            profile,
            course,
            lesson,
            qid,
            kind,
            topic,
            items,
            response,
            *tail,
        ) in store.all_answers():
            when = answered_at.isoformat(sep=" ", timespec="seconds")
            given = readable(response)
            row = [when, day, profile, course, lesson, qid, kind, topic, items, given, *tail]
            writer.writerow([spreadsheet_safe(cell) for cell in row])
            rows += 1
    return rows


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: object) -> object:
    """Text that a spreadsheet would run as a formula, made plain text with a leading '
    (OWASP's advice on CSV injection); numbers and other text are left as they are."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return f"'{cell}"
    return cell


def readable(response_json: str) -> str:
    """An answer as a person reads it: the text, the order, or the pairs given."""
    try:
        response = json.loads(response_json)
    except ValueError:
        return response_json
    if isinstance(response, str):
        return response
    if isinstance(response, list) and all(isinstance(r, list) for r in response):
        return "; ".join(" → ".join(str(part) for part in pair) for pair in response)
    if isinstance(response, list):
        return " → ".join(str(part) for part in response)
    return response_json
