"""The course editor's model: a course's items as its YAML files hold them, to accept, edit
and delete, checked by the loader's own rules and saved all at once.

The files go through ruamel.yaml's round trip, so a hand-written course keeps its comments,
order and quoting, and only files that changed are written, each by a rename: a save
replaces a file whole or not at all.
"""

from __future__ import annotations

import copy
import io
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter

from studyapp.content.loader import COURSE_FILE, load_course
from studyapp.content.model import Course, PartialDate
from studyapp.content.problems import CourseError
from studyapp.content.yamlfile import YamlList, YamlMap, YamlSyntaxError, parse_yaml
from studyapp.safe_files import replacing

SECTIONS = {"concepts": "concept", "events": "event", "claims": "claim"}
# What the editor shows of each kind, in order; the label first, then its detail.
FIELDS: dict[str, tuple[str, ...]] = {
    "concept": ("term", "definition", "quote"),
    "event": ("title", "date", "when", "quote"),
    "claim": ("statement", "actor", "quote"),
}
OPTIONAL = {"definition", "date", "when"}  # an emptied optional field is taken out
MAX_UNDO = 200
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class DraftItem:
    """One item as its file holds it, its fields as text."""

    id: str
    kind: str  # concept, event or claim
    lesson: str
    fields: Mapping[str, str]
    generated: bool

    @property
    def label(self) -> str:
        return self.fields[FIELDS[self.kind][0]]

    @property
    def detail(self) -> str:
        """The definition, the date (or time in words) or the holder: what to check first."""
        if self.kind == "concept":
            return self.fields["definition"] or "no meaning yet: asked as a fill-in"
        if self.kind == "event":
            day = _ISO.match(self.fields["date"])
            if day and 1 <= int(day.group(2) or 1) <= 12:  # as a learner reads it: "4 May 1904"
                year, month, date = (int(part) if part else None for part in day.groups())
                return str(PartialDate(year or 0, month, date))
            return self.fields["date"] or self.fields["when"] or "no date"
        return self.fields["actor"]

    @property
    def quote(self) -> str:
        return self.fields["quote"]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # a view several sides hold
        return ", ".join(str(v) for v in value)
    return str(value)


def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # long quotes stay on one line, as they were written
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(type(None), _null)
    return yaml


def _null(representer: RoundTripRepresenter, _: None) -> ScalarNode:
    return representer.represent_scalar("tag:yaml.org,2002:null", "~")


