"""Clause rules: trigger verbs and nouns (join / leave / promote / hire / found) read with their
subject, object organization, role and date, gated by negation and modality in their scope.
"""
from __future__ import annotations

import re
from itertools import chain

from .coref import PersonRegistry
from .dates import DateMention, offset_expression
from .extract_types import Ent, Raw, SentInfo
from .orgacts import org_actions
from .lexicon import (CLAUSE_PREFIX_NEG, D, FILL, FOUNDED_BY, FOUND_TRIG, HIRE_TRIG, JOIN_TRIG, LEAVE_POST_TRIG, LEAVE_TRIG,
                      PASSIVE_HIRE, ROLE_PHRASE, ROLE_TRIG, ROLE_WORD, TITLE, _clause_end, _clause_prefix, _clean_role, _neg)
from .clausedates import date_for
from .roleafter import role_after as _role_after


_ABBREV_DOT = re.compile(r"\b(?:Inc|Corp|Ltd|Co|Mr|Ms|Mrs|Dr|Jr|Sr|St|Prof)\.$")
_SENT_DOT = re.compile(r"(?<!\bInc)(?<!\bCorp)(?<!\bLtd)(?<!\bCo)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bJr)(?<!\bSr)"
                       r"(?<!\bSt)(?<!\bProf)\.\s")


_PREP_OBJECT = re.compile(rf"\b(?:under|with|for|by|to|alongside|beside|like|than|about|replacing|succeeding|"
                          rf"worked\s+under|reporting\s+to)\s*(?:(?:its|their|the|his|her)\s+)?(?:{ROLE_PHRASE}\s+)?$", re.I)


# a departure planned for a stated time is announced, not hedged ("plans to step down in June");
# without the time it stays a plan ("plans to leave")
_PLANNED = re.compile(r"\b(?:plans?|planning|intends?|intending)\s+to\s+$", re.I)
_DATED_AFTER_TRIGGER = re.compile(r"(?:[^.;:«]|«O\d+»){0,60}?«D\d+»")

def _subject_left(s: str, pos: int, kinds: str = "PQ", max_gap: int = 90) -> tuple[re.Match[str] | None, str, int]:
    """Nearest entity of `kinds` left of `pos` in the same clause, the gap text, and its start."""
    window_start = max(0, pos - max_gap)
    left = s[window_start:pos]
    cut = max(left.rfind(";"), left.rfind(":"), left.rfind(". "))
    if cut >= 0 and left[cut] == "." and _ABBREV_DOT.search(left, 0, cut + 1):
        cut = max(left.rfind(";"), left.rfind(":"), max((m.start() for m in _SENT_DOT.finditer(left)), default=-1))
    if cut >= 0:
        left = left[cut + 1:]
        window_start = window_start + cut + 1
    best = None
    prev = None
    for m in re.finditer(rf"«([{kinds}])(\d+)»(?:'s)?", left):
        prev, best = best, m
    if best is not None and best.group(0).endswith("'s") and left[best.end():].strip() and prev is not None \
            and not re.search(r"[.;:]", left[prev.end():best.start()]):
        best = prev  # "P, Q's deputy, will take over": Q is a possessor, P the subject
    if best is None:
        return None, left, window_start
    if _PREP_OBJECT.search(left[:best.start()]) and re.search(r"\b(?:after|before|since|upon|on|when|while)\s*$", left):
        # a gerund adjunct takes the clause's subject, not a preposition's object ("founded O with
        # CTO P after leaving A": the founder left A)
        first = re.search(rf"«([{kinds}])(\d+)»", left)
        if first is not None and first.start() < best.start() and not _PREP_OBJECT.search(left[:first.start()]):
            return first, left[first.end():], window_start + first.start()
        return None, left, window_start
    if re.search(r"\b(?:under|with|for|by|to|alongside|beside|like|than|about|replacing|succeeding|"
                 r"worked\s+under|reporting\s+to)\s*$", left[:best.start()], re.I):
        return None, left, window_start  # the object of a preposition is not the subject
    gap = left[best.end():]
    return best, gap, window_start + best.start()


def _object_right(s: str, pos: int, allow_at: bool = True) -> re.Match[str] | None:
    rest = s[pos:pos + 90]
    m = re.match(rf"\s*(?:(?:«[PQ]\d+»|[A-Z][\w.-]*)'s\s+|the\s+(?:faculty|staff|ranks|research\s+staff|board(?:\s+of\s+directors)?)\s+(?:of|at)\s+)?{FILL}«O(\d+)»", rest, re.I)
    if m:
        return m
    if allow_at:
        m = re.match(rf"[^«.;,]{{0,50}}?\b(?:at|with)\s+{FILL}«O(\d+)»", rest, re.I)
        if m:
            return m
    return None


_STUDY = re.compile(r"\s*,?\s*(?:to\s+(?:study|read|pursue\s+(?:a|an|his|her|their)\s+(?:degree|phd|doctorate|master)|do\s+(?:a|an|his|her|their)\s+"
                    r"(?:phd|doctorate|degree|master)|earn\s+(?:a|an|his|her|their))|as\s+an?\s+(?:student|undergraduate|"
                    r"undergrad|graduate\s+student|phd\s+student|doctoral\s+student|freshman)|for\s+(?:a|an|his|her|their)\s+"
                    r"(?:phd|doctorate|degree|master|undergraduate|bachelor))\b", re.I)


_PRESENT = re.compile(r"(?:(?:\b(?:is|are|has|have|am|will)\b|'s|'m|'ve|'re|'ll)[^«]*$)", re.I)


