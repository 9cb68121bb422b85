"""Career spans: "P was at O from D1 until D2", "P worked at O between D1 and D2",
"P spent five years at O (D1-D2)". The span start is a join, its end a departure; an end
that is "now"/"present" is no departure. Read over marked strings (see marking.py)."""
from __future__ import annotations

import re
from itertools import chain

from .dates import DateMention
from .extract_types import Raw, SentInfo
from .lexicon import CO_SUBJECT, _clean_role

_SPAN = re.compile(
    r"«([PQ])(\d+)»\s+(?:(?:had\s+)?(?:was|been|worked|served|stayed|remained)|spent\s+[^«,;.]{0,30}?)\s+"
    r"(?:at|with|for|in)\s+(?:the\s+)?«O(\d+)»\s*(?:\(\s*|,\s*)?(?:(?:from|between)\s+)?«D(\d+)»\s*"
    r"(?:(?:(?:until|to|through|till|and|-|–)\s+)?«D(\d+)»|(?:until|to|through|till|and|-|–)\s*((?:19|20)\d\d)\b)")
# the span told first: "From 2020 to 2024 he served on the board of O"
_SPAN_FIRST = re.compile(
    r"«D(\d+)»\s*(?:to|until|through|till|and|-|–)\s*(?:«D(\d+)»|((?:19|20)\d\d)\b)\s*,?\s+«([PQ])(\d+)»\s+"
    r"(?:(?:had\s+)?(?:was|worked|served|sat|held)\b(?:[^«.;]|«O\d+»){0,60}?\b(?:at|with|for|of|on)\s+(?:the\s+)?)«O(\d+)»", re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|between)\s+$", re.I)
# the span between verb and org: "she researched from 2015 to 2019 at O"
_SPAN_MID = re.compile(
    r"«([PQ])(\d+)»\s+(?:(?:had\s+)?(?:worked|researched|served|taught|was|studied|stayed))\s+«D(\d+)»\s*(?:to|until|through|till|-|–)\s*"
    r"(?:«D(\d+)»|((?:19|20)\d\d)\b)\s+(?:at|with|for|in)\s+(?:the\s+)?«O(\d+)»", re.I)
# the span's end told as the departure itself: "P worked at O from 2016 until she left to join O2"
# a filing's "P was employed by O as ROLE from D1 until his resignation, which became effective on D2"
_EMPLOYED = re.compile(
    r"«([PQ])(\d+)»(?:\s*\([^()«]{0,20}«[PQ]\d+»[^()«]{0,4}\))?(?:\s*,\s*who)?\s+(?:was|had\s+been|has\s+been|is)\s+employed\s+(?:by|at|with)\s+(?:the\s+)?«O(\d+)»"
    r"(?:\s+as\s+(?:an?\s+|the\s+|its\s+)?([^«,;.]{2,60}?))?\s+(?:from\s+)?«D(\d+)»\s*(?:(?:(?:until|to|through|till|-|–)\s*)?"
    r"(?:«D(\d+)»|«[PQ]\d+»['’]s\s+(?:resignation|departure|termination|exit)(?:\s*,\s*which\s+(?:became|was|took)\s+effective"
    r"\s+(?:on\s+)?«D(\d+)»)?))?", re.I)
# the post named first: "P served as Corporate Controller of O from 2016 until 2021", "P was a partner
# of O, a law firm, from 2011 to 2022", "P served as O's COO from July 2020 until his resignation, effective D"
_SPAN_END = (r"(?:«D(\d+)»|((?:19|20)\d\d)\b|«[PQ]\d+»['’]s\s+(resignation|departure|retirement|exit)"
             r"(?:\s*,\s*(?:which\s+(?:became|was|took)\s+)?effective\s+(?:on\s+|as\s+of\s+)?«D(\d+)»)?)")
