"""Turn a plain-text or Markdown article into a course folder that `check` accepts.

Lessons come from the article's headings (Markdown headings, or in plain text short lines
without closing punctuation followed by prose); items are found by the rules in `finders`.
The folder is written to a temporary place beside its destination, checked by the loader,
then renamed into place: an import either succeeds whole or leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

from studyapp.content.finders import (
    definition_in,
    find_concepts,
    phrase_counts,
    term_key,
    trigram_counts,
)
from studyapp.content.formats import (
    HTML_SUFFIXES,
    MIN_ENGLISH_SHARE,
    PDF_SUFFIXES,
    MissingTools,
    english_share,
    html_to_markdown,
    markdown_front_matter,
    pdf_text,
)
from studyapp.content.formats import ArticleError as ArticleError  # re-exported
from studyapp.content.loader import COURSE_FILE, load_course
from studyapp.content.model import Course
from studyapp.content.problems import CourseError
from studyapp.content.prose import split_long

MAX_BYTES = 5 * 1024 * 1024
PARAGRAPHS_PER_LESSON = 3  # for articles without headings
MAX_HEADING_WORDS = 12
HEADER = "# Imported from an article. Items marked generated were found automatically.\n"
# libyaml's emitter when PyYAML has it: the same safe dumper, many times faster.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class Section:
    title: str
    paragraphs: list[str]


def _read_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise ArticleError(f"{path}: no such file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(
                f"{path}: is {size / 1024 / 1024:.1f} MB; articles up to 5 MB can be imported"
            )
        return path.read_bytes()
    except OSError as error:
        raise ArticleError(f"{path}: cannot be read ({error.strerror or error})") from error


def _decode(path: Path, data: bytes) -> str:
    """UTF-16 when a byte-order mark says so, else UTF-8; anything else is refused."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in data[:8192]:
        raise ArticleError(f"{path}: looks like a binary file, not a text article")
    encoding = "UTF-16" if utf16 else "UTF-8"
    try:
        return data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{path}: is not {encoding} text (byte {error.start} cannot be read); "
            "save it as UTF-8 and import it again"
        ) from error


def read_article(path: Path) -> str:
    """The article's text, refusing what is not a readable text file of sensible size."""
    data = _read_bytes(path)
    if not data.strip():
        raise ArticleError(f"{path}: the file is empty")
    text = _decode(path, data)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{path}: the file is empty")
    return text


def article_text(path: Path) -> tuple[str, str | None, bool]:
    """(the text to split into lessons, a title the file gives, whether it is Markdown) of a
    plain-text, Markdown, HTML or PDF article; refused when it is not English."""
    try:
        return _article_text(path)
    except MissingTools as error:
        raise MissingTools(f"{path}: {error}") from None


def _article_text(path: Path) -> tuple[str, str | None, bool]:
    suffix = path.suffix.casefold()
    title: str | None = None
    if suffix in PDF_SUFFIXES:
        _read_bytes(path)  # the size limit and a readable file, before the PDF reader
        text, markdown = pdf_text(path)
    else:
        text = read_article(path)
        markdown = suffix in (".md", ".markdown")
        if suffix in HTML_SUFFIXES or text.lstrip()[:15].casefold().startswith(
            ("<!doctype", "<html")
        ):
            title, text = html_to_markdown(text)
            markdown = True
        elif markdown:
            title, text = markdown_front_matter(text)
    if not text.strip():
        raise ArticleError(f"{path}: holds no text to read")
    share = english_share(text)
    if share < MIN_ENGLISH_SHARE:
        raise ArticleError(
            f"{path}: does not read as English ({share:.0%} of its words are common English "
            "ones); the importer finds items in English articles only"
        )
    return text, title, markdown


def _is_heading(line: str, following: str | None) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and not line.rstrip().endswith((".", ",", ";", ":"))
        and following is not None
        and len(following) > len(line)
        and following.rstrip().endswith((".", "!", "?", '"', "”", ")"))
    )


def sections_from_text(text: str) -> tuple[str | None, list[Section]]:
    """(title, sections) of a plain-text article; text before a heading is the introduction."""
    blocks = [block for block in re.split(r"\n\s*\n|\n", text) if block.strip()]
    blocks = [" ".join(block.split()) for block in blocks]
    title: str | None = None
    sections: list[Section] = []
    current = Section("Introduction", [])
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        first_line = index == 0 and len(block.split()) <= MAX_HEADING_WORDS
        if first_line and not block.endswith((".", ",", ";", ":", "!", "?")):
            title = block  # a short first line: the title, whatever follows
            continue
        if _is_heading(block, following):
            if current.paragraphs:
                sections.append(current)
            current = Section(block, [])
        else:
            current.paragraphs.append(block)
    if current.paragraphs:
        sections.append(current)
    return title, sections


