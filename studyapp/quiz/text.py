"""Text helpers for questions: sentences, whole-word search, and lenient comparison."""

from __future__ import annotations

import re
import unicodedata

from studyapp.content import sentences

_ARTICLES = re.compile(r"^(the|a|an)\s+")
STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
    }
)


def grounding_sentence(paragraphs: tuple[str, ...], quote: str) -> str:
    """The whole sentence (or sentences) of the lesson that contain a quote."""
    for paragraph in paragraphs:
        at = paragraph.find(quote)
        if at < 0:
            continue
        end = at + len(quote)
        spans = sentences(paragraph)
        first = max(s for s, e in spans if s <= at)
        last = min(e for s, e in spans if e >= end)
        return paragraph[first:last]
    return quote


def find_word(text: str, phrase: str) -> list[int]:
    """Start offsets of `phrase` in `text` as a whole word, ignoring case.

    A plain scan rather than a regular expression: it runs for every item of a course, and
    compiling a pattern per term is what made quizzes on large courses slow.
    """
    if not phrase:
        return []
    haystack, needle = text.casefold(), phrase.casefold()
    if len(haystack) != len(text):  # casefold changed lengths (e.g. "ß"): be exact instead
        haystack, needle = text.lower(), phrase.lower()
    starts, at = [], haystack.find(needle)
    while at >= 0:
        end = at + len(needle)
        before = haystack[at - 1] if at > 0 else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            starts.append(at)
        at = haystack.find(needle, at + 1)
    return starts


def mentions(text: str, phrase: str) -> bool:
    return bool(find_word(text, phrase))


def normalize(text: str) -> str:
    """Fold case, accents, punctuation, spacing and a leading article away."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[^\w\s]", " ", plain.casefold())
    plain = " ".join(plain.split())
    return _ARTICLES.sub("", plain)


def quoted(text: str) -> str:
    return f"“{text}”"


def as_option(text: str) -> str:
    """A choice as a list shows it, with a capital: "Historians" for the view of "historians"."""
    return text[:1].upper() + text[1:]
