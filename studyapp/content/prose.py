"""Sentences of a paragraph, and long paragraphs split where sentences end."""

from __future__ import annotations

import itertools
import math
import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"\u201c'\u2018(A-Z0-9])")
# A full stop that ends a title, an initial or an abbreviation does not end the sentence:
# "Dr. Smith", "John F. Kennedy", "the U.S. State Department", "on Oct. 3".
_NOT_AN_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Col|Lt|Sgt|Capt|Rev|Gov|Sen|Rep|Pres|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|e\.g|i\.e|approx|ca|cf)"
    r"|(?:^|[\s(])[A-Z]|(?:[A-Z]\.)+[A-Z])\.$"
)
SENTENCES_PER_PARAGRAPH = 5


def sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        if _NOT_AN_END.search(paragraph[max(start, match.start() - 12) : match.start()]):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(paragraph)))
    return spans


def sentence_texts(paragraph: str) -> list[str]:
    return [paragraph[start:end] for start, end in sentences(paragraph)]


def split_long(paragraph: str) -> list[str]:
    """A long paragraph as a few of about five sentences each, for reading on screen."""
    parts = sentence_texts(paragraph)
    count = math.ceil(len(parts) / SENTENCES_PER_PARAGRAPH)
    if count <= 1:
        return [paragraph]
    size = len(parts) / count
    bounds = [round(n * size) for n in range(count + 1)]
    return [" ".join(parts[a:b]) for a, b in itertools.pairwise(bounds)]
