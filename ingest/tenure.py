"""Tenure statements of profiles and bios, read over marked strings (see marking.py):

- "Since 2023 she has been CTO at O" / "P has served as chief scientist of O since D": a post
  held since D began then (a join, or a new title where the article already places P at O);
- "P spent four years at O", "I was at O for a decade", "P worked at O": a past post, which
  tells an org-less departure nearby ("She left in 2022") what was left;
- "P previously worked at O", "P was previously a researcher at O": a post P no longer holds.
Pronoun subjects («Q») count: profiles tell a career through "she" and "I".
"""
from __future__ import annotations

import re

from .extract_types import Affil, Raw, SentInfo
from .lexicon import CLAUSE_PREFIX_NEG, CO_SUBJECT, FILL, ROLE_PHRASE, _clause_end, _clause_prefix, _clean_role, _neg

_HAS_HELD = re.compile(
    rf"«([PQ])(\d+)»(?:\s+(?:has|have|had)\s+|['’](?:d|s|ve)\s+)(?:(?:also|now|already)\s+)?(been|served|worked|taught|led|headed|run)\b"
    rf"([^.;«]{{0,80}}?)\b(?:at|of|for|with|in|leading|heading|running)\s+{FILL}«O(\d+)»", re.I)
# the date span may hold the "since" itself ("since 2019" is one date mention)
# the org told as the title's owner: "P, 47, has served as the Company's Vice President, Finance since March 2021"
_HELD_POSS = re.compile(
    r"«([PQ])(\d+)»(?:\s*,[^,«;.]{1,12},)?(?:\s+(?:has|have|had)\s+|['’](?:d|s|ve)\s+)(?:(?:also|now)\s+)?(?:been|served\s+as)\s+"
    r"(a\s+member\s+of\s+)?(?:the\s+)?«O(\d+)»['’]s\s+([^«;.]{2,80}?)\s*(since\s+)?«D(\d+)»", re.I)
# the unit led told as the org's: "P has run O's AI platform organization since 2019"
_LED_POSS = re.compile(
    r"«([PQ])(\d+)»(?:\s+(?:has|have|had)\s+|['’](?:s|ve|d)\s+)(?:(?:also|now)\s+)?(?:led|headed|run|overseen|managed|directed)\s+"
    r"(?:the\s+)?«O(\d+)»['’]s\s+([^«;.,]{2,60}?)\s*«D(\d+)»", re.I)
_AND_SEAT = re.compile(r"\s+and\s+as\s+a\s+member\s+of\s+(?:the\s+)?«O(\d+)»['’]s\s+board\b[^«;.]{0,15}?\s*(since\s+)?«D(\d+)»", re.I)
_SINCE_AFTER = re.compile(r"[^.;«]{0,50}?(\bsince\s+(?:(?:its|the\s+company's|the|«O\d+»'s)\s+(?:very\s+)?(?:founding|launch|inception|"
                          r"creation|start|beginning|earliest\s+days|early\s+days|first\s+days)\s+)?)?«D(\d+)»")
_SINCE_BEFORE = re.compile(r"(\b[Ss]ince\s+)?«D(\d+)»\s*,?\s*$")
_NOT_A_POST = re.compile(r"\b(?:investor|shareholder|customer|user|talks|touch|contact|partnership|discussions?|"
                         r"critic|fan|advocate|vocal|skeptic)\b", re.I)
_PAST_POST = re.compile(
    rf"«([PQ])(\d+)»\s+(?:(?:had|has)\s+)?(?:spent\s+[^.;«]{{1,40}}?|was|been|worked|stayed|remained)\s+"
    rf"(?:(?:previously|formerly|once|also)\s+)?(?:at|with)\s+{FILL}«O(\d+)»", re.I)
_PREVIOUSLY = re.compile(
    rf"«([PQ])(\d+)»\s+(?:had\s+)?(?:previously|formerly|earlier|once|most\s+recently)\s+(?:was|worked|served|led|ran|headed|held|spent)\b"
    rf"[^.;«]{{0,60}}?\b(?:at|with|for)\s+{FILL}«O(\d+)»|"
    rf"«([PQ])(\d+)»\s+(?:was|had\s+been)\s+(?:previously|formerly)\b(?:[^.;«]{{0,60}}?\b(?:at|with|of)\s+|\s+){FILL}«O(\d+)»", re.I)
_AND_ORG = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)«O(\d+)»")


