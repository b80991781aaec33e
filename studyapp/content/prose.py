"""Sentences of a paragraph, and long paragraphs split where sentences end."""

from __future__ import annotations

import itertools
import math
import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"\u201c'\u2018(A-Z0-9])")
SENTENCES_PER_PARAGRAPH = 5


def sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
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
