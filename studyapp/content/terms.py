"""Find where a lesson's key terms stand in its text (for the reader's highlights).

A course may hold tens of thousands of terms: they are indexed once by their first word,
and a paragraph is read once, word by word, looking only at the terms that start there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from studyapp.content.model import Concept

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    concept: Concept


class TermIndex:
    """The terms and aliases of some concepts, indexed by their first word (case folded)."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self._by_first: defaultdict[str, list[tuple[str, Concept]]] = defaultdict(list)
        self._odd: list[tuple[re.Pattern[str], Concept]] = []  # names that open on no word
        for concept in concepts:
            for name in concept.names:
                first = _WORD.match(name)
                if first is None:
                    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
                    self._odd.append((pattern, concept))
                else:
                    self._by_first[first.group().lower()].append((name.lower(), concept))

    def find(self, text: str) -> list[TermMatch]:
        """Every whole-word, case-insensitive mention of a term or alias. Longer names win
        where mentions overlap ("security dilemmas" over "security dilemma"); the result
        is sorted by position and never overlaps."""
        candidates: list[tuple[int, int, Concept]] = []
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer ("İ")
            lowered = "".join(c.lower()[:1] for c in text)
        for word in _WORD.finditer(text):
            for name, concept in self._by_first.get(word.group().lower(), ()):
                end = word.start() + len(name)
                if lowered.startswith(name, word.start()) and not _WORD.match(text, end):
                    candidates.append((word.start(), end, concept))
        for pattern, concept in self._odd:
            candidates += [(m.start(), m.end(), concept) for m in pattern.finditer(text)]
        candidates.sort(key=lambda found: (found[0] - found[1], found[0]))  # longest first
        taken = [False] * len(text)
        matches = []
        for start, end, concept in candidates:
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                matches.append(TermMatch(start, end, concept))
        return sorted(matches, key=lambda m: m.start)


def find_terms(text: str, concepts: Iterable[Concept]) -> list[TermMatch]:
    """Every mention of the concepts' terms in one text (see TermIndex.find)."""
    return TermIndex(concepts).find(text)
