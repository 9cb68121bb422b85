"""The dataclasses the extractor modules share: entities, affiliations, raw claims, sentences."""
from __future__ import annotations

from dataclasses import dataclass, field

from .dates import DateMention
from .orgs import OrgMention
from .sentences import Sentence


@dataclass
class Ent:
    """An entity placeholder in a marked sentence."""

    kind: str                 # P person, Q person via pronoun, O org, D date
    key: str = ""             # person key / org name
    org: OrgMention | None = None
    date: DateMention | None = None
    start: int = 0            # char offset in the sentence
    end: int = 0


@dataclass
class Affil:
    """A person's affiliation read from an apposition or role modifier."""

    person: str
    org: str
    role: str | None
    former: bool = False
    founder: bool = False
    past: bool = False        # past-tense description ("who led ..."): not a current role
    confidence: float = 0.8
    unit: str | None = None
    date: DateMention | None = None   # when a former affiliation ended ("who led X until D")


@dataclass
class Raw:
    """A claim under construction, with the context needed for article-level rules."""

    type: str
    person: str
    org: str
    role: str | None
    date: DateMention | None
    sent: int
    quote: str
    confidence: float
    present: bool = False
    unit: str | None = None
    origin: str = ""
    offset: tuple[int, str, int] | None = None


@dataclass
class SentInfo:
    """Everything known about one sentence."""

    sent: Sentence
    ents: list[Ent] = field(default_factory=list)
    marked: str = ""
    simple: str = ""
    affils: list[Affil] = field(default_factory=list)
    correction: bool = False
    ctx_org: str | None = None   # placeholder index of the org in discourse focus
    known: list[OrgMention] = field(default_factory=list)   # gazetteer orgs (first pass)
    names: list = field(default_factory=list)               # full-name spans (first pass)
    group_pred: object = False                              # cache of _group_predicates
    first_person: str | None = None                         # who "I/me/my" is (ingest/firstperson.py)
    second_person: str | None = None                        # who "you/your" is (an interview's questions)
    rel_clauses: list[str] = field(default_factory=list)    # "«P3» left «O1» in «D2»" from "P, who left O in D,"
