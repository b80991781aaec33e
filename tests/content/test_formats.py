"""Articles as HTML pages, PDF files and Markdown with front matter, tables and footnotes;
text that is not English, and text with nothing to ask, each get one clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyapp.cli import main
from studyapp.content import Course, load_course
from studyapp.content.formats import reflow

HISTORY = (
    "The alliance was founded in 1949 by twelve countries. Its members promised to defend "
    "one another, and the promise has been kept for the whole of its history since then."
)
LATER = (
    "In 1999 three more countries joined the alliance after long talks. The enlargement was "
    "the first of several, and each one was argued over at length in the years before it."
)

PAGE = f"""<!DOCTYPE html>
<html><head><title>The Alliance &amp; its Members</title>
<script>var tracking = "<p>not text</p>";</script><style>p {{ color: red }}</style></head>
<body>
<nav><ul><li>Home</li><li>About us</li></ul></nav>
<header><p>Subscribe to our newsletter for more stories.</p></header>
<article>
<h1>The Alliance &amp; its Members</h1>
<h2>Founding</h2><p>{HISTORY}</p>
<table><tr><td>1949</td><td>12 members</td></tr></table>
<h2>Growth</h2><p>{LATER}</p>
</article>
<footer><p>Copyright 2026. All rights reserved.</p></footer>
</body></html>"""


def imported(tmp_path: Path, name: str, content: str | bytes) -> Path:
    article = tmp_path / name
    if isinstance(content, str):
        article.write_text(content, encoding="utf-8")
    else:
        article.write_bytes(content)
    out = tmp_path / "out"
    assert main(["import", str(article), "--id", "course", "--out", str(out)]) == 0
    return out / "course"


def test_an_html_page_gives_its_article_without_tags_scripts_or_navigation(
    tmp_path: Path,
) -> None:
    course = load_course(imported(tmp_path, "page.html", PAGE))
    assert course.title == "The Alliance & its Members"
    assert [lesson.title for lesson in course.lessons] == ["Founding", "Growth"]
    text = " ".join(p for lesson in course.lessons for p in lesson.paragraphs)
    assert text == f"{HISTORY} {LATER}"
    for clutter in ("<", "tracking", "Subscribe", "Copyright", "Home", "12 members"):
        assert clutter not in text


def test_markdown_front_matter_tables_and_footnotes_are_not_lessons(tmp_path: Path) -> None:
    article = f"""---
title: "Seventy Years of an Alliance"
author: A. Writer
---

# Founding

{HISTORY}[^1]

| year | members |
|------|---------|
| 1949 | 12      |

# Growth

{LATER}

[^1]: The treaty was signed in Washington.
"""
    course = load_course(imported(tmp_path, "history.md", article))
    assert course.title == "Seventy Years of an Alliance"
    assert [lesson.title for lesson in course.lessons] == ["Founding", "Growth"]
    text = " ".join(p for lesson in course.lessons for p in lesson.paragraphs)
    assert text == f"{HISTORY} {LATER}"


def pdf_course(tmp_path: Path, name: str, html: str) -> Course:
    """The course imported from a PDF that Qt prints from this HTML."""
    from studyapp.ui.qt import QPdfWriter, QTextDocument

    pdf = tmp_path / name
    writer = QPdfWriter(str(pdf))
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer
    return load_course(imported(tmp_path, name, pdf.read_bytes()))


def test_a_pdf_gives_its_headings_and_paragraphs(tmp_path: Path, qtbot: QtBot) -> None:
    html = f"<h1>Seventy Years</h1><h2>Founding</h2><p>{HISTORY}</p><h2>Growth</h2><p>{LATER}</p>"
    course = pdf_course(tmp_path, "history.pdf", html)
    assert course.title == "Seventy Years"
    assert [lesson.title for lesson in course.lessons] == ["Founding", "Growth"]
    assert course.lessons[0].paragraphs == (HISTORY,)


def test_a_pdf_heading_is_known_by_its_size_however_long(tmp_path: Path, qtbot: QtBot) -> None:
    long = "How the Alliance Grew From Twelve Founding Members to Thirty-Two Over Seventy Years"
    html = (
        f"<h1>Seventy Years</h1><h2>{long}</h2><p>1949. {HISTORY}</p><h2>Growth</h2><p>{LATER}</p>"
    )
    course = pdf_course(tmp_path, "growth.pdf", html)
    assert course.title == "Seventy Years"
    assert [lesson.title for lesson in course.lessons] == [long, "Growth"]
    assert course.lessons[0].paragraphs == (f"1949. {HISTORY}",)  # a sentence, not a list


def test_lines_of_a_pdf_page_become_paragraphs_again() -> None:
    page = "A heading\n" + "a line of text that runs to the full width of the page and on-\n" * 3
    page += "wards to its end.\nShort last line.\n"
    assert reflow(page).split("\n\n")[0] == "A heading"


@pytest.mark.parametrize(
    "text",
    [
        "Die Allianz wurde 1949 gegründet. Sie ist ein Bündnis von Staaten, und die Mitglieder "
        "versprechen einander Beistand, wenn einer von ihnen angegriffen wird.",
        "L'alliance a été fondée en 1949. Elle réunit des États qui se promettent une aide "
        "mutuelle si l'un d'entre eux est attaqué par une puissance étrangère.",
    ],
)
def test_an_article_not_in_english_is_one_message(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(f"Titel\n\n{text}\n", encoding="utf-8")
    assert main(["import", str(article), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not read as English" in err and str(article) in err
    assert not (tmp_path / "out").exists()


def test_an_article_with_nothing_to_ask_writes_no_course(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "note.txt"
    article.write_text("Hello there.\n\nThis is a note to say that it is all fine with me.\n")
    assert main(["import", str(article), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "found nothing to ask about" in err and str(article) in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_without_the_import_tools_an_html_page_says_how_to_add_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "bs4", None)  # as if BeautifulSoup were not installed
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["import", str(page), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert (
        str(page) in err
        and "beautifulsoup4 is missing" in err
        and "pip install -e '.[import]'" in err
    )