# "P is now VP of research at O (was director of pretraining)": a new title at O
_NOW_WAS = re.compile(rf"«([PQ])(\d+)»\s+is\s+now\s+(?:the\s+|an?\s+)?({ROLE_PHRASE})\s+(?:at|of)\s+{FILL}«O(\d+)»\s*"
                      rf"\(\s*(?:was|previously|formerly)\b", re.I)


# "Starting today, she is O's chief scientist": a title that begins on the date told first
_STARTING_IS = re.compile(
    rf"^\W*(?:starting|effective|as\s+of|beginning|from)\s+«D(\d+)»\s*,\s*«([PQ])(\d+)»\s+(?:is|becomes)\s+(?:now\s+)?"
    rf"(?:the\s+|an?\s+)?(?:«O(\d+)»['’]s\s+)?({ROLE_PHRASE})(?:\s+(?:at|of)\s+{FILL}«O(\d+)»)?"
    rf"(?=\s*(?:[,.;]|$)|\s+(?:and|at|of|for|with|in|on)\b)", re.I)


def tenures(info: SentInfo, si: int, out: list[Raw], clause: str | None = None) -> None:
    """Tenure claims of the sentence, or of one of its relative clauses ("P, who had been at O since D,")."""
    s = info.simple if clause is None else clause
    if "«O" not in s or "«P" not in s and "«Q" not in s:
        return
    ents = info.ents
    text = info.sent.text
    st = _STARTING_IS.match(s) if clause is None and "«D" in s else None
    if st and _clean_role(st.group(5)) and not ents[int(st.group(1))].date is None:
        org = st.group(4) or st.group(6)
        # told of someone the story already follows ("she"): a new title for a person already there
        out.append(Raw("role_changed" if st.group(2) == "Q" and org else "role?", ents[int(st.group(3))].key,
                       ents[int(org)].key if org else "", _clean_role(st.group(5)),
                       ents[int(st.group(1))].date, si, text, 0.7, False, _unit(info, org) if org else None, "role?"))
    if " now " in s:
        for m in _NOW_WAS.finditer(s):
            out.append(Raw("role_changed", ents[int(m.group(2))].key, ents[int(m.group(4))].key, _clean_role(m.group(3)),
                           None, si, text, 0.7, False, _unit(info, m.group(4)), "now-was"))
    if "«D" in s and "ince" in info.sent.text:
        for m in _HAS_HELD.finditer(s):
            dm = _SINCE_AFTER.match(s, m.end())
            if not (dm and dm.end() <= _clause_end(s, m.end()) + 1 and _since(dm, ents)):
                dm = _SINCE_BEFORE.search(_clause_prefix(s, m.start()))
            date = ents[int(dm.group(2))].date if dm and _since(dm, ents) else None
            if date is None or not date.date or date.future:
                continue
            gap = m.group(4)
            prefix = _clause_prefix(s, m.start())
            if _NOT_A_POST.search(gap) or _neg(gap, prefix) or CLAUSE_PREFIX_NEG.search(prefix):
                continue
            role = _clean_role(gap) if m.group(3).lower() in ("been", "served") else None
            out.append(Raw("role?" if role else "joined", ents[int(m.group(2))].key, ents[int(m.group(5))].key, role,
                           date, si, text, 0.7 - (0.1 if m.group(1) == "Q" else 0.0), False,
                           _unit(info, m.group(5)), "tenure"))
        for m in _HELD_POSS.finditer(s):
            date = ents[int(m.group(7))].date
            if date is None or not date.date or date.future or not (m.group(6) or date.text.lower().startswith("since")):
                continue
            role = _clean_role(m.group(5).rstrip(" ,"))
            if m.group(3):   # "a member of O's Board of Directors": a seat, not a title
                role = "board member" if role and re.match(r"board\b", role, re.I) else None
            if not role or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, m.start())):
                continue
            out.append(Raw("joined" if m.group(3) else "role?", ents[int(m.group(2))].key, ents[int(m.group(4))].key, role, date, si,
                           text, 0.7 - (0.1 if m.group(1) == "Q" else 0.0), False, _unit(info, m.group(4)), "tenure"))
            seat = _AND_SEAT.match(s, m.end())   # "... since D1 and as a member of O's board since D2"
            sd = ents[int(seat.group(3))].date if seat else None
            if seat and sd is not None and sd.date and not sd.future and (seat.group(2) or sd.text.lower().startswith("since")):
                out.append(Raw("joined", ents[int(m.group(2))].key, ents[int(seat.group(1))].key, "board member", sd, si,
                               text, 0.65, False, _unit(info, seat.group(1)), "tenure"))
        for m in _LED_POSS.finditer(s):
            date = ents[int(m.group(5))].date
            if date is None or not date.date or date.future or not date.text.lower().startswith("since"):
                continue
            role = _clean_role(f"head of {m.group(4).strip()}")
            if not role or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, m.start())):
                continue
            out.append(Raw("role?", ents[int(m.group(2))].key, ents[int(m.group(3))].key, role, date, si, text,
                           0.65 - (0.1 if m.group(1) == "Q" else 0.0), False, _unit(info, m.group(3)), "tenure"))
    low = s.lower()
    for m in (_PAST_POST.finditer(s) if (" at " in s or " with " in s) and
              any(w in low for w in ("spent", "was ", "been ", "worked", "stayed", "remained")) else ()):
        co = CO_SUBJECT.search(s, 0, m.start())   # ("«Q1» and «Q2» had spent five years at O": both)
        org = ents[int(m.group(3))].key
        for key in [ents[int(m.group(2))].key] + ([ents[int(co.group(2))].key] if co else []):
            if not any(a.person == key and a.org == org for a in info.affils):
                info.affils.append(Affil(key, org, None, past=True, confidence=0.6, unit=_unit(info, m.group(3))))
    if any(w in low for w in ("previously", "formerly", "earlier", "once", "most recently")):
        for m in _PREVIOUSLY.finditer(s):
            p = m.group(2) or m.group(5)
            o = m.group(3) or m.group(6)
            if CLAUSE_PREFIX_NEG.search(_clause_prefix(s, m.start())):
                continue
            more = [mm.group(1) for mm in _chain_matches(_AND_ORG, s, m.end())]   # "previously A and B"
            co = CO_SUBJECT.search(s, 0, m.start())
            for pi in [p] + ([co.group(2)] if co else []):
                for oi in [o] + more:
                    out.append(Raw("left", ents[int(pi)].key, ents[int(oi)].key, None, None, si, text,
                                   0.65 - (0.1 if (m.group(1) or m.group(4)) == "Q" else 0.0), False, _unit(info, oi), "prior-post"))