def _is_present(gap: str, trig: str) -> bool:
    t = trig.lower().split()[0]
    if _PRESENT.search(gap):
        return True
    if t.endswith("ing"):
        return True
    if t.endswith("s") and not t.endswith(("ss", "us")) and t not in ("was", "has", "is", "s"):
        return True
    if t in ("departure", "exit", "resignation", "move", "appointment", "hiring", "arrival", "return", "defection"):
        return True
    return bool(re.match(r"(?:is|are|['’]s)\s+(?:now\s+)?(?:back|off)\b", trig, re.I))   # "is back at O"


_PRIOR = re.compile(
    rf"\b(?:after|following|since|upon)\s+(?:(?:leaving|quitting|departing(?:\s+from)?|exiting|"
    rf"(?:his|her|their|an?)\s+(?:exit|departure)\s+from)\s+|(?:(?:a|an|one|two|three|four|five|six|"
    rf"seven|eight|nine|ten|\d+|several|many|a\s+few|nearly|almost|over|more\s+than)\s+)*(?:[\w-]+\s+)?"
    rf"(?:years?|months?|weeks?|decades?|stint|tenure|spell)\s+(?:at\s+|with\s+)?){FILL}«O(\d+)»", re.I)


# a second predicate of the same subject: "P left A in 2024, and founded B"
_COORD_VP = re.compile(r"(?:,\s*|\s)and\s+(?:(?:then|later|also|subsequently|soon|since|has|have|had|now)\s+){0,3}$|"
                       r"^\s*(?:(?:has|had|then|later|first)\s+)?(?:joined|left|moved|spent|worked|quit|founded|co-founded|"
                       r"returned|rejoined|went|became|served|led|ran|headed|stayed|remained)\b[^;:]*,\s*(?:then\s+|later\s+)?$", re.I)


def _prior_employers(s: str, subj_pos: int, end: int, new_org: str, ents: list[Ent]) -> list[str]:
    """Orgs a joiner left, stated around the join in its clause: "after leaving A",
    "after two years at A", fronted ("After quitting A, P joined B") or trailing."""
    clause = _clause_prefix(s, subj_pos) + s[subj_pos:_clause_end(s, end)]
    out = []
    for m in _PRIOR.finditer(clause):
        if ents[int(m.group(1))].key != ents[int(new_org)].key:
            out.append(m.group(1))
    return out


# "P notified O of his decision to resign as CFO": P's own departure, from O
_NOTIFIED = re.compile(r"\b(?:notified|informed|told)\s+«O\d+»[^()«]{0,8}(?:\([^()]{0,30}\))?\s+of\s+(?:his|her|their)\s+(?:decision|intention)\s+to\s+$", re.I)
_JOINED_FROM = re.compile(rf"(?:\s+us)?(?:\s+«D\d+»)?\s+from\s+{FILL}«O(\d+)»", re.I)
_DOUBLE_OBJECT = re.compile(rf"\s+(?:(?:its|their|the|our|«O\d+»'s)\s+)?(?:new\s+)?({ROLE_PHRASE})(?=\s*(?:[,.;]|$)|\s+(?:on|in|at|of|for|effective|starting|last|this|while|when|after|until|replacing|succeeding|following)\b|\s+«D)", re.I)
_STEP_FROM = re.compile(r"\b(?:back|down|away)\s+from$", re.I)
_UNIT_AFTER = re.compile(r"'s?\s+([a-z][^,.;«()]{1,40}?\s+(?:team|group|lab|unit|division|effort|org|organization))\b")
_COORD_AUX = re.compile(r"(?:,\s*|\s)and\s+(?:(?:then|later|also|subsequently|soon|has|had|have|was|were|been|is)\s+)*$", re.I)
_OWN_SUBJECT = re.compile(r"\b(?:after|before|when|because|while|since|until|once|as|whom)\s+(?:the|a|an|its|his|her|their|our|another|one)\s+[^«,;]*$", re.I)
_WE_SUBJ = re.compile(r"(?:^|[.;:!?]\s+|[\"“]\s*|,\s+)[Ww]e\s+(?:have\s+|'ve\s+|had\s+)?(?:also\s+|just\s+|recently\s+|now\s+)?$")
_SPENT_BEFORE = re.compile(r"^\s*(?:had\s+|has\s+)?(?:spent|worked|was|served|stayed|remained|began|started)\b[^;:]*\b(?:before|until)\s+$", re.I)


def _chain(pattern: str, text: str) -> list[str]:
    """Group 1 of `pattern` matched repeatedly, each match starting where the last ended."""
    out: list[str] = []
    pat = re.compile(pattern, re.I)
    pos = 0
    while True:
        m = pat.match(text, pos)
        if not m or m.end() == pos:
            return out
        out.append(m.group(1))
        pos = m.end()


