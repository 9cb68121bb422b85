"""Board and advisory seats: "joins OpenAI's safety advisory council", "was named to Anthropic's
Long-Term Benefit Trust", "sits on the advisory board of O".

A seat is joined with role "board member" or "advisor" (gold-format), and the role is what
keeps it beside the person's day job: the projections (store/membership.py) neither end a
seat with another job nor end another job with a seat, and the article-level rules never read
"P, a vice president at Google, joined Mistral's advisory board" as leaving Google. The trigger
rules (clauses.py) read the seat's organization but not always the seat: the noun comes after
the org's possessive, several words on. So the seat is read here, once per sentence, and
given to every join of that person and org the sentence produced (the passive and active
readings of one sentence agree).
"""
from __future__ import annotations

import re

from .clausedates import date_for
from .extract_types import Raw, SentInfo
from .lexicon import CLAUSE_PREFIX_NEG, _clause_prefix, _neg

_SEAT_NOUN = (r"(?:(?:scientific|technical|safety|policy|ethics|research|industry|strategic|global|ai)\s+)?"
              r"(?:advisory\s+)?(?:board(?:\s+of\s+(?:directors|trustees|advis[eo]rs))?|council|committee|panel|"
              r"(?-i:(?:[A-Z][\w-]*\s+){0,3}Trust)|trustees)\b")
_LEAD = r"\b(?:join(?:s|ed|ing)?|to|on|onto|(?:member|trustee)\s+of)\s+"
# "joins O's safety advisory council", "named to O's Long-Term Benefit Trust", "sits on O's board"
_SEAT_AFTER = re.compile(rf"{_LEAD}(?:the\s+)?«O(\d+)»['’]s\s+(?:[\w-]+\s+){{0,4}}?"
                         rf"(?P<seat>{_SEAT_NOUN})", re.I)
# "appointed to the advisory board of O", "joins the safety council at O", "added to the O board"
_SEAT_BEFORE = re.compile(rf"{_LEAD}(?:the|its|a|an)\s+(?:new\s+)?(?P<seat>{_SEAT_NOUN})\s+(?:of|at)\s+"
                          rf"(?:the\s+)?«O(\d+)»|{_LEAD}the\s+«O(\d+)»\s+(?P<seat2>{_SEAT_NOUN})", re.I)
# "O has named P to its advisory board": the seat of the org the sentence's join is at
_SEAT_ITS = re.compile(rf"{_LEAD}(?:its|their|our)\s+(?:new\s+)?(?P<seat>{_SEAT_NOUN})", re.I)
# a seat taken with a verb no trigger reads: "will serve on O's advisory council", "was added to the O board"
# (not "sits on O's board", "has served on O's board since ...": a seat held, told elsewhere)
_SEAT_VERB = re.compile(r"«[PQ](\d+)»(?P<gap>(?:[^«.;]|«[OD]\d+»){0,100}?)\b(?:(?:will|to|would|shall)\s+(?:also\s+)?(?:serve|sit)|"
                        r"(?:tak(?:e|es|en|ing)|took)\s+(?:a|her|his|their)\s+seat|"
                        r"(?:been|was|were|is|be)\s+(?:added|elected|appointed|named|seated))\s+$", re.I)
_SEAT_ROLE = re.compile(r"\b(?:advis[eo]r|advisory|board|trustee|council|committee|panel)\b", re.I)
_MOVES = ("joined", "role?", "role_changed")


def seat_role(seat: str) -> str:
    """The role a seat gives: an advisory board seat is both, a trust or board a board seat,
    a council, committee or panel an advisory one."""
    low = seat.lower()
    if "board" in low:
        return "advisory board member" if "advis" in low else "board member"
    if "trust" in low:
        return "board member"
    return "advisor"


def side_role(role: str | None) -> bool:
    """A role that is a seat beside a job rather than the job."""
    return bool(role and _SEAT_ROLE.search(role))


def seat_roles(infos: list[SentInfo], raws: list[Raw]) -> None:
    """Give the seat a sentence names to the joins it produced for that org (in place): a
    title-less join or new title becomes a joined seat; a join whose role a seat already names
    shares it with the sentence's other readings of the same join."""
    seats: dict[tuple[int, str], str] = {}
    for si, info in enumerate(infos):
        s = info.marked
        low = s.lower()
        if "«O" not in s or not any(w in low for w in ("board", "council", "committee", "panel", "trust")):
            continue
        found = [(m, m.group(1), m.group("seat")) for m in _SEAT_AFTER.finditer(s)]
        found += [(m, m.group(2) or m.group(3), m.group("seat") or m.group("seat2")) for m in _SEAT_BEFORE.finditer(s)]
        for m, oi, seat in found:
            org = info.ents[int(oi)].key
            seats.setdefault((si, org), seat_role(seat))
            _seat_taken(info, si, m, org, seat_role(seat), raws)
        for m in _SEAT_ITS.finditer(s):
            seats.setdefault((si, "*"), seat_role(m.group("seat")))
    for r in raws:
        if r.type not in _MOVES or not r.org:
            continue
        role = seats.get((r.sent, r.org)) or (seats.get((r.sent, "*")) if r.type == "joined" else None)
        if role is not None and (r.role is None or side_role(r.role) or r.role.lower() == "member"):
            r.role = role
            r.type = "joined"
    shared = {(r.sent, r.person, r.org): r.role for r in raws if r.type in ("joined", "role?") and side_role(r.role)}
    for r in raws:
        if r.type in ("joined", "role?") and r.role is None and (r.sent, r.person, r.org) in shared:
            r.role = shared[(r.sent, r.person, r.org)]


def _seat_taken(info: SentInfo, si: int, m: re.Match[str], org: str, role: str, raws: list[Raw]) -> None:
    """A join for a seat taken with a verb the trigger rules do not read ("will serve on O's
    advisory council"), unless the sentence already has that join."""
    v = _SEAT_VERB.search(info.marked[:m.start()])
    if v is None or re.search(r"«[PQ]\d+»", v.group("gap")):
        return
    prefix = _clause_prefix(info.marked, v.start())
    if _neg(v.group("gap"), prefix) or CLAUSE_PREFIX_NEG.search(prefix):
        return
    person = info.ents[int(v.group(1))].key
    if any(r.sent == si and r.person == person and r.org == org and r.type in _MOVES for r in raws):
        return
    date = date_for(info, info.marked, v.start(), v.end(), m.end())
    raws.append(Raw("joined", person, org, role, date, si, info.sent.text, 0.75, bool(re.search(r"\b(?:will|is|be|has|have)\b", v.group(0))),
                    None, "seat"))
