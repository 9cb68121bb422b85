"""Hires announced before the person is named: "O has a new research chief. Jane Doe, who ...",
"O has hired a new CTO: P", "We hired a new chief scientist. He joined us from O2. Please
welcome P."

News often opens a story with the post and only then names who fills it, so no single
sentence holds person, org and verb together. The announcement (an org, or "we" speaking for
the article's org, that has / hired / named a *new* ROLE) is remembered for a few sentences of
the same paragraph; the first full name those sentences lead with (or that follows the
announcement's colon) is the hire. A pronoun sentence in between ("He joined us from O2")
speaks of that hire too, so it gives the departure. Read over marked strings (see marking.py).
"""
from __future__ import annotations

import re

from .extract_types import Raw, SentInfo
from .lexicon import CLAUSE_PREFIX_NEG, NEG_SCOPE, ROLE_HEAD, ROLE_PHRASE, _clean_role

_VERBS = (r"(?:has|have|had|gets|got|now\s+has|finally\s+has)|(?:(?:has|have|had)\s+(?:just\s+|now\s+|finally\s+)?)?"
          r"(?:hired|named|appointed|found|picked|tapped|recruited|poached|landed|lured|chosen|selected|brought\s+in|"
          r"signed|welcomed|hires|names|appoints|taps|picks|recruits|poaches|lands|welcomes)")
# "«O» has a new research chief.", "«O» has hired a new CTO:", "We hired a new chief scientist"
_ANNOUNCE = re.compile(
    rf"(?:^|[.;!?]\s+|,\s+)(?:«D\d+»\s*,?\s+)?(?:«O(\d+)»|(?<![\w«])([Ww]e))\s+(?:«D\d+»\s+)?(?:{_VERBS})\s+(?:(?:a|an|its|our|their|«O\d+»'s)\s+)?"
    rf"(?:brand-new\s+|new\s+)({ROLE_PHRASE})\s*(?:«D(\d+)»\s*)?(?=[.:!]|—|–|$)", re.I)
# the naming sentence leads with the hire: "Jane Doe, who ...", "Please welcome Dr. Jane Doe", "Meet P"
_LEADS_WITH = re.compile(r"^\W{0,3}(?:(?:please\s+)?(?:welcome|meet|say\s+hello\s+to|it\s+is|it's|that\s+is|that's)\s+)?"
                         r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?«P(\d+)»", re.I)
_INCUMBENT = re.compile(r"\b(?:interim|acting|outgoing|current|incumbent|predecessor|stay\s+on|remain)\b", re.I)
_SPEAKS = re.compile(r"^\s*(?:,\s*)?(?:said|says|told|wrote|writes|added|noted|explained)\b", re.I)
_FROM = re.compile(r"^\W{0,3}(?:«Q\d+»|He|She|They)\s+(?:(?:has|had)\s+)?(?:joined|joins|comes|came|arrives|arrived|moves|moved)"
                   r"(?:\s+(?:over|us))?\s+from\s+(?:the\s+)?«O(\d+)»")


def announced_hires(infos: list[SentInfo]) -> list[Raw]:
    """Joins (and departures) of hires named after the sentence announcing the post."""
    out: list[Raw] = []
    for si, info in enumerate(infos):
        if info.correction or "new" not in info.marked:
            continue
        m = _ANNOUNCE.search(info.marked)
        if m is None or not ROLE_HEAD.search(m.group(3)):
            continue
        prefix = info.marked[:m.start()]
        if NEG_SCOPE.search(info.marked[m.start():m.end()]) or CLAUSE_PREFIX_NEG.search(prefix) or "?" in info.marked[m.end():m.end() + 3]:
            continue
        before = re.findall(r"«O(\d+)»", prefix)
        oidx = m.group(1) or ((info.ctx_org or (before[-1] if before else None)) if m.group(2) else None)
        role = _clean_role(m.group(3))
        if oidx is None or role is None:
            continue
        org = info.ents[int(oidx)]
        date = info.ents[int(m.group(4))].date if m.group(4) else next(
            (e.date for e in info.ents if e.kind == "D" and e.date is not None and e.date.date and not e.date.future), None)
        present = date is None and bool(re.search(r"\b(?:has|have|now|gets|hires|names|appoints|taps|picks|recruits|poaches|lands|welcomes)\b",
                                                  m.group(0), re.I))
        # the hire is named after a colon in the same sentence, or leads one of the next sentences
        tail = info.marked[m.end():].lstrip(" :—–-")
        candidates = [(si, tail, info)] if tail.startswith("«P") else []
        for sj in range(si + 1, min(si + 4, len(infos))):
            if infos[sj].sent.paragraph != info.sent.paragraph and sj > si + 1:
                break
            candidates.append((sj, infos[sj].marked, infos[sj]))
        froms: list[str] = []
        for sj, text, other in candidates:
            fm = _FROM.match(text)
            if fm:
                froms.append(other.ents[int(fm.group(1))].key)
                continue
            lm = _LEADS_WITH.match(text)
            if lm is None:
                if "«P" in text:
                    break   # someone else is named first: not clearly the hire
                continue
            if _SPEAKS.match(text[lm.end():]):
                break
            person = other.ents[int(lm.group(1))].key
            if any(a.person == person and a.org == org.key and not a.former for a in other.affils) or \
                    _INCUMBENT.search(text):
                break   # "Omar Reyes, Cohere's CFO and interim CEO, will stay on": someone already there
            if date is None and sj != si:
                # "O has a new CTO. P will take over on May 1": the naming sentence's date
                date = next((e.date for e in other.ents if e.kind == "D" and e.date is not None and e.date.date), None)
                present = present and date is None
            quote = other.sent.text if sj != si else info.sent.text
            out.append(Raw("joined", person, org.key, role, date, si, f"{info.sent.text} {quote}" if sj != si else quote,
                           0.6, present, org.org.unit if org.org else None, "announced"))
            out.extend(Raw("left", person, o, None, date, si, quote, 0.55, present, None, "announced-from")
                       for o in froms if o != org.key)
            break
    return out