def _triggers(info: SentInfo, si: int, out: list[Raw], registry: PersonRegistry, clause: str | None = None) -> None:
    """Move verbs and nouns of the sentence (or of one of its relative clauses) as claims."""
    s = info.simple if clause is None else clause
    if "«P" not in s and "«Q" not in s:
        return  # every rule below needs a person
    ents = info.ents
    quote = info.sent.text

    def pkey(idx: str) -> str:
        return ents[int(idx)].key

    def persons_with_coord(s: str, subj: re.Match[str], subj_abs: int) -> list[tuple[str, bool]]:
        """Subject plus persons coordinated before it ("A and B joined")."""
        out_p = [(pkey(subj.group(2)), subj.group(1) == "Q")]
        left = s[:subj_abs]
        while True:
            m = re.search(rf"«([PQ])(\d+)»\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:fellow\s+|former\s+)?{ROLE_PHRASE}\s+)?$", left)
            if not m:
                break
            if subj.group(1) == "Q" and not re.search(r"\band\s+$|&\s*$", m.group(0)):
                break   # "..., the roboticist P, she joined O": a pronoun starts its own clause
            out_p.append((pkey(m.group(2)), m.group(1) == "Q"))
            left = left[:m.start()]
        return out_p

    def emit(typ: str, who: list[tuple[str, bool]], org_idx: str, role: str | None, date: DateMention | None,
             conf: float, present: bool, origin: str, offset=None) -> None:
        oe = ents[int(org_idx)]
        for key, via_pron in who:
            out.append(Raw(typ, key, oe.key, role, date, si, quote, conf - (0.1 if via_pron else 0.0),
                           present, oe.org.unit if oe.org else None, origin, offset))

    # --- joins
    for t in JOIN_TRIG.finditer(s):
        subj, gap, sabs = _subject_left(s, t.start())
        if subj is None and t.group(0)[:1].lower() == "j" and re.search(r"\bby\s+$", s[max(0, t.start() - 6):t.start()]):
            # "P retired ... and then surprised everyone by joining O": a means adjunct takes the
            # clause's subject, however far back
            subj, gap, sabs = _subject_left(s, t.start(), max_gap=220)
        if subj is None:
            continue
        if re.search(r"«O\d+»", gap) and not _COORD_VP.search(gap) and not _SPENT_BEFORE.search(gap) and not re.search(r"\bto\s+(?:re)?join\b", t.group(0) + s[t.start() - 4:t.start()], re.I):
            # another org between subject and verb: only "left A to join B" shapes
            if not re.search(r"(?:leav\w*|left|quit\w*|depart\w*|exit\w*|resign\w*)\b[^«]{0,20}«O\d+»(?:'s[^«,.;]{0,40})?\s*,?\s*(?:in\s+order\s+)?(?:to|and(?:\s+(?:is|are|was|were|has|have|had|will\s+be|now))?|for)?\s*$", gap, re.I):
                continue
        if re.search(r"«[PQ]\d+»", gap):
            continue
        prefix = _clause_prefix(s, sabs)
        if _neg(re.sub(r"«O\d+»", "", gap), prefix) or CLAUSE_PREFIX_NEG.search(prefix):
            continue
        obj = _object_right(s, t.end(), allow_at=True)
        # "joined last month from O", "joins us from O" (us: the org whose post this is)
        fr = _JOINED_FROM.match(s[t.end():t.end() + 80]) if obj is None else None
        if fr and fr.group(0).lstrip().startswith("us") and subj.group(1) == "Q":
            fr = None   # "He joined us from O" often points ahead to the hire a speaker is about to name
        came = bool(fr) and not re.match(r"(?:re)?join", t.group(0), re.I)
        if came and not re.match(r"\s*(?:$|[,.;:!?)—–]|«D|(?:in|on|last|this|earlier|to|as|and|where|after|before|when|with)\b)",
                                 s[t.end() + fr.end():], re.I):
            continue   # "came from the DeepMind side of the merger": the org names no employer left
        if fr:
            # "Joined last month from Stripe" (a bio line), "Kit came from Stripe" (told by someone at
            # the org): the org the page is about, and a departure
            date = date_for(info, s, sabs, t.start(), t.end())
            fa = re.match(r"\s+as\s+(?:(?:its|the|a|an|our)\s+)?([^,.;«()]{2,60}?)(?=\s+(?:in|on|last|this|earlier)\b|\s*[,.;(]|$)",
                          s[t.end() + fr.end():t.end() + fr.end() + 80], re.I)
            frole = _clean_role(fa.group(1)) if fa else None
            placed = came and any(a.person == pkey(subj.group(2)) and not a.former for a in info.affils)
            for key, via in ([] if placed else persons_with_coord(s, subj, sabs)):
                # (a description placing the person already names where they came to: no second join)
                out.append(Raw("joined", key, "", frole, date, si, quote, 0.6, _is_present(gap, t.group(0)), None, "join-as"))
            emit("left", persons_with_coord(s, subj, sabs), fr.group(1), None, date, 0.7, _is_present(gap, t.group(0)),
                 "came-from" if came else "join-from")
            continue
        if obj is None:
            # "P joined as ROLE in D": the org is the one the article is about
            am = re.match(r"(?:\s+(?:us|our\s+(?:team|company|lab|group|staff)))?(?:\s+«D\d+»|\s+in\s+the\s+\w+)?\s+as\s+(?:(?:its|the|a|an|our)\s+)?([^,.;«()]{2,60}?)(?=\s+(?:in|on|last|this|earlier|from)\b|\s*[,.;(]|\s+alongside\b|\s+«D|$)", s[t.end():t.end() + 90], re.I)
            if am and re.match(r"(?:re)?join|start|sign|c[oa]m", t.group(0), re.I) and _clean_role(am.group(1)):
                date = date_for(info, s, sabs, t.start(), t.end())
                for key, via in persons_with_coord(s, subj, sabs):
                    out.append(Raw("joined", key, "", _clean_role(am.group(1)), date, si, quote, 0.65,
                                   _is_present(gap, t.group(0)), None, "join-as"))
                al = re.match(r"(?:\s+(?:in|on)\s+«D\d+»)?\s*,?\s+(?:alongside|along\s+with|together\s+with)\s+«P(\d+)»\s+as\s+(?:(?:its|the|a|an)\s+)?([^,.;«()]{2,60}?)(?=\s*[,.;(]|$)", s[t.end() + am.end():t.end() + am.end() + 90], re.I)
                if al and _clean_role(al.group(2)):
                    out.append(Raw("joined", pkey(al.group(1)), "", _clean_role(al.group(2)), date, si, quote, 0.6,
                                   False, None, "join-as"))
            continue
        if re.search(r"\bnot\b", s[t.end():t.end() + obj.start(1)]) or _STUDY.match(s, t.end() + obj.end()):
            continue   # "went to O to study physics": a school, not a post
        role = _role_after(s, t.end() + obj.end())
        if role is None and t.group(0).lower().startswith(("start", "sign")):
            sm = re.match(r"\s*as\s+(?:an?\s+|the\s+|its\s+)?([^,.;«]{2,60}?)\s+(?:at|with)\s", s[t.end():t.end() + obj.start(1)])
            role = _clean_role(sm.group(1)) if sm else None   # "started as head of research at O"
        if re.match(r"['’]s\s+(?:\w+\s+)?board\b", s[t.end() + obj.end():t.end() + obj.end() + 30]) or \
                re.match(r"\s*the\s+board\b", s[t.end():t.end() + obj.start(1)], re.I):
            role = "board member"   # "joined its board (of directors)", "joined the board of O"
        date = date_for(info, s, sabs, t.start(), t.end() + obj.end())
        who = persons_with_coord(s, subj, sabs)
        conf = 0.9 if not re.search(r"«O\d+»", gap) else 0.8
        emit("joined", who, obj.group(1), role, date, conf, _is_present(gap, t.group(0)), "join",
             offset_expression(s[sabs:t.start()]))
        for o in _prior_employers(s, sabs, t.end() + obj.end(), obj.group(1), ents):
            emit("left", who, o, None, date, 0.7, _is_present(gap, t.group(0)), "join-after")
        tail = s[t.end() + obj.end():t.end() + obj.end() + 80]
        # "joined O from A", "joined O's models team from A"
        fm = re.match(rf"(?:['’]s\s+[^,.;«]{{1,40}}?\s+(?:team|group|lab|unit|division|org|organization|effort))?"
                      rf"(?:\s+(?:(?:in|on|by)\s+)?«D\d+»)?(?:\s+as\s+[^,.;«]{{2,50}}?)?\s*,?\s+from\s+{FILL}«O(\d+)»", tail, re.I)
        if fm and ents[int(fm.group(1))].key != ents[int(obj.group(1))].key:
            emit("left", who, fm.group(1), None, date, 0.75, _is_present(gap, t.group(0)), "join-from")
        am = re.match(rf"(?:\s+(?:in|on)\s+«D\d+»)?\s*,?\s+(?:along\s+with|together\s+with|alongside)\s+", tail, re.I)
        if am:
            more = _chain(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)?«P(\d+)»", tail[am.end():])
            if more:
                emit("joined", [(pkey(x), False) for x in more], obj.group(1), None, date, 0.7,
                     _is_present(gap, t.group(0)), "join-along")

    # --- leaves
    leave_posts = LEAVE_POST_TRIG.finditer(s) if any(w in s for w in (" role", " post", " position", " job", " seat")) else ()
    for t in chain(leave_posts, LEAVE_TRIG.finditer(s)):
        word = t.group(0).lower()
        before = s[max(0, t.start() - 12):t.start()].lower()
        after = s[t.end():t.end() + 20].lower()
        if word.startswith("left") and " " not in word and (re.search(r"\b(?:was|were|is|are|be|been|being)\s+$", before)
                                         and not re.match(r"\s*«o", after) or
                                         re.search(r"\b(?:has|have|had)\s+$", before)
                                         and not re.match(r"\s*(?:«o|for\s|to\s|the\s+(?:company|firm|lab|startup)|[.,;]|$)", after)):
            continue
        if word.startswith("leave") and (re.search(r"\b(?:on|of|a|parental|maternity|paternity|medical|sick|annual)\s+$", before) or
                                         re.search(r"\b(?:on|a|an|his|her|their)\s+(?:[\w-]+\s+){1,2}$", s[max(0, t.start() - 30):t.start()])):
            continue   # "on a two-year leave": a leave of absence, the noun
        if re.match(r"\s*(?:behind|over|open|unanswered|alone|room|out\b|hand|wing|field)", after):
            continue
        subj, gap, sabs = _subject_left(s, t.start())
        if subj is None or re.search(r"«[PQ]\d+»", gap):
            continue
        if re.search(r"«O\d+»", gap) and not _COORD_VP.search(gap) and not _SPENT_BEFORE.search(gap) and not _NOTIFIED.search(gap):
            continue
        if _OWN_SUBJECT.search(gap):
            continue   # "P took over after the previous chief executive departed": another subject
        org_idx: str | None = None
        prefix = _clause_prefix(s, sabs)
        if _PLANNED.search(gap) and _DATED_AFTER_TRIGGER.match(s, t.end()):
            gap = _PLANNED.sub(" ", gap)   # "plans to leave at the end of the quarter": an announced, dated departure
        if _neg(gap, _clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(prefix):
            continue
        who = persons_with_coord(s, subj, sabs)
        # "stepping back from day-to-day work at O": the org of the work stepped back from
        obj = _object_right(s, t.end(), allow_at=word.endswith(" from") and bool(_STEP_FROM.search(word)))
        role = None
        rm = re.match(r"\s*as\s+(?:its\s+|the\s+|a\s+|an\s+)?([^,.;«()]{2,60}?)(?:\s+(?:of|at)\s+(?=(?:the\s+)?«O)|[,.;]|$)", s[t.end():t.end() + 100], re.I)
        if rm:
            role = _clean_role(rm.group(1))
            if obj is None:
                obj = re.match(rf"\s*as\s+[^,.;«()]{{2,60}}?\s+(?:of|at)\s+{FILL}«O(\d+)»", s[t.end():t.end() + 120], re.I)
        present = _is_present(gap, t.group(0))
        date = None
        end_obj = t.end()
        conf = 0.9
        # "P left us for O" (us: the org whose post this is): an org-less departure, then the destination
        us = re.match(r"\s+us\b(?=\s*(?:$|[,.;:!]|for\b|to\s+(?:re)?join\b|in\s+«D|«D|after\b|last\b|this\b|earlier\b))",
                      s[t.end():t.end() + 40]) if obj is None else None
        if us:
            end_obj = t.end() + us.end()
        if obj is not None:
            org_idx = obj.group(1)
            end_obj = t.end() + obj.end()
        else:
            rest = s[end_obj:end_obj + 30]
            noun = word.split()[0] in ("departure", "exit", "resignation", "ouster", "retirement", "departures")
            if not (noun or re.match(r"\s*(?:again\s+|too\s+|as\s+well\s+|for\s+good\s+)?(?:$|at\s+the\s+(?:end|close|start)\s+of\b|at\s+(?:the\s+)?«D|at\s+(?:its|the\s+company's|«O\d+»'s)\s+(?:annual|next|general)\b|[,.;:!?]|after|because|in\s+«D|on\s+«D|«D|to\s+(?:re)?join|to\s+(?:go|move|head)\s+(?:back\s+)?to\b|to\s+return|to\s+start|to\s+found|to\s+launch|to\s+focus|to\s+pursue|for\s+|this|last|earlier|as\b|and\b|with\s+immediate\s+effect|immediately|effective\b|from\s+(?:the|its|his|her)\s+(?:board|role|post|position|team))", rest, re.I)):
                continue
            # "P co-founded A, left for B, came back to A in D and departed again": the org the
            # chain last joined
            if _COORD_VP.search(gap):
                jm = None
                for jm in re.finditer(r"\b(?:came\s+back\s+to|returned\s+to|rejoined|joined|went\s+back\s+to|moved\s+to|co-?founded|founded)\s+{0}«O(\d+)»".format(FILL), gap, re.I):
                    pass
                if jm is not None:
                    org_idx = jm.group(1)
            # "P spent six years at A before leaving": A
            sm = re.search(rf"\b(?:spent|worked|was|served|stayed|remained)\b[^;:]*?\b(?:(?:at|with|for)\s+{FILL}|as\s+(?=«O\d+»'))«O(\d+)»[^«;:]*\b(?:before|until)\s+$", gap, re.I)
            if sm and org_idx is None:
                org_idx = sm.group(1)
            # "After six years at A, I've decided to move on": A
            pm = _PRIOR.search(prefix) if org_idx is None and "«O" in prefix else None
            if pm:
                org_idx = pm.group(1)
            # the organization the subject is described as belonging to
            key = ents[int(subj.group(2))].key
            # (not one the clause goes on to join: "who left in May and turned up at O")
            joined_after = {ents[int(x)].key for x in re.findall(r"«O(\d+)»", s[t.end():_clause_end(s, t.end()) + 60])
                            if re.search(rf"\b(?:join\w*|turn\w*\s+up\s+at|show\w*\s+up\s+at|mov\w*\s+to|land\w*\s+at)\s+"
                                         rf"(?:the\s+)?«O{x}»", s[t.end():])}
            cands = [a for a in info.affils if a.person == key and not a.former and a.org not in joined_after]
            rep = re.search(r"«O(\d+)»\s+(?:also\s+)?(?:said|says|announced|announces|confirmed|confirms)\s+(?:on\s+«D\d+»\s+|«D\d+»\s+)?(?:that\s+)?$", s[:sabs])
            if org_idx is None and not cands and rep:
                org_idx = rep.group(1)   # "O said P would step down": a departure from O
            if org_idx is not None:
                conf = 0.8
            elif cands:
                oname = cands[0].org
                # find an ent index for it
                for i, e in enumerate(ents):
                    if e.kind == "O" and e.key == oname:
                        org_idx = str(i)
                        break
                conf = 0.75
            else:
                org_idx = None
        date = date_for(info, s, sabs, t.start(), end_obj)
        stay = re.match(rf"(?:[^.;«]|«[DPQ]\d+»){{0,60}}?\b(?:(?:and|but)\s+(?:will\s+|would\s+)?|to\s+(?=become\b))(?:become|remain|stay\s+on|serve|continue)\s+(?:as\s+)?(?:an?\s+|the\s+|its\s+)?((?:{ROLE_WORD}(?:\s+|-)){{0,6}}{ROLE_WORD})\b",
                        s[end_obj:end_obj + 140], re.I)
        if org_idx is not None and stay and re.match(r"step|stepp", word) and _clean_role(stay.group(1)):
            # "will step down as CEO and become executive chair": a new title, not a departure
            emit("role_changed", who, org_idx, _clean_role(stay.group(1)), date, conf, present, "step-aside")
        elif org_idx is not None:
            emit("left", who, org_idx, role, date, conf, present, "leave")
        else:
            # remember an org-less departure so article context can fill the org
            for key, via in who:
                out.append(Raw("left", key, "", role, date, si, quote, 0.6, present, None, "leave-us" if us else "leave?"))
        # follow-up destination: "left A to join B", "departure from A to B", "leaving A for B"
        fm = re.match(rf"(?:'s\s+[^,.;«]{{0,40}}?)?(?:\s+(?:(?:in|on|by)\s+)?«D\d+»)?(?:\s*,\s+(?:shortly|soon|just|days|weeks|months|a\s+\w+|only)\b[^,«;.]{{0,50}},)?(?:\s+after\s+(?:nearly\s+|almost\s+|more\s+than\s+|over\s+)?[\w-]+\s+(?:years?|months?|decades?))?\s*,?\s*(?:in\s+order\s+)?(?:(?:to\s+(?:re)?join|to\s+(?:set\s+up|open|build(?:\s+out)?|launch|start|run|lead|head)\s+(?:a|an|the|its)\s+(?:new\s+)?[^,.;«]{{0,30}}?(?:office|lab|team|hub|group|unit|outpost)\s+(?:for|at)|to\s+become|and\s+(?:has|have|had)\s+(?:since\s+|now\s+|then\s+|later\s+|subsequently\s+)?(?:re)?joined|to\s+return\s+to|to\s+go\s+to|to\s+head\s+to|to\s+move\s+to|to|for|and\s+(?:re)?join(?:ed|s)?|and\s+(?:moved|went|headed)\s+to|,?\s*joining|,\s*(?:and\s+(?:is\s+)?)?now\s+(?:at|with))\s+){FILL}«O(\d+)»", s[end_obj:end_obj + 90], re.I)
        if fm and not re.search(r"\b(?:to|for)\s+(?:the|a|an)\s+(?:first|second|same)\b", fm.group(0)):
            if org_idx is None or ents[int(fm.group(1))].key != ents[int(org_idx)].key:
                r2 = _role_after(s, end_obj + fm.end())
                d2 = date or date_for(info, s, sabs, end_obj, end_obj + fm.end())
                emit("joined", who, fm.group(1), r2, d2, conf, present, "leave-to")
        # ("is leaving O after seven years to start O2": the span of the post left may come first)
        fo = re.match(rf"(?:\s+(?:(?:in|on)\s+)?«D\d+»)?(?:\s+after\s+(?:[\w-]+\s+){{1,3}}?(?:years?|months?|decades?))?\s*,?\s*"
                      rf"(?:in\s+order\s+)?to\s+(?:co-?found|found|launch|start)\s+{FILL}«O(\d+)»", s[end_obj:end_obj + 110], re.I)
        run = None if fo else re.match(rf"(?:\s+(?:(?:in|on)\s+)?«D\d+»)?\s*,?\s*to\s+(?:run|lead|head)\s+«O(\d+)»['’]s\s", s[end_obj:end_obj + 60])
        if run and (org_idx is None or ents[int(run.group(1))].key != ents[int(org_idx)].key):
            emit("joined", who, run.group(1), None, date, 0.7, present, "leave-run")   # "left O in 2021 to run O2's data team"
        if fo:
            partners = _cofounders(s, end_obj + fo.end())
            emit("joined", who + [(pkey(x), False) for x in partners], fo.group(1),
                 "co-founder" if "co" in fo.group(0).lower() or partners else "founder", date, 0.8, present, "leave-found")

    # --- role changes
    for t in ROLE_TRIG.finditer(s):
        subj, gap, sabs = _subject_left(s, t.start(), max_gap=90)
        if subj is None or re.search(r"«[PQ]\d+»", gap) or re.search(r"«O\d+»", gap) and not _COORD_AUX.search(gap):
            continue   # "P had been at A for years and had been promoted to X": the same subject
        if _neg(gap, _clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, sabs)):
            continue
        rest = s[t.end():t.end() + 120]
        if t.group(0).lower().endswith((" at", " of")) and not re.search(r"\b(?:role|position|job|title)\s+of$", t.group(0), re.I):
            am = re.match(rf"\s*{FILL}«O(\d+)»", rest, re.I)
            if am:
                # "takes the helm at O": a new head, from inside or out (the article tells which)
                helm = bool(re.search(r"\b(?:helm|reins)\b", t.group(0), re.I))
                emit("role?" if helm else "role_changed", persons_with_coord(s, subj, sabs), am.group(1), None,
                     date_for(info, s, sabs, t.start(), t.end() + am.end()), 0.75, _is_present(gap, t.group(0)),
                     "role" if helm else "step-up")
            continue
        rm = re.match(rf"\s*(?:as\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+|our\s+|new\s+)*(?:«O(\d+)»'s?\s+)?([^,.;«()]{{2,80}}?)(?:(?:\s+(?:at|of|for|with|in(?=\s+«O\d+»'s\s))|(?<=advis[eo]r)\s+to)\s+{FILL}«O(\d+)»|\s+«D\d+»|\s+in\s+«D|\s*[,.;]|\s+(?:after|before|when|in|on|last|this|earlier|less|more|just|only|seven|\w+\s+(?:months|years|weeks)|effective|replacing|succeeding)\b|\s+and\s+(?:would|will|is|was|has|had|now|also|to)\b|\s+(?:the\s+)?(?:same|next|following)\s+(?:day|week|month)\b|\s+while\b|\s+on\s+«O\d+»|$)", rest, re.I)
        if not rm:
            continue
        role = _clean_role(rm.group(2))
        unit = _UNIT_AFTER.match(rest, rm.end()) if rm.group(3) else None
        if unit:
            role = _clean_role(f"{rm.group(2)} of the {unit.group(1)}") or role   # "the lead of O's memory team"
        if role is None:
            continue
        org_idx = rm.group(1) or rm.group(3)
        who = persons_with_coord(s, subj, sabs)
        verb = t.group(0).lower()
        dm = re.search(D, t.group(0))   # "promoted in January to ..."
        date = ents[int(dm.group(1))].date if dm else date_for(info, s, sabs, t.start(), t.end())
        off = offset_expression(s[sabs:t.start()] + " " + s[max(0, sabs - 60):sabs])
        typ = "role_changed"
        if re.search(r"\b(?:became|become|becomes|becoming|named|appointed|made|tapped|succeed\w*|replac\w*|agree\w*|over\s+from)\b", verb):
            typ = "role?"
        if org_idx is None:
            rep = re.search(r"«O(\d+)»\s+(?:also\s+)?(?:said|says|announced|announces|confirmed|confirms)\s+(?:on\s+«D\d+»\s+|«D\d+»\s+)?(?:that\s+)?$", s[:sabs])
            org_idx = rep.group(1) if rep else None   # "O said P would become CEO": at O
        if org_idx is None:
            # a promotion is never the title a join comes with ("P, who joined O last year, was promoted")
            origin = "promoted" if verb.startswith(("promot", "elevat")) else "role?"
            for key, via in who:
                out.append(Raw(typ, key, "", role, date, si, quote, 0.7, _is_present(gap, verb), None, origin, off))
        else:
            board = "board" in role.lower()
            emit("joined" if board else typ, who, org_idx, "board member" if board else role, date, 0.85,
                 _is_present(gap, verb), "role", off)

    # --- org hires person: "O hired P", "O appointed former X P to its board"
    last_hire: tuple[re.Match[str], str, int, int] | None = None
    for t in HIRE_TRIG.finditer(s):
        subj, gap, sabs = _subject_left(s, t.start(), kinds="O", max_gap=70)
        if subj is None and info.ctx_org is not None and _WE_SUBJ.search(s[max(0, t.start() - 40):t.start()]):
            # "We have also promoted P" in a company's call, release or post: the article's org
            subj, gap, sabs = re.match(r"«(O)(\d+)»", f"«O{info.ctx_org}»"), "", t.start()
        if (subj is None or re.search(r"«[PQ]\d+»", gap)) and last_hire is not None and \
                re.search(r"\band\s+(?:also\s+)?$", s[last_hire[3]:t.start()]) and not re.search(r"[;:]|\.\s", s[last_hire[3]:t.start()]):
            # "O hired P as CTO and promoted P2 to president": the second verb shares the subject
            subj, gap, sabs = last_hire[0], last_hire[1], last_hire[2]
        if subj is None or re.search(r"«[PQ]\d+»", gap):
            continue
        if _neg(gap, _clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(gap):
            continue   # "O addressed reports that it was hiring P": a report, not a hire
        last_hire = (subj, gap, sabs, t.end())
        rest = s[t.end():t.end() + 120]
        om = re.match(rf"\s*(?:away\s+)?(?:(?:(?:former|ex-|veteran|longtime|star|top|rival|its\s+own|the|a|an|{ROLE_WORD}s?|«O\d+»(?:'s)?)(?:\s+|\s*,\s+(?=«P)))){{0,7}}?«[PQ](\d+)»", rest, re.I)
        if not om:
            continue
        people = [(pkey(om.group(1)), False)]
        tail = rest[om.end():]
        for x in _chain(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)«P(\d+)»", tail):
            people.append((pkey(x), False))
        role = _role_after(s, t.end() + om.end())
        verb = t.group(0).lower()
        if role is None and verb.startswith(("promot", "elevat")):
            rm = re.match(r"\s*,?\s*(?:from\s+[^,.;«()]{2,60}?\s+)?to\s+(?:the\s+)?(?:(?:role|position|post|rank|title)\s+of\s+)?(?:a\s+|an\s+)?([^,.;«()]{2,80})", tail, re.I)
            role = _clean_role(rm.group(1)) if rm else None
        if role is None:
            rm = re.search(r"\bas\s+(?:its\s+|the\s+|a\s+|an\s+|their\s+|new\s+)*([^,.;«()]{2,60})", tail[:80], re.I)
            role = _clean_role(rm.group(1)) if rm else None
        if role is None and re.match(r"(?:name|appoint|elect|install|tap|nominat|made|make)", verb):
            # "appointed P chief financial officer", "named P its new CTO": the title follows the name
            rm = _DOUBLE_OBJECT.match(tail)
            role = _clean_role(rm.group(1)) if rm and TITLE.search(rm.group(1)) else None
        if verb in ("won", "wins") and not re.match(r"\s*,?\s*as\b", tail):
            continue   # "O has won P as CTO" (translated "gewinnen"), not "won P's trust"
        date = date_for(info, s, sabs, t.start(), t.end() + om.end())
        typ = "joined"
        if verb.startswith("promot"):
            typ = "role_changed"  # a promotion is inside the promoting org, with or without a title
        elif re.match(r"(?:name|appoint|elect|install|tap|nominat)", verb) and role and "board" not in role.lower():
            typ = "role?"
        emit(typ, people, subj.group(2), role, date, 0.85, _is_present(gap, verb), "hire-named" if typ == "role?" else "hire")
        if typ == "joined":
            for o in _prior_employers(s, sabs, t.end() + om.end(), subj.group(2), ents):
                emit("left", people, o, None, date, 0.7, _is_present(gap, verb), "hire-after")

    org_actions(info, si, out, s, quote)

    # --- passive hires: "P was hired by O", "P was tapped to lead O's X"
    for t in PASSIVE_HIRE.finditer(s):
        subj, gap, sabs = _subject_left(s, t.start(), max_gap=40)
        if subj is None or re.search(r"«[PQO]\d+»", gap):
            continue
        if not re.match(r"\s*(?:'s\s+)?(?:,\s*)?(?:who\s+)?(?:has\s+|had\s+|was\s+|were\s+|is\s+|just\s+|recently\s+|also\s+|been\s+)*$", gap, re.I):
            continue
        if _neg(gap, _clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, sabs)):
            continue
        rest = s[t.end():t.end() + 120]
        end = _clause_end(rest, 0)
        om = re.search(rf"(?:\bby|\bat|\bof|\bto|\bjoin|\bfor|\bwith)\s+{FILL}«O(\d+)»|«O(\d+)»'s", rest[:end], re.I)
        if not om:
            continue
        org_idx = om.group(1) or om.group(2)
        role = _role_after(s, t.end())
        if role is None:
            rm = re.match(r"\s*(?:as\s+)?(?:its\s+|the\s+|a\s+|an\s+|new\s+)*([^,.;«()]{2,60}?)\s+(?:at|of|for)\s+«O", rest, re.I)
            role = _clean_role(rm.group(1)) if rm else None
        who = persons_with_coord(s, subj, sabs)
        verb = t.group(0).lower()
        typ = "joined"
        if re.search(r"\b(?:named|appointed|tapped|elected|installed|chosen|selected)\b", verb) and role and "board" not in role.lower():
            typ = "role?"
        date = date_for(info, s, sabs, t.start(), t.end() + om.end())
        emit(typ, who, org_idx, role, date, 0.8, _is_present(gap, verb), "passive")

    # --- founders
    for t in FOUND_TRIG.finditer(s):
        subj, gap, sabs = _subject_left(s, t.start(), max_gap=120)
        if subj is None or re.search(r"«[PQ]\d+»", gap):
            continue
        if re.search(r"«O\d+»", gap) and not _COORD_VP.search(gap) or len(gap) > 60 and not _COORD_VP.search(gap):
            continue
        if _neg(gap, _clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, sabs)):
            continue
        obj = re.match(rf"\s*{FILL}«O(\d+)»", s[t.end():t.end() + 60], re.I)
        if not obj:
            continue
        verb = t.group(0).lower()
        who = persons_with_coord(s, subj, sabs)
        role = "co-founder" if ("co" in verb[:3] or len(who) > 1 or re.match(r"[^.;]{0,40}\bwith\s+«P", s[t.end() + obj.end():])) else "founder"
        date = date_for(info, s, sabs, t.start(), t.end() + obj.end())
        emit("joined", who + [(pkey(x), False) for x in _cofounders(s, t.end() + obj.end())], obj.group(1), role, date,
             0.8, _is_present(gap, verb), "found")
        for o in _prior_employers(s, sabs, t.end() + obj.end(), obj.group(1), ents):
            emit("left", who, o, None, date, 0.7, _is_present(gap, verb), "found-after")
    for t in FOUNDED_BY.finditer(s):
        left = s[max(0, t.start() - 60):t.start()]
        om = None
        for om in re.finditer(r"«O(\d+)»", left):
            pass
        if om is None:
            continue
        people = []
        for x in _chain(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+)?(?:(?:former\s+)?(?:«O\d+»\s+)?[\w-]+\s+)?«P(\d+)»", s[t.end():t.end() + 160]):
            people.append((pkey(x), False))
        if people:
            date = date_for(info, s, t.start(), t.start(), t.end())
            emit("joined", people, om.group(1), "co-founder" if len(people) > 1 or "co" in t.group(0).lower() else "founder",
                 date, 0.8, False, "founded-by")


