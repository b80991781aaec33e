"""Articles in other clothes: HTML pages, PDF files and Markdown with front matter, tables
and footnotes, each brought to the headings and paragraphs the importer splits into lessons.

HTML and PDF need the optional import tools (`pip install -e '.[import]'`): BeautifulSoup
for the page's main text, pypdf for a PDF's text. Both are loaded only when used.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NoReturn

import yaml

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
# Parts of a page that are not its article.
HTML_CLUTTER = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                "iframe", "svg", "button", "table", "figure")  # fmt: skip
HEADINGS = ("h1", "h2", "h3", "h4")
# The commonest English words: an English article is full of them, French or German is not.
ENGLISH = frozenset(
    "the of and to a in is that it was for on are as with by be this at from have has "
    "or an not but which were their they its his her been more also when there".split()
)
SENTENCE_ENDS = (".", "!", "?", ":", ";", ",", '"', "”", ")")
MIN_ENGLISH_SHARE = 0.12  # English prose runs at about 0.25; French and German near 0.02
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_FOOTNOTE_LINE = re.compile(r"^\[\^[^\]]+\]:.*(?:\n(?: {2,}|\t).*)*", re.MULTILINE)
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]]+\]")


class ArticleError(Exception):
    """An article that cannot be imported; the message says what and where."""


class MissingTools(ArticleError):
    """The optional import tools are not installed; the message says how to add them."""


def need(module: str, what: str) -> NoReturn:
    raise MissingTools(
        f"reading {what} needs the optional import tools ({module} is missing): "
        "install them with  .venv/bin/pip install -e '.[import]'"
    )


def english_share(text: str) -> float:
    words = re.findall(r"[a-zà-ÿ]+", text.casefold())
    return sum(word in ENGLISH for word in words) / len(words) if words else 0.0


def markdown_front_matter(text: str) -> tuple[str | None, str]:
    """(the title the front matter gives, the Markdown after it); footnotes dropped."""
    title = None
    found = _FRONT_MATTER.match(text)
    if found:
        text = text[found.end() :]
        try:
            fields = yaml.safe_load(found.group(1))
        except yaml.YAMLError:
            fields = None
        if isinstance(fields, dict) and isinstance(fields.get("title"), str):
            title = " ".join(fields["title"].split()) or None
    text = _FOOTNOTE_MARK.sub("", _FOOTNOTE_LINE.sub("", text))
    if title is not None:  # the title heads the text: a first "# Heading" is then a lesson
        text = f"# {title}\n\n{text}"
    return title, text


def html_to_markdown(html: str) -> tuple[str | None, str]:
    """(the page's title, its main text as Markdown headings and paragraphs): navigation,
    scripts, footers and tables go; entities are decoded."""
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        need("beautifulsoup4", "an HTML page")
    soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text(" ").split()) if title_tag else None
    for tag in soup(HTML_CLUTTER):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.find("body") or soup
    lines: list[str] = []
    for tag in root.find_all([*HEADINGS, "p", "li", "blockquote"]):
        if tag.find_parent(["p", "li", "blockquote"]):
            continue  # its text is in the enclosing block already
        text = " ".join(tag.get_text(" ").split())
        text = re.sub(r" ([,.;:!?])", r"\1", text)
        if not text:
            continue
        if tag.name in HEADINGS:
            level = "#" * (int(tag.name[1]) if tag.name != "h1" else 1)
            lines.append(f"{level} {text}")
        else:
            lines.append(text)
    markdown = "\n\n".join(_escape_markdown(line) for line in lines)
    return title, markdown


def _escape_markdown(line: str) -> str:
    if line.startswith("#"):
        return line
    return re.sub(r"^([#>*+-]|\d+[.)])", r"\\\1", line)  # a paragraph, not a heading or list


def pdf_text(path: Path) -> tuple[str, bool]:
    """A PDF's text, page after page, and whether it is Markdown: lines set larger than the
    body text are its headings ("# " for the largest, then "## "); without any, plain text
    with blank lines between blocks, as the importer wants."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        need("pypdf", "a PDF")
    runs: list[tuple[str, float]] = []  # each piece of text and its size on the page

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            runs.append((text, size * (abs(cm[3] * tm[3]) or 1.0)))

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text(visitor_text=visit) or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise ArticleError(f"{path}: the PDF cannot be read ({error})") from error
    text = "\n\n".join(pages)
    marked = _headings_by_size(text, runs)
    return (marked, True) if marked is not None else (reflow(text), False)


def _as_text(paragraph: str) -> str:
    """A paragraph that Markdown reads as written: "1949. The …" is a sentence, not a list
    item, and "- " or "# " at its start are characters, not markup."""
    if re.match(r"^\d+[.)]\s", paragraph):
        return re.sub(r"^(\d+)([.)])", r"\1\\\2", paragraph)
    return "\\" + paragraph if _MARKDOWN_START.match(paragraph) else paragraph


HEADING_SCALE = 1.15  # a line this much larger than the body text is a heading
_MARKDOWN_START = re.compile(r"^(?:[#>*+=|`~-]|\d+[.)]\s)")


def _headings_by_size(text: str, runs: list[tuple[str, float]]) -> str | None:
    """The text as Markdown with headings where lines are set larger than the body; None
    when the sizes tell nothing (one size throughout)."""
    chars: dict[float, int] = {}
    for piece, size in runs:
        chars[round(size, 1)] = chars.get(round(size, 1), 0) + len(piece)
    if len(chars) < 2:
        return None
    body = max(chars, key=lambda size: chars[size])
    sizes: list[float] = []  # each line's largest size, found by walking the runs in order
    pieces = iter(runs)
    pending = next(pieces, None)
    for line in text.splitlines():
        flat, largest = " ".join(line.split()), 0.0
        while pending is not None and " ".join(pending[0].split()) in flat:
            largest = max(largest, pending[1])
            pending = next(pieces, None)
        sizes.append(largest)
    heading_sizes = sorted({s for s in sizes if s >= body * HEADING_SCALE}, reverse=True)
    if not heading_sizes:
        return None
    blocks: list[str] = []
    body_lines: list[str] = []
    last_heading: tuple[float, list[str]] | None = None

    def flush() -> None:
        nonlocal last_heading
        if body_lines:
            for paragraph in reflow("\n".join(body_lines)).split("\n\n"):
                if paragraph:
                    blocks.append(_as_text(paragraph))
            body_lines.clear()
        if last_heading is not None:
            size, words = last_heading
            level = "#" if size == heading_sizes[0] and len(heading_sizes) > 1 else "##"
            blocks.append(f"{level} {' '.join(words)}")
            last_heading = None

    for line, size in zip(text.splitlines(), sizes, strict=True):
        flat = " ".join(line.split())
        if size >= body * HEADING_SCALE and flat and not flat.isdigit():
            if last_heading is not None and last_heading[0] == size:
                last_heading[1].append(flat)  # a heading set on two lines
                continue
            flush()
            last_heading = (size, [flat])
        else:
            if last_heading is not None:
                flush()
            body_lines.append(line)
    flush()
    return "\n\n".join(blocks)


def reflow(text: str) -> str:
    """Lines of a PDF's layout back into paragraphs: a short line ends a paragraph (or is a
    heading), a blank line always does, and a word broken by a hyphen is joined again."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = ["" if line.isdigit() else line for line in lines]  # page numbers
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return ""
    full = widths[len(widths) * 3 // 4]  # the width of a full line of text
    blocks: list[list[str]] = [[]]
    for line in lines:
        heading = 0 < len(line) < 0.6 * full and not line.endswith(SENTENCE_ENDS)
        if heading and blocks[-1]:
            blocks.append([])
        if line:
            blocks[-1].append(line)
        if not line or heading or len(line) < 0.8 * full:
            blocks.append([])
    paragraphs = []
    for block in blocks:
        joined = ""
        for line in block:
            if joined.endswith("-") and line[:1].islower():
                joined = joined[:-1] + line
            else:
                joined = f"{joined} {line}" if joined else line
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)
