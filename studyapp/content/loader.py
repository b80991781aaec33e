"""Load a course folder from YAML and check every rule, reporting all problems at once.

A course folder holds `course.yaml`: the course's id, title, actors and lessons, and the
knowledge items (concepts, events, claims) or an `include` list of further YAML files that
hold them. Every problem is reported as `file:line: message`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import re
from collections.abc import Mapping
from pathlib import Path

from studyapp.content import rules
from studyapp.content.model import Actor, Claim, Concept, Course, Event, Lesson, PartialDate
from studyapp.content.problems import CourseError, Problem, clip, label, shown, together
from studyapp.content.prose import sentence_texts
from studyapp.content.rules import Sources
from studyapp.content.yamlfile import YamlList, YamlMap, YamlSyntaxError, read_yaml

COURSE_FILE = "course.yaml"
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

_COURSE_KEYS = {
    "id", "title", "description", "language", "actors", "include", "quiz_only_accepted"
}  # fmt: skip
_SECTION_KEYS = {"lessons", "concepts", "events", "claims"}
_FIELDS: dict[str, tuple[set[str], set[str]]] = {  # kind: (required, optional)
    "lesson": ({"id", "title", "paragraphs"}, set()),
    "actor": ({"name"}, {"description", "aliases", "overlaps"}),
    "concept": (
        {"id", "lesson", "term", "quote"},
        {"definition", "aliases", "generated", "kind"},
    ),
    "event": ({"id", "lesson", "title", "quote"}, {"date", "when", "sequence", "generated"}),
    "claim": (
        {"id", "lesson", "actor", "statement", "quote"},
        {"generated", "contrary", "rivals", "about"},
    ),
}


def load_course(folder: Path, texts: Mapping[Path, str] | None = None) -> Course:
    """Load and validate one course folder; raise CourseError listing every problem.

    `texts` gives some files' text as it is about to be written (the course editor checks
    an edit by the same rules before anything is saved)."""
    collecting = gc.isenabled()
    gc.disable()  # a course is a tree of many small objects: the cycle collector, run every
    try:  # few thousand of them, would make a large course's load grow with its square
        return _CourseReader(folder, texts or {}).read()
    finally:
        if collecting:
            gc.enable()


class _CourseReader:
    def __init__(self, folder: Path, texts: Mapping[Path, str]) -> None:
        self.folder = folder
        self.texts = texts
        self.problems: list[Problem] = []
        self.path = folder / COURSE_FILE  # the file being read, for problem locations
        self.sentences: dict[str, frozenset[str]] = {}  # lesson id: its sentences

    def problem(self, line: int, message: str, path: Path | None = None) -> None:
        self.problems.append(Problem(path or self.path, line, message))

    # --- files -----------------------------------------------------------------------

    def read(self) -> Course:
        if not self.path.is_file():
            self.problem(1, f"no {COURSE_FILE} in course folder '{self.folder.name}'")
            raise CourseError(self.problems)
        where = self._inside(self.path)
        if where:  # a link that leads out of the folder
            self.problem(1, f"{COURSE_FILE} {where}")
            raise CourseError(self.problems)
        head = self._read_file(self.path)
        if head is None:
            raise CourseError(self.problems)
        self._check_keys(head, _COURSE_KEYS | _SECTION_KEYS, "course")
        sections: dict[str, list[tuple[Path, YamlMap, int]]] = {k: [] for k in _SECTION_KEYS}
        self._collect(self.path, head, sections)
        for include_path in self._includes(head):
            self.path = include_path
            data = self._read_file(include_path)
            if data is not None:
                self._check_keys(data, _SECTION_KEYS, "included file")
                self._collect(include_path, data, sections)
        self.path = self.folder / COURSE_FILE
        course = self._build(head, sections)
        if self.problems:
            raise CourseError(self.problems)
        return course

    def _read_file(self, path: Path) -> YamlMap | None:
        try:
            data = read_yaml(path, self.texts.get(path))
        except YamlSyntaxError as error:
            self.problem(error.line, error.message, path)
            return None
        if not isinstance(data, YamlMap):
            self.problem(1, "expected a mapping of keys (like 'lessons:') at the top", path)
            return None
        return data

    def _includes(self, head: YamlMap) -> list[Path]:
        entries = head.get("include")
        if entries is None:
            return []
        if not isinstance(entries, YamlList):
            self.problem(head.line_of("include"), "'include' must be a list of file names")
            return []
        paths = []
        for index, name in enumerate(entries):
            line = entries.line_of(index)
            if not isinstance(name, str) or not name.endswith((".yaml", ".yml")):
                self.problem(line, f"include entry {shown(name)} is not a .yaml file name")
                continue
            where = self._inside(self.folder / name)
            if where:
                self.problem(line, f"included file {shown(name)} {where}")
            else:
                paths.append(self.folder / name)
        return paths

    def _inside(self, path: Path) -> str:
        """Why `path` cannot be read as a file of this course, or "" when it can."""
        try:
            if self.folder.resolve() not in path.resolve().parents:
                return "lies outside the course folder"
            return "" if path.is_file() else "does not exist"
        except (OSError, ValueError) as error:  # a name too long, or with a NUL in it
            return f"cannot be opened ({getattr(error, 'strerror', None) or error})"

    def _collect(
        self, path: Path, data: YamlMap, into: dict[str, list[tuple[Path, YamlMap, int]]]
    ) -> None:
        for section in _SECTION_KEYS & data.keys():
            entries = data[section]
            if not isinstance(entries, YamlList):
                self.problem(data.line_of(section), f"'{section}' must be a list")
                continue
            for index, entry in enumerate(entries):
                if isinstance(entry, YamlMap):
                    into[section].append((path, entry, len(into[section])))
                else:
                    self.problem(entries.line_of(index), f"each of '{section}' must be a mapping")

    # --- fields ----------------------------------------------------------------------

    def _check_keys(self, data: YamlMap, allowed: set[str], kind: str) -> None:
        for key, line in data.duplicate_keys:
            self.problem(line, f"duplicate key '{key}' (the earlier one would be ignored)")
        for key in data.keys() - allowed:
            hint = difflib.get_close_matches(clip(key), allowed, n=1)
            also = f"; did you mean '{hint[0]}'?" if hint else ""
            self.problem(data.line_of(key), f"unknown field {shown(key)} in {kind}{also}")

    def _fields(self, data: YamlMap, kind: str) -> bool:
        required, optional = _FIELDS[kind]
        self._check_keys(data, required | optional, kind)
        missing = sorted(required - data.keys())
        for key in missing:
            name = label(data.get("id")) or label(data.get("name"))
            self.problem(data.line, f"{kind} {name} is missing required field '{key}'".strip())
        return not missing

    def _text(self, data: YamlMap, key: str) -> str:
        value = data.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            other = "" if value is None or isinstance(value, str) else f", not {shown(value)}"
            self.problem(data.line_of(key), f"'{key}' must be non-empty text{other}")
            return ""
        return value.strip()

    def _optional_text(self, data: YamlMap, key: str, default: str = "") -> str:
        if data.get(key) in (None, ""):
            return default
        return self._text(data, key) or default

    def _texts(self, data: YamlMap, key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(data.line_of(key), f"'{key}' must be a list of non-empty texts")
            return ()
        return tuple(v.strip() for v in value)

    def _flag(self, data: YamlMap, key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.problem(data.line_of(key), f"'{key}' must be true or false")
            return False
        return value

    # --- the course ------------------------------------------------------------------

    def _build(self, head: YamlMap, sections: dict[str, list[tuple[Path, YamlMap, int]]]) -> Course:
        course_id = self._text(head, "id") if "id" in head else self.folder.name
        if course_id and not _SLUG.match(course_id):
            self.problem(
                head.line_of("id"), f"course id {shown(course_id)} must be lower-case-words"
            )
        elif course_id != self.folder.name:
            self.problem(
                head.line_of("id"),
                f"course id {shown(course_id)} differs from its folder name '{self.folder.name}'",
            )
        title = self._text(head, "title") if "title" in head else ""
        if "title" not in head:
            self.problem(head.line, "course is missing required field 'title'")
        actors = self._actors(head)
        lessons = self._lessons(sections["lessons"])
        ids: Sources = {}
        concepts = [self._concept(p, d, lessons, ids) for p, d, _ in sections["concepts"]]
        events = [self._event(p, d, i, lessons, ids) for p, d, i in sections["events"]]
        claims = [self._claim(p, d, lessons, ids, actors) for p, d, _ in sections["claims"]]
        good_concepts = tuple(c for c in concepts if c is not None)
        good_claims = tuple(c for c in claims if c is not None)
        found = tuple(e for e in events if e is not None)
        good_events = rules.ordered(found, sections["events"], self.problem)
        rules.check_terms(good_concepts, ids, self.problem)
        rules.check_chronology(good_events, ids, self.problem)
        rules.check_about(good_claims, good_concepts, ids, self.problem)
        only_accepted = self._flag(head, "quiz_only_accepted")
        if only_accepted:  # items still marked generated wait in the course editor
            good_concepts = tuple(c for c in good_concepts if not c.generated)
            good_events = tuple(e for e in good_events if not e.generated)
            good_claims = tuple(c for c in good_claims if not c.generated)
        return Course(
            id=course_id,
            title=title,
            description=self._optional_text(head, "description"),
            language=self._optional_text(head, "language", "en"),
            lessons=tuple(lessons.values()),
            concepts=good_concepts,
            events=good_events,
            claims=good_claims,
            actors=actors,
            folder=self.folder,
            quiz_only_accepted=only_accepted,
        )

    def _actors(self, head: YamlMap) -> tuple[Actor, ...]:
        entries = head.get("actors")
        if entries is None:
            return ()
        if not isinstance(entries, YamlList):
            self.problem(head.line_of("actors"), "'actors' must be a list")
            return ()
        actors: list[Actor] = []
        lines: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if not isinstance(entry, YamlMap):
                self.problem(entries.line_of(index), "each actor must be a mapping with a 'name'")
                continue
            if not self._fields(entry, "actor"):
                continue
            name = self._text(entry, "name")
            if any(a.name == name for a in actors):
                self.problem(entry.line_of("name"), f"actor {shown(name)} is listed twice")
            aliases = self._texts(entry, "aliases")
            description = self._optional_text(entry, "description")
            overlaps = self._texts(entry, "overlaps")
            actors.append(Actor(name, description, aliases, overlaps))
            lines[name] = entry.line_of("overlaps")
        names = {actor.name for actor in actors}
        for actor in actors:
            for other in actor.overlaps:
                if other not in names or other == actor.name:
                    known = ", ".join(sorted(names - {actor.name}))
                    message = f"'overlaps' names unknown actor {shown(other)} ({known})"
                    self.problem(lines[actor.name], message)
        return tuple(actors)

    def _lessons(self, entries: list[tuple[Path, YamlMap, int]]) -> dict[str, Lesson]:
        lessons: dict[str, Lesson] = {}
        if not entries:
            self.problem(1, "the course has no lessons")
        for path, data, _ in entries:
            self.path = path
            if not self._fields(data, "lesson"):
                continue
            lesson_id = self._text(data, "id")
            if not _SLUG.match(lesson_id):
                self.problem(
                    data.line_of("id"), f"lesson id {shown(lesson_id)} must be lower-case-words"
                )
            elif lesson_id in lessons:
                self.problem(data.line_of("id"), f"duplicate lesson id {shown(lesson_id)}")
                continue
            paragraphs = self._texts(data, "paragraphs")
            if not paragraphs and isinstance(data.get("paragraphs"), list):
                self.problem(data.line_of("paragraphs"), f"lesson {shown(lesson_id)} has no text")
            title = self._text(data, "title")
            lessons[lesson_id] = Lesson(lesson_id, title, paragraphs, len(lessons) + 1)
        self.path = self.folder / COURSE_FILE
        return lessons

    def _item_base(
        self,
        path: Path,
        data: YamlMap,
        kind: str,
        lessons: dict[str, Lesson],
        ids: Sources,
    ) -> tuple[str, str, str] | None:
        """Check what every item shares: id, lesson and a verbatim quote."""
        self.path = path
        if not self._fields(data, kind):
            return None
        item_id, lesson_id, quote = (self._text(data, k) for k in ("id", "lesson", "quote"))
        ok = bool(item_id and lesson_id and quote)
        if item_id and not re.match(rf"^{kind}:[a-z0-9][a-z0-9-]*$", item_id):
            self.problem(
                data.line_of("id"), f"{kind} id {shown(item_id)} must look like '{kind}:a-name'"
            )
            ok = False
        if item_id in ids:
            first_path, first = ids[item_id]
            where = f"{first_path.name}:{first.line_of('id')}"
            self.problem(data.line_of("id"), f"duplicate id {shown(item_id)} (first at {where})")
            ok = False
        elif item_id:
            ids[item_id] = (path, data)
        if lesson_id and lesson_id not in lessons:
            hint = difflib.get_close_matches(clip(lesson_id), list(lessons), n=1)
            also = f"; did you mean '{hint[0]}'?" if hint else f" (lessons: {', '.join(lessons)})"
            self.problem(data.line_of("lesson"), f"unknown lesson {shown(lesson_id)}{also}")
            ok = False
        elif lesson_id and quote:
            ok = self._check_quote(data, quote, lessons[lesson_id], lessons) and ok
        if "generated" in data:
            self._flag(data, "generated")
        return (item_id, lesson_id, quote) if ok else None

    def _check_quote(
        self, data: YamlMap, quote: str, lesson: Lesson, lessons: dict[str, Lesson]
    ) -> bool:
        if lesson.id not in self.sentences:  # most quotes are whole sentences: found in one step
            self.sentences[lesson.id] = frozenset(
                s for paragraph in lesson.paragraphs for s in sentence_texts(paragraph)
            )
        if quote in self.sentences[lesson.id]:
            return True
        if any(quote in paragraph for paragraph in lesson.paragraphs):
            return True
        squash = " ".join(quote.split()).casefold()
        hint = ""
        if any(squash in " ".join(p.split()).casefold() for p in lesson.paragraphs):
            hint = " (it differs in case or spacing)"
        else:
            elsewhere = [o.id for o in lessons.values() if any(quote in p for p in o.paragraphs)]
            if elsewhere:
                hint = f" (it stands in lesson '{elsewhere[0]}')"
        short = quote if len(quote) <= 60 else quote[:57] + "..."
        self.problem(
            data.line_of("quote"),
            f"quote is not verbatim in lesson '{lesson.id}'{hint}: \"{short}\"",
        )
        return False

    def _concept(
        self,
        path: Path,
        data: YamlMap,
        lessons: dict[str, Lesson],
        ids: Sources,
    ) -> Concept | None:
        base = self._item_base(path, data, "concept", lessons, ids)
        generated = bool(data.get("generated") is True)
        term = self._text(data, "term")
        # A generated concept may come without a definition (its text defined nothing):
        # it is asked as a cloze only. A curated one always has one.
        needs_definition = "definition" in data or not generated
        definition = self._text(data, "definition") if needs_definition else ""
        aliases = self._texts(data, "aliases")
        if base is None or not term or (needs_definition and not definition):
            return None
        item_id, lesson_id, quote = base
        kind = self._text(data, "kind") or None if "kind" in data else None
        return Concept(item_id, lesson_id, term, definition, quote, aliases, generated, kind)

    def _event(
        self,
        path: Path,
        data: YamlMap,
        index: int,
        lessons: dict[str, Lesson],
        ids: Sources,
    ) -> Event | None:
        base = self._item_base(path, data, "event", lessons, ids)
        title = self._text(data, "title")
        date = self._date(data) if "date" in data else None
        when = self._text(data, "when") if "when" in data else None
        if "date" not in data and "when" not in data:
            self.problem(data.line, f"event {label(data.get('id'))} needs a 'date' or a 'when'")
            return None
        if "date" in data and "when" in data:
            self.problem(data.line_of("when"), "give an event a 'date' or a 'when', not both")
        sequence = data.get("sequence")
        if sequence is not None and (
            not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1
        ):
            self.problem(data.line_of("sequence"), "'sequence' must be a whole number from 1")
            return None
        if base is None or not title or ("date" in data and date is None):
            return None
        item_id, lesson_id, quote = base
        generated = bool(data.get("generated") is True)
        return Event(item_id, lesson_id, title, quote, sequence, date, when, generated)

    def _date(self, data: YamlMap) -> PartialDate | None:
        value = data["date"]
        line = data.line_of("date")
        if isinstance(value, dt.date):  # YAML reads an unquoted 2022-02-24 as a date
            return PartialDate(value.year, value.month, value.day)
        match = _DATE.match(str(value).strip()) if isinstance(value, str | int) else None
        if match is None:
            self.problem(line, f"date {shown(value)} must be YYYY, YYYY-MM or YYYY-MM-DD")
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError as error:
            self.problem(line, f"date '{value}' does not exist ({error})")
            return None
        return PartialDate(year, month, day)

    def _claim(
        self,
        path: Path,
        data: YamlMap,
        lessons: dict[str, Lesson],
        ids: Sources,
        actors: tuple[Actor, ...],
    ) -> Claim | None:
        base = self._item_base(path, data, "claim", lessons, ids)
        statement = self._text(data, "statement")
        shared = isinstance(data.get("actor"), list)  # a view several sides hold
        holders = self._texts(data, "actor") if shared else (self._text(data, "actor"),)
        names = [a.name for a in actors]
        if unknown := [h for h in holders if h and h not in names]:
            known = ", ".join(names) if names else "none declared in course.yaml"
            message = f"unknown actor {shown(unknown[0])} (actors: {known})"
            self.problem(data.line_of("actor"), message)
            return None
        if shared and len(set(holders)) < 2:
            self.problem(data.line_of("actor"), "a shared view needs two different actors")
            return None
        actor = together(holders) if shared else holders[0]
        contrary = self._text(data, "contrary") or None if "contrary" in data else None
        rivals = self._texts(data, "rivals") if "rivals" in data else None
        for rival in rivals or ():
            if rival not in names or rival in holders:
                why = "is its own actor" if rival in holders else "is not an actor of the course"
                self.problem(data.line_of("rivals"), f"rival {shown(rival)} {why}")
                rivals = tuple(r for r in rivals or () if r in names and r not in holders)
        if base is None or not statement:
            return None
        item_id, lesson_id, quote = base
        generated = bool(data.get("generated") is True)
        shared_by, about = holders if shared else (), self._texts(data, "about")
        return Claim(
            item_id, lesson_id, actor, statement, quote, generated, contrary, rivals, shared_by,
            about,
        )  # fmt: skip
