"""The forms one organization's name takes across articles, so they meet under one id.

News names a small company however suits the sentence: its legal name in a release
("Nimbostrata Inc.", "Feldspar KI GmbH"), its full trading name in a first mention
("Mossgrove Compute", "Quillfeather Labs") and its bare name after that or in a later
article ("Mossgrove"). The gazetteer covers the big labs; for everyone else the resolver
needs a rule, or one company becomes two and every move at it is counted twice.

The rule is deliberately narrow:
- legal forms (Inc., GmbH, Ltd, ...) never distinguish two organizations;
- a descriptive word (Labs, AI, Compute, Robotics, ...) may be dropped only when the other
  name is exactly what remains: "Mossgrove" is "Mossgrove Compute", but "Open Robotics" is
  not "Open Systems", and nothing here touches gazetteer names ("Google" is not "Google
  Research": the gazetteer says what each of those is).
"""
from __future__ import annotations

from .model import name_key
from .orgs import COMPANY_SUFFIXES, _fold, folded_aliases

# written after a name to give its legal form; folded (lower case, no dots)
LEGAL_FORMS = frozenset("inc corp corporation co llc llp ltd limited plc gmbh ag se sa sas sarl bv nv kk pty".split())
# words that describe what a company does and are often left off its name
DESCRIPTIVE = frozenset(w.casefold().rstrip(".") for w in COMPANY_SUFFIXES) - LEGAL_FORMS - frozenset(
    # these name a different body than the bare word: "Stanford" the university, "Acme Foundation" the charity
    "university college institute foundation capital ventures partners company group holdings".split()
) | frozenset("compute labs lab ai ml robotics research systems".split())


def legal_key(name: str) -> str:
    """The name with any trailing legal form removed ("nimbostrata" for "Nimbostrata, Inc.")."""
    toks = name_key(name).split()
    while len(toks) > 1 and toks[-1] in LEGAL_FORMS:
        toks.pop()
    return " ".join(toks)


def stem_key(name: str) -> str | None:
    """The name without its trailing descriptive words ("mossgrove" for "Mossgrove Compute
    Inc."), or None when it has none or nothing distinctive would remain."""
    toks = legal_key(name).split()
    n = len(toks)
    while n > 1 and toks[n - 1] in DESCRIPTIVE:
        n -= 1
    if n == len(toks) or len(" ".join(toks[:n])) < 4:
        return None
    return " ".join(toks[:n])


def in_gazetteer(name: str) -> bool:
    """Whether the shipped gazetteer knows this name (the resolver leaves those to it)."""
    return _fold(name) in folded_aliases()


class OrgForms:
    """An index of known organizations by their name forms (the resolver keeps one)."""

    def __init__(self) -> None:
        self.by_legal: dict[str, str] = {}       # legal_key -> id, first one wins
        self.by_stem: dict[str, set[str]] = {}   # stem_key -> ids whose names carry descriptive words

    def add(self, oid: str, name: str) -> None:
        if in_gazetteer(name):
            return
        self.by_legal.setdefault(legal_key(name), oid)
        stem = stem_key(name)
        if stem:
            self.by_stem.setdefault(stem, set()).add(oid)

    def find(self, name: str) -> str | None:
        """The id of a known organization this name is another form of, if exactly one is."""
        if in_gazetteer(name):
            return None
        key = legal_key(name)
        if key in self.by_legal:
            return self.by_legal[key]
        stem = stem_key(name)
        if stem is not None:  # "Mossgrove Compute" after "Mossgrove"
            # (not after "Mossgrove Labs": two descriptive words may name two companies)
            return self.by_legal.get(stem)
        ids = self.by_stem.get(key, set())  # "Mossgrove" after "Mossgrove Compute"
        return next(iter(ids)) if len(ids) == 1 else None
