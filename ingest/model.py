"""The plain data that flows one way through rollcall: source -> article -> claims -> facts.

These are frozen dataclasses with no behaviour beyond small derived values, so every stage
(parsing, extraction, resolution, projection) can be a pure function over them and tested
without a database.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

MOVE_TYPES = ("joined", "left", "role_changed")
FACT_TYPES = MOVE_TYPES + ("held_role",)
PRECISIONS = ("day", "month", "year", "unknown")


def precision_of(date: str | None) -> str:
    """A date string's precision follows from its shape: YYYY, YYYY-MM or YYYY-MM-DD."""
    if not date:
        return "unknown"
    return {4: "year", 7: "month", 10: "day"}.get(len(date), "unknown")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Case-, accent- and punctuation-blind key under which a name is looked up, so
    "Open AI", "OpenAI's" and "openai" meet. Cached: a log repeats the same names."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"['’]s\b", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def refines(candidate: str | None, current: str | None) -> bool:
    """A corroborating report's date replaces a fact's date only when it is strictly finer
    and agrees with it ("2026-03-04" refines "2026-03"); the registry and the projections
    both apply this one rule, so they never disagree on a fact's date."""
    if not candidate:
        return False
    return not current or (len(candidate) > len(current) and candidate.startswith(current))


def normalize_text(text: str) -> str:
    """Whitespace-folded text, so that re-wrapped copies of one article hash alike."""
    return re.sub(r"\s+", " ", text).strip()


def content_id(title: str, text: str) -> str:
    """Content address of an article: the sha256 of its normalized headline and body."""
    digest = hashlib.sha256(normalize_text(f"{title}\n{text}").encode("utf-8")).hexdigest()
    return f"sha256:{digest}"


@dataclass(frozen=True)
class Article:
    """One news article as read from a seed file or a feed entry, before extraction.

    `published` is an ISO date (YYYY-MM-DD, or coarser) or None; `published_inferred` says
    it was read from the article's own text rather than given by its metadata.
    """

    title: str
    text: str
    url: str | None = None
    path: str | None = None
    published: str | None = None
    published_inferred: bool = False
    source: str | None = None
    author: str | None = None
    guid: str | None = None
    summary: str | None = None

    @property
    def id(self) -> str:
        return content_id(self.title, self.text)


@dataclass(frozen=True)
class Claim:
    """One statement an article makes about a person and an organization.

    `person` is the fullest name the article gives for that person (coreference already
    applied: "Schwarzer" and "she" become "Max Schwarzer"); `org` is the organization's
    canonical name when the gazetteer knows it, else its name as written. `quote` is the
    sentence the claim was read from.
    """

    type: str
    person: str
    org: str
    role: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    date_inferred: bool = False
    quote: str = ""
    confidence: float = 0.5
    person_aliases: tuple[str, ...] = field(default_factory=tuple)
    org_unit: str | None = None


@dataclass(frozen=True)
class Refutation:
    """An article's statement that a move did not, or will not, happen or was misreported:
    "P is not leaving O", "P's move to O fell through", "Correction: P joined A, not O".

    Plain data like `Claim`: the resolver matches it against facts other (earlier) articles
    reported, so a later denial retracts an earlier report. `kind` is `denial` (P is not
    leaving, P stays at O), `fell_through` (an announced move that will not happen) or
    `correction` (a misreport); `about` is the publication date of the article a correction
    names ("an article on March 3"), when it names one.
    """

    type: str
    person: str
    org: str
    quote: str
    kind: str
    person_aliases: tuple[str, ...] = field(default_factory=tuple)
    about: str | None = None


@dataclass(frozen=True)
class Reading:
    """Everything the extractor reads from one article: its claims and its refutations."""

    claims: list[Claim]
    refutations: list[Refutation] = field(default_factory=list)
