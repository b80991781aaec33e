from __future__ import annotations

from studyapp.content import Concept, find_terms


def concept(term: str, *aliases: str) -> Concept:
    return Concept(f"concept:{term}", "l", term, "def", "q", aliases)


def test_whole_words_only_case_insensitive_longest_first() -> None:
    dilemma = concept("security dilemma", "security dilemmas")
    security = concept("security")
    text = "Security dilemmas abound; insecurity is not security."
    found = [(text[m.start : m.end], m.concept.term) for m in find_terms(text, [security, dilemma])]
    assert found == [("Security dilemmas", "security dilemma"), ("security", "security")]


def test_no_terms_no_matches() -> None:
    assert find_terms("Nothing to see.", []) == []
