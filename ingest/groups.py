"""Predicates stated of groups and lists: "colleagues were already at O. For example, A; B; C."
and "A, B and C are still there"."""
from __future__ import annotations

import re

from .extract_types import Raw, SentInfo
from .lexicon import CLAUSE_PREFIX_NEG, EXEMPLIFY_INLINE, EXEMPLIFY_START, FILL, GROUP_NOUN, _clause_prefix, _neg


def _group_predicates(info: SentInfo) -> tuple[str, str] | None:
    """A predicate stated of a group ("colleagues were already at O"), for the next list."""
    if info.group_pred is not False:
        return info.group_pred  # type: ignore[return-value]
    info.group_pred = _group_predicates_uncached(info)
    return info.group_pred  # type: ignore[return-value]


_NUMBER_WORD = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+few|a\s+handful\s+of|more)"
# "O has hired three researchers from O2": the list that names them joins O and leaves O2
_GROUP_HIRE = re.compile(
    rf"«O(\d+)»\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|just\s+|quietly\s+)?(?:hired|poached|recruited|lured|added|"
    rf"snagged|nabbed|brought\s+(?:on|in|over))\s+(?:at\s+least\s+)?{_NUMBER_WORD}\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{GROUP_NOUN.pattern})(?:\s+from\s+{FILL}«O(\d+)»)?", re.I)


_HIRE_CUES = ("hired", "poach", "recruit", "lured", "added", "snag", "nabbed", "brought")


def _group_predicates_uncached(info: SentInfo) -> tuple | None:
    s = info.marked
    if "«O" not in s or not GROUP_NOUN.search(s):
        return None
    low = s.lower()
    m = _GROUP_HIRE.search(s) if any(w in low for w in _HIRE_CUES) else None
    if m and not _neg(s[:m.start()][-40:]) and not CLAUSE_PREFIX_NEG.search(_clause_prefix(s, m.start())):
        dm = re.search(r"«D(\d+)»", s)   # "... hired three researchers from O2 this week"
        date = info.ents[int(dm.group(1))].date if dm else None
        preds = (("joined", info.ents[int(m.group(1))].key, date),)
        if m.group(2):
            preds += (("left", info.ents[int(m.group(2))].key, date),)
        return preds
    m = re.search(rf"{GROUP_NOUN.pattern}[^.;«]{{0,60}}?\b(?:are|were|is|was)\s+(?:(?:already|now|still|all|also)\s+)*(?:at|with|working\s+at)\s+«O(\d+)»", s, re.I)
    if m and not _neg(s[:m.start()][-40:]):
        return "held_role", info.ents[int(m.group(1))].key
    m = re.search(rf"{GROUP_NOUN.pattern}[^.;«]{{0,60}}?\b(?:have|had|has)\s+(?:(?:already|also|all|since)\s+)*(joined|left|moved\s+to|defected\s+to)\s+«O(\d+)»", s, re.I)
    if m and not _neg(s[:m.start()][-40:]):
        typ = "left" if m.group(1).lower() == "left" else "joined"
        return typ, info.ents[int(m.group(2))].key
    return None


def _stative_there(info: SentInfo, si: int, out: list[Raw], group_pred: tuple[str, str] | None) -> None:
    """Named people said to be at an organization: "A, B and C are still there / at O"."""
    s = info.simple
    for m in re.finditer(r"\b(?:is|are|remain|remains|stay|stays)\s+(?:(?:still|now|already|all|also)\s+)*(?:at\s+|with\s+)?«O(\d+)»", s, re.I):
        prefix = _clause_prefix(s, m.start())
        if _neg(prefix[-50:]) or CLAUSE_PREFIX_NEG.search(prefix):
            continue
        org = info.ents[int(m.group(1))].key
        people = [info.ents[int(x)].key for x in re.findall(r"«P(\d+)»", prefix)]
        # only a plain list subject: persons separated by commas/and plus group words
        for key in dict.fromkeys(people):
            out.append(Raw("held_role", key, org, None, None, si, info.sent.text, 0.55, True, None, "stative"))
    # exemplified lists: "... colleagues were already at O. For example, A; B; and C."
    if group_pred is not None and (EXEMPLIFY_START.match(s) or _NAMES_THEM.match(s)):
        _list_claims(info, si, out, group_pred, s)
    gp = _group_predicates(info)
    if gp is not None:
        im = EXEMPLIFY_INLINE.search(s) or re.search(r":\s*(?=«P)", s)
        if im:
            _list_claims(info, si, out, gp, s[im.end():])


# "The three are A, B and C", "They are A; B; and C": a list naming the group just mentioned
_NAMES_THEM = re.compile(rf"^\W*(?:the|these|those)\s+(?:{_NUMBER_WORD}|trio|pair|duo|hires|recruits|researchers|engineers)"
                         rf"(?:\s+[\w-]+)?\s+(?:are|were|include)\b|^\W*they\s+(?:are|were|include)\s+«P", re.I)


def _list_claims(info: SentInfo, si: int, out: list[Raw], pred, s: str) -> None:
    """One claim per person named in `s` for each of the group's predicates."""
    preds = pred if isinstance(pred[0], tuple) else (pred,)
    for x in dict.fromkeys(re.findall(r"«P(\d+)»", s)):
        for typ, org, *date in preds:
            out.append(Raw(typ, info.ents[int(x)].key, org, None, date[0] if date else None, si, info.sent.text, 0.5,
                           False, None, "list"))
