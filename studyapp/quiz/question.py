"""A question as the learner sees it, and as `quiz --json` prints it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studyapp.content import Topic
from studyapp.quiz.kinds import FORMATS, AnswerFormat
from studyapp.quiz.kinds import QUESTION_TYPES as QUESTION_TYPES  # re-exported
from studyapp.quiz.kinds import QuestionType as QuestionType

TRUE, FALSE = "True", "False"

Answer = str | tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """One question about one item (or, for ordering and matching, a few items).

    `options` are what the learner picks from: the choices of a multiple-choice question,
    the events to put in order, or the definitions to pair with `terms`; None for cloze.
    `answer` is the correct option text, the events in order, or for matching the
    definitions in the order of `terms`. `accepted` are other typed answers a cloze takes
    as right (aliases). `note` is what the explanation adds beyond the right answer, in
    one line (a cloze term's meaning, why a statement is false); empty when nothing is.
    """

    id: str
    type: QuestionType
    topic: Topic
    item_ids: tuple[str, ...]
    lesson_id: str
    prompt: str
    options: tuple[str, ...] | None
    answer: Answer
    explanation: str
    source: str
    terms: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()
    note: str = ""

    @property
    def format(self) -> AnswerFormat:
        """How it is answered: pick one, true or false, type, put in order, or pair up."""
        return FORMATS[self.type]

    @property
    def item_id(self) -> str:
        return self.item_ids[0]

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Matching: each term with its definition."""
        return tuple(zip(self.terms, self.answer, strict=True))

    @property
    def answer_text(self) -> str:
        """The correct answer in one line, for feedback and results."""
        if isinstance(self.answer, str):
            return self.answer
        if self.format == "match":
            return "; ".join(f"{term} → {definition}" for term, definition in self.pairs)
        return " → ".join(str(a) for a in self.answer)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "topic": self.topic,
        }
        if len(self.item_ids) == 1:
            data["item_id"] = self.item_ids[0]
        else:
            data["item_ids"] = list(self.item_ids)
        data["lesson_id"] = self.lesson_id
        data["prompt"] = self.prompt
        data["options"] = list(self.options) if self.options is not None else None
        if self.terms:
            data["terms"] = list(self.terms)
        if self.format == "match":
            data["answer"] = [list(pair) for pair in self.pairs]
        else:
            data["answer"] = self.answer if isinstance(self.answer, str) else list(self.answer)
        if self.accepted:
            data["accepted"] = list(self.accepted)
        data["explanation"] = self.explanation
        data["source"] = self.source
        if self.note:
            data["note"] = self.note
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Question:
        """The question that `to_json` printed (to resume a saved quiz)."""
        item_ids = data["item_ids"] if "item_ids" in data else [data["item_id"]]
        terms = tuple(data.get("terms", ()))
        answer = data["answer"]
        if data["type"] == "matching":
            answer = tuple(definition for _, definition in answer)
        elif isinstance(answer, list):
            answer = tuple(answer)
        options = data["options"]
        return cls(
            id=data["id"],
            type=data["type"],
            topic=data["topic"],
            item_ids=tuple(item_ids),
            lesson_id=data["lesson_id"],
            prompt=data["prompt"],
            options=tuple(options) if options is not None else None,
            answer=answer,
            explanation=data["explanation"],
            source=data["source"],
            terms=terms,
            accepted=tuple(data.get("accepted", ())),
            note=data.get("note", ""),
        )
