"""Checked courses come from the cache until one of their files changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.content import load_catalogue, loader
from studyapp.content.cache import cache_folder
from tests.conftest import TOY_COURSE, WriteCourse


def refuse_to_read(folder: Path) -> None:
    raise AssertionError(f"{folder} was read again")


def test_an_unchanged_course_is_not_read_again(
    write_course: WriteCourse, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_course("toy")
    first = load_catalogue(folder.parent).course("toy")
    monkeypatch.setattr(loader, "load_course", refuse_to_read)
    again = load_catalogue(folder.parent).course("toy")
    assert again == first and again.folder == folder


def test_a_changed_file_is_read_and_checked_again(write_course: WriteCourse) -> None:
    folder = write_course("toy")
    assert load_catalogue(folder.parent).course("toy").title == "A Toy Course"
    (folder / "course.yaml").write_text(TOY_COURSE.replace("A Toy Course", "A New Title"))
    assert load_catalogue(folder.parent).course("toy").title == "A New Title"
    (folder / "course.yaml").write_text(TOY_COURSE.replace('quote: "A nap', 'quote: "No nap'))
    catalogue = load_catalogue(folder.parent)
    assert not catalogue.courses and "toy" in catalogue.broken  # never served stale


def test_a_cache_that_cannot_be_written_only_means_reading_again(
    write_course: WriteCourse, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("STUDYAPP_CACHE", str(blocked / "courses"))
    folder = write_course("toy")
    assert load_catalogue(folder.parent).course("toy").title == "A Toy Course"
    assert load_catalogue(folder.parent).course("toy").title == "A Toy Course"
    assert not cache_folder().exists()


def test_one_course_comes_from_the_cache_alone_and_never_from_outside(
    write_course: WriteCourse,
) -> None:
    from studyapp.content import cached_course

    folder = write_course("toy")
    assert cached_course(folder.parent, "toy") is None  # not checked yet
    load_catalogue(folder.parent)
    found = cached_course(folder.parent, "toy")
    assert found is not None and found.title == "A Toy Course"
    for name in ("../toy", "/etc", "missing", "a\x00b"):
        assert cached_course(folder.parent / "toy", name) is None