def _inline_text(token: Any) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def sections_from_markdown(text: str) -> tuple[str | None, list[Section]]:
    """(title, sections) of a Markdown article, split at its headings."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)  # tables parsed, then skipped
    title: str | None = None
    sections: list[Section] = []
    current = Section("Introduction", [])
    heading_level: str | None = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading_level = token.tag
        elif token.type == "inline" and heading_level is not None:
            heading = _inline_text(token)
            if heading_level == "h1" and title is None and not sections and not current.paragraphs:
                title = heading
            else:
                if current.paragraphs:
                    sections.append(current)
                current = Section(heading, [])
            heading_level = None
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            paragraph = _inline_text(token)
            if paragraph:
                current.paragraphs.append(paragraph)
    if current.paragraphs:
        sections.append(current)
    return title, sections


def _by_size(paragraphs: list[str]) -> list[Section]:
    """An article without headings: lessons of a few paragraphs each."""
    sections: list[Section] = []
    for start in range(0, len(paragraphs), PARAGRAPHS_PER_LESSON):
        chunk = paragraphs[start : start + PARAGRAPHS_PER_LESSON]
        words = chunk[0].split()[:6]
        sections.append(Section(f"Part {len(sections) + 1}: {' '.join(words)}…", chunk))
    return sections


def slug(text: str, limit: int = 40) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.casefold())
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit and out:
            break
        out = f"{out}-{word}" if out else word
    return out or "course"


def _told_before(told: set[tuple[str, ...]], *item: str) -> bool:
    if item in told:
        return True
    told.add(item)
    return False


def build_course(
    text: str, *, course_id: str, title: str | None, markdown: bool, source: str = "an article"
) -> dict[str, Any]:
    """The course as YAML-ready data: lessons, then the items found in each."""
    found_title, sections = (sections_from_markdown if markdown else sections_from_text)(text)
    if len(sections) == 1 and sections[0].title == "Introduction":
        sections = _by_size(sections[0].paragraphs)
    if not sections:
        raise ArticleError("the article has no paragraphs of text")
    lessons, ids = [], set()
    for number, section in enumerate(sections, 1):
        lesson_id = slug(section.title, 32)
        if lesson_id in ids:
            lesson_id = f"{lesson_id}-{number}"
        ids.add(lesson_id)
        split = [p for raw in section.paragraphs for p in split_long(raw)]
        lessons.append({"id": lesson_id, "title": section.title, "paragraphs": split})

    actors: set[str] = set()  # names that are not key terms: filled from the reading below
    concepts, events, claims, used_actors = [], [], [], []
    seen_ids: set[str] = set()
    told: set[tuple[str, ...]] = set()  # a sentence the article repeats gives one item

    next_number: dict[str, int] = {}  # base id: the number its next copy tries first

    def unique(prefix: str, name: str) -> str:
        base = f"{prefix}:{slug(name, 40)}"
        item_id, n = base, next_number.get(base, 2)
        while item_id in seen_ids:  # rarely more than once: numbers already taken are skipped
            item_id, n = f"{base}-{n}", n + 1
        next_number[base] = n
        seen_ids.add(item_id)
        return item_id

    by_key: dict[str, dict[str, Any]] = {}  # a term's other forms become its aliases
    everything = [p for lesson in lessons for p in lesson["paragraphs"]]
    counts, trigrams = phrase_counts(everything), trigram_counts(everything)
    from studyapp.content import nlp  # spaCy: loaded when an article is imported

    reading = nlp.read_article(everything)
    found_in = iter(reading.paragraphs)  # each paragraph's events and views
    actors |= reading.names  # people, places and peoples are not key terms
    actors |= {c.actor.casefold() for _, found in reading.paragraphs for c in found}

    for lesson in lessons:
        paragraphs = list(lesson["paragraphs"])
        for term, sentence in find_concepts(paragraphs, actors, counts, trigrams):
            known = by_key.get(term_key(term))
            if known is not None:
                if term.casefold() != known["term"].casefold() and term not in known["aliases"]:
                    known["aliases"].append(term)
                continue
            by_key[term_key(term)] = {"term": term, "aliases": []}
            concept = {
                "id": unique("concept", term), "lesson": lesson["id"], "term": term,
                "aliases": by_key[term_key(term)]["aliases"],
                "definition": definition_in(sentence, term), "quote": sentence, "generated": True,
            }  # fmt: skip
            if concept["definition"] is None:  # the text uses the term, defines nothing
                del concept["definition"]  # a cloze only, until someone writes one
            concepts.append(concept)
        for _ in paragraphs:
            paragraph_events, found = next(found_in)
            for event in paragraph_events:
                when = event.date.iso() if event.date else ""
                if _told_before(told, "event", event.title.casefold(), when):  # told again
                    continue
                entry: dict[str, Any] = {
                    "id": unique("event", event.title), "lesson": lesson["id"],
                    "title": event.title, "quote": event.quote, "generated": True,
                }  # fmt: skip
                if event.date is not None:
                    entry["date"] = event.date.iso()
                else:
                    entry["when"] = "not dated in the article"
                events.append(entry)
            for claim in found:
                if _told_before(told, "claim", claim.actor, claim.statement.casefold()):
                    continue
                if claim.actor not in used_actors:
                    used_actors.append(claim.actor)
                claims.append({
                    "id": unique("claim", f"{claim.actor} {claim.statement}"),
                    "lesson": lesson["id"], "actor": claim.actor, "statement": claim.statement,
                    "quote": claim.quote, "generated": True,
                })  # fmt: skip
    for concept in concepts:
        if not concept["aliases"]:
            del concept["aliases"]
    return {
        "id": course_id,
        "title": title or found_title or course_id.replace("-", " ").capitalize(),
        "description": f"Imported from {source}; its items were found automatically.",
        "actors": [{"name": name} for name in used_actors],
        "lessons": lessons,
        "concepts": concepts,
        "events": events,
        "claims": claims,
    }


def _check_destination(out: Path, course_id: str) -> None:
    """Refuse an --out that is a file, lies under one or cannot be written, and a course id
    that is taken, before anything is written."""
    existing = next((p for p in (out, *out.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise ArticleError(f"{out}: cannot hold courses: '{existing}' is a file, not a folder")
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise ArticleError(f"{out}: cannot write there (the folder '{existing}' is read-only)")
    if (out / course_id).exists():
        target = out / course_id
        raise ArticleError(f"{target}: a course '{course_id}' already exists; choose another --id")


def _unwritable(out: Path, error: OSError) -> ArticleError:
    return ArticleError(f"{out}: cannot write the course there ({error.strerror or error})")


def _dump(data: dict[str, Any]) -> str:
    """The course as YAML text: safe_dump's output, never formatted by hand."""
    return HEADER + yaml.dump(
        data, Dumper=_SafeDumper, allow_unicode=True, sort_keys=False, width=100
    )


