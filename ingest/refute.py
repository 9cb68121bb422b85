"""Article-level refutations: a sentence that denies, withholds confirmation from, or
contradicts what an earlier sentence reported withdraws the moves that sentence stated.

- An anaphoric denial ("P denied it", "That report is not true", "Neither A nor B would
  confirm it", "we do not count it") governs the moves of the sentence before it that share
  a person or an organization with the denial.
- "P stayed at O" / "P remains at O" / "P was instead promoted at O" refutes a departure
  of P from O stated anywhere in the article.
- "P never started" / "P would not be joining O" withdraws the joins of P told up to there.
- Any refutation the article states (ingest/denials.py: "P will no longer join O", "P's move
  to O has fallen through", "P did not work at O") withdraws the same (type, person, org)
  claims told up to that sentence; other articles' facts are the resolver's (crossrefute.py).
"""
from __future__ import annotations

import re

from .denials import refuted
from .extract_types import Raw, SentInfo

_ANAPHOR = r"(?:that|this|it|them|the\s+(?:report|reports|claim|claims|rumou?rs?|story|speculation|move|account)|those\s+\w+|such\s+\w+)"
DENIAL = re.compile(
    rf"\b(?:denied|denies|deny|disputed|disputes|rejected|rebutted|refuted|dismissed)\s+{_ANAPHOR}(?=\s*(?:[.,;:!]|$|in\b|on\b|at\b|to\b|via\b|through\b|publicly\b|outright\b|flatly\b|firmly\b))|"
    rf"\b{_ANAPHOR}\s+(?:is|was|are|were)\s+(?:not\s+(?:true|accurate|correct|the\s+case)|untrue|false|wrong|incorrect|inaccurate|baseless)\b|"
    rf"\b(?:would|could|did|do|does|will)\s*(?:not|n't)\s+(?:confirm|verify)(?:\s+(?:{_ANAPHOR}|whether|the\s+(?:hire|departure|appointment|news)))?(?=\s*[.,;:!]|\s*$)|"
    rf"\b(?:would|could|did|do|does|will)\s*(?:not|n't)\s+count\b|"
    rf"\b(?:declined|refused)\s+to\s+confirm(?:\s+(?:{_ANAPHOR}|whether|the\s+(?:hire|departure|appointment|news)))?(?=\s*[.,;:!]|\s*$)|"
    r"\b(?:has|have|had|was|were|is|are)\s+(?:not|never)\s+(?:been\s+)?confirmed\b|\bunconfirmed\b|"
    r"\bnever\s+happened\b|\bnot\s+(?:yet\s+)?(?:happen(?:ed|ing)|official)\b",
    re.I)
_STAYED = re.compile(r"\b(?:stayed|stays|staying|remained|remains|remaining|still|instead|"
                     r"has\s+not\s+left|hasn't\s+left|did\s+not\s+leave|didn't\s+leave|not\s+leaving)\b", re.I)
_STAYED_UNTIL = re.compile(r"[^«.;]{0,40}?\b(?:before|until|till)\b", re.I)
_CUES = ("deni", "deny", "disput", "reject", "rebut", "refut", "dismiss", "true", "false", "wrong",
         "incorrect", "inaccurate", "baseless", "confirm", "verify", "count", "never happen", "not happen",
         "not official", "not yet happen")
_STAY_CUES = ("stay", "remain", "still", "instead", "not left", "n't left", "not leav", "n't leav", "not leaving")


_CUE_RE = re.compile("|".join(re.escape(c) for c in _CUES))
_STAY_RE = re.compile("|".join(re.escape(c) for c in _STAY_CUES))


# "Lam never started", "P would not be joining (O)": an announced hire that did not happen
_NEVER_JOINED = re.compile(r"«[PQ](\d+)»\s+(?:(?:has|had)\s+)?(?:never\s+(?:started|joined|took\s+up|showed\s+up)|"
                           r"(?:would|will|did|does)\s*(?:not|n't)\s+(?:be\s+)?(?:join|joining|start|starting)\b)"
                           r"(?:\s+(?:at\s+)?«O(\d+)»)?", re.I)


def _never_joined(infos: list[SentInfo], claims: list[Raw]) -> set[int]:
    """Joins the article itself says never happened: the person's joins told up to that sentence
    (at the org it names, if it names one)."""
    drop: set[int] = set()
    for si, info in enumerate(infos):
        if "never" not in info.marked and "not" not in info.marked and "n't" not in info.marked:
            continue
        for m in _NEVER_JOINED.finditer(info.marked):
            person = info.ents[int(m.group(1))].key
            org = info.ents[int(m.group(2))].key if m.group(2) else None
            drop |= {id(c) for c in claims if c.type == "joined" and c.person == person and c.sent <= si
                     and (org is None or c.org == org)}
    return drop


def _keys(info: SentInfo) -> tuple[set[str], set[str]]:
    people = {info.ents[int(x)].key for x in re.findall(r"«[PQ](\d+)»", info.marked)}
    orgs = {info.ents[int(x)].key for x in re.findall(r"«O(\d+)»", info.marked)}
    return people, orgs


def refute(infos: list[SentInfo], claims: list[Raw], published: str | None = None) -> list[Raw]:
    """The claims that survive the article's own denials and "stayed" statements
    (`published` dates the article, so a denial told of long before it withdraws nothing)."""
    drop: set[int] = set()
    for si, info in enumerate(infos):
        if not _CUE_RE.search(info.sent.text.lower()) or not DENIAL.search(info.marked):
            continue
        people, orgs = _keys(info)
        for c in claims:
            if c.type == "held_role" or c.sent not in (si - 1, si - 2) or c.sent < 0:
                continue
            if c.sent == si - 2 and not (c.person in people):
                continue  # two sentences back only when the denial names the person again
            if c.person in people or c.org in orgs or (not people and not orgs):
                drop.add(id(c))
    drop |= _never_joined(infos, claims)
    for si, t, person, org, _, _ in refuted(infos, published):
        drop |= {id(c) for c in claims if c.type == t and c.person == person and c.org == org and c.sent <= si}
    # "P stayed / was instead promoted at O" refutes "P left O"
    stays = set()
    if not any(c.type == "left" for c in claims):
        return [c for c in claims if id(c) not in drop]
    for si, info in enumerate(infos):
        if not _STAY_RE.search(info.sent.text.lower()) or not _STAYED.search(info.sent.text):
            continue
        for m in re.finditer(r"«[PQ](\d+)»([^«]{0,80}?)«O(\d+)»", info.marked):
            gap = m.group(2)
            if len(gap) <= 60 and not re.search(r"\b(?:who|which|that|whom|whose)\b|[,;:]", gap) and \
                    (_STAYED.search(gap) or re.search(r"\bpromoted\b", gap, re.I)) and \
                    not _STAYED_UNTIL.match(info.marked, m.end()):
                # (not "stayed at O for 18 months before joining B": a stint that ended)
                stays.add((info.ents[int(m.group(1))].key, info.ents[int(m.group(3))].key))
    return [c for c in claims if id(c) not in drop and not (c.type == "left" and (c.person, c.org) in stays)]