class CourseDraft:
    """A course's items being curated; nothing reaches the disk until `save`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._yaml = _round_trip()
        self.files: dict[Path, CommentedMap] = {}
        head_path = folder / COURSE_FILE
        self.files[head_path] = self._read(head_path)
        for name in self.files[head_path].get("include") or ():
            self.files[folder / str(name)] = self._read(folder / str(name))
        self.changed: set[Path] = set()
        self._undo: list[tuple[dict[Path, CommentedMap], set[Path]]] = []
        self._spans: dict[Path, list[tuple[int, str | None]]] = {}
        self._baseline: dict[str, list[str]] | None = None  # problems before the next change

    def _read(self, path: Path) -> CommentedMap:
        with path.open(encoding="utf-8") as file:
            data = self._yaml.load(file)
        return data if isinstance(data, CommentedMap) else CommentedMap()

    # --- reading ----------------------------------------------------------------------

    @property
    def head(self) -> CommentedMap:
        return self.files[self.folder / COURSE_FILE]

    @property
    def title(self) -> str:
        return str(self.head.get("title", self.folder.name))

    @property
    def dirty(self) -> bool:
        return bool(self.changed)

    def _entries(self) -> list[tuple[Path, CommentedSeq, CommentedMap]]:
        found = []
        for path, data in self.files.items():
            for section in SECTIONS:
                entries = data.get(section)
                if isinstance(entries, CommentedSeq):
                    found += [(path, entries, e) for e in entries if isinstance(e, CommentedMap)]
        return found

    def _find(self, item_id: str) -> tuple[Path, CommentedSeq, CommentedMap]:
        for path, entries, entry in self._entries():
            if entry.get("id") == item_id:
                return path, entries, entry
        raise KeyError(f"unknown item '{item_id}' in course '{self.folder.name}'")

    @staticmethod
    def _item(entry: CommentedMap, kind: str) -> DraftItem:
        fields = {name: _text(entry.get(name)) for name in FIELDS[kind]}
        return DraftItem(
            str(entry.get("id")),
            kind,
            str(entry.get("lesson")),
            fields,
            entry.get("generated") is True,
        )

    def items(self) -> list[DraftItem]:
        """Every item, file by file in the order written."""
        found = []
        for data in self.files.values():
            for section, kind in SECTIONS.items():
                entries = data.get(section) or ()
                found += [self._item(e, kind) for e in entries if isinstance(e, CommentedMap)]
        return found

    def item(self, item_id: str) -> DraftItem:
        found = next((item for item in self.items() if item.id == item_id), None)
        if found is None:
            raise KeyError(f"unknown item '{item_id}' in course '{self.folder.name}'")
        return found

    def lesson(self, lesson_id: str) -> tuple[str, list[str]]:
        """A lesson's title and paragraphs, for showing an item in its place."""
        for data in self.files.values():
            for entry in data.get("lessons") or ():
                if isinstance(entry, Mapping) and entry.get("id") == lesson_id:
                    return str(entry.get("title", "")), [
                        str(p) for p in entry.get("paragraphs") or ()
                    ]
        return lesson_id, []

    @property
    def actors(self) -> list[str]:
        return [str(a.get("name")) for a in self.head.get("actors") or () if isinstance(a, Mapping)]

    @property
    def quiz_only_accepted(self) -> bool:
        return self.head.get("quiz_only_accepted") is True

    # --- changing ---------------------------------------------------------------------

    def _remember(self) -> None:
        self._baseline = None
        self._undo.append((copy.deepcopy(self.files), set(self.changed)))
        del self._undo[:-MAX_UNDO]

    def undo(self) -> bool:
        """Take back the last change; False when there is none."""
        if not self._undo:
            return False
        self.files, self.changed = self._undo.pop()
        self._baseline = None
        return True

    def set_quiz_only_accepted(self, only: bool) -> None:
        if only == self.quiz_only_accepted:
            return
        self._remember()
        if only:
            self.head["quiz_only_accepted"] = True
        else:
            del self.head["quiz_only_accepted"]
        self.changed.add(self.folder / COURSE_FILE)

    def accept(self, item_id: str) -> list[str]:
        """Mark an item as checked by a person. Refused, with the reasons, when the item
        would not pass as a curated one (a term needs its definition)."""
        path, _, entry = self._find(item_id)
        if entry.get("generated") is not True:
            return []
        candidate = copy.deepcopy(self.files)
        found = self._find_in(candidate, item_id)
        del found["generated"]
        problems = self._caused(candidate, self.changed | {path}, item_id)
        if problems:
            return problems
        self._remember()
        del entry["generated"]
        self.changed.add(path)
        return []

    def delete(self, item_id: str) -> None:
        path, entries, entry = self._find(item_id)
        self._remember()
        entries.remove(entry)
        self.changed.add(path)

    def check(self, item_id: str, fields: Mapping[str, str]) -> list[str]:
        """What the loader would say of the course with these fields for the item: its own
        problems, then any it would cause elsewhere (a date out of order with another
        event's); [] when the course would pass."""
        candidate = copy.deepcopy(self.files)
        path = self._apply(candidate, item_id, fields)
        return self._caused(candidate, self.changed | {path}, item_id)

    def _caused(
        self, files: dict[Path, CommentedMap], changed: set[Path], item_id: str
    ) -> list[str]:
        found = self._problems_in(files, changed)
        if self._baseline is None:
            self._baseline = self.problems()
        before = self._baseline
        elsewhere = [
            f"{owner or 'the course'}: {message}"
            for owner, messages in found.items()
            if owner != item_id
            for message in messages
            if message not in before.get(owner, [])
        ]
        return [*found.get(item_id, []), *elsewhere]

    def edit(self, item_id: str, fields: Mapping[str, str]) -> list[str]:
        """Change an item's fields if the loader would accept them; else say why."""
        problems = self.check(item_id, fields)
        if problems:
            return problems
        if self.item(item_id).fields == {**self.item(item_id).fields, **fields}:
            return []
        self._remember()
        self.changed.add(self._apply(self.files, item_id, fields))
        return []

    def _find_in(self, files: dict[Path, CommentedMap], item_id: str) -> CommentedMap:
        for data in files.values():
            for section in SECTIONS:
                for entry in data.get(section) or ():
                    if isinstance(entry, CommentedMap) and entry.get("id") == item_id:
                        return entry
        raise KeyError(f"unknown item '{item_id}'")

    def _apply(
        self, files: dict[Path, CommentedMap], item_id: str, fields: Mapping[str, str]
    ) -> Path:
        """Write the fields into the item's entry in `files`; returns the file that holds it.
        An actor the course does not know yet is added to its actors."""
        entry = self._find_in(files, item_id)
        path = next(p for p, data in files.items() if self._holds(data, entry))
        for name, value in fields.items():
            value = " ".join(value.split()) if name != "quote" else value.strip()
            if value == _text(entry.get(name)):
                continue  # unchanged: the value keeps its written form
            if name == "actor":
                self._set_actor(files, entry, value)
            elif value or name not in OPTIONAL:
                entry[name] = value
            elif name in entry:
                del entry[name]
        return path

    @staticmethod
    def _holds(data: CommentedMap, entry: CommentedMap) -> bool:
        return any(any(e is entry for e in data.get(s) or ()) for s in SECTIONS)

    def _set_actor(self, files: dict[Path, CommentedMap], entry: CommentedMap, value: str) -> None:
        names = [n.strip() for n in value.split(",") if n.strip()]
        shared = isinstance(entry.get("actor"), list) and len(names) > 1
        entry["actor"] = CommentedSeq(names) if shared else value
        head = files[self.folder / COURSE_FILE]
        known = {str(a.get("name")) for a in head.get("actors") or () if isinstance(a, Mapping)}
        for name in names if shared else [value]:
            if name and name not in known:
                head.setdefault("actors", CommentedSeq()).append(CommentedMap(name=name))
                self.changed.add(self.folder / COURSE_FILE)

    # --- checking and saving ----------------------------------------------------------

    def _dump(self, data: CommentedMap) -> str:
        out = io.StringIO()
        self._yaml.dump(data, out)
        return out.getvalue()

    def problems(self) -> dict[str, list[str]]:
        """What the loader says of the course as edited: by item id ("" for the course)."""
        return self._problems_in(self.files, self.changed)

    def _problems_in(
        self, files: dict[Path, CommentedMap], changed: set[Path]
    ) -> dict[str, list[str]]:
        texts = {path: self._dump(files[path]) for path in changed}
        try:
            load_course(self.folder, texts)
        except CourseError as error:
            found: dict[str, list[str]] = {}
            for problem in error.problems:
                owner = self._owner(problem.path, problem.line, texts.get(problem.path))
                found.setdefault(owner, []).append(problem.message)
            return found
        return {}

    def _owner(self, path: Path, line: int, text: str | None) -> str:
        """The id of the item whose entry holds this line of the file, or ""."""
        if text is not None or path not in self._spans:
            spans = _spans(path, text)
            if text is not None:
                return _at(spans, line)
            self._spans[path] = spans
        return _at(self._spans[path], line)

    def save(self) -> Course:
        """Write the changed files, each replaced whole, once the course passes every check;
        returns the course as it now loads."""
        texts = {path: self._dump(self.files[path]) for path in self.changed}
        load_course(self.folder, texts)  # CourseError: nothing is written
        for path, text in texts.items():
            mode = stat.S_IMODE(path.stat().st_mode)
            with replacing(path) as file:
                file.write(text)
            path.chmod(mode)  # a new file is made private; the course's file was not
        self.changed.clear()
        self._undo.clear()
        self._spans.clear()
        self._baseline = None
        return load_course(self.folder)


def _spans(path: Path, text: str | None) -> list[tuple[int, str | None]]:
    """Where each entry of a course file starts, with the id of those that are items."""
    try:
        data = parse_yaml(text if text is not None else path.read_text(encoding="utf-8"))
    except (OSError, YamlSyntaxError):
        return []
    if not isinstance(data, YamlMap):
        return []
    starts: list[tuple[int, str | None]] = [(line, None) for line in data.key_lines.values()]
    for section, entries in data.items():
        if isinstance(entries, YamlList):
            for index, entry in enumerate(entries):
                item_id = entry.get("id") if isinstance(entry, YamlMap) else None
                is_item = section in SECTIONS and isinstance(item_id, str)
                starts.append((entries.line_of(index), item_id if is_item else None))
    return sorted(starts, key=lambda start: start[0])


def _at(spans: list[tuple[int, str | None]], line: int) -> str:
    owner: str | None = None
    for start, item_id in spans:
        if start > line:
            break
        owner = item_id
    return owner or ""