def import_article(
    path: Path, out: Path, *, course_id: str | None = None, title: str | None = None
) -> Course:
    """Import an article into `out/<course id>/`, all or nothing; return the loaded course."""
    text, found_title, markdown = article_text(path)
    title = " ".join(title.split()) if title else found_title  # one line, however typed
    chosen_id = course_id or slug(title or path.stem)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", chosen_id):
        raise ArticleError(f"course id '{chosen_id}' must be lower-case words joined by hyphens")
    try:
        _check_destination(out, chosen_id)
    except OSError as error:  # a name too long, a folder that cannot be looked into
        raise _unwritable(out, error) from error
    try:
        data = build_course(
            text, course_id=chosen_id, title=title, markdown=markdown, source=f"'{path.name}'"
        )
    except MissingTools as error:
        raise MissingTools(f"{path}: {error}") from None
    if not (data["concepts"] or data["events"] or data["claims"]):
        raise ArticleError(
            f"{path}: found nothing to ask about (no key terms, dated events or views); "
            "no course was written"
        )
    try:
        return _write_course(data, out, chosen_id)
    except OSError as error:
        raise _unwritable(out, error) from error


def _write_course(data: dict[str, Any], out: Path, course_id: str) -> Course:
    """Write and check the course beside its place, then move it in: all or nothing."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{course_id}-", dir=out))
    try:
        folder = staging / course_id
        folder.mkdir()
        (folder / COURSE_FILE).write_text(_dump(data), encoding="utf-8")
        try:
            course = load_course(folder)
        except CourseError as error:  # a fault of the importer, not of the article
            raise ArticleError(f"the imported course does not pass its checks:\n{error}") from error
        folder.rename(out / course_id)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return replace(course, folder=out / course_id)
