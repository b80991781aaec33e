"""What reading generated questions as a learner turned up, kept fixed."""

from __future__ import annotations

import random

from studyapp.content import Claim, Concept, load_course
from studyapp.quiz import build_quiz
from studyapp.quiz.generators.cloze import hint
from tests.conftest import CONTENT, TOY_COURSE, WriteCourse
from tests.quiz.rules import parse_date

COURSE = load_course(CONTENT / "nato-russia")
ALL = [q for seed in range(5) for q in build_quiz(COURSE, count=500, rng=random.Random(seed))]


def test_an_actor_is_blanked_only_where_the_sentence_gives_its_view(
    write_course: WriteCourse,
) -> None:
    # "every new member, particularly those bordering _____" asks nothing about a view;
    # and with fewer than four actors an actor's blank is a coin toss, so it is not asked.
    four = (
        TOY_COURSE.replace("  - name: Dogs\n", "  - name: Dogs\n  - name: Birds\n  - name: Fish\n")
        .replace(
            '"Dogs say walks matter most. A walk is a stroll outdoors."',
            '"Dogs say walks matter most of all in the long day of a pet. A walk is a stroll'
            ' outdoors. Birds live near Dogs."',
        )
        .replace(
            'quote: "Dogs say walks matter most."',
            'quote: "Dogs say walks matter most of all in the long day of a pet."',
        )
    )
    course = load_course(write_course(**{"course.yaml": four}))
    clozes = [
        q
        for seed in range(20)
        for q in build_quiz(course, count=20, types=["cloze"], rng=random.Random(seed))
    ]
    prompts = {q.prompt for q in clozes if q.topic == "perspective"}
    assert prompts == {
        "Fill in the blank (one word: D···): _____ say walks matter"
        " most of all in the long day of a pet."
    }
    bundled = build_quiz(COURSE, count=500, types=["cloze"], rng=random.Random(1))
    assert not [q for q in bundled if q.topic == "perspective"]  # three actors only


def test_date_options_are_in_time_order() -> None:
    for q in ALL:
        if q.type == "event_date" and q.id.endswith(":when"):
            assert q.options is not None
            dates = [parse_date(o) for o in q.options]
            assert dates == sorted(dates, key=lambda d: (d.year, d.month or 0, d.day or 0))


def test_definition_in_a_stem_has_no_full_stop_before_the_question_mark() -> None:
    for q in ALL:
        if q.type == "term_from_definition":
            assert not q.prompt.endswith(".”?")


def test_one_missing_word_is_singular() -> None:
    clozes = [
        q for seed in range(5)
        for q in build_quiz(COURSE, count=500, types=["cloze"], rng=random.Random(seed))
    ]  # fmt: skip
    explanations = [q.explanation for q in clozes]
    assert any(e.startswith("The missing word is “flashpoint”.") for e in explanations)
    assert any(e.startswith("The missing words are “February 2022”.") for e in explanations)


def test_which_event_never_offers_a_simultaneous_event() -> None:
    # Crimea and the separatists share 2014's place in the order: never one as a distractor
    for q in ALL:
        if q.id == "event_date:event:crimea-annexation:which":
            assert q.options is not None
            assert "Russia starts backing separatists in eastern Ukraine" not in q.options


def test_a_definition_that_names_a_views_holder_comes_after_the_view_or_not_at_all() -> None:
    # "eastern flank" is defined as "the NATO members on or near Russia's borders": once a
    # learner has read that, "the troops we sent to our eastern flank" asks nothing.
    flank = COURSE.item("concept:eastern-flank")
    assert isinstance(flank, Concept)
    shown_definition = flank.definition.rstrip(".")
    views = 0
    for seed in range(150):
        questions = build_quiz(COURSE, count=40, rng=random.Random(seed))
        for number, q in enumerate(questions):
            item = COURSE.item(q.item_id)
            if isinstance(item, Claim) and "eastern flank" in item.statement:
                views += 1
                for before in questions[:number]:
                    assert shown_definition not in f"{before.prompt} {before.explanation}"
    assert views > 5