_SPAN_AS = re.compile(
    r"«([PQ])(\d+)»\s+(?:had\s+)?(?:(?:served|worked|was)\s+as|was|had\s+been)\s+(?:an?\s+|the\s+|its\s+)?"
    r"(?:([^«,;.]{2,60}?(?:,\s+[^«,;.]{2,30}?)?),?\s+(?:of|at|for|with|in)\s+(?:the\s+)?«O(\d+)»(?:\s*,\s*an?\s+[^«,;.]{2,40},)?|«O(\d+)»['’]s\s+([^«,;.]{2,60}?))"
    r"\s*,?\s*(?:from\s+)?«D(\d+)»\s*(?:(?:until|to|through|till|-|–)\s*)?" + _SPAN_END, re.I)
_SPAN_UNTIL_LEFT = re.compile(
    r"«([PQ])(\d+)»\s+(?:(?:had\s+)?(?:was|been|worked|served|stayed|remained))\s+(?:at|with|for)\s+(?:the\s+)?«O(\d+)»\s*,?\s*"
    r"(?:from\s+)?«D(\d+)»\s*,?\s*(?:until|till)\s+«[PQ]\d+»\s+(?:left|quit|departed|moved)\b", re.I)
_START_OK = re.compile(r"^(?:from|since|between|in)?\s*\S", re.I)
_END_WORD = re.compile(r"(?:until|to|through|till|and|-|–)\s*$|^(?:until|to|through|till|-|–)", re.I)


# a first-person account of a team taken over: "in 2023 O hired most of us", "O acqui-hired our team in May"
_HIRED_US = re.compile(
    r"(?:«D(\d+)»\s*,?\s*)?«O(\d+)»\s+(?:(?:then|later|eventually|effectively)\s+)?(?:hired|acqui-?hired|absorbed|took\s+on|brought\s+(?:on|in))\s+"
    r"(?:(?:most|all|many|some|several|half|the\s+rest|a\s+few|a\s+lot|a\s+bunch|nearly\s+all|almost\s+all)\s+of\s+us|us(?:\s+all)?|our\s+(?:whole\s+|entire\s+)?team)\b"
    r"(?:\s*(?:in\s+|on\s+)?«D(\d+)»)?", re.I)


# "in March 2024 most of us moved over to O" / "we all went to O"
_MOVED_US = re.compile(
    r"(?:«D(\d+)»\s*,?\s*)?(?:(?:most|all|many|some|several|half|the\s+rest|a\s+few|a\s+lot|nearly\s+all|almost\s+all)\s+of\s+us|we(?:\s+all)?)\s+"
    r"(?:moved|went|followed|came|transferred|jumped)\s+(?:over\s+|across\s+)?to\s+«O(\d+)»(?:\s*(?:in\s+|on\s+)?«D(\d+)»)?", re.I)


def hired_us(info: SentInfo, si: int, out: list[Raw]) -> None:
    """"O hired most of us": the writer (the sentence's "I") joined O."""
    if info.first_person is None or " us" not in info.marked and "our team" not in info.marked and "we " not in info.marked.lower():
        return
    for m in _MOVED_US.finditer(info.marked):
        d = m.group(1) or m.group(3)
        if d is None:   # "Then in D most of us moved": the date heads the clause
            dm = re.search(r"«D(\d+)»\s*,?\s*$", info.marked[max(0, m.start() - 12):m.start()])
            d = dm.group(1) if dm else None
        date = info.ents[int(d)].date if d else None
        out.append(Raw("joined", info.first_person, info.ents[int(m.group(2))].key, None, date, si, info.sent.text,
                       0.65, False, None, "hired-us"))
    for m in _HIRED_US.finditer(info.marked):
        d = m.group(1) or m.group(3)
        date = info.ents[int(d)].date if d else None
        out.append(Raw("joined", info.first_person, info.ents[int(m.group(2))].key, None, date, si, info.sent.text,
                       0.65, False, None, "hired-us"))


