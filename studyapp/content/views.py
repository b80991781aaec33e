"""Views an article attributes to someone, read from spaCy's parse of each sentence.

The holder is the one the sentence names as speaking or thinking: the subject of a verb of
saying or believing ("Russia argues that …", "They view Ukraine as …", with "they" and "he"
taken as the last fitting name), or the one in "According to X, …" and "From X's viewpoint,
…". The view is the clause they hold, in the text's words. Holders are discovered from the
text: named people, organisations, places and groups ("Russian officials",
"Eastern European nations"), never a fixed list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

VIEWING = frozenset(
    "say argue believe claim insist warn see view consider regard fear maintain contend think "
    "perceive feel accuse assert suggest stress hope expect demand".split()
)  # not "doubt" or "deny": the clause is what they do NOT hold
AS_VIEWING = frozenset("see view regard consider perceive".split())  # "view X as Y"
VIEWPOINTS = frozenset("viewpoint perspective view standpoint".split())
HOLDERS = ("PERSON", "ORG", "GPE", "NORP")
FOLLOWERS = {"they": ("NORP", "GPE", "ORG"), "he": ("PERSON",), "she": ("PERSON",)}
PEOPLE = frozenset(  # groups of people a text may give a view to: "critics argue that …"
    "critics officials experts leaders doctors analysts economists historians scientists "
    "researchers investors bankers governments ministers diplomats officers voters "
    "observers commentators supporters opponents residents citizens workers".split()
)
QUANTIFIERS = frozenset("many most some several few more less than all both".split())
MIN_VIEW_WORDS = 4


@dataclass(frozen=True)
class FoundClaim:
    actor: str
    statement: str
    quote: str


def words(tokens: Any) -> str:
    """Tokens as the text wrote them ("full-scale", "Russia's"), gaps closed."""
    return " ".join("".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i)).split())


def sentence_case(text: str) -> str:
    text = text.strip(" ,;:-")
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


class ViewReader:
    """Reads views sentence by sentence, remembering names for "they" and "he"."""

    def __init__(self) -> None:
        self.names: list[tuple[str, str]] = []  # (label, holder name) met so far
        self.last_holder: str | None = None  # "they" most often goes on with the last one

    def view(self, sentence: Any) -> FoundClaim | None:
        found = self._framed(sentence) or self._said(sentence)
        for entity in sentence.ents:
            if entity.label_ in HOLDERS:
                self.names.append((entity.label_, holder_name(entity)))
        if found is None:
            return None
        actor, held = found
        statement = sentence_case(held)
        if actor is None or len(statement.split()) < MIN_VIEW_WORDS:
            return None
        if statement.split()[0] in ("It", "This", "That", "These", "Those"):
            return None  # "It was acquired legally": what "it" is, the view cannot say
        self.last_holder = actor
        return FoundClaim(actor, statement, sentence.text.strip())

    def _framed(self, sentence: Any) -> tuple[str | None, str] | None:
        """ "According to X, …" and "From X's viewpoint, …": the rest of the sentence."""
        for token in sentence:
            frame: list[Any] = []
            holder = None
            if token.lower_ == "according" and token.i == sentence.start:
                to = next((c for c in token.children if c.lower_ == "to"), None)
                objects = [c for c in (to.children if to else []) if c.dep_ == "pobj"]
                holder = objects[0] if objects else None
                frame = list(token.subtree)
            elif token.lemma_ in VIEWPOINTS and token.head.lower_ in ("from", "in"):
                owner = next((c for c in token.children if c.dep_ == "poss"), None)
                holder = owner
                frame = list(token.head.subtree)
            if holder is None or not frame:
                continue
            cut = {t.i for t in frame}
            rest = [t for t in sentence if t.i not in cut]
            return self._holder(holder), words(rest)
        return None

    def _said(self, sentence: Any) -> tuple[str | None, str] | None:
        """The view of the main clause, or of one joined to it ("Egypt asks for the stone,
        while the museum maintains that …")."""
        root = sentence.root
        joined = [c for c in root.children if c.dep_ in ("conj", "advcl") and c.pos_ == "VERB"]
        for verb in (root, *joined):
            found = self._said_by(sentence, verb)
            if found is not None:
                return found
        return None

    def _said_by(self, sentence: Any, root: Any) -> tuple[str | None, str] | None:
        if root.lemma_ not in VIEWING or any(c.dep_ == "neg" for c in root.children):
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None  # "It is said that …": a view nobody is named as holding
        clause = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if clause is not None:
            held = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
            ends = max((t.i for t in sentence if not t.is_punct), default=-1)
            if held[-1].i < ends and clause.i > root.i:
                return None  # "… needs." with its object parsed elsewhere: a cut view
            return self._holder(subject), words(held)
        seen = next((c for c in root.children if c.dep_ == "dobj"), None)
        as_what = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if root.lemma_ in AS_VIEWING and seen is not None and as_what is not None:
            what = [t for t in as_what.subtree if t.i != as_what.i]
            verb = "are" if seen.tag_ in ("NNS", "NNPS") else "is"
            return self._holder(subject), f"{words(seen.subtree)} {verb} {words(what)}"
        return None

    def _holder(self, token: Any) -> str | None:
        """The name of who holds the view: a named entity, a named group, or the last
        fitting name for a pronoun."""
        if token.pos_ == "PRON":
            if token.lower_ in ("they", "he", "she") and self.last_holder is not None:
                return self.last_holder
            labels = FOLLOWERS.get(token.lower_, ())
            return next((n for label, n in reversed(self.names) if label in labels), None)
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if entity is not None and entity.label_ in HOLDERS:
            return holder_name(entity)
        if token.tag_ == "NNP" and any(  # "Florey", after "Howard Florey": a person met before
            label == "PERSON" and name.split()[-1] == token.text for label, name in self.names
        ):
            return str(token.text)
        group = [t for t in token.subtree if t.i <= token.i and t.lower_ not in QUANTIFIERS
                 and t.dep_ not in ("det", "nummod") and not t.like_num]  # fmt: skip
        named = any(t.ent_type_ in ("NORP", "GPE") for t in group)
        people = token.lower_ in PEOPLE or token.lower_.endswith(("ists", "ians"))
        if (named or people) and token.tag_ in ("NNS", "NNPS"):  # "Eastern European nations"
            name = words(group)
            proper = group[0].tag_ in ("NNP", "NNPS") or bool(group[0].ent_type_)
            # "critics", as a sentence says it mid-way; "American experts" keep their capital
            return name[:1].upper() + name[1:] if proper else name[:1].lower() + name[1:]
        return None


def holder_name(entity: Any) -> str:
    text = " ".join(entity.text.split())
    if text.casefold().startswith("the "):
        text = text[4:]
    text = text.removesuffix("'s").removesuffix("\u2019s")
    return text[:1].upper() + text[1:]