def test_a_false_view_is_the_other_sides_answer_in_the_holders_voice() -> None:
    # "This view is held by Eastern European states: we were promised that NATO would not
    # expand" was absurd: the states are NATO members. A false view is now the holder's
    # own side asked about the view it rejects.
    falses = [
        q
        for q in ALL
        if q.type == "true_false"
        and q.answer == "False"
        and isinstance(COURSE.item(q.item_id), Claim)
    ]
    assert len(falses) > 3
    for q in falses:
        claim = COURSE.item(q.item_id)
        assert isinstance(claim, Claim) and claim.contrary is not None
        who = f"both {claim.actor}" if claim.shared_by else claim.actor
        assert q.prompt == f"True or false? This view is held by {who}: “{claim.contrary}”"
        assert claim.statement in q.explanation


def test_a_view_whose_wording_names_its_side_is_asked_among_views_not_held() -> None:
    # "An attack on one of our members..." against "Russia" asked nothing.
    for q in ALL:
        if q.item_id in ("claim:nato-attack-on-one", "claim:russia-interests-ignored"):
            assert not q.prompt.startswith("Who holds this view?")
    views = [q for q in ALL if q.id == "perspective_attribution:claim:nato-attack-on-one:view"]
    assert views
    for q in views:
        assert q.prompt == "Which of these views is held by NATO?"
        assert q.options is not None and len(q.options) >= 3  # MIN_VIEWS: some may be seen
        # Its plain opposite is left out: it would stand out as the one to weigh.
        claim = COURSE.item("claim:nato-attack-on-one")
        assert isinstance(claim, Claim) and claim.contrary not in q.options


def test_a_view_naming_nato_is_not_offered_to_nato_members() -> None:
    # "NATO's expansion is a threat to our borders": Russia or the Eastern European states?
    # The states are in NATO, so they are no fair distractor.
    for q in ALL:
        if q.prompt.startswith("Who holds this view?") and "NATO" in q.prompt:
            raise AssertionError(q.prompt)


def test_article_5_is_never_set_against_terms_of_another_kind() -> None:
    # "Which term means 'the clause of the North Atlantic Treaty…'?" had one clause to pick.
    for q in ALL:
        if "concept:article-5" in q.item_ids:
            assert q.type in ("cloze", "true_false"), q.type
        if q.options is not None and q.type != "true_false":
            assert "Article 5" not in q.options or q.item_id == "concept:article-5"


def test_a_cloze_never_keeps_a_word_of_its_answer_elsewhere_in_the_sentence() -> None:
    # "The desire to maintain a _____ in its 'near abroad' ... a challenge to that influence"
    assert not any(q.id == "cloze:concept:sphere-of-influence" for q in ALL)


def test_a_view_both_sides_hold_is_never_pinned_on_one_side() -> None:
    shared = [q for q in ALL if q.item_id.startswith("claim:both-")]
    # Two shared views give no "which do they share?" of three options: true/false only.
    assert {q.type for q in shared} == {"true_false"}
    for q in shared:
        assert "both NATO and Russia" in q.prompt


def test_a_clozes_hint_never_shows_a_number() -> None:
    # "under _____ of the North Atlantic Treaty (2 words: A······ 5)" gave it away.
    assert hint("Article 5") == "2 words: A······ ·"
    assert hint("2014") == "one word: ····"
    assert hint("nuclear-armed powers") == "2 words: n······-a···· p·····"


def test_a_plural_side_holds_its_views_in_the_plural(write_course: WriteCourse) -> None:
    # "Eastern European states holds the opposite view" was bad English.
    text = TOY_COURSE.replace(
        "    statement: Walks matter most.\n",
        "    statement: Walks matter most.\n    contrary: Walks hardly matter.\n",
    )
    course = load_course(write_course(**{"course.yaml": text}))
    said = [
        q.explanation
        for seed in range(40)
        for q in build_quiz(course, types=["true_false"], count=5, rng=random.Random(seed))
        if q.answer == "False" and q.item_id == "claim:walks"
    ]
    assert said and all("Dogs hold the opposite view" in text for text in said)