def career_spans(info: SentInfo, si: int, out: list[Raw], clause: str | None = None) -> None:
    """Spans of a post with both ends ("at O from D1 to D2"): a join and a departure; of the
    sentence, or of one of its relative clauses (`clause`)."""
    s = clause or info.marked
    if "«D" not in s or "«O" not in s:
        return
    text = info.sent.text
    for m in (_SPAN_FIRST.finditer(s) if " to " in s or "until" in s or "through" in s or "–" in s or " - " in s or " and " in s else ()):
        d1 = info.ents[int(m.group(1))].date
        d2 = info.ents[int(m.group(2))].date if m.group(2) else DateMention(0, 0, m.group(3), "year", False, m.group(3))
        if d1 is None or d2 is None or not d1.date or not d2.date or d1.date[:4] > d2.date[:4] or \
                not _FROM_BEFORE.search(s, max(0, m.start() - 9), m.start()) and not re.match(r"(?:from|between)\b", d1.text, re.I):
            continue
        person, org = info.ents[int(m.group(5))].key, info.ents[int(m.group(6))].key
        board = "board member" if re.search(r"\bboard\b", m.group(0), re.I) else None
        conf = 0.7 - (0.1 if m.group(4) == "Q" else 0)
        out.append(Raw("joined", person, org, board, d1, si, info.sent.text, conf, False, None, "span"))
        out.append(Raw("left", person, org, board, d2, si, info.sent.text, conf, False, None, "span"))
    for m in _SPAN_MID.finditer(s):
        d1 = info.ents[int(m.group(3))].date
        d2 = info.ents[int(m.group(4))].date if m.group(4) else DateMention(0, 0, m.group(5), "year", False, m.group(5))
        if d1 is None or d2 is None or not d1.date or not d2.date or d1.date[:4] > d2.date[:4] or \
                not re.match(r"(?:from|between)\b", d1.text, re.I):
            continue
        person, org = info.ents[int(m.group(2))].key, info.ents[int(m.group(6))].key
        conf = 0.7 - (0.1 if m.group(1) == "Q" else 0)
        out.append(Raw("joined", person, org, None, d1, si, info.sent.text, conf, False, None, "span"))
        out.append(Raw("left", person, org, None, d2, si, info.sent.text, conf, False, None, "span"))
    for m in _SPAN_AS.finditer(s):
        e1 = info.ents[int(m.group(7))]
        d1 = e1.date
        if m.group(10):   # "until his resignation, effective D": the departure's own date, if told
            d2 = info.ents[int(m.group(11))].date if m.group(11) else DateMention(0, 0, "", "unknown", False, "")
        else:
            d2 = info.ents[int(m.group(8))].date if m.group(8) else DateMention(0, 0, m.group(9), "year", False, m.group(9))
        if d1 is None or d2 is None or not d1.date or (d2.date or "9") [:4] < d1.date[:4] or \
                not re.match(r"(?:from|between)\b", text[e1.start:e1.end], re.I) and not re.search(r"\b(?:from|between)\s+$", s[:m.start(7) - 2]):
            continue
        if m.group(9) and not re.search(r"(?:until|to|through|till|-|–)\s*$", s[:m.start(9)]):
            continue
        person, org = info.ents[int(m.group(2))].key, info.ents[int(m.group(4) or m.group(5))].key
        role = _clean_role(m.group(3) or m.group(6))
        d2 = d2 if d2.date else None
        conf = 0.7 - (0.1 if m.group(1) == "Q" else 0)
        out.append(Raw("joined", person, org, role, d1, si, text, conf, False, None, "span"))
        out.append(Raw("left", person, org, role, d2, si, text, conf, False, None, "span"))
    for m in _EMPLOYED.finditer(s) if "employed" in s else ():
        d1 = info.ents[int(m.group(5))].date
        if d1 is None or not d1.date or not re.match(r"(?:from|since)\b", text[info.ents[int(m.group(5))].start:], re.I) and \
                not re.search(r"\bfrom\s+$", s[:m.start(5) - 2]):
            continue
        person, org = info.ents[int(m.group(2))].key, info.ents[int(m.group(3))].key
        role = _clean_role(m.group(4)) if m.group(4) else None
        conf = 0.7 - (0.1 if m.group(1) == "Q" else 0)
        out.append(Raw("joined", person, org, role, d1, si, text, conf, False, None, "span"))
        end = m.group(6) or m.group(7)
        if end or re.search(r"resignation|departure|termination|exit", m.group(0), re.I):
            d2 = info.ents[int(end)].date if end else None
            out.append(Raw("left", person, org, role, d2, si, text, conf, False, None, "span"))
    for m in _SPAN_UNTIL_LEFT.finditer(s) if "until" in s or "till" in s else ():
        e1 = info.ents[int(m.group(4))]
        if e1.date is None or not e1.date.date or not re.match(r"(?:from|since)\b", text[e1.start:e1.end], re.I) and \
                not re.search(r"\bfrom\s+$", s[:m.start(4) - 2]):
            continue
        conf = 0.7 - (0.1 if m.group(1) == "Q" else 0)
        out.append(Raw("joined", info.ents[int(m.group(2))].key, info.ents[int(m.group(3))].key, None, e1.date, si, text,
                       conf, False, None, "span"))
    for m in _SPAN.finditer(s):
        e1 = info.ents[int(m.group(4))]
        d1 = e1.date
        if m.group(5):
            e2 = info.ents[int(m.group(5))]
            d2 = e2.date
        else:   # "from 2019 to 2024": the bare year after "to" is no date mention of its own
            e2, d2 = None, DateMention(0, 0, m.group(6), "year", False, m.group(6))
        if d1 is None or d2 is None or not d1.date or not d2.date:
            continue
        t1 = text[e1.start:e1.end]
        if re.match(r"\s*(?:until|to|till|through)\b", t1, re.I):
            continue
        if e2 is not None and not (_END_WORD.search(text[e1.end:e2.start]) or _END_WORD.search(text[e2.start:e2.end])):
            continue
        if d1.date >= d2.date[:len(d1.date)] and d1.date[:4] >= d2.date[:4]:
            continue
        person = info.ents[int(m.group(2))].key
        org = info.ents[int(m.group(3))].key
        via = m.group(1) == "Q"
        out.append(Raw("joined", person, org, None, d1, si, text, 0.7 - (0.1 if via else 0), False, None, "span"))
        out.append(Raw("left", person, org, None, d2, si, text, 0.7 - (0.1 if via else 0), False, None, "span"))


