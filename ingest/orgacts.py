"""Clauses whose actor is an organization and whose object is a person or a list of people:

- nominal appointments: "O announced the appointment of P and P2 to its board", "the hiring
  of P as chief scientist", "the arrival of P as scientific adviser", "the promotion of P to CTO"
  (a board seat and an arrival are joins, a promotion a new title; a title otherwise waits for
  the article-level rule that tells a new title from a join);
- an org letting people go: "O has parted ways with P", "P was among those laid off by O".

Read over marked strings (see ingest/marking.py); negation and hedges scope as in clauses.py.
"""
from __future__ import annotations

import re

from .clausedates import date_for
from .extract_types import Raw, SentInfo
from .lexicon import CLAUSE_PREFIX_NEG, ROLE_WORD, _clause_prefix, _clean_role, _neg


_CUES = re.compile(r"ppointment|hiring|election|addition|naming|arrival|promotion|ways|mong|fired|dismissed|ousted|sacked")
# the noun says which move: an arrival is a join, a promotion a new title; the rest wait for the
# article-level rule that tells a new title from a join
_NOUN_TYPE = {"arrival": "joined", "promotion": "role_changed"}


def org_actions(info: SentInfo, si: int, out: list[Raw], s: str, quote: str) -> None:
    if not _CUES.search(s):
        return
    from .clauses import _chain
    ents = info.ents

    def pkey(idx: str) -> str:
        return ents[int(idx)].key

    def emit(typ, who, org_idx, role, date, conf, present, origin):
        oe = ents[int(org_idx)]
        for key, via_pron in who:
            out.append(Raw(typ, key, oe.key, role, date, si, quote, conf - (0.1 if via_pron else 0.0),
                           present, oe.org.unit if oe.org else None, origin))

    # --- nominal appointments: "O announced the appointment of P and P2 to its board",
    # "the hiring of P as chief scientist"
    if " of " in s and any(w in s for w in ("ppointment", "hiring", "election", "addition", "naming", "arrival", "promotion")):
        for m in re.finditer(r"\b(appointment|appointments|hiring|election|addition|naming|arrival|promotion)\s+of\s+(?=(?:[\w.]+\s+){0,2}«P)", s, re.I):
            prefix = _clause_prefix(s, m.start())
            if _neg(prefix[-60:], prefix) or CLAUSE_PREFIX_NEG.search(prefix):
                continue
            seg = s[m.end():m.end() + 160]
            people = _chain(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)?(?:(?:Dame|Sir|Dr\.?|Prof\.?|Professor|Mr\.?|Ms\.?|Mrs\.?)\s+)?«P(\d+)»", seg)
            if not people:
                continue
            pm = None
            for pm in re.finditer(r"«P\d+»", seg):
                pass
            after = seg[pm.end():] if pm else ""
            noun = m.group(1).lower()
            # (past an apposition: "the arrival of P, director of research at O, as scientific adviser")
            bm = re.match(r"(?:\s*,\s+(?:an?\s+|the\s+)?[^,;«()]{2,60}?(?:\s+(?:at|of)\s+(?:the\s+)?«O\d+»)?\s*,)?"
                          r"\s*,?\s+(?:to|as)\s+(?:(?:its|the|their)\s+|«O(\d+)»'s\s+)?(board(?:\s+of\s+directors)?|[^,.;«()]{2,60})", after, re.I)
            if not bm and noun != "arrival":
                continue   # ("the arrival of P": a join, no title told)
            org_idx = bm.group(1) if bm else None
            if org_idx is None:
                before = [x.group(1) for x in re.finditer(r"«O(\d+)»", s[:m.start()])]
                org_idx = before[0] if before else info.ctx_org
            if org_idx is None:
                continue
            seat = bm.group(2) if bm else ""
            board = seat.lower().startswith("board")
            role = "board member" if board else _clean_role(seat) if seat else None
            if not board and role is None and noun != "arrival":
                continue
            date = date_for(info, s, m.start(), m.start(), m.end())
            emit("joined" if board else _NOUN_TYPE.get(noun, "role?"), [(pkey(x), False) for x in people], org_idx, role, date, 0.8, True, "appointment-of")

    # --- org lets person go: "O has parted ways with P", "P was among those laid off by O"
    if "ways" in s or "mong" in s or "fired" in s or "dismissed" in s or "ousted" in s:
        for m in re.finditer(r"«O(\d+)»\s+(?:has\s+|have\s+|had\s+)?(?:parted\s+ways\s+with|fired|dismissed|ousted|sacked)\s+"
                             rf"(?:(?:its|their|the|former|{ROLE_WORD})\s+){{0,5}}«P(\d+)»", s, re.I):
            prefix = _clause_prefix(s, m.start())
            if _neg(s[m.start():m.end()], prefix) or CLAUSE_PREFIX_NEG.search(prefix):
                continue
            emit("left", [(pkey(m.group(2)), False)], m.group(1), None,
                 date_for(info, s, m.start(), m.start(), m.end()), 0.8, True, "let-go")
        for m in re.finditer(r"«([PQ])(\d+)»\s+(?:was|were|is|are)\s+among\s+(?:those|the\s+\w+|\w+)\s+(?:\w+\s+)?"
                             r"(?:laid\s+off|let\s+go|cut|fired|dismissed)\s+(?:by|at|from)\s+«O(\d+)»", s, re.I):
            prefix = _clause_prefix(s, m.start())
            if _neg(s[m.start():m.end()], prefix) or CLAUSE_PREFIX_NEG.search(prefix):
                continue
            emit("left", [(pkey(m.group(2)), m.group(1) == "Q")], m.group(3), None,
                 date_for(info, s, m.start(), m.start(), m.end()), 0.8, False, "let-go")
        # told from the person's side, the org the article is about: "Among those cut was P", "P was
        # among those laid off"
        for m in re.finditer(r"\b[Aa]mong\s+(?:those|the\s+\w+)\s+(?:\w+\s+)?(?:laid\s+off|let\s+go|cut|fired|dismissed)\s+"
                             r"(?:(?:by|at|from)\s+«O(\d+)»\s+)?(?:was|were)\s+«([PQ])(\d+)»|"
                             r"(?:«[PQ](\d+)»\s*(?:,\s*|\s+and\s+))?«([PQ])(\d+)»\s+(?:was|were)\s+among\s+(?:those|the\s+\w+)\s+(?:\w+\s+)?(?:laid\s+off|let\s+go|cut|fired|dismissed)"
                             r"(?!\s+(?:by|at|from)\s+«O)", s):
            org = m.group(1) or info.ctx_org
            prefix = _clause_prefix(s, m.start())
            if org is None or _neg(s[m.start():m.end()], prefix) or CLAUSE_PREFIX_NEG.search(prefix):
                continue
            who = [(pkey(m.group(3) or m.group(6)), (m.group(2) or m.group(5)) == "Q")] + ([(pkey(m.group(4)), False)] if m.group(4) else [])
            emit("left", who, org, None,
                 date_for(info, s, m.start(), m.start(), m.end()), 0.75, False, "let-go")

