"""Grade an answer fairly: lenient with typing, strict with facts, partial for pairs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from studyapp.quiz.question import Question
from studyapp.quiz.text import normalize, quoted
from studyapp.quiz.typed import judge

Response = str | Sequence[str] | Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Grade:
    correct: bool
    score: float  # 1.0 right, 0.0 wrong, in between for partly right ordering or matching
    detail: str = ""  # besides right or wrong: what was forgiven, or what the answer is
    wrong: tuple[str, ...] = ()  # for ordering and matching: the entries placed wrongly
    # Each tested item, right or not: one misplaced event of four leaves the other three
    # known. Spaced repetition rates each item by this.
    item_results: Mapping[str, bool] = field(default_factory=dict)
    said: str = ""  # the learner's answer in one line, as the results list shows it

    @property
    def feedback(self) -> str:
        """The verdict and the detail in one line, as the terminal prints it."""
        verdict = "Correct!" if self.correct else "" if self.score > 0 else "Not quite."
        return " ".join(part for part in (verdict, self.detail) if part)


def grade(question: Question, response: Response) -> Grade:
    result = _grade(question, response)
    said = response_text(response)
    return replace(result, item_results=_per_item(question, result), said=said)


def response_text(response: Response) -> str:
    """An answer in one line: the text typed or picked, an order, or the pairs made."""
    if isinstance(response, str):
        return response.strip()
    parts = [p if isinstance(p, str) else f"{p[0]} → {p[1]}" for p in response]
    return (" → " if all(isinstance(p, str) for p in response) else "; ").join(parts)


def _grade(question: Question, response: Response) -> Grade:
    if question.format == "order":
        return _grade_order(question, [str(r) for r in response])
    if question.format == "match":
        return _grade_matching(question, _pairs(response))
    if not isinstance(response, str):
        raise TypeError(f"a {question.type} answer is one text, not {type(response).__name__}")
    if question.format == "typed":
        return _grade_typed(question, response)
    right = normalize(response) == normalize(str(question.answer))
    return _verdict(question, right)


def _per_item(question: Question, result: Grade) -> dict[str, bool]:
    """Ordering and matching name their items in `item_ids` order (the events in order,
    the terms); any other question is right or wrong as a whole."""
    if question.format in ("match", "order"):
        names = question.terms if question.format == "match" else question.answer
        return {
            item_id: str(name) not in result.wrong
            for item_id, name in zip(question.item_ids, names, strict=True)
        }
    return dict.fromkeys(question.item_ids, result.correct)


def _pairs(response: Response) -> list[tuple[str, str]]:
    pairs = []
    for pair in response:
        if isinstance(pair, str) or len(pair) != 2:
            raise TypeError("a matching answer is a list of (term, definition) pairs")
        pairs.append((str(pair[0]), str(pair[1])))
    return pairs


def _verdict(question: Question, right: bool, note: str = "") -> Grade:
    if right:
        return Grade(True, 1.0, note)
    return Grade(False, 0.0, f"The answer is {quoted(question.answer_text.removesuffix('.'))}.")


def _grade_typed(question: Question, response: str) -> Grade:
    for target in (str(question.answer), *question.accepted):
        verdict = judge(response, target)
        if verdict is not None:
            note = f"Accepted — {verdict.forgiven}." if verdict.forgiven else ""
            return _verdict(question, True, note)
    return _verdict(question, False)


def _grade_order(question: Question, response: list[str]) -> Grade:
    answer = [normalize(a) for a in question.answer]
    given = [normalize(r) for r in response]
    if sorted(given) != sorted(answer):
        raise ValueError("an ordering answer must list each of the question's events once")
    place = {title: index for index, title in enumerate(answer)}
    pairs = [(a, b) for i, a in enumerate(given) for b in given[i + 1 :]]
    right_pairs = sum(place[a] < place[b] for a, b in pairs)
    score = right_pairs / len(pairs)
    misplaced = tuple(
        str(question.answer[i]) for i, title in enumerate(answer) if given[i] != title
    )
    if not misplaced:
        return Grade(True, 1.0, "That is the order.")
    # Both measures, so that a row marked ✓ never sits under "0 pairs right" unexplained.
    placed = len(answer) - len(misplaced)
    feedback = (
        f"{placed} of {len(answer)} events in the right place; "
        f"{right_pairs} of {len(pairs)} pairs in the right order."
    )
    return Grade(False, score, feedback, misplaced)


def _grade_matching(question: Question, response: list[tuple[str, str]]) -> Grade:
    truth = {normalize(term): normalize(definition) for term, definition in question.pairs}
    given = {normalize(term): normalize(definition) for term, definition in response}
    wrong = tuple(
        term for term, _ in question.pairs if given.get(normalize(term)) != truth[normalize(term)]
    )
    right = len(truth) - len(wrong)
    score = right / len(truth)
    if not wrong:
        return Grade(True, 1.0, "Every pair matches.")
    names = ", ".join(quoted(str(t)) for t in wrong)
    feedback = f"{right} of {len(truth)} pairs right. Not matched correctly: {names}."
    return Grade(False, score, feedback, wrong)