_PRIOR_POST = re.compile(
    r"(?:^|[.;:]\s+|,\s+and\s+)(?:previously|before\s+that|prior\s+to\s+that|earlier(?:\s+in\s+(?:his|her|their)\s+career)?|formerly|"
    r"before\s+(?:joining\s+)?«O\d+»|prior\s+to\s+(?:joining\s+)?«O\d+»)\s*,?\s*«([PQ])(\d+)»\s+"
    r"(?:was|worked|led|ran|headed|served|spent|held|managed|oversaw|built)\b[^.;«]{0,80}?\b(?:at|with|for)\s+(?:the\s+)?«O(\d+)»", re.I)
# "P previously ran computational chemistry at the drugmaker O": the adverb after the subject
_PRIOR_POST_MID = re.compile(
    r"«([PQ])(\d+)»\s+(?:had\s+)?(?:(?:previously|formerly|once|most\s+recently)\s+(?:was|worked|led|ran|headed|served|spent|held|managed|oversaw|built)|"
    r"(?:was|had\s+been)\s+most\s+recently)\b"   # ("P was most recently product lead at O")
    r"[^.;«]{0,80}?\b(?:at|with|for)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}«O(\d+)»", re.I)
_CAREER_START = re.compile(r"«([PQ])(\d+)»\s+(?:began|started)\s+(?:his|her|their)\s+career\s+(?:at|with)\s+(?:the\s+)?«O(\d+)»", re.I)
_SPENT_THEN = re.compile(
    r"«([PQ])(\d+)»\s+(?:[^.;]{0,80}?,\s*(?:then|and\s+then|later)\s+)?(?:spent|worked|stayed|remained)\s+[^.;«]{0,40}?\b(?:at|with|for)\s+(?:the\s+)?«O(\d+)»"
    r"\s+(?:[^.;«]{0,30}\s)?before\s+(?:joining|moving\s+to|leaving\s+for|heading\s+to|going\s+to)\s+(?:the\s+)?«O(\d+)»", re.I)


