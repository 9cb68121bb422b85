"""Question-and-answer transcripts (depositions, hearings, interview logs) told as numbered
"Q." / "A." lines are rewritten into "Q: ..." / "A: ..." paragraphs, one per turn, so the
interview rules (firstperson.py) see who answers. An elliptical answer takes its verb and
org from the question it answers:

- "Q. Where are you currently employed?  A. Brindle."       -> "A: I work at Brindle."
- "Q. Where did you work before that?  A. Quanta Labs."       -> "A: I worked at Quanta Labs."
- "Q. And before Quanta?  A. Lumen, from 2015 until 2019."     -> "A: I worked at Lumen from 2015 until 2019."
- "Q. Where did you go next?  A. Fennel AI, in March."         -> "A: I joined Fennel AI in March."
- "Q. When did you start working at Brindle?  A. May 2024."   -> "A: I joined Brindle in May 2024."
- "Q. For what period?  A. From 2019 until 2021."              -> "A: I worked at <the org last answered> from 2019 until 2021."
Every pattern is anchored per line: linear time.
"""
from __future__ import annotations

import re

_TURN = re.compile(r"^\s*(?:\d{1,3}\s+)?(Q|A)\.\s+(\S.*)$")
_SPEAKER = re.compile(r"^\s*(?:\d{1,3}\s+)?((?:MR|MS|MRS|DR)\.\s+[A-Z][A-Z'’-]+|THE\s+(?:WITNESS|COURT|REPORTER))\s*:\s*(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}\s{2,}(\S.*)$")
_PAGE = re.compile(r"^\s*\[?\s*Page\s+\d+\s*\]?\s*$", re.I)

_Q_NOW = re.compile(r"\bwhere\s+(?:are|do)\s+you\s+(?:currently\s+|now\s+)?(?:employed|work(?:ing)?)\b", re.I)
_Q_NEXT = re.compile(r"\bwhere\s+did\s+you\s+go\s+(?:next|after\s+that|then|from\s+there)\b", re.I)
_Q_PAST = re.compile(r"\bwhere\s+(?:did\s+you\s+work|were\s+you\s+(?:employed|working))\b|"
                     r"^\s*(?:and\s+)?(?:before|prior\s+to)\s+(?:that|[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s*\?\s*$", re.I)
_Q_WHEN_JOIN = re.compile(r"\bwhen\s+did\s+you\s+(?:start|begin)\s+(?:working\s+)?(?:at|with)\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s*\?", re.I)
_Q_WHEN_LEAVE = re.compile(r"\bwhen\s+did\s+you\s+(?:leave|quit)\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s*\?", re.I)
_Q_PERIOD = re.compile(r"^\s*(?:and\s+)?(?:for\s+what\s+(?:period|time\s+period|dates|years)|during\s+what\s+(?:period|years)|"
                       r"from\s+when\s+to\s+when)\b", re.I)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_A_DATE = re.compile(rf"^(?:(?:in|around|about|early|late|mid|the\s+end\s+of|the\s+start\s+of)\s+)*(?:{_MONTHS}|(?:19|20)\d\d\b)", re.I)
_A_SPAN = re.compile(r"^(?:from|between)\s+\S", re.I)
# a bare org answer: capitalized words up to the first comma or stop ("Quanta Labs." / "Lumen, from 2015 ...")
_A_ORG = re.compile(r"^([A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|of|for|and))*?)\s*(?:([,.;])\s*(.*))?$")
_NOT_ORG = {"i", "yes", "no", "not", "we", "it", "that", "the", "my", "sure", "well", "objection", "correct", "right",
            "he", "she", "they", "there", "then", "after", "before", "nobody", "none", "maybe", "probably", "um", "uh"}


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:2] != s[:2].upper() else s


def _answer(q: str, a: str, last_org: list[str]) -> str:
    """The answer `a`, made a full first-person sentence when it is elliptical."""
    m = _Q_WHEN_JOIN.search(q) or _Q_WHEN_LEAVE.search(q)
    if m:
        last_org[0] = m.group(1)
        if _A_DATE.match(a):
            verb = "joined" if m.re is _Q_WHEN_JOIN else "left"
            prep = "" if re.match(r"(?:in|around|about)\b", a, re.I) else "in "
            return f"I {verb} {m.group(1)} {prep}{_lower_first(a) if prep == '' else a}"
        return a
    if _Q_PERIOD.search(q) and last_org[0] and _A_SPAN.match(a):
        return f"I worked at {last_org[0]} {_lower_first(a)}"
    verb = "work" if _Q_NOW.search(q) else "joined" if _Q_NEXT.search(q) else "worked" if _Q_PAST.search(q) else None
    if verb is None:
        return a
    m = _A_ORG.match(a)
    if m is None or m.group(1).split()[0].casefold() in _NOT_ORG or _A_DATE.match(a):
        return a
    org, sep, rest = m.group(1), m.group(2) or ".", (m.group(3) or "").strip()
    last_org[0] = org
    if sep == "," and rest:
        return f"I {verb} at {org} {rest}" if verb != "joined" else f"I joined {org} {rest}"
    tail = f" {rest}" if rest else ""
    return (f"I {verb} at {org}." if verb != "joined" else f"I joined {org}.") + tail


def rewrite_transcript(text: str) -> str:
    """`text` with its numbered Q./A. transcript (if any) rewritten as Q:/A: paragraphs."""
    if "Q." not in text or "A." not in text:
        return text
    lines = text.split("\n")
    if sum(1 for line in lines if _TURN.match(line)) < 4:
        return text
    head: list[str] = []
    turns: list[list[str]] = []
    for line in lines:
        m = _TURN.match(line)
        if m:
            turns.append([m.group(1), m.group(2).strip()])
            continue
        m = _SPEAKER.match(line)
        if m and turns:
            turns.append([m.group(1), m.group(2).strip()])
            continue
        if not turns:
            head.append(line)
            continue
        if not line.strip() or _PAGE.match(line):
            continue
        m = _NUMBERED.match(line)
        if m or line[:1].isspace():
            turns[-1][1] += " " + (m.group(1) if m else line).strip()
        else:
            turns.append(["", line.strip()])
    out = ["\n".join(head)]
    last_q = ""
    last_org = [""]
    for label, body in turns:
        if label == "Q":
            last_q = body
            out.append(f"Q: {body}")
        elif label == "A":
            out.append(f"A: {_answer(last_q, body, last_org)}")
            last_q = ""
        elif label:
            out.append(f"{label}: {body}")
        else:
            out.append(body)
    return "\n\n".join(out)


# a cast list in capitals ("JANE DOE, Head of Safety, O" / "MODERATOR: JANE DOE"): the names in title case,
# so the name rules find them and a speaker label ("DOE:") finds its person
_CAPS_NAME_LINE = re.compile(r"^(\W{0,3}(?:[A-Z]{2,}:[ \t]*)?)([A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+){1,3})(?=[ \t]*(?:,|$))", re.M)


def title_case_cast(text: str) -> str:
    if not re.search(r"^\W{0,3}(?:[A-Z]{2,}:[ \t]*)?[A-Z]{2,}[ \t]+[A-Z]{2,}", text, re.M):
        return text
    return _CAPS_NAME_LINE.sub(lambda m: m.group(1) + " ".join(w.capitalize() for w in m.group(2).split()), text)