def test_a_wrong_view_is_offered_once_per_quiz_and_never_judged_later() -> None:
    # "...has kept to the assurances we were given" was a wrong option in six questions of
    # one quiz, and a wrong option came back as a statement to judge.
    contraries = {c.contrary for c in COURSE.claims}
    for seed in range(20):
        offered: set[str] = set()
        for q in build_quiz(COURSE, count=40, rng=random.Random(seed)):
            wrong = {o for o in q.options or () if o in contraries and o != q.answer}
            assert not wrong & offered, (seed, wrong & offered)
            if q.type == "true_false":
                assert not any(view in q.prompt for view in offered), (seed, q.prompt)
            offered |= wrong


def test_russias_views_are_never_asked_among_contented_denials() -> None:
    # "Which of these views is held by Russia?" had one grievance among three denials.
    for q in ALL:
        if q.id.endswith(":view"):
            claim = COURSE.item(q.item_id)
            assert isinstance(claim, Claim) and claim.rivals == () and claim.actor != "Russia"


def test_a_view_restated_by_an_earlier_question_is_not_asked() -> None:
    # Article 5's meaning ("an attack on one member is treated as an attack on all") came
    # before "This view is held by NATO: an attack on one of our members is an attack...".
    for seed in range(40):
        texts: list[str] = []
        for q in build_quiz(COURSE, count=40, rng=random.Random(seed)):
            if q.item_id == "claim:nato-attack-on-one":
                assert not any("attack on all" in text for text in texts), seed
            texts.append(f"{q.prompt} {q.explanation} {q.answer}")


def test_an_order_shown_is_not_asked_again_as_before_or_after() -> None:
    for seed in range(40):
        texts: list[str] = []
        for q in build_quiz(COURSE, count=40, rng=random.Random(seed)):
            if q.type == "true_false" and len(q.item_ids) == 2:
                titles = [COURSE.item(i).label for i in q.item_ids]
                assert not any(all(t in text for t in titles) for text in texts), seed
            texts.append(f"{q.prompt} {q.explanation} {q.answer}")


def test_true_and_false_take_turns_within_a_quiz() -> None:
    for seed in range(20):
        verdicts = [q.answer for q in build_quiz(COURSE, count=40, rng=random.Random(seed))]
        trues, falses = verdicts.count("True"), verdicts.count("False")
        assert abs(trues - falses) <= 2, (seed, trues, falses)


def test_a_plural_term_is_set_only_against_plurals() -> None:
    # "Unofficial, often secret contacts…" had one plural term among its options.
    from studyapp.quiz.pools import is_plural

    for q in ALL:
        if q.type in ("term_from_definition", "matching") and q.options is not None:
            terms = q.options if q.type == "term_from_definition" else q.terms
            assert len({is_plural(term) for term in terms}) == 1, q.prompt


def test_a_cloze_leaning_on_the_sentence_before_is_not_asked() -> None:
    # "This creates a feeling of e··········· and existential threat": "estrangement" fits.
    assert not any(q.prompt.endswith("This creates a feeling of _____ and existential threat.")
                   for q in ALL)  # fmt: skip


def test_which_happened_offers_only_events_near_in_time() -> None:
    for q in ALL:
        if q.id == "event_date:event:full-scale-invasion:which":
            assert q.options is not None and "The Cold War ends" not in q.options


def test_a_view_and_the_concept_it_is_about_are_not_both_asked() -> None:
    # The "security assurances" cloze showed Moscow's claim of broken promises; a later
    # "This view is held by Russia: we were promised…" then asked nothing.
    for seed in range(60):
        tested = {
            i for q in build_quiz(COURSE, count=40, rng=random.Random(seed)) for i in q.item_ids
        }
        assert not {"claim:russia-promises", "concept:security-assurances"} <= tested, seed
        assert not {"claim:nato-attack-on-one", "concept:article-5"} <= tested, seed