# "... at O, where she has worked since 2016" / "returning to O, where he worked from 2019 to 2022":
# the clause tells a post at the org before it
_WHERE = re.compile(
    rf"\b(?:at|with|for|to|joined|joining|rejoin(?:s|ed|ing)?|leaving|left)\s+{FILL}«O(?P<o>\d+)»(?:['’]s\s+[^«,;.]{{1,40}}?)?\s*,\s+where\s+"
    rf"«(?P<k>[PQ])(?P<p>\d+)»\s+(?P<v>(?:(?:has|have|had)\s+)?(?:(?:also|first|previously|once|originally)\s+)?(?:been|worked|served|taught|led|headed|run|ran|"
    rf"spent\s+[^«,.;]{{1,30}}?|was|stayed|remained|researched|studied))\b(?P<rest>[^;,]*)", re.I)


def where_clauses(info: SentInfo) -> None:
    """A 'where' clause after an org is a clause of its own about a post there: "«Q» has worked
    at «O» since «D»", read by the tenure and span rules like any relative clause."""
    if "where" not in info.simple:
        return
    for m in _WHERE.finditer(info.simple):
        if "«D" not in m.group("rest"):
            continue   # only a dated post ("since 2016", "from 2019 to 2022"): an undated one is told elsewhere
        verb = re.sub(r"\b(?:also|first|previously|once|originally)\s+", "", m.group("v"))   # (the rules read the bare verb)
        info.rel_clauses.append(f"«{m.group('k')}{m.group('p')}» {verb} at «O{m.group('o')}»{m.group('rest')}")


# "She led O's planning team, and she had been there since 2019": "there" is the org named before it
_BEEN_THERE = re.compile(r"«([PQ])(\d+)»(?:\s+(?:has|have|had)\s+|['’](?:d|s|ve)\s+)(?:also\s+)?(?:been|worked)\s+there\s*(since\s+)?«D(\d+)»", re.I)