def prior_posts(info: SentInfo, si: int, out: list[Raw]) -> None:
    """Bio and profile shapes: "Previously, she led research at O" and "Before joining B, P spent
    five years at A" (departures from A, undated); "P began her career at O" (a join);
    "P ..., then spent four years at A before joining B" (left A)."""
    s = info.simple or info.marked
    if "«O" not in s:
        return
    low = s.lower()
    text = info.sent.text

    def emit(typ: str, m: re.Match[str], oi: int, origin: str, date=None) -> None:
        subjects = [(m.group(1), m.group(2))]
        co = CO_SUBJECT.search(s, 0, m.start(1) - 1)
        if co:
            subjects.append((co.group(1), co.group(2)))   # "«Q1» and «Q2» previously worked at O": both
        for kind, idx in subjects:
            out.append(Raw(typ, info.ents[int(idx)].key, info.ents[int(m.group(oi))].key, None, date, si, text,
                           0.65 - (0.1 if kind == "Q" else 0), False, None, origin))

    if any(w in low for w in ("previously", "before", "prior", "earlier", "formerly", "most recently")):
        for m in chain(_PRIOR_POST.finditer(s), _PRIOR_POST_MID.finditer(s)):
            emit("left", m, 3, "prior-post")
    if "career" in low:
        for m in _CAREER_START.finditer(s):
            emit("joined", m, 3, "career-start")
    if "before" in low:
        for m in _SPENT_THEN.finditer(s):
            # left A when joining B: the join's date ("before joining B in 2021")
            dm = re.match(r"(?:\s+(?:in|on))?\s+«D(\d+)»", s[m.end():])
            d = info.ents[int(dm.group(1))].date if dm else None
            emit("left", m, 3, "spent-before", d if d is not None and d.date else None)


# a post followed by its years in parentheses, as bios and team pages give them: "Previously
# research lead at O (2021–2025)", "P worked at O (2019-present)"
_POST_YEARS = re.compile(
    r"«([PQ])(\d+)»\s*,?\s+(?:was\s+|had\s+been\s+|has\s+been\s+)?(?:previously\s+|formerly\s+|also\s+)?(?:[^«;.()]{0,60}?\s)?(?:at|with|for)\s+(?:the\s+)?«O(\d+)»"
    r"\s*\(\s*((?:19|20)\d\d)\s*(?:,|–|—|-|to)\s*((?:19|20)\d\d|present|now|today|current)\s*\)", re.I)


def post_years(info: SentInfo, si: int, out: list[Raw]) -> None:
    """"P, research lead at O (2021–2025)": joined O in the first year and, unless the span runs to
    the present, left in the second."""
    s = info.marked
    if "(" not in s:
        return
    for m in _POST_YEARS.finditer(s):
        y1, y2 = m.group(4), m.group(5)
        if y2[:1].isdigit() and y2 < y1:
            continue
        person, org = info.ents[int(m.group(2))].key, info.ents[int(m.group(3))].key
        conf = 0.65 - (0.1 if m.group(1) == "Q" else 0)
        role = _clean_role(re.sub(r"^.*?»\s*,?\s+(?:was\s+|had\s+been\s+|has\s+been\s+)?(?:previously\s+|formerly\s+|also\s+)?", "",
                                  m.group(0).split("«O")[0]).rsplit(" ", 1)[0])
        out.append(Raw("joined", person, org, role, DateMention(0, 0, y1, "year", False, y1), si, info.sent.text,
                       conf, False, None, "post-years"))
        if y2[:1].isdigit():
            out.append(Raw("left", person, org, role, DateMention(0, 0, y2, "year", False, y2), si, info.sent.text,
                           conf, False, None, "post-years"))


