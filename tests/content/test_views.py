"""Views read from the parse: the holder is who the sentence says speaks or thinks,
discovered from the text; the view is the clause they hold, in the text's words."""

from __future__ import annotations

from pathlib import Path

from studyapp.content.importer import import_article
from studyapp.content.model import PartialDate
from studyapp.content.nlp import read_article


def views(*paragraphs: str) -> list[tuple[str, str]]:
    return [
        (c.actor, c.statement)
        for _, claims in read_article(list(paragraphs)).paragraphs
        for c in claims
    ]


def test_the_speaker_is_the_subject_and_the_view_its_clause() -> None:
    assert views("Russia argues that the expansion of the alliance threatens its security.") == [
        ("Russia", "The expansion of the alliance threatens its security.")
    ]


def test_a_group_of_experts_is_its_own_holder_not_a_side_of_the_article() -> None:
    found = views(
        "NATO grew in 1999. More than forty American foreign policy experts warned that "
        "the enlargement was a policy error of historic proportions."
    )
    assert found == [
        (
            "American foreign policy experts",
            "The enlargement was a policy error of historic proportions.",
        )
    ]


def test_they_goes_on_with_the_last_holder_and_frames_name_one() -> None:
    found = views(
        "From Moscow's viewpoint, every new member on its border is a direct encroachment.",
        "They argue that promises were made in 1990 about no further expansion.",
        "According to Polish leaders, the alliance is their only real guarantee of safety.",
    )
    assert found == [
        ("Moscow", "Every new member on its border is a direct encroachment."),
        ("Moscow", "Promises were made in 1990 about no further expansion."),
        ("Polish leaders", "The alliance is their only real guarantee of safety."),
    ]


def test_view_x_as_y_states_the_view() -> None:
    assert views("Russian officials view a NATO-aligned Ukraine as a direct threat.") == [
        ("Russian officials", "A NATO-aligned Ukraine is a direct threat.")
    ]


def test_a_denied_view_and_a_view_of_nobody_are_not_claims() -> None:
    assert (
        views(
            "Russia does not believe that the talks will succeed this year.",
            "It is said that the talks will succeed this year after all.",
            "Some say that the treaty changed the continent for ever.",
        )
        == []
    )


def test_a_group_of_people_may_hold_a_view() -> None:
    assert views("Many historians argue that the treaty changed the continent for ever.") == [
        ("historians", "The treaty changed the continent for ever.")
    ]


def test_a_person_named_by_surname_after_the_full_name_holds_a_view() -> None:
    assert views(
        "Howard Florey and Ernst Chain took up the problem at Oxford.",
        "Florey believed that penicillin could save thousands of wounded soldiers.",
    ) == [("Florey", "Penicillin could save thousands of wounded soldiers.")]


def test_a_term_opening_a_sentence_is_written_as_the_text_writes_it_midway(
    tmp_path: Path,
) -> None:
    article = tmp_path / "herd.txt"
    article.write_text(
        "Protection\n\nA Shared Shield\n\n"
        "Herd immunity is the protection a community gains when most people are immune. "
        "Doctors say herd immunity needs many vaccinated people. She trained at "
        "St Mary's Hospital in London in 1925. After the Second World War, nurses "
        "called the new wards the Nightingale Rooms. Under Article 5 of the charter, "
        "the Wellcome Foundation paid for them.\n",
        encoding="utf-8",
    )
    terms = {c.term for c in import_article(article, tmp_path / "out").concepts}
    assert "herd immunity" in terms and "Herd immunity" not in terms
    assert "St Mary" not in terms
    # a name of everyday words is general knowledge, unless the text introduces it
    assert "Second World War" not in terms and "St Mary's Hospital" not in terms
    assert {"Nightingale Rooms", "Article 5", "Wellcome Foundation"} <= terms


def test_a_view_in_a_joined_clause_is_read_and_one_about_it_is_not() -> None:
    assert views(
        "Egypt asks for the stone, while the British Museum maintains that the stone was "
        "acquired legally.",
        "Many scholars argued that it belonged to the nation that found it.",
    ) == [("British Museum", "The stone was acquired legally.")]


def test_numbers_and_people_with_titles_are_not_key_terms(tmp_path: Path) -> None:
    article = tmp_path / "stone.txt"
    article.write_text(
        "The Stone\n\nScripts\n\n"
        "Demotic is the everyday cursive script that scribes used for letters. The method "
        "opened three thousand years of history, and three thousand years of letters. "
        "Champollion wrote to Monsieur Dacier in 1822.\n",
        encoding="utf-8",
    )
    terms = {c.term: c.definition for c in import_article(article, tmp_path / "out").concepts}
    assert terms.get("demotic") == "The everyday cursive script that scribes used for letters."
    assert "thousand years" not in terms and "Monsieur Dacier" not in terms


def test_names_with_accents_are_whole_and_people_are_not_key_terms(tmp_path: Path) -> None:
    article = tmp_path / "path.txt"
    article.write_text(
        "The Central European Path\n\nBeginnings\n\n"
        "Lech Wałęsa became president of Poland in 1990. The Visegrád Group was formed in "
        "February 1991. Polish President Lech Wałęsa came up with the idea, and the talks "
        "had been slow.\n\nMembership\n\n"
        "Enlargement is the process by which the alliance admits new members. The Visegrád "
        "Group had been a model for the talks that came up again.\n",
        encoding="utf-8",
    )
    course = import_article(article, tmp_path / "out")
    terms = {c.term: c.definition for c in course.concepts}
    assert "Visegrád Group" in terms
    assert terms["enlargement"] == "The process by which the alliance admits new members."
    for fragment in ("had been", "came up", "Polish President Lech", "Lech Wałęsa"):
        assert fragment not in terms
    assert ("Lech Wałęsa became president of Poland", PartialDate(1990)) in {
        (e.title, e.date) for e in course.events
    }


def test_a_view_x_as_y_with_a_trailing_phrase_is_kept() -> None:
    found = views(
        "Russia argues that the alliance has come too close to its borders.",
        "They view a NATO-aligned Ukraine as a red line, a direct threat to their interests, "
        "given the shared border.",
    )
    assert found[1] == (
        "Russia",
        "A NATO-aligned Ukraine is a red line, a direct threat to their interests.",
    )


def test_an_imported_view_is_never_asked_as_a_coin_flip(tmp_path: Path) -> None:
    import random

    from studyapp.quiz import build_quiz

    article = tmp_path / "two.txt"
    article.write_text(
        "Two Sides\n\nThe Talks\n\n"
        "Russia argues that the alliance has come too close to its borders. "
        "NATO insists that every state may choose its own alliances freely. "
        "Deterrence is the practice of discouraging an attack by threatening a cost.\n",
        encoding="utf-8",
    )
    course = import_article(article, tmp_path / "out")
    assert {c.actor for c in course.claims} == {"Russia", "NATO"}
    for seed in range(20):
        for question in build_quiz(course, count=10, rng=random.Random(seed)):
            if question.type == "perspective_attribution":
                assert question.options is not None and len(question.options) >= 3