def been_there(info: SentInfo, si: int, out: list[Raw]) -> None:
    """A post held "there" since a date: a join of the org the sentence named before "there"."""
    s = info.marked
    if "there" not in s or "«D" not in s:
        return
    for m in _BEEN_THERE.finditer(s):
        date = info.ents[int(m.group(4))].date
        before = re.findall(r"«O(\d+)»", s[:m.start()])
        if not before or date is None or not date.date or date.future or not (m.group(3) or date.text.lower().startswith("since")):
            continue
        if CLAUSE_PREFIX_NEG.search(_clause_prefix(s, m.start())):
            continue
        out.append(Raw("joined", info.ents[int(m.group(2))].key, info.ents[int(before[-1])].key, None, date, si, info.sent.text,
                       0.65 - (0.1 if m.group(1) == "Q" else 0.0), False, _unit(info, before[-1]), "tenure"))


def _unit(info: SentInfo, idx: str) -> str | None:
    org = info.ents[int(idx)].org
    return org.unit if org else None


def _since(m: re.Match[str], ents) -> bool:
    """The date matched is one introduced by "since"."""
    d = ents[int(m.group(2))].date
    return bool(m.group(1)) or (d is not None and d.text.lower().startswith("since"))


def _chain_matches(pat: re.Pattern[str], s: str, pos: int) -> list[re.Match[str]]:
    """`pat` matched repeatedly from `pos`, each match starting where the last ended."""
    out = []
    while (m := pat.match(s, pos)) and m.end() > pos:
        out.append(m)
        pos = m.end()
    return out


# "P will lead AI platform on an interim basis starting July 1": an interim title
_INTERIM_LEAD = re.compile(
    r"«([PQ])(\d+)»(?:\s*,(?:[^«;]|«O\d+»){0,80}?,|\s*,)?\s+(?:will|would|is\s+to|is\s+set\s+to|has\s+agreed\s+to|to)\s+(?:lead|run|head|oversee|cover|manage)\s+"
    r"(?:the\s+|«O\d+»['’]s\s+)?([^«,;.]{2,50}?|«O\d+»)\s+(?:on\s+an?\s+(?:interim|acting|temporary)\s+basis|in\s+the\s+meantime|"
    r"for\s+the\s+time\s+being|temporarily|until\s+a\s+(?:permanent\s+)?(?:successor|replacement)\s+is\s+(?:named|found|hired))\b"
    r"(?:[^«;.]{0,20}?\b(?:starting|from|effective|beginning|as\s+of|on)\s+«D(\d+)»)?", re.I)


def interim_posts(info: SentInfo, si: int, out: list[Raw]) -> None:
    s = info.marked
    if not any(w in s for w in ("basis", "meantime", "time being", "temporarily", "until a")):
        return
    for m in _INTERIM_LEAD.finditer(s):
        what = m.group(3).strip()
        whole = re.fullmatch(r"«O(\d+)»", what)   # "will lead O on an interim basis": the whole company
        role = "interim chief executive" if whole else _clean_role(f"interim head of {what}")
        if not role or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, m.start())):
            continue
        date = info.ents[int(m.group(4))].date if m.group(4) else None
        out.append(Raw("role?", info.ents[int(m.group(2))].key, info.ents[int(whole.group(1))].key if whole else "", role, date, si, info.sent.text,
                       0.65 - (0.1 if m.group(1) == "Q" else 0.0), False, None, "role?"))


# "P, O's CFO, who has served as interim chief executive since March": a title held since D, its org from context
_SERVED_SINCE = re.compile(
    r"«([PQ])(\d+)»(?:\s*,(?:[^«;]{0,60}?(?:«O\d+»[^«;]{0,60}?)?,)?\s*who)?\s+(?:has|have|had)\s+(?:been|served\s+as)\s+(?:an?\s+|the\s+|its\s+)?"
    r"((?:interim|acting)\s+[^«,;.]{2,50}?)\s*(since\s+)?«D(\d+)»", re.I)


def served_since(info: SentInfo, si: int, out: list[Raw]) -> None:
    s = info.marked
    if "«D" not in s or "interim" not in s and "acting" not in s:
        return
    for m in _SERVED_SINCE.finditer(s):
        date = info.ents[int(m.group(5))].date
        if date is None or not date.date or date.future or not (m.group(4) or date.text.lower().startswith("since")):
            continue
        role = _clean_role(m.group(3))
        if role:
            out.append(Raw("role?", info.ents[int(m.group(2))].key, "", role, date, si, info.sent.text,
                           0.6 - (0.1 if m.group(1) == "Q" else 0.0), False, None, "role?"))
