"""Which date a move's trigger takes: the one in its own clause, not one a coordinated second
verb, an apposition after the object, or a relative clause brings along.

"joined Tesla in 2015 and returned to O in 2019": 2019 is the return's. "became CEO of O, the
company she co-founded in 2021": 2021 is the founding's. Failing a date in the clause, the date
between subject and trigger, a sentence-initial adverbial ("On Jan. 1 she became ..."), an
"after/when" anchor, or the reporting date ("..., the company said on Monday") is used.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .dates import DateMention
from .extract_types import SentInfo
from .lexicon import D, _clause_end, _clause_prefix
from .timeline import reporting_date_index

# a coordinated second verb with its own complement starts another event's clause
_NEXT_VERB = re.compile(
    r"(?<![\s,])(?:(?:\s*,\s+|\s+)(?:and|but|then|before)\s+((?:(?:later|eventually|subsequently|afterwards|finally)\s+))?|(\s*,\s+))(?:(?:then|soon|briefly)\s+)*"
    r"(?:returned|rejoined|went|moved|left|quit|departed|joined|became|came|took|spent|founded|co-founded|"
    r"started|launched|was\s+(?:named|promoted|appointed|hired)|stepped|resigned|switched|stayed|remained)\b", re.I)
# a coordinated verb before the trigger that has its own date: "who left for A in D and moved to B"
# ("left A in D and joined B" is one move, one time: a plain departure is not such a verb)
_EARLIER_VERB_DATE = re.compile(r"\b(?:left\s+for|joined|moved\s+to|went\s+to|returned|spent|worked|became|founded|started)\b"
                                r"[^«]{0,40}(?:«O\d+»[^«]{0,20})?«D\d+»[^«]{0,30}\band\s+(?:then\s+|later\s+|eventually\s+)?$", re.I)
_DATED_AFTER = re.compile(rf"{D}(?:\s*,\s+|\s+)(?:shortly\s+|soon\s+|just\s+|right\s+)?(after|when)\s+(?:[a-z][\w-]*\s+){{0,3}}$")


# an apposition after the object that carries its own clause: ", the company she co-founded in D"
# or a participle with its own clause: ", filling a post that has been vacant since P resigned in D"
_APPOSED_RELATIVE = re.compile(r",\s+(?:(?:the|a|an|its|their)\s+[^,;«]{0,60}?\s|«O\d+»\s+)(?:«[PQ]\d+»|that|which|who|whom|he|she|they)\s+[a-z]|"
                               r",\s+(?:filling|replacing|succeeding|ending|capping|completing)\s+(?:a|an|the)\s+[^;«]{0,80}?"
                               r"\b(?:since|after|when)\s+«[PQ]\d+»\s+[a-z]")
# "returning to O, where she worked from D1 to D2": the where clause's dates are its own
_WHERE_CLAUSE = re.compile(r",\s+where\s+«[PQ]\d+»\s+[a-z][^,;]*(?:,|$)")


def date_for(info: SentInfo, s: str, subj_pos: int, trig_start: int, trig_end: int) -> DateMention | None:
    """The date governing a trigger: in its clause after it, else between subject and it, else
    a sentence-initial date adverbial."""
    end = _clause_end(s, trig_end)
    after = s[trig_end:end]
    nv = _NEXT_VERB.search(after)
    if nv and re.search(r"\b(?:left|leav\w*|quit\w*|depart\w*|resign\w*|exit\w*)\b", s[trig_start:trig_end], re.I) \
            and not nv.group(1) and not nv.group(2):
        nv = None   # "left X and joined Y in D": one move, one time (not "left for X, came back to Y in D")
    if nv:
        after = after[:nv.start()]   # "joined Tesla and returned to O in D": D is the return's
    if "where" in after:
        after = _WHERE_CLAUSE.sub(" ", after)   # ("left O, where she was CTO, in D": D is the move's)
    am = _APPOSED_RELATIVE.search(after)
    if am:
        after = after[:am.start()]   # "became CEO of O, the company she co-founded in D": D is the founding's
    m = re.search(D, after)
    if m:
        return info.ents[int(m.group(1))].date
    between = s[subj_pos:trig_start]
    ms = list(re.finditer(D, between))
    if ms and _EARLIER_VERB_DATE.search(between):
        ms = []   # "left for A in 2023 and moved to B": 2023 is the first verb's
    if ms:
        return info.ents[int(ms[-1].group(1))].date
    pre = _clause_prefix(s, subj_pos)
    m = re.search(rf"(?:^|\b(?:on|in|since|by|then|and|so|but)\s+){D}\s*,?\s*$", pre.strip() + " ", re.I) or re.match(rf"\s*(?:(?:on|in|by|as\s+of)(?:\s+or\s+(?:about|around|before|after))?)?\s*{D}\s*,", pre, re.I)
    if m:
        return info.ents[int(m.group(1))].date
    m = re.search(rf"{D}\s+(?:is|was|marks|marked|will\s+be)\s+$", pre.rstrip() + " ")
    if m and re.match(r"(?:'s|['’]s)?\s+(?:first|last|final)\s+day\b", s[subj_pos:].split("»", 1)[-1]):
        return info.ents[int(m.group(1))].date   # "today is my first day at O"
    m = _DATED_AFTER.search(pre.rstrip() + " ")
    if m:
        # "X became CEO in June after P left": P's move came just before, in that month
        d = info.ents[int(m.group(1))].date
        if d is not None and d.date and not d.future:
            if m.group(2).lower() == "after" and d.precision == "day":
                d = replace(d, date=d.date[:7], precision="month")
            return d
    ri = reporting_date_index(info.marked)
    if ri is not None and ri < len(info.ents) and info.ents[ri].date is not None:
        return info.ents[ri].date  # "..., the company said on Monday"
    return None