_WITH_PARTNERS = re.compile(r"(?:\s+(?:(?:in|on)\s+)?«D\d+»)?\s*,?\s+(?:together\s+)?with\s+(?:(?:his|her|their|our|«Q\d+»'s)\s+(?:[\w-]+\s+){1,2}?|"
                            r"(?:fellow|former|longtime)\s+(?:[\w-]+\s+){0,3}?)?(«P\d+»(?:(?:\s*,\s*|\s+and\s+)«P\d+»)*)")


def _cofounders(s: str, pos: int) -> list[str]:
    """Persons a founding names as partners right after the org: "started O with P (and Q)"."""
    m = _WITH_PARTNERS.match(s, pos)
    return re.findall(r"«P(\d+)»", m.group(1)) if m else []


_FRONTED = re.compile(
    rf"^\W*(?:before|after|since|upon|when|while)\s+(?P<v>(?:re)?joining|leaving|quitting|departing(?:\s+from)?|exiting|"
    rf"co-?founding|founding|returning\s+to|moving\s+to|starting)\s+{FILL}«O(?P<o>\d+)»(?P<d>\s+(?:(?:in|on)\s+)?«D\d+»)?"
    rf"[^«;:]{{0,20}}?,\s*«P(?P<p>\d+)»", re.I)
