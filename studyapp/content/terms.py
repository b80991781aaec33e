"""Find where a lesson's key terms stand in its text (for the reader's highlights)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from studyapp.content.model import Concept


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    concept: Concept


def find_terms(text: str, concepts: Iterable[Concept]) -> list[TermMatch]:
    """Every whole-word, case-insensitive mention of a concept's term or alias.

    Longer names win where mentions overlap ("security dilemmas" over "security
    dilemma"); the result is sorted by position and never overlaps.
    """
    names = sorted(
        ((name, concept) for concept in concepts for name in concept.names),
        key=lambda pair: -len(pair[0]),
    )
    taken = [False] * len(text)
    found: list[TermMatch] = []
    for name, concept in names:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(text):
            if not any(taken[match.start() : match.end()]):
                taken[match.start() : match.end()] = [True] * (match.end() - match.start())
                found.append(TermMatch(match.start(), match.end(), concept))
    return sorted(found, key=lambda m: m.start)