# "She left Poland in 1980 for a postdoctoral position at Bell Labs": the post taken on leaving
_FOR_POST = re.compile(
    r"«([PQ])(\d+)»\s+(?:left|moved|went|came|emigrated|relocated)\b(?:[^«;.]|«D\d+»){0,40}?\bfor\s+(?:a|an)\s+"
    r"((?:[\w-]+\s+){0,2}?)(?:position|job|post|role|fellowship|appointment)\s+(?:at|with|in)\s+(?:the\s+)?«O(\d+)»")
# "... at O, where she spent three years before joining O2 in 1983": O left when O2 was joined
_WHERE_BEFORE = re.compile(
    r"\b(?:at|with|to)\s+(?:the\s+)?«O(\d+)»[^«;.]{0,40}?,\s+where\s+«([PQ])(\d+)»\s+(?:spent|worked|stayed|remained|was)\b"
    r"[^«;.]{0,40}?\bbefore\s+(?:joining|moving\s+to|leaving\s+for|going\s+to|taking\s+(?:up\s+)?[^«;.]{0,30}?at)\s+"
    r"(?:the\s+)?«O(\d+)»[^«;.]{0,30}?«D(\d+)»")


# an open-ended seat told from its start: "From 2021 she also sat on the advisory board of O"
_SEAT_FROM = re.compile(
    r"(?:^|[,;]\s*)\W*(?:(?:From|Since|Starting\s+in|Beginning\s+in)\s+)?«D(\d+)»\s*,?\s+«([PQ])(\d+)»\s+(?:also\s+)?(?:has\s+)?"
    r"(?:sat|served|sits|serves)\s+on\s+(?:the\s+)?((?:advisory\s+)?board)\s+(?:of|at)\s+(?:the\s+)?«O(\d+)»", re.I)


def posts_between(info: SentInfo, si: int, out: list[Raw]) -> None:
    """Moves a career sentence tells through its purpose or its 'where' clause: the post one
    left a place for (a join), and the post held until the next one began (a departure
    dated by that next join)."""
    s = info.simple or info.marked
    ents = info.ents
    for m in _FOR_POST.finditer(s):
        dm = re.search(r"«D(\d+)»", s[m.start():m.start(4)])
        date = ents[int(dm.group(1))].date if dm else None
        adj = m.group(3).strip()
        role = "postdoctoral researcher" if adj.lower() in ("postdoctoral", "postdoc") else _clean_role(adj) if adj else None
        out.append(Raw("joined", ents[int(m.group(2))].key, ents[int(m.group(4))].key, role, date, si, info.sent.text,
                       0.7, False, None, "span"))
    for m in _WHERE_BEFORE.finditer(s):
        out.append(Raw("left", ents[int(m.group(3))].key, ents[int(m.group(1))].key, None, ents[int(m.group(5))].date,
                       si, info.sent.text, 0.65, False, None, "span"))
    for m in _SEAT_FROM.finditer(s):
        d = ents[int(m.group(1))].date
        lead = info.sent.text[max(0, d.start - 16):d.start] + d.text if d is not None else ""
        if not re.search(r"\b(?:From|Since|Starting(?:\s+in)?|Beginning(?:\s+in)?)\s+(?:\d|[A-Z])", lead, re.I):
            continue   # "In 2021 she sat on ...": a time within the seat, not its start
        out.append(Raw("joined", ents[int(m.group(3))].key, ents[int(m.group(5))].key, f"{m.group(4).lower()} member",
                       ents[int(m.group(1))].date, si, info.sent.text, 0.7, False, None, "span"))