_SPENT = re.compile(rf"^\s*(?:had\s+)?(?:spent|worked|was)\b[^«;:]{{0,50}}?\b(?:at|with|for)\s+{FILL}«O(\d+)»", re.I)
_FRONT_VERB = {"leaving": "left", "quitting": "left", "exiting": "left", "departing": "left",
               "founding": "founded", "co-founding": "co-founded", "cofounding": "co-founded"}


def fronted_clauses(info: SentInfo) -> None:
    """A fronted participle clause shares the main clause's subject: "Before joining B in 2022,
    P spent four years at A" is "P joined B in 2022" (and P left A, where P had spent years);
    "After leaving A, P ..." is read by the clause rules already (_PRIOR)."""
    s = info.simple
    m = _FRONTED.match(s)
    if not m:
        return
    verb = m.group("v").lower().split()[0]
    p, o, d = m.group("p"), m.group("o"), (m.group("d") or "")
    if verb in ("leaving", "quitting", "exiting", "departing"):
        return
    v = _FRONT_VERB.get(verb, "joined")
    info.rel_clauses.append(f"«P{p}» {v} «O{o}»{d}")
    if m.group(0).lower().lstrip(" *-").startswith("before") and v == "joined":
        sm = _SPENT.match(s[m.end():])
        if sm and info.ents[int(sm.group(1))].key != info.ents[int(o)].key:
            info.rel_clauses.append(f"«P{p}» left «O{sm.group(1)}»")


_FROM_TO = re.compile(
    rf"«P(\d+)»(?:'s)?\s+(?:(?:has|have|had|is|was|now|just|recently)\s+)*(?:mov\w*|switch\w*|chang\w*|transfer\w*|go(?:es|ing)?|went|"
    rf"head\w*|jump\w*|defect\w*|wechselt|passe|pass\w*)\s+(?:over\s+)?from\s+{FILL}«O(\d+)»\s+(?:over\s+)?to\s+{FILL}«O(\d+)»(\s+(?:(?:in|on)\s+)?«D\d+»)?", re.I)


def from_to_clauses(info: SentInfo) -> None:
    """"P moves/switches/changes from A to B" (common in translated text) is "P left A to join B"."""
    s = info.simple
    if " from " not in s:
        return
    for m in _FROM_TO.finditer(s):
        prefix = _clause_prefix(s, m.start())
        if _neg(s[m.start():m.end()], prefix) or CLAUSE_PREFIX_NEG.search(prefix):
            continue
        d = m.group(4) or ""
        info.rel_clauses.append(f"«P{m.group(1)}» left «O{m.group(2)}»{d} to join «O{m.group(3)}»")
