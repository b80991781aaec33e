"""Fuzzing untrusted input (issue #10): whatever a course file or an article holds, the result is
a course or the project's own error, never a traceback, and each example stays fast."""

from __future__ import annotations

import copy
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.content import CourseError, load_course
from studyapp.content.importer import ArticleError, import_article
from tests.conftest import TOY_COURSE

FAST = settings(
    max_examples=60,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TOY = yaml.safe_load(TOY_COURSE)
YAML_BITS = st.sampled_from(
    ["&a ", "*a", "&b [*a, *a, *a]", "[", "]", "{", "}", ": ", ", ", "- ", "\n", "  ", "? ", "'",
     '"', "#", "|\n", ">-\n", "~", "!!int ", "!!float ", "!!binary ", "!!set ", "!!timestamp ",
     "!!python/object:os.system ", "<<: ", "2022-02-30", "1e999", "0x", "9" * 5000, "---\n",
     "...\n", "%YAML 1.1\n", "\t", "\u2028", "\x85", "\ufeff", "é", "\x00", " concept:x "]
)  # fmt: skip
texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
scalars = st.none() | st.booleans() | st.integers() | st.floats() | texts | st.dates()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=12,
)


def edited(text: str, edits: list[tuple[int, int, str]]) -> str:
    for position, deleted, inserted in edits:
        at = position % (len(text) + 1)
        text = text[:at] + inserted + text[at + deleted :]
    return text


@st.composite
def mutated_courses(draw: st.DrawFn) -> str:
    """The toy course with characters YAML cares about inserted and deleted at random."""
    edit = st.tuples(st.integers(0, 10_000), st.integers(0, 6), YAML_BITS | texts)
    return edited(TOY_COURSE, draw(st.lists(edit, min_size=1, max_size=6)))


@st.composite
def retyped_courses(draw: st.DrawFn) -> str:
    """The toy course with one field at any depth holding a value of any type."""
    course: Any = copy.deepcopy(TOY)
    holder = course
    while True:
        keys = list(holder) if isinstance(holder, dict) else list(range(len(holder)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        if not isinstance(holder[key], dict | list) or draw(st.booleans()):
            holder[key] = draw(values)
            break
        holder = holder[key]
    return yaml.safe_dump(course, allow_unicode=True)


@st.composite
def alias_bombs(draw: st.DrawFn) -> str:
    """Aliases of aliases, as wide and deep as hypothesis likes, used where a course looks."""
    width, depth = draw(st.integers(1, 12)), draw(st.integers(1, 8))
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, depth + 1):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * width)}]")
    field = draw(st.sampled_from(["include", "lessons", "title", "description", "actors"]))
    return TOY_COURSE + "\n".join(lines) + f"\n{field}: *l{depth}\n"


def load_untrusted(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "toy"
        folder.mkdir()
        (folder / "course.yaml").write_bytes(data)
        try:
            load_course(folder)
        except CourseError as error:
            assert error.problems
            assert all(p.line >= 1 and p.message for p in error.problems)


@FAST
@given(mutated_courses() | retyped_courses() | alias_bombs() | st.text(max_size=300))
def test_any_course_text_loads_or_gives_problems(text: str) -> None:
    load_untrusted(text.encode("utf-8", errors="surrogatepass"))


@FAST
@given(st.binary(max_size=300))
def test_any_course_bytes_load_or_give_problems(data: bytes) -> None:
    load_untrusted(data)


SENTENCES = st.sampled_from(
    ["In 1999 NATO annexed Crimea.", "Russia argues that the alliance is a threat to it.",
     "The so-called security dilemma is known as deterrence.", "On March 5, 2014, it began.",
     "# A heading", "## Another", "They say it matters a great deal to them.", "\n\n", "\n",
     '"Quoted words" here.', "Since the end of the Cold War, NATO expanded.", "*", "- ", "> "]
)  # fmt: skip
articles = st.lists(SENTENCES | st.text(max_size=40), max_size=30).map(" ".join)


def import_untrusted(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as root:
        article = Path(root) / f"article{suffix}"
        article.write_bytes(data)
        try:
            course = import_article(article, Path(root) / "out")
        except ArticleError as error:
            assert "does not pass its checks" not in str(error)  # that would be our fault
        else:
            assert course.lessons
            # no item twice: a term once, an event once at its time, a view once per holder
            terms = [name.casefold() for c in course.concepts for name in c.names]
            events = [(e.title.casefold(), e.time) for e in course.events]
            views = [(c.actor, c.statement.casefold()) for c in course.claims]
            for found in (terms, events, views):
                assert len(found) == len(set(found)), found


@FAST
@given(articles | st.text(max_size=400), st.sampled_from([".txt", ".md"]))
def test_any_article_text_imports_or_is_refused(text: str, suffix: str) -> None:
    import_untrusted(text.encode("utf-8", errors="surrogatepass"), suffix)


@FAST
@given(st.binary(max_size=400), st.sampled_from([b"", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"]))
def test_any_article_bytes_import_or_are_refused(data: bytes, mark: bytes) -> None:
    import_untrusted(mark + data, ".txt")
