"""A speaker's own career in a transcript or interview: "I was at Meta for four years, then I
left to start Corvid", "Before this I spent six years at AWS".

ingest/firstperson.py already tells who "I" is (the turn's label, the guest an intro or cast
list names). What it leaves open is the past post said in the first person with no verb of
leaving: a speaker who says "I spent six years at AWS" or "before that I was at IBM" is telling
a post that ended, since they speak as someone who is elsewhere now. Said of oneself, these
shapes are departures; the same words about a third person are left to the bio rules
(ingest/careers.py), because a profile of a current employee writes them too ("she spent
five years at Google building Maps" of someone still there).

Also here: the venture a speaker (or anyone) left to start ("left to start Corvid"), which is
an organization wherever the article names it.
"""
from __future__ import annotations

import re

from .extract_types import Raw, SentInfo
from .orgs import COMPANY_SUFFIXES

_SUFFIXES = "|".join(re.escape(w) for w in sorted(COMPANY_SUFFIXES, key=len, reverse=True))

# "«Q» spent six years at «O»", "«Q» was at «O» for four years", "«Q» worked at «O» until «D»"
_SPENT = re.compile(r"«Q(\d+)»\s+(?:also\s+|then\s+)?spent\s+(?:(?!«)[^.;]){0,40}?\b(?:at|with)\s+«O(\d+)»")
_WAS_AT = re.compile(r"«Q(\d+)»\s+(?:was|worked|stayed|served)\s+(?:(?:as\s+)?[^«.;,]{0,40}?\s)?(?:at|with|for)\s+«O(\d+)»"
                     r"(?P<dur>\s+for\s+(?:(?!«)[^.;,]){0,25}?\b(?:years?|months?|decades?)\b|\s+until\s+«D(\d+)»)?")
# what makes "I was at O" a post that ended: said as what came before, or followed by a move on
_BEFORE = re.compile(r"\b(?:before\s+(?:that|this|then|joining|coming)|previously|prior\s+to\s+(?:that|this)|earlier\s+in\s+my\s+career|"
                     r"back\s+then|at\s+the\s+time|years?\s+ago)\b", re.I)
_THEN_LEFT = re.compile(r"^[^.;]{0,40}?(?:,\s*|\band\s+|\bthen\s+)+(?:then\s+)?«Q\d+»\s+(?:left|moved|joined|quit|went)\b")
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|I've|I'd)\b")


def spoken_posts(info: SentInfo, si: int, raws: list[Raw]) -> None:
    """Departures from the past posts a speaker tells in the first person."""
    me = info.first_person
    if me is None or "«Q" not in info.marked or "«O" not in info.marked or not _FIRST_PERSON_WORD.search(info.sent.text):
        return
    s = info.marked
    ents = info.ents

    def emit(qi: str, oi: str, date_idx: str | None = None) -> None:
        q, o = ents[int(qi)], ents[int(oi)]
        if q.key != me or o.kind != "O":
            return
        if any(r.sent == si and r.person == me and r.org == o.key and r.type in ("left", "joined") for r in raws):
            return
        d = ents[int(date_idx)].date if date_idx is not None else None
        raws.append(Raw("left", me, o.key, None, d, si, info.sent.text, 0.55, False,
                        o.org.unit if o.org else None, "spoken-post"))

    for m in _SPENT.finditer(s):
        if not re.search(r"\b(?:have|has|'ve)\s+$", s[max(0, m.start() - 10):m.start()]):
            emit(m.group(1), m.group(2))
    for m in _WAS_AT.finditer(s):
        ended = m.group("dur") or _BEFORE.search(s[max(0, m.start() - 40):m.start()]) or _THEN_LEFT.match(s, m.end())
        if ended:
            emit(m.group(1), m.group(2), m.group(4))


# "left to start Corvid", "quit Google to found Tallow": the venture left for is an organization
_VENTURE = re.compile(r"\b(?:left|leave|leaving|quit|quitting|departed)\b[^.;]{0,40}?\bto\s+(?:co-?found|found|start|launch|build)\s+"
                      r"((?:[A-Z][\w&'’-]*)(?:\s+[A-Z][\w&'’-]*){0,2})")


def ventures(text: str, person_words: set[str], not_names: frozenset[str]) -> dict[str, str]:
    """Surface -> name of the ventures the article says someone left a job to start."""
    out: dict[str, str] = {}
    if "to " not in text:
        return out
    for m in _VENTURE.finditer(text):
        words = m.group(1).split()
        if not words or words[0] in not_names or any(w in person_words for w in words):
            continue
        surface = " ".join(words)
        # "Tern" where the article also writes "Tern Labs": the full name
        full = re.search(rf"(?<![\w&'’-]){re.escape(surface)}\s+(?:{_SUFFIXES})(?![\w-])", text)
        out[surface] = full.group(0) if full else surface
    return out
