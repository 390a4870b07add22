"""The argument map as data: claims, relations, sources and evidence anchors.

These pydantic models are the single description of the file format: the store
serialises them, the JSON Schema in ``docs/`` is generated from them, and every
other module (operations, checks, rendering, the TUI) reads them.  Records are
frozen so that an edit always produces a new value; that is what makes undo,
diff and merge simple comparisons of before and after.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Final, Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, JsonValue, Strict, model_validator

FORMAT_VERSION: Final = 1
"""The file format version this argmap writes (the ``"argmap"`` key)."""

Id = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._~-]*$",
        description="A short readable slug, unique across claims and relations, stable forever.",
    ),
]


StrictBool = Annotated[bool, Strict()]
"""``true`` or ``false`` only: a map saying ``"implicit": "yes"`` is an error, not silently true."""
StrictInt = Annotated[int, Strict()]
"""A JSON integer only: ``"12"`` or ``12.0`` is an error."""
StrictFloat = Annotated[float, Strict()]
"""A JSON number only: ``"0.5"`` or ``true`` is an error (an integer such as ``1`` is a number)."""


class ClaimKind(StrEnum):
    """What a claim is: the thesis, an ordinary claim, or a basis that ends a chain."""

    THESIS = "thesis"
    CLAIM = "claim"
    EXPERT_OPINION = "expert-opinion"
    STATISTIC = "statistic"
    QUOTE = "quote"
    EVENT = "event"
    PUBLICATION = "publication"
    COMMON_KNOWLEDGE = "common-knowledge"
    DEFINITION = "definition"
    PERSONAL_EXPERIENCE = "personal-experience"

    @property
    def is_basis(self) -> bool:
        return self not in (ClaimKind.THESIS, ClaimKind.CLAIM)


class RelationType(StrEnum):
    """Whether the premises speak for or against their target.

    ``contrary`` (both cannot be true) and ``contradictory`` (exactly one is true)
    relate two statements, as in Argdown; evaluation counts both as attacks, a
    contradictory one in both directions (docs/evaluation.md).
    """

    SUPPORT = "support"
    ATTACK = "attack"
    CONTRARY = "contrary"
    CONTRADICTORY = "contradictory"

    @property
    def attacks(self) -> bool:
        """Whether the premises speak against the target (every kind but support)."""
        return self is not RelationType.SUPPORT

    @property
    def verb(self) -> str:
        """How a sentence says it: ``A supports B``, ``A is contrary to B``."""
        return {"contrary": "is contrary to", "contradictory": "contradicts"}.get(self.value, f"{self.value}s")


_FIELD_SETS: dict[frozenset[str], set[str]] = {}


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)

    @model_validator(mode="after")
    def _share_fields_set(self) -> Self:
        """Let records with the same fields share pydantic's set of them (265,000 sets of 216 bytes at 100,000 claims).

        Safe because records are frozen: pydantic only changes that set on assignment,
        and ``model_copy`` gives the copy a set of its own.
        """
        names = self.__pydantic_fields_set__
        shared = _FIELD_SETS.setdefault(frozenset(names), names)
        if shared is not names:
            object.__setattr__(self, "__pydantic_fields_set__", shared)
        return self


class Anchor(_Record):
    """A claim's link to the passage of a source it comes from.

    Modelled on the W3C TextQuoteSelector plus TextPositionSelector: the offsets
    (Unicode code points) find the passage fast, the quote with its context finds
    it again when the text has shifted.
    """

    source: Id
    quote: str = Field(min_length=1)
    prefix: str = ""
    suffix: str = ""
    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=0)
    speaker: Id | None = Field(default=None, description="Who said it, for debate transcripts.")


class Claim(_Record):
    """A statement in the argument."""

    kind: ClaimKind = ClaimKind.CLAIM
    text: str
    title: str = Field(default="", description="A display title kept exactly (Argdown's [Fleisch-OK]); else the id.")
    variants: tuple[str, ...] = Field(
        default=(), description="Earlier wordings of the same statement (an Argdown equivalence class's other texts)."
    )
    implicit: StrictBool = Field(default=False, description="An unstated premise the analyst reconstructed.")
    tags: tuple[str, ...] = ()
    translations: dict[str, str] = Field(default_factory=dict, description="Language code to text.")
    evidence: tuple[Anchor, ...] = ()
    base_score: StrictFloat | None = Field(
        default=None, ge=0.0, le=1.0, description="Intrinsic strength for evaluation; 0.5 when unset."
    )
    note: str = ""

    def shown_text(self, language: str | None) -> str:
        """The text in ``language`` when the claim has a translation there, else its own: what every view shows."""
        return self.translations.get(language, self.text) if language else self.text


class Relation(_Record):
    """Premises that together support or attack a target.

    More than one premise means linked premises: they work only together.  The
    target is a claim id or, for an undercut, the id of another relation.
    """

    type: RelationType
    premises: tuple[Id, ...] = Field(min_length=1)
    target: Id
    rank: str = Field(
        default="m", pattern=r"^[0-9A-Za-z]+$", description="Orders siblings under one target; compared as a string."
    )
    scheme: str | None = Field(default=None, description="An argument scheme id, e.g. 'expert-opinion'.")
    answers: dict[str, str] = Field(
        default_factory=dict, description="Answers to the scheme's critical questions, by question id."
    )
    weight: StrictFloat | None = Field(default=None, ge=0.0, le=1.0)
    note: str = ""


class ArgumentStep(_Record):
    """One numbered line of an argument's premise–conclusion structure.

    A step with ``inference`` is a conclusion drawn from earlier steps (``uses``
    names them by number, 1-based; empty means every step since the previous
    conclusion); ``relation`` is the map's relation that draws it.
    """

    claim: Id
    inference: StrictBool = False
    rules: tuple[str, ...] = Field(default=(), description="Inference rules or schemes by their full names.")
    uses: tuple[StrictInt, ...] = ()
    relation: Id | None = None


class Argument(_Record):
    """An argument as a titled whole: a description, tags, and its premise–conclusion structure.

    Claims and relations carry the argument's logic for checking and evaluation;
    this record keeps what a reconstruction adds (Argdown's ``<Title>``): the
    title, the order of its steps, the intermediate conclusions and the rules.
    A sketched argument (no steps) is stood for by ``claim``, its gist.
    """

    title: str = Field(default="", description="The display title, kept exactly; the id when empty.")
    description: str = ""
    variants: tuple[str, ...] = Field(default=(), description="Earlier descriptions of the same argument.")
    tags: tuple[str, ...] = ()
    scheme: str | None = Field(default=None, description="An argument scheme id, e.g. 'expert-opinion'.")
    steps: tuple[ArgumentStep, ...] = ()
    claim: Id | None = Field(default=None, description="The claim standing for a sketched argument in the graph.")
    outgoing: tuple[Id, ...] = Field(
        default=(), description="Relations that leave from the argument as a whole rather than from its conclusion."
    )
    undercuts: tuple[Id, ...] = Field(
        default=(), description="Relations onto the argument that undercut it rather than attack it."
    )
    note: str = ""

    def names(self) -> set[str]:
        """The claim and relation ids the argument refers to."""
        named = {step.claim for step in self.steps} | {s.relation for s in self.steps if s.relation is not None}
        return named | set(self.outgoing) | set(self.undercuts) | ({self.claim} if self.claim is not None else set())

    def renamed(self, names: Mapping[str, str]) -> Argument:
        """The argument with claim and relation ids renamed (a merge renaming a clash)."""
        steps = tuple(
            step.model_copy(
                update={
                    "claim": names.get(step.claim, step.claim),
                    "relation": names.get(step.relation, step.relation) if step.relation is not None else None,
                }
            )
            for step in self.steps
        )
        return self.model_copy(
            update={
                "steps": steps,
                "claim": names.get(self.claim, self.claim) if self.claim is not None else None,
                "outgoing": tuple(names.get(rid, rid) for rid in self.outgoing),
                "undercuts": tuple(names.get(rid, rid) for rid in self.undercuts),
            }
        )

    def without(self, gone: set[str]) -> Argument:
        """The argument without the claims and relations in ``gone`` (a delete taking them away)."""
        steps = tuple(
            step.model_copy(update={"relation": None}) if step.relation in gone else step
            for step in self.steps
            if step.claim not in gone
        )
        return self.model_copy(
            update={
                "steps": steps,
                "claim": None if self.claim in gone else self.claim,
                "outgoing": tuple(rid for rid in self.outgoing if rid not in gone),
                "undercuts": tuple(rid for rid in self.undercuts if rid not in gone),
            }
        )


class LeftOut(_Record):
    """A passage of a source deliberately left out of the map (background, an aside), with why.

    Found like an anchor: the offsets first, the quote with its context when the text moved.
    ``argmap coverage`` counts its sentences as covered.
    """

    quote: str = Field(min_length=1)
    prefix: str = ""
    suffix: str = ""
    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=0)
    reason: str = Field(default="", description="Why the passage is not in the map, e.g. 'background'.")


class Source(_Record):
    """A document the map annotates; ``path`` is relative to the map file."""

    title: str = ""
    author: str = ""
    date: str = ""
    language: str = ""
    url: str = ""
    path: str = ""
    sha256: str = Field(default="", pattern=r"^([0-9a-f]{64})?$")
    note: str = ""
    left_out: tuple[LeftOut, ...] = Field(
        default=(), description="Passages deliberately left out of the map, so that coverage can reach 100 %."
    )


class Speaker(_Record):
    """A participant of a debate transcript."""

    name: str
    role: str = ""


# The dialogue layer (AIF's locutions, illocutions, transitions and rephrases) ---------------


class Illocution(_Record):
    """What a locution or a transition does (an AIF YA node): asserting a claim, questioning it, arguing."""

    kind: str = Field(min_length=1, description="The illocution by its AIF name: 'Asserting', 'Pure Questioning'…")
    targets: tuple[Id, ...] = Field(
        default=(), description="What it bears on: claims, relations, rephrases, or locutions (reported speech)."
    )


class Locution(_Record):
    """Something said in a dialogue (an AIF L node): its words as the transcript gives them, by whom, when."""

    text: str
    speaker: Id | None = None
    timestamp: str = Field(default="", description="The time the dialogue's record gives it, as written.")
    anchor: Anchor | None = Field(
        default=None, description="Where its words stand in a source; the claims it asserts carry the same anchor."
    )
    illocutions: tuple[Illocution, ...] = ()


class Transition(_Record):
    """How a locution follows from earlier ones (an AIF TA node), and what that step does."""

    kind: str = Field(default="Default Transition", min_length=1)
    follows: tuple[Id, ...] = Field(default=(), description="The earlier locutions.")
    to: tuple[Id, ...] = Field(default=(), description="The locutions that follow them.")
    illocutions: tuple[Illocution, ...] = ()


class Rephrase(_Record):
    """A claim that restates others (an AIF MA node): the same content, reworded in the dialogue."""

    kind: str = Field(default="Default Rephrase", min_length=1)
    premises: tuple[Id, ...] = Field(min_length=1, description="The claims restated.")
    target: Id = Field(description="The claim that restates them.")


ConflictTable = Literal[
    "map", "sources", "speakers", "claims", "relations", "arguments", "locutions", "transitions", "rephrases"
]
"""What a conflict is about: a field of the map itself or a record of one of its tables."""
CONFLICT_TABLES: dict[str, ConflictTable] = {name: name for name in get_args(ConflictTable)}
"""``CONFLICT_TABLES[table]``: a table's name as a conflict's ``table`` (a KeyError for the conflicts table itself)."""


class Conflict(_Record):
    """A change both sides of a merge made differently, kept until someone decides.

    The merged map holds ours' value; ``base``, ``ours`` and ``theirs`` keep every
    side's value as JSON so that no wording is lost.  ``field`` empty means the
    whole record: one side deleted it (``null``) while the other edited it.  A
    dotted field (``translations.de``) names one key of a dict field.
    """

    table: ConflictTable
    id: str = Field(default="", description="The record's id; empty for a field of the map itself.")
    field: str = Field(default="", description="The field both sides changed; empty for the whole record.")
    base: JsonValue = None
    ours: JsonValue = None
    theirs: JsonValue = None


class ArgMap(BaseModel):
    """One map: one ``*.argmap.json`` file."""

    model_config = ConfigDict(extra="forbid", title="argmap map")

    argmap: Literal[1] = Field(description="The format version.")
    title: str = ""
    language: str = Field(default="en", description="The language the claims are written in.")
    description: str = ""
    sources: dict[Id, Source] = Field(default_factory=dict)
    speakers: dict[Id, Speaker] = Field(default_factory=dict)
    claims: dict[Id, Claim] = Field(default_factory=dict)
    relations: dict[Id, Relation] = Field(default_factory=dict)
    arguments: dict[Id, Argument] = Field(
        default_factory=dict, description="Arguments as titled wholes (reconstructions), over claims and relations."
    )
    locutions: dict[Id, Locution] = Field(
        default_factory=dict, description="The dialogue layer: what was said, by whom (AIF L nodes)."
    )
    transitions: dict[Id, Transition] = Field(default_factory=dict, description="Steps between locutions (AIF TA).")
    rephrases: dict[Id, Rephrase] = Field(default_factory=dict, description="Claims restating others (AIF MA).")
    conflicts: dict[str, Conflict] = Field(
        default_factory=dict,
        description="Unresolved merge conflicts (argmap merge); argmap check fails until they are resolved.",
    )

    def theses(self) -> list[str]:
        return sorted(cid for cid, claim in self.claims.items() if claim.kind is ClaimKind.THESIS)
