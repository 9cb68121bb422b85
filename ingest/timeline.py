"""When an undated move happened, read from the clauses and sentences around it.

News states an event's time once and lets nearby clauses inherit it. Gold convention (and the
resolver's merging) wants the day the text gives, so a claim with no date phrase of its own
takes, in this order:
1. the date of the reporting clause of its own sentence ("..., the company said on Monday";
   "X said yesterday that she is leaving");
2. the date of the next sentence when that sentence is about the same person and the same
   event ("She announced the move last week." / "Her first day was December 2.");
3. the date of the previous sentence when this one opens with a same-time connective
   ("Hours later, ...", "The same evening, ...") or is a present-tense continuation of a
   sentence whose reporting clause is dated ("X announced yesterday that ... . Y becomes CEO.").
Everything works on marked strings («P3», «Q4», «D2»), so it is phrasing-independent.
"""
from __future__ import annotations

import re

REPORT_DATE = re.compile(
    r"\b(?:said|says|announced|announces|confirmed|confirms|told(?:\s+\w+){0,2}?|wrote|posted|"
    r"disclosed|revealed|reported|unveiled)\s+(?:\w+\s+){0,2}?«D(\d+)»|"
    r"«D(\d+)»\s*,?\s+(?:the\s+\w+\s+|«[POQ]\d+»\s+|\w+\s+){0,3}?(?:said|announced|confirmed|wrote|posted)\b", re.I)
SAME_EVENT_NEXT = re.compile(
    r"\b(?:announced|announces|confirmed|confirms|said|says|posted|wrote|disclosed|revealed|"
    r"first\s+day|last\s+day|start(?:s|ed)?|effective|made\s+(?:it|the\s+move)\s+official|the\s+move|the\s+news)\b",
    re.I)
SAME_TIME_OPENER = re.compile(
    r"^\W*(?:(?:hours|minutes|moments)\s+later|the\s+same\s+(?:day|evening|morning|afternoon|night)|"
    r"later\s+(?:that|the\s+same)\s+(?:day|evening|morning|afternoon|night)|that\s+(?:same\s+)?"
    r"(?:day|evening|morning|afternoon|night)|earlier\s+that\s+day|at\s+the\s+same\s+time|simultaneously)\b",
    re.I)
_FIRST_PERSON = re.compile(r"«[PQ](\d+)»")
# "P, 49, will start on Sept. 1": the day a hire announced before it takes effect
# ("«Q1» and «Q2» start in May": both of a pair named the sentence before)
_STARTS_ON = re.compile(r"^\W*«[PQ](\d+)»(?:\s+and\s+«[PQ](\d+)»)?[^.;«]{0,30}?\b(?:will\s+(?:start|begin|join|take\s+over|take\s+up\s+the\s+(?:role|post))|"
                        r"starts|begins|start|begin|(?:is|are)\s+(?:due|set|expected)\s+to\s+(?:start|begin|join))\s+(?:on\s+|in\s+)?«D(\d+)»")
_DATE = re.compile(r"«D(\d+)»")
# "P, who joined O in 2023, said ...": a date closing a relative clause belongs to that clause's
# event, not to the report that follows it
_RELATIVE_BEFORE = re.compile(r"(?:^|,)\s*(?:who|which|whom|whose|that)\s+[^,;]*$", re.I)


def reporting_date_index(marked: str) -> int | None:
    """Placeholder index of the date attached to a reporting verb in the sentence, if any."""
    for m in REPORT_DATE.finditer(marked):
        if m.group(2) is not None and _RELATIVE_BEFORE.search(marked, 0, m.start()):
            continue
        return int(m.group(1) or m.group(2))
    return None


def first_person_index(marked: str) -> int | None:
    """Placeholder index of the first person (name or pronoun) of a sentence: its topic."""
    m = _FIRST_PERSON.search(marked)
    return int(m.group(1)) if m else None


def date_indices(marked: str) -> list[int]:
    """Placeholder indices of every date in a marked sentence."""
    return [int(x) for x in _DATE.findall(marked)]


def is_same_event_followup(marked: str) -> bool:
    """The sentence speaks of an announcement or start of something already told."""
    return bool(SAME_EVENT_NEXT.search(marked))


def opens_same_time(text: str) -> bool:
    """The sentence starts with a connective meaning "at the time just mentioned"."""
    return bool(SAME_TIME_OPENER.search(text))


def start_date_of(marked: str) -> tuple[tuple[int, ...], int] | None:
    """(person indices, date index) when the sentence opens by saying its person (or pair)
    starts on a date ("P will start on Sept. 1"): a join announced a sentence before takes that
    day, not the day it was announced."""
    m = _STARTS_ON.search(marked)
    if not m:
        return None
    people = (int(m.group(1)),) + ((int(m.group(2)),) if m.group(2) else ())
    return people, int(m.group(3))
