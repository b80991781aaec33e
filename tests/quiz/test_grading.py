"""Grading: lenient with typing, strict with facts, partial credit for ordering and matching."""

from __future__ import annotations

import random

import pytest

from studyapp.content import load_course
from studyapp.quiz import Question, build_quiz, grade
from studyapp.quiz.typed import judge
from tests.conftest import CONTENT

COURSE = load_course(CONTENT / "nato-russia")


def question(type_: str, item_id: str) -> Question:
    for seed in range(200):
        for q in build_quiz(COURSE, count=400, types=[type_], rng=random.Random(seed)):
            if item_id in q.item_ids:
                return q
    raise AssertionError(f"no {type_} question on {item_id}")


@pytest.mark.parametrize(
    ("item_id", "typed"),
    [
        ("concept:deterrence", "deterrence"),
        ("concept:deterrence", "  DETERRENCE "),
        ("concept:deterrence", "Détérrence"),
        ("concept:deterrence", "deterence"),  # one letter missing
        ("concept:deterrence", "the deterrence"),
        ("concept:eastern-flank", "Eastern Flank."),
        ("concept:eastern-flank", "the eastern flank"),
        ("concept:collective-defence", "collective defence"),  # alias of "collective defense"
        ("concept:back-channel", "back channel communications"),
        ("event:crimea-annexation", "2014"),
        ("event:full-scale-invasion", "february 2022"),
    ],
)
def test_typed_answers_are_graded_leniently(item_id: str, typed: str) -> None:
    result = grade(question("cloze", item_id), typed)
    assert result.correct and result.score == 1.0


@pytest.mark.parametrize(
    ("item_id", "typed"),
    [
        ("event:crimea-annexation", "1914"),
        ("event:crimea-annexation", "2015"),
        ("event:full-scale-invasion", "February 2021"),
        ("concept:deterrence", "reassurance"),
        ("concept:deterrence", ""),
        ("concept:eastern-flank", "western flank"),
    ],
)
def test_wrong_facts_stay_wrong(item_id: str, typed: str) -> None:
    result = grade(question("cloze", item_id), typed)
    assert not result.correct and result.score == 0.0
    assert result.feedback.startswith("Not quite. The answer is")


def test_close_spelling_is_right_and_says_how_it_is_spelled() -> None:
    result = grade(question("cloze", "concept:interoperability"), "interoperabilty")
    assert result.correct
    assert "spelled “interoperability”" in result.feedback


def test_multiple_choice_right_and_wrong() -> None:
    q = question("concept_definition", "concept:deterrence")
    assert q.options is not None
    assert grade(q, str(q.answer)).correct
    wrong = next(o for o in q.options if o != q.answer)
    result = grade(q, wrong)
    assert not result.correct
    assert str(q.answer).removesuffix(".") in result.feedback


def test_ordering_gives_the_share_of_pairs_right_and_names_the_misplaced() -> None:
    q = question("event_order", "event:crimea-annexation")
    right = list(q.answer)
    assert grade(q, right).score == 1.0
    swapped = [right[1], right[0], *right[2:]]
    result = grade(q, swapped)
    pairs = len(right) * (len(right) - 1) // 2
    assert not result.correct
    assert result.score == pytest.approx((pairs - 1) / pairs)
    assert set(result.wrong) == {right[0], right[1]}
    backwards = grade(q, right[::-1])
    assert backwards.score == 0.0
    # A reversed three keeps the middle in place: its ✓ row and "0 pairs" now agree.
    n = len(right)
    in_place = n % 2
    expected = (
        f"{in_place} of {n} events in the right place; 0 of {pairs} pairs in the right order."
    )
    assert backwards.feedback == f"Not quite. {expected}"


def test_ordering_must_list_each_event_once() -> None:
    q = question("event_order", "event:crimea-annexation")
    with pytest.raises(ValueError, match="each of the question's events once"):
        grade(q, list(q.answer)[:-1])


def test_matching_gives_the_share_of_pairs_right() -> None:
    q = question("matching", "concept:deterrence")
    pairs = list(q.pairs)
    assert grade(q, pairs).correct
    (t1, d1), (t2, d2) = pairs[0], pairs[1]
    mixed = [(t1, d2), (t2, d1), *pairs[2:]]
    result = grade(q, mixed)
    assert result.score == 0.5
    assert set(result.wrong) == {t1, t2}
    assert "2 of 4 pairs right" in result.feedback


def test_true_false() -> None:
    q = question("true_false", "claim:russia-provocations")
    assert grade(q, str(q.answer)).correct
    other = "False" if q.answer == "True" else "True"
    assert not grade(q, other).correct


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [
        ("deterence", "deterrence"),  # a letter left out
        ("sanctoins", "sanctions"),  # two letters swapped
        ("deterrwnce", "deterrence"),  # the key next door
        ("colective defence", "collective defence"),
        ("Art. 5", "Article 5"),  # an abbreviation
        ("Article V", "Article 5"),  # a Roman numeral
        ("Artcle 5", "Article 5"),  # a typo in a word beside a number
        ("Feb 2022", "February 2022"),
        ("24 February 2022", "February 2022"),  # more precise, and agreeing
        ("in 2014", "2014"),
        ("N.A.T.O.", "NATO"),
        ("flash point", "flashpoint"),
        ("flash-point", "flashpoint"),
        ("backchannel", "back-channel"),
        ("re-assurance", "reassurance"),
        ("information wars", "information war"),  # a plural
        ("Russia's", "Russia"),  # a possessive
    ],
)
def test_a_fair_teacher_accepts(typed: str, wanted: str) -> None:
    assert judge(typed, wanted) is not None


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [
        ("deference", "deterrence"),  # another real word, one letter away
        ("detergence", "deterrence"),  # g is nowhere near r: not a slip
        ("reinsurance", "reassurance"),
        ("Russian", "Russia"),
        ("western flank", "eastern flank"),
        ("flank eastern", "eastern flank"),
        ("nate", "NATO"),  # short words allow no typo
        ("1914", "2014"),
        ("2022", "February 2022"),  # less precise
        ("March 2022", "February 2022"),
        ("Article 6", "Article 5"),
        ("", "NATO"),
    ],
)
def test_a_fair_teacher_rejects(typed: str, wanted: str) -> None:
    assert judge(typed, wanted) is None


def test_feedback_names_what_was_forgiven() -> None:
    q = question("cloze", "concept:deterrence")
    assert grade(q, "deterence").feedback == "Correct! Accepted — it is spelled “deterrence”."
    assert grade(q, "deterrence").feedback == "Correct!"
    invasion = question("cloze", "event:full-scale-invasion")
    dated = grade(invasion, "24 February 2022")
    assert dated.correct and "the lesson gives “February 2022”" in dated.feedback
    plural = judge("information wars", "information war")
    assert plural is not None and "plural" in plural.forgiven and "spelled" not in plural.forgiven
