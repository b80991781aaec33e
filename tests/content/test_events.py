"""Events found by the language pipeline, on the classes of failure real articles showed:
a real action with a subject, at a time the text states, titled by its own clause."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.content import nlp
from studyapp.content.model import PartialDate
from studyapp.content.nlp import find_events, read_date


def events(*paragraphs: str) -> list[tuple[str, PartialDate | None]]:
    return [(e.title, e.date) for found in find_events(list(paragraphs)) for e in found]


def test_a_us_date_followed_by_a_comma_is_read_whole() -> None:
    assert events("The treaty was signed on April 4, 1949, in Washington.") == [
        ("The treaty was signed in Washington", PartialDate(1949, 4, 4))
    ]


def test_may_is_a_month_and_a_year_before_a_noun_dates_it() -> None:
    assert events(
        "In May 2004, seven more states joined.", "The 1997 Madrid summit invited three states."
    ) == [
        ("Seven more states joined", PartialDate(2004, 5)),
        ("The Madrid summit invited three states", PartialDate(1997)),
    ]


def test_a_date_without_a_year_takes_the_year_the_text_gave_last() -> None:
    found = events("The war began in 1914.", "On 16 October the ministers met in Brussels.")
    assert ("The ministers met in Brussels", PartialDate(1914, 10, 16)) in found


def test_a_list_of_joiners_stays_one_event_with_every_name() -> None:
    assert events("In March 1999, Poland, Hungary, and the Czech Republic joined NATO.") == [
        ("Poland, Hungary, and the Czech Republic joined NATO", PartialDate(1999, 3))
    ]


def test_negations_conditionals_modals_questions_and_reported_speech_are_not_events() -> None:
    assert (
        events(
            "Sweden hadn't fought a war since 1814.",
            "No nuclear weapon has been used in war since 1945.",
            "If Russia had invaded in 2008, the alliance would have answered.",
            "The alliance may grow in 2025.",
            "Will the alliance expand again in 2030?",
            "He said the war began in 1914.",
            "Historians believe the treaty was drafted in 1948.",
        )
        == []
    )


def test_abbreviations_do_not_cut_a_sentence() -> None:
    [found] = find_events(
        ["Dr. Smith of the U.S. State Department met John F. Kennedy on Oct. 3, 1961."]
    )
    assert [e.quote for e in found] == [
        "Dr. Smith of the U.S. State Department met John F. Kennedy on Oct. 3, 1961."
    ]
    assert found[0].date == PartialDate(1961, 10, 3)


def test_an_event_named_by_a_noun_keeps_its_name_not_its_sentence() -> None:
    assert events(
        "Tensions grew, particularly following Russia's annexation of Crimea in 2014."
    ) == [("Russia's annexation of Crimea", PartialDate(2014))]


def test_dates_are_read_at_the_precision_the_text_gives() -> None:
    assert read_date("4 April 1949", None) == PartialDate(1949, 4, 4)
    assert read_date("Oct. 3", 1961) == PartialDate(1961, 10, 3)
    assert read_date("the summer of 2014", None) == PartialDate(2014)
    assert read_date("the 1990s", None) is None
    assert read_date("two years ago", None) is None
    assert read_date("16 October", None) is None  # no year anywhere before it


def test_without_the_language_tools_an_import_says_how_to_add_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # as if spaCy were not installed
    nlp.pipeline.cache_clear()
    article = tmp_path / "history.txt"
    article.write_text("A History\n\nThe treaty was signed in Washington in 1949.\n")
    try:
        assert main(["import", str(article), "--out", str(tmp_path / "out")]) == 2
    finally:
        nlp.pipeline.cache_clear()
    err = capsys.readouterr().err
    assert str(article) in err and "spacy is missing" in err and "'.[import]'" in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_only_a_sentence_that_defines_gives_a_definition() -> None:
    from studyapp.content.finders import definition_in

    defines = {
        "Deterrence is the practice of discouraging an attack by threatening a cost.": (
            "deterrence",
            "The practice of discouraging an attack by threatening a cost.",
        ),
        "The Visegrád Group, an alliance of four central European states, met in 1991.": (
            "Visegrád Group",
            "An alliance of four central European states.",
        ),
        "The concept of print culture describes how reading habits changed once books were "
        "cheap.": ("print culture", "How reading habits changed once books were cheap."),
    }
    for sentence, (term, meaning) in defines.items():
        assert definition_in(sentence, term) == meaning
    for sentence, term in {
        "This is why the concept of deterrence is so central to NATO's strategy.": "deterrence",
        "Deterrence is key.": "deterrence",
        "Red lines were crossed again and again that year.": "red lines",
    }.items():
        assert definition_in(sentence, term) is None


def test_an_event_told_again_and_again_is_one_event(tmp_path: Path) -> None:
    from studyapp.content.importer import import_article

    told = [
        "The Berlin Wall fell in November 1989, and the city was one again.",
        "When the Berlin Wall fell in November 1989, crowds sang in the streets.",
        "Few forget that the Berlin Wall fell in November 1989.",
    ]
    article = tmp_path / "wall.txt"
    article.write_text("The Wall\n\n" + "\n\n".join(told * 4) + "\n", encoding="utf-8")
    course = import_article(article, tmp_path / "out")
    titles = [e.title for e in course.events]
    assert titles.count("The Berlin Wall fell") == 1, titles


def test_the_plain_sentence_splitter_keeps_titles_initials_and_abbreviations() -> None:
    from studyapp.content.prose import sentence_texts

    text = "Dr. Smith of the U.S. State Department met John F. Kennedy on Oct. 3. Then he left."
    assert sentence_texts(text) == [
        "Dr. Smith of the U.S. State Department met John F. Kennedy on Oct. 3.",
        "Then he left.",
    ]
    assert sentence_texts("The war ended in 1945. A new era began.") == [
        "The war ended in 1945.",
        "A new era began.",
    ]


def test_a_stretch_until_a_date_ends_then_and_nothing_else_is_dated_by_until() -> None:
    assert events(
        "The airlift went on until September 1949 to build up stocks.",
        "The old bridge carried trains until 1990.",
    ) == [("The airlift ended", PartialDate(1949, 9))]


def test_a_past_perfect_is_told_plainly_and_an_objects_state_is_dated() -> None:
    assert events(
        "In April 1949 twelve countries had founded NATO in Washington.",
        "The World Health Organization declared smallpox eradicated in May 1980.",
    ) == [
        ("Twelve countries founded NATO in Washington", PartialDate(1949, 4)),
        ("The World Health Organization declared smallpox eradicated", PartialDate(1980, 5)),
    ]


def test_an_idiom_built_like_a_place_is_not_left_dangling() -> None:
    assert events(
        "American companies produced 2.3 million doses in time for the landings in June 1944."
    ) == [("American companies produced 2.3 million doses", PartialDate(1944, 6))]


def test_a_date_inside_the_subject_leaves_no_dangling_preposition() -> None:
    assert events("The Treaty of Alexandria of 1801 handed the stone to the British.") == [
        ("The Treaty of Alexandria handed the stone to the British", PartialDate(1801))
    ]


def test_it_is_someone_only_when_the_last_sentence_named_them() -> None:
    found = events(
        "When the British army arrived, the treaty handed the stone to the British.",
        "It reached London in 1802.",
        "The British Museum opened a new hall in 1805.",
        "It showed the stone to visitors in 1806.",
    )
    assert not any("reached London" in title for title, _ in found)  # "it" is the stone
    assert ("The British Museum showed the stone to visitors", PartialDate(1806)) in found


def test_what_was_found_is_the_event_and_a_cut_clause_is_none() -> None:
    assert events(
        "Thomas Young, an English physician, showed in 1814 that some hieroglyphs spelled "
        "out the sounds of royal names.",
        "Jean-François Champollion, who had studied Coptic, went much further.",
        "Champollion died in 1832, before he could finish his grammar of the language.",
    ) == [
        (
            "Thomas Young showed that some hieroglyphs spelled out the sounds of royal names",
            PartialDate(1814),
        ),
        ("Champollion died", PartialDate(1832)),
    ]


def test_he_goes_on_with_the_last_sentences_subject() -> None:
    assert events(
        "Thomas Young studied the stone in 1814.",
        "Jean-François Champollion, who had studied Coptic, read the royal names.",
        "On September 14, 1822, he rushed into his brother's office.",
    )[-1] == (
        "Jean-François Champollion rushed into his brother's office",
        PartialDate(1822, 9, 14),
    )
