"""Organizations a short feed item shows by its grammar alone.

A long article says what a new company is somewhere ("X, the Leeds robotics startup", "X has
raised $40 million": ingest/orgnames.py); a feed item has no room for that, and the companies
it names are often in no gazetteer (a Korean portal, a Gulf AI group, a Dutch chipmaker). Its
grammar still shows them: the subject of a headline's hiring verb ("G42 appoints P"), the
possessor of a person's name in a headline ("Naver's Park Ji-hoon"), and the place of a past
post in the summary ("was previously at Kakao", "spent six years at Feldane", "leaves A for
B"). A candidate that is part of a person's name, a common capitalized word, or a country is
never taken.
"""
from __future__ import annotations

import re

from .names import NOT_NAME
from .orgs import _COUNTRIES, _NOT_ORG_WORDS, canonical_org, known_orgs

_NAME = r"((?:[A-Z][\w&.'’-]*|\d\w*)(?:\s+[A-Z][\w&.'’-]*){0,2})"
_ONE = r"([A-Z][\w&.-]*[\w&])"
_HIRE = (r"(?:(?:to|will|set\s+to)\s+)?(?:hires?|taps?|names?|appoints?|poach(?:es)?|lures?|recruits?|adds?|picks?|nabs?|"
         r"snags?|lands?|loses?|ousts?|fires?|promotes?|welcomes?|brings?\s+back|rehires?|elevates?|grabs?|enlists?|"
         r"selects?|chooses?)")
_HEAD_SUBJECT = re.compile(rf"^\W*(?:[^:]{{1,40}}:\s*)?{_NAME}\s+(?i:{_HIRE})\s+")
_HEAD_POSSESSOR = re.compile(rf"(?<![\w&.'’-]){_ONE}['’]s\s+(?=[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)")
_PAST_POST = re.compile(
    rf"\b(?:(?:previously|formerly|earlier|once)\s+(?:(?:was|worked|served|spent[^.«;]{{0,30}}?)\s+)?(?:[\w-]+\s+){{0,3}}?at|"
    rf"(?:spent|worked)\s[^.;]{{0,30}}?\bat|(?:leaves?|leaving|left|exits?|quits?|departs?)\s+[^.;]{{1,40}}?\s+for|"
    rf"joins\s+from|(?:was|were)\s+(?:an?\s+)?(?:[\w-]+\s+){{0,3}}?at)\s+{_NAME}")


def _acceptable(cand: str, person_words: set[str], text: str) -> str | None:
    words = cand.rstrip(".,").split()
    while words and words[-1] in _NOT_ORG_WORDS:
        words = words[:-1]
    if not words or words[0] in NOT_NAME or words[0] in _NOT_ORG_WORDS or words[0] in _COUNTRIES:
        return None
    if any(w in person_words for w in words):
        return None
    surface = " ".join(words)
    kn = known_orgs(surface)
    if kn and kn[0].start == 0:
        return None   # the gazetteer knows it already
    if len(words) > 1 and not re.search(r"\d|[A-Z]{2}|\.|[a-z][A-Z]", surface) and \
            re.search(rf"(?<![\w-]){re.escape(words[0])}\s+{re.escape(words[1])}(?![\w-])", text) is None:
        return None
    return surface


def item_orgs(title: str, text: str, person_words: set[str], found: dict[str, str]) -> dict[str, str]:
    """Surface -> canonical name of the organizations a short item's grammar shows."""
    out: dict[str, str] = {}
    cands: list[str] = []
    if title:
        m = _HEAD_SUBJECT.match(title)
        if m:
            cands.append(m.group(1))
        cands += [m.group(1) for m in _HEAD_POSSESSOR.finditer(title)]
    cands += [m.group(1) for m in _PAST_POST.finditer(text)]
    for cand in cands:
        surface = _acceptable(cand, person_words, f"{title}\n{text}")
        if surface and surface not in found and surface not in out:
            out[surface] = canonical_org(surface)
    return out
