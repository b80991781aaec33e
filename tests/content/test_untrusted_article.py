"""Untrusted articles and --out folders (issue #10): one ArticleError message, nothing written."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from studyapp.cli import main
from studyapp.content import load_course
from studyapp.content.importer import ArticleError, import_article, read_article
from studyapp.content.nlp import find_events
from tests.conftest import ARTICLE, ROOT, read_only

SENTENCE = "In 1999 NATO annexed the so-called security dilemma known as deterrence policy. "


def import_in_a_child(
    article: Path, out: Path, seconds: float = 60
) -> subprocess.CompletedProcess[str]:
    """`main.py import` in its own process, so that a hang fails the test instead of the run."""
    try:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "import", str(article), "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=seconds,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"import did not finish within {seconds} s")


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The one line `main.py import` prints when it refuses, after checking it exits 2."""
    assert main(["import", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    return line


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfeA\x00\x00\xd8",  # UTF-16 with a lone surrogate
        b"\xff\xfeA\x00B",  # UTF-16 cut in the middle of a character
        b"\xfe\xff\xd8\x00\x00A",
    ],
)
def test_broken_utf16_is_one_message(tmp_path: Path, data: bytes) -> None:
    article = tmp_path / "broken.txt"
    article.write_bytes(data)
    with pytest.raises(ArticleError, match="is not UTF-16 text"):
        read_article(article)


def test_an_article_that_cannot_be_read_is_one_message(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path)  # a folder
    with pytest.raises(ArticleError, match="cannot be read"):
        read_article(tmp_path / ("x" * 5000 + ".txt"))


def test_out_that_is_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "a-file"
    out.write_text("mine", encoding="utf-8")
    line = refused(capsys, str(ARTICLE), "--out", str(out))
    assert line == f"studyapp: {out}: cannot hold courses: '{out}' is a file, not a folder"
    assert out.read_text(encoding="utf-8") == "mine"


def test_out_under_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "a-file" / "courses"
    out.parent.write_text("mine", encoding="utf-8")
    line = refused(capsys, str(ARTICLE), "--out", str(out))
    assert "is a file, not a folder" in line
    assert sorted(tmp_path.iterdir()) == [tmp_path / "a-file"]


def test_an_out_or_id_the_system_cannot_take_is_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = "x" * 300
    line = refused(capsys, str(ARTICLE), "--out", str(tmp_path / long_name))
    assert line.endswith("cannot write the course there (File name too long)")
    line = refused(capsys, str(ARTICLE), "--out", str(tmp_path), "--id", long_name)
    assert line.endswith("cannot write the course there (File name too long)")
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_out_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "locked"
    out.mkdir()
    with read_only(out):
        line = refused(capsys, str(ARTICLE), "--out", str(out))
        assert "read-only" in line or "not permitted" in line, line
        assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    "fails",
    ["pathlib.Path.mkdir", "studyapp.content.importer.tempfile.mkdtemp", "pathlib.Path.write_text"],
)
def test_an_os_error_while_writing_is_one_message_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fails: str
) -> None:
    """A folder that refuses writing (read-only, a full disk): as root it can only be faked."""
    out = tmp_path / "out"
    out.mkdir()

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fails, refuse)
    line = refused(capsys, str(ARTICLE), "--out", str(out))
    assert line == f"studyapp: {out}: cannot write the course there (Permission denied)"
    monkeypatch.undo()
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    "name", ["odd\nname: x #.txt", 'it\'s "quoted": [1, 2] & *x.txt', "- {a: b}\n---\n.txt"]
)
def test_an_odd_file_name_cannot_break_the_yaml(tmp_path: Path, name: str) -> None:
    article = tmp_path / name
    article.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    course = import_article(article, tmp_path / "out", course_id="odd")
    assert course.description == f"Imported from '{name}'; its items were found automatically."
    assert load_course(tmp_path / "out" / "odd") == course
    text = (tmp_path / "out" / "odd" / "course.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["id"] == "odd"


@pytest.mark.parametrize(
    "title",
    ['A "quoted": title # not a comment', "- a list? {no}: [no] &anchor *alias", "---\n..."],
)
def test_an_odd_title_loads_back_as_given(tmp_path: Path, title: str) -> None:
    course = import_article(ARTICLE, tmp_path, course_id="odd", title=title)
    assert course.title == " ".join(title.split())
    assert load_course(tmp_path / "odd").title == course.title


def test_a_title_with_a_newline_becomes_one_line(tmp_path: Path) -> None:
    course = import_article(ARTICLE, tmp_path, course_id="odd", title="Two\nlines:\n  x")
    assert load_course(tmp_path / "odd").title == course.title == "Two lines: x"


def test_a_date_written_with_a_comma_gives_an_event() -> None:
    for sentence in (
        "On March 5, 2014 NATO deployed troops to the east.",
        "On 5 March, 2014 NATO deployed troops to the east.",
    ):
        [[event]] = find_events([sentence])
        assert event.title == "NATO deployed troops to the east"
        assert event.date is not None and event.date.iso() == "2014-03-05"


def test_a_repeated_sentence_gives_one_item_not_thousands(tmp_path: Path) -> None:
    article = tmp_path / "repeats.txt"
    article.write_text(SENTENCE * 2000, encoding="utf-8")
    course = import_article(article, tmp_path / "out")
    assert len(course.events) == 1
    assert len({c.term for c in course.concepts}) == len(course.concepts)


def test_a_5_mb_article_of_one_repeated_sentence_imports_in_seconds(tmp_path: Path) -> None:
    article = tmp_path / "repeats.txt"
    article.write_text(SENTENCE * (5_000_000 // len(SENTENCE)), encoding="utf-8")
    started = time.perf_counter()
    done = import_in_a_child(article, tmp_path / "out")
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert seconds < 15  # about 2 s on a quiet machine; it took over 280 s before
    assert load_course(tmp_path / "out" / "repeats").lessons[0].paragraphs
