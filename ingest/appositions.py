"""Affiliations from appositions and role modifiers ("P, ROLE at O,", "O's ROLE P", "P (O ROLE)",
"P is ROLE at O"), and the cut of appositions out of the sentence so that the verb after
them finds its subject next to it (SentInfo.simple).
"""
from __future__ import annotations

import re

from .extract_types import Affil, Ent, SentInfo
from .lexicon import O, ROLE_HEAD, ROLE_PHRASE, ROLE_WORD, TITLE, _WS, _clean_role

# ----------------------------------------------------------------------------- appositions
_APPOS_START = re.compile(
    # ("P, a senator, on whether O had ...": a question's topic, no description)
    rf"^\s*(?!(?:on|about|over|as\s+to)\s+(?:whether|how|why|what|when|if)\b)(?:(?:the|a|an|its|his|her|another|fellow|until\s+recently|most\s+recently|"
    rf"formerly|previously|former|ex-|onetime|one-time|erstwhile|longtime|veteran|who|whose|one\s+of|(?:both|all)\s+(?:still\s+|now\s+|currently\s+)?(?:at|with)|(?:both|all)\s+(?:formerly|previously|once|until\s+recently)\s+(?:at|with|of)\b|(?:two|three|four|five|six|both)\s+(?:other\s+|former\s+|fellow\s+)?(?:«O\d+»\s+)?[a-z-]+s\b)\b|(?:now|currently|then)\s+(?:the\s+|a\s+|an\s+|{ROLE_WORD}\b)|"
    rf"«O\d+»|ex-(?=«O)|(?:now|currently)\s+(?:at\s+|with\s+)?(?=«O)|{ROLE_WORD}\b)", re.I)


def _person_idx(ents: list[Ent], m: str) -> Ent:
    return ents[int(m)]


_LEADS_CUE = re.compile(r"\b(?:leads|runs|heads|manages|oversees|directs|co-leads)\b")


def _appositions(info: SentInfo) -> None:
    """Collect affiliations from appositions / role modifiers and cut appositions out."""
    s = info.marked
    ents = info.ents
    if "«P" not in s:
        info.simple, info.affils = _WS.sub(" ", s), []
        return
    affs: list[Affil] = []
    cut: list[tuple[int, int, int]] = []  # (start, end, person index) of removed appositions

    def org_of(idx: str) -> Ent:
        return ents[int(idx)]

    def add(pidx: str, oidx: str | None, role: str | None, seg: str, conf: float) -> None:
        pe = ents[int(pidx)]
        if pe.kind != "P":
            return
        if oidx is None:
            return
        oe = org_of(oidx)
        former = bool(re.search(r"\b(?:former|formerly|previous|previously|onetime|one-time|erstwhile|until\s+recently|then-)\b|\bex-|"
                                r"^\s*then\s+(?:a|an|the)\s", seg, re.I)
                     # "P, who left O in 2020": O, not the org of a second verb ("who left in May and turned up at O")
                     or re.search(rf"\bwho\s+(?:had\s+|has\s+|just\s+|recently\s+)*(?:left|quit|departed|exited|resigned)\b"
                                  rf"(?:(?!\band\b)[^«]|«D\d+»){{0,30}}«O{oidx}»", seg, re.I)
                     # "P, who came from O last spring": O, not an org the same apposition names beside it,
                     # nor a site of O ("moved from O's London office")
                     or re.search(rf"\bwho\s+(?:had\s+|has\s+)?(?:came|moved|arrived|defected|switched)\s+(?:over\s+)?from\s+"
                                  rf"(?:the\s+)?«O{oidx}»(?!'s)", seg, re.I))
        past = bool(re.search(r"\bwho\s+(?:had\s+)?(?:led|headed|ran|worked|served|was|spent|oversaw|managed|directed|built|joined|founded|co-founded)\b", seg, re.I))
        founder = bool(re.search(r"\b(?:co-?)?found(?:er|ing|ed)\b", seg, re.I)) and not re.search(
            r"\b(?:and|,)\s+(?:the\s+)?(?:chief|ceo|cto|cfo|coo|president|head|director|chair\w*|lead|vp|"
            r"vice|managing|general|executive|scientist|researcher|engineer)\b", seg, re.I)
        if role:
            role = re.sub(rf"\s+(?:at|of|for|with|in)\s+«O{oidx}»(?:'s)?\s*$", "", role.strip())
            role = re.sub(rf"^\s*«O{oidx}»(?:'s)?\s+", "", role)
            role = re.sub(r"«O(\d+)»", lambda mm: ents[int(mm.group(1))].org.surface if ents[int(mm.group(1))].org else "", role)
        r = _clean_role(role)
        if r is None and re.search(r"\bwho\s+(?:currently\s+|now\s+)?(?:leads|heads|runs|led|headed|ran|oversees|oversaw|manages|managed|directs|directed)\s+«O\d+»(?:'s)?\s+([^,;«]{2,50})", seg, re.I):
            mm = re.search(r"\bwho\s+(?:currently\s+|now\s+)?(?:leads|heads|runs|led|headed|ran|oversees|oversaw|manages|managed|directs|directed)\s+«O\d+»(?:'s)?\s+([^,;«]{2,50})", seg, re.I)
            r = _clean_role("head of " + mm.group(1))
        end_date = None
        um = re.search(r"\buntil\s+(?:the\s+end\s+of\s+)?«D(\d+)»", seg)
        if um and past and int(um.group(1)) < len(ents) and ents[int(um.group(1))].date is not None \
                and ents[int(um.group(1))].date.date and not ents[int(um.group(1))].date.future:
            # "P, who led research at O until last December": a former post, ended then
            former, past, end_date = True, False, ents[int(um.group(1))].date
        affs.append(Affil(pe.key, oe.key, r, former, founder, past, conf, oe.org.unit if oe.org else None, end_date))

    # 1. "P, SEG, SEG," appositions and "P (SEG)" parentheticals
    for m in re.finditer(r"«P(\d+)»(?:'s)?", s):
        pidx = m.group(1)
        pos = m.end()
        start_cut = pos
        end_cut = pos
        # parenthetical
        pm = re.match(r"\s*\(([^()]{1,120})\)", s[pos:])
        if pm:
            seg = pm.group(1)
            om = re.search(O, seg)
            if om and ";" in seg:
                # "(Research Lead, O1; formerly O2)", "(Lead, O1; joining O2 in D)": one part each
                for part in seg.split(";"):
                    pom = re.search(O, part)
                    if not pom:
                        continue
                    jm = re.match(r"\s*(?:joining|will\s+join|to\s+join|incoming\s+at|starting\s+at)\s+", part, re.I)
                    if jm:
                        info.rel_clauses.append(f"«P{pidx}» will join {part[jm.end():].strip()}")
                        continue
                    add(pidx, pom.group(1), re.sub(rf"\s*,?\s*«O{pom.group(1)}»\s*,?\s*", " ", part).strip(), part, 0.85)
            elif om:
                role = re.sub(rf"\s*,\s*«O{om.group(1)}»\s*$|^\s*«O{om.group(1)}»\s*,\s*", "", seg)
                add(pidx, om.group(1), role, seg, 0.85)
            elif ROLE_HEAD.search(seg) and not seg.startswith("@"):
                prev = [mm.group(1) for mm in re.finditer(O, s[:m.start()])]
                if prev:
                    add(pidx, prev[-1], seg, seg, 0.6)
            end_cut = pos + pm.end()
            cut.append((start_cut, end_cut, int(pidx)))
            continue
        if m.group(0).endswith("'s"):
            continue
        q = pos
        segs: list[str] = []
        while True:
            cm = re.match(r"\s*,\s*", s[q:])
            if not cm:
                break
            rest = s[q + cm.end():]
            em = re.search(r"\s*(?:,|;|$)", rest)
            seg = rest[:em.start()] if em else rest
            if not seg or re.match(r"\s*(?:and\s+)?«[PQ]\d+»", seg) or re.match(rf"\s*and\s+{ROLE_PHRASE}\s+«[PQ]\d+»", seg, re.I):
                break   # "P, O's CEO, and chief scientist Q will join": a second subject, not a description
            if not _APPOS_START.match(seg if not segs else re.sub(r"^\s*and\s+", "", seg)):
                break
            if re.match(r"\s*(?:is|are|was|were|has|have|had|will|would|said|says|told|added|can|could|may|might|did|does|do)\b", seg, re.I):
                break
            if segs and re.match(r"\s*and\s+(?:its|his|her|their|the)\s+[^«]{0,40}?\b(?:has|have|had|is|are|was|were|will|would)\s", seg, re.I):
                break   # "P, who came from A, and its lab has been filling up with ...": a new clause
            if re.match(r"\s*(?:and\s+)?(?:the|a|an)\s+(?:company|firm|lab|startup)\s+(?:said|says|announced|confirmed)", seg, re.I):
                break
            # a lowercase verb-looking start ends the apposition ("announced", "said")
            first = seg.strip().split(" ", 1)[0]
            if first.islower() and first.endswith(("ed", "s")) and not ROLE_HEAD.fullmatch(first) \
                    and first not in ("as", "its", "his", "was", "has", "is", "the", "also", "now", "former", "ex-", "whose", "this") \
                    and not re.match(r"\w+ing", first):
                if not re.match(r"(?:and\s+)?(?:the|a|an)\b", seg):
                    break
            segs.append(seg)
            q = q + cm.end() + len(seg)
            if len(segs) >= 4:
                break
        if not segs:
            continue
        coord = _coordinated_before(s, m.start())
        for k, seg in enumerate(segs):
            nm = re.match(r"\s*(?:and\s+)?(?:now|currently)\s+(?:at\s+|with\s+)?«O(\d+)»\s*$", seg)
            if nm and k > 0 and any(_FORMER_SEG.match(x) for x in segs[:k]):
                # tracker shape "P — ex-A, now B": a move to B
                info.rel_clauses.append(f"«P{pidx}» joined «O{nm.group(1)}»")
            plural = bool(coord) and bool(_PLURAL_APPOS.match(seg))
            wm = re.search(r"\bwho\s+", seg)
            if wm:
                # a relative clause is a clause of its own whose subject is the head (all
                # coordinated heads when the apposition is plural: "A and B, two ... who are")
                heads = (coord + [pidx]) if plural else [pidx]
                info.rel_clauses.append(" and ".join(f"«P{h}»" for h in heads) + " " + seg[wm.end():])
            om2 = re.search(O, seg) if plural else None
            if om2:
                for h in coord:
                    add(h, om2.group(1), seg, seg, 0.8)
            role_src = seg
            om = re.search(rf"{O}(?:'s)?", seg)
            if om:
                # "partner at O1 and a member of O2's board": one post at each
                # ("a former O1 engineer who now leads pretraining at O2": a second, current post)
                parts = [x for part in _AND_POST.split(seg) for x in _WHO_ALSO.split(part)] if seg.count("«O") > 1 else [seg]
                for part in parts:
                    pm = re.search(rf"{O}(?:'s)?", part)
                    if pm and _DENIED_POST.search(part[:pm.start()]):
                        continue   # "P, who is not joining O," / "who turned down an offer from O": no post at O
                    if pm:
                        add(pidx, pm.group(1), part, seg if len(parts) == 1 else part, 0.85)
            elif k == 0 and TITLE.search(seg) and re.match(rf"\s*(?:the\s+)?{ROLE_PHRASE}\s*$", seg, re.I):
                prev = [mm.group(1) for mm in re.finditer(O, s[:m.start()])]
                oidx = prev[-1] if prev else info.ctx_org
                if oidx is not None:
                    add(pidx, oidx, role_src, seg, 0.5)
            elif k == 0 and (wc := _WHO_IS_ROLE.match(seg)) and ROLE_HEAD.search(wc.group(1)):
                # "O named P, who is vice principal researcher, as ...": a post at the org just named
                prev = [mm.group(1) for mm in re.finditer(O, s[:m.start()])]
                if prev:
                    add(pidx, prev[-1], wc.group(1), wc.group(1), 0.5)
        # a closing comma before the predicate goes with the apposition: "P, who left A, is CTO"
        cm2 = re.match(r"\s*,(?=\s+(?:is|was|are|were|has|had|remains|serves|served|works|worked)\b)", s[q:])
        if cm2:
            q += cm2.end()
        cut.append((start_cut, q, int(pidx)))

    # 2. "O's ROLE P", "O ROLE P", "former O ROLE P"
    for m in re.finditer(rf"((?:former|ex-|onetime|then-)\s+)?«O(\d+)»('s)?\s+((?:former\s+|ex-)?{ROLE_PHRASE})\s+«P(\d+)»", s, re.I):
        role = m.group(4)
        if not ROLE_HEAD.search(role):
            continue
        seg = (m.group(1) or "") + role
        add(m.group(5), m.group(2), role, seg, 0.85)
    # org-less title before a name ("chief executive Jensen Huang said"): the org in focus
    ctx = info.ctx_org
    for m in re.finditer(rf"(?:^|[,;:\"(]\s*|\b(?:and|said|says|by|with|from|that|later|earlier|former|ex-|includes?|including)\s+)((?:former\s+|ex-)?{ROLE_PHRASE})\s+«P(\d+)»", s, re.I):
        role = m.group(1)
        if not TITLE.search(role) or re.search(r"«", role):
            continue
        if role[:1].islower() and re.search(r"\binclud\w*\s+$", s[max(0, m.start(1) - 12):m.start(1)]):
            continue   # "employees including chief executive P": a list, not a team roster's Title Case
        # not an org that is another person's modifier ("O executive P2 ..., with co-founder P")
        # nor one inside another person's closed parenthesis ("CEO P (ex-O) and chief scientist P2")
        prev = [mm.group(1) for mm in re.finditer(O, s[:m.start(1)])
                if not re.match(rf"(?:'s)?\s+(?:{ROLE_PHRASE}\s+)?«P(?!{m.group(2)}»)\d+»", s[mm.end():], re.I)
                and not (s.count("(", 0, mm.start()) > s.count(")", 0, mm.start()) and ")" in s[mm.end():m.start(1)])]
        oidx = prev[-1] if prev else ctx
        if re.match(r"and\s", role, re.I) or re.search(r"\band\s+$", s[max(0, m.start(1) - 5):m.start(1)]):
            # "O chief executive P will ..., and CTO P2 will ...": a title parallel to the first is at its org
            role = re.sub(r"^and\s+", "", role, flags=re.I)
            par = [mm.group(1) for mm in re.finditer(rf"«O(\d+)»(?:'s)?\s+{ROLE_PHRASE}\s+«P(?!{m.group(2)}»)\d+»", s[:m.start(1)], re.I)]
            oidx = par[0] if par else oidx
        if oidx is not None:
            add(m.group(2), oidx, role, role, 0.5)
    # a possessive title set off by a comma: "its former president, P," / "O's new CTO, P,"
    for m in re.finditer(rf"(?:\bits|\btheir|«O(\d+)»'s)\s+((?:former\s+|previous\s+|ex-|new\s+|then-)?{ROLE_PHRASE}),\s+«P(\d+)»", s, re.I):
        role = m.group(2)
        if not TITLE.search(role) or "«" in role:
            continue
        oidx = m.group(1)
        if oidx is None:
            prev = [mm.group(1) for mm in re.finditer(O, s[:m.start()])]
            oidx = prev[-1] if prev else ctx
        if oidx is not None:
            add(m.group(3), oidx, role, role, 0.7)
    # "former ROLE of O P" is rare; "ex-O P"
    for m in re.finditer(rf"\bex-«O(\d+)»\s+(?:{ROLE_PHRASE}\s+)?«P(\d+)»", s, re.I):
        add(m.group(2), m.group(1), None, "former", 0.7)
    # 3. "O's P" (no role), "P of O"
    for m in re.finditer(rf"«O(\d+)»'s\s+«P(\d+)»", s):
        add(m.group(2), m.group(1), None, "", 0.7)
    for m in re.finditer(rf"«P(\d+)»\s+(?:of|(?:away\s+)?from)\s+«O(\d+)»(?!'s)", s):
        before = s[max(0, m.start() - 40):m.start()]
        if re.search(r"\b(?:under|with|by|advis\w+|supervis\w+)\s*$", before, re.I):
            continue
        # "brought on P from O", "lured P away from O": where the hire came from, a post left
        hired = " from" in m.group(0) and (" away " in m.group(0) or _HIRED_BEFORE.search(before))
        add(m.group(1), m.group(2), None, "former" if hired else "", 0.6)
    # 4. copular / work predicates: "P is ROLE at O", "P works at O", "P, a researcher at O"
    for m in re.finditer(
            rf"«P(\d+)»\s+(?:(?:currently|now|still|also)\s+)?(is|was|serves\s+as|served\s+as|works\s+as|worked\s+as|"
            rf"remains|has\s+been|had\s+been)\s+(?:(?:still|now|currently|also)\s+)?(?:(?:the|a|an|its)\s+)?((?:former\s+)?{ROLE_PHRASE})\s+(?:at|of|for|with|in)\s+«O(\d+)»",
            s, re.I):
        past = m.group(2).lower() in ("was", "served as", "worked as", "had been")
        seg = ("who was " if past else "") + m.group(3)
        add(m.group(1), m.group(4), m.group(3), seg, 0.8)
    # "P is O's new chief revenue officer (from O2)", "P is O's first general counsel": a hire
    # told as a state; the parenthesis names where P came from
    for m in re.finditer(rf"«P(\d+)»\s+is\s+(?:now\s+)?«O(\d+)»'s\s+(?:new|first|first-ever|incoming|newest)\s+([^.;,(«]{{2,60}}?)"
                         rf"(?=\s*[.;,(]|\s*$)(\s*\(\s*(?:from|ex-|formerly\s+(?:at\s+)?)\s*«O(\d+)»\s*\))?", s):
        if TITLE.search(m.group(3)):
            info.rel_clauses.append(f"«P{m.group(1)}» joined «O{m.group(2)}» as {m.group(3).strip()}")
            if m.group(5):
                info.rel_clauses.append(f"«P{m.group(1)}» left «O{m.group(5)}»")
    # "P, 33, is a former O ROLE who co-founded O2": a past post, and the relative clause is P's
    # own predicate, so the copula and its noun are cut for the verb rules
    for m in re.finditer(rf"«P(\d+)»(\s*,\s*\d{{2}}\s*,)?\s+(?:is|was)\s+(?:a|an)\s+(former|ex-)\s*«O(\d+)»\s+({ROLE_PHRASE})(\s+who\s+(?=[a-z]))?", s):
        if not ROLE_HEAD.search(m.group(5)):
            continue
        add(m.group(1), m.group(4), m.group(5), m.group(3), 0.8)
        if m.group(6):
            cut.append((m.start(2) if m.group(2) else m.end(1) + 1, m.end() - 1, int(m.group(1))))
    for m in re.finditer(rf"«P(\d+)»\s+(?:(?:currently|now|still|also)\s+)?(works|worked|is|was|remains|stays|stayed|remained)\s+(?:still\s+|now\s+)?(?:at|for|with)\s+«O(\d+)»", s, re.I):
        past = m.group(2).lower() in ("worked", "was", "stayed", "remained")
        add(m.group(1), m.group(3), None, "who was" if past else "", 0.75)

    # remove appositions for the verb rules (leave a space)
    if cut:
        parts = []
        last = 0
        for a, b, _ in sorted(cut):
            if a < last:
                continue
            parts.append(s[last:a])
            last = b
        parts.append(s[last:])
        simple = "".join(parts)
        simple = re.sub(r"\s*,\s*,", ",", simple)
    else:
        simple = s
    # "P, who VERB..." relative clauses are removed above; "P's" stays
    simple = _WS.sub(" ", simple)
    # a transcript label with a title and no org ("P - Head of Investor Relations: ..."): the
    # speaker is at the org the transcript is about
    lm = re.match(r"^\W{0,3}«P(\d+)»\s*(?:,|\()\s*([^:«()]{2,60}?)\s*\)?\s*:\s", s) if ":" in s else None
    if lm and info.ctx_org is not None and ROLE_HEAD.search(lm.group(2)) and \
            not any(a.person == ents[int(lm.group(1))].key for a in affs):
        add(lm.group(1), info.ctx_org, lm.group(2), lm.group(2), 0.6)
    # "P (now) leads the safety team at O": a current post at O
    for m in (re.finditer(r"«P(\d+)»\s*,?\s+(?:now\s+|currently\s+|still\s+)?(?:leads|runs|heads|manages|oversees|directs|co-leads)\s+"
                          r"(?:the\s+|its\s+|a\s+|an\s+)?[^,.;«]{2,50}?\s+(?:at|for|in)\s+«O(\d+)»", simple, re.I)
              if _LEADS_CUE.search(simple) else ()):
        add(m.group(1), m.group(2), None, "", 0.7)
    # "P has not left O" (a denied departure): still at O
    if " not " in simple or "n't" in simple:
        for m in re.finditer(r"«P(\d+)»\s+(?:has|had|did)\s*(?:not|n't)\s+(?:left|leave|quit|departed|depart)\s+(?:the\s+)?«O(\d+)»", simple, re.I):
            add(m.group(1), m.group(2), None, "", 0.7)
    # "P remains on O's board"; "O is led by P and (by) P2"
    for m in (re.finditer(r"«P(\d+)»\s+(?:still\s+)?(?:remains|stays|sits|serves|is\s+still)\s+on\s+«O(\d+)»'s\s+board\b", simple, re.I)
              if "board" in simple else ()):
        add(m.group(1), m.group(2), "board member", "board member", 0.75)
    for m in (re.finditer(r"«O(\d+)»\s+(?:is|are|was|will\s+be)\s+(?:now\s+|currently\s+|jointly\s+)?(?:led|run|headed|co-led)\s+by\s+", simple, re.I)
              if " by " in simple else ()):
        rest = simple[m.end():m.end() + 200]
        rest = re.split(r"[.;]", rest, maxsplit=1)[0]
        for pm in re.finditer(r"«P(\d+)»", rest):
            before = rest[:pm.start()]
            if pm.start() == 0 or re.search(r"(?:,|\band|\bby)\s+(?:(?:former|ex-|[\w-]+|«O\d+»)\s+){0,5}$", before):
                add(pm.group(1), m.group(1), None, "", 0.7)
    # org-less copular titles once appositions are cut: "P is CTO.", "P, formerly X, is a
    # co-founder." The org is the one named before in the sentence, else the one in focus
    # ("its" or an earlier sentence); a founder title is a founding (joined), stated as a clause.
    for m in re.finditer(rf"«P(\d+)»\s+(?:(?:currently|now|still|also)\s+)?(?:is|remains|has\s+been|serves\s+as)\s+"
                         rf"(?:(?:still|now|currently|also)\s+)?(?:(?:the|a|an|its)\s+)?({ROLE_PHRASE})\s+(?:at|of|for|with)\s+«O(\d+)»", simple, re.I):
        if m.start() > 0 and any(a.person == ents[int(m.group(1))].key and a.org == ents[int(m.group(3))].key for a in affs):
            continue
        add(m.group(1), m.group(3), m.group(2), m.group(2), 0.8)
    for m in re.finditer(rf"«P(\d+)»\s+(?:(?:currently|now|still|also)\s+)?(?:is|remains|has\s+been|had\s+been|serves\s+as)\s+"
                         rf"(?:(?:still|now|currently|also)\s+)?(?:(the|a|an|its|their)\s+)?({ROLE_PHRASE})\s*(?=[.;!]|,\s|$)", simple, re.I):
        role = m.group(3)
        if not TITLE.search(role) or "«" in role or re.match(r"(?:former|ex-)", role, re.I):
            continue
        prev = [mm.group(1) for mm in re.finditer(O, simple[:m.start()])]
        oidx = prev[-1] if prev and (m.group(2) or "").lower() not in ("its", "their") else (prev[-1] if prev else info.ctx_org)
        if oidx is None or any(a.person == ents[int(m.group(1))].key and a.org == ents[int(oidx)].key and (a.past or a.former)
                               for a in affs):
            continue   # "P, who led the project inside O, is the chief executive": not O's
        if re.fullmatch(r"(?:co-?)?founder", role.strip(), re.I):
            verb = "co-founded" if role.lower().startswith("co") else "founded"
            info.rel_clauses.append(f"«P{m.group(1)}» {verb} «O{oidx}»")
        else:
            add(m.group(1), oidx, role, role, 0.6)
    info.simple = simple
    info.affils = affs


_HIRED_BEFORE = re.compile(r"\b(?:brought\s+(?:on|in|aboard)|bring\w*\s+(?:on|in)|hired|hires|poached|poaches|lured|lures|"
                           r"recruited|recruits|signed|nabbed|snagged)\s+$", re.I)
_WHO_ALSO = re.compile(r"\s+who\s+(?:now\s+|also\s+|currently\s+|still\s+)*(?=(?:leads|runs|heads|teaches|works|oversees|manages|"
                       r"directs|lectures)\b[^«]{0,60}\b(?:at|for|with)\s+(?:the\s+)?«O)")
_AND_POST = re.compile(r"\s+and\s+(?=(?:a|an|the)\s+[^«,;]{0,40}\b(?:of|at|on|with)\s+(?:the\s+)?«O)")
_WHO_IS_ROLE = re.compile(rf"\s*who\s+(?:is|has\s+been)\s+(?:currently\s+|now\s+)?(?:the\s+|a\s+|an\s+|its\s+)?({ROLE_PHRASE})\s*$", re.I)
_PLURAL_APPOS = re.compile(r"\s*(?:the\s+|all\s+|both\s+)?(?:trio|pair|duo|quartet|both|all|two|three|four|five|"
                           r"six|\w+\s+(?:and|&)\s+\w+)\b|[^,;]*\bwho\s+(?:are|were|have|had\s+both|both|all|each|together)\b", re.I)


# an apposition that denies or refuses the post it names
_DENIED_POST = re.compile(r"\b(?:not|never|turned\s+down|turning\s+down|declined|declining|rejected|refused|spurned|"
                          r"passed\s+on|rebuffed)\b|n't\b", re.I)
_FORMER_SEG = re.compile(r"\s*(?:formerly|previously|former|ex-|onetime|until\s+recently)\b|\s*ex-«O", re.I)


def _coordinated_before(s: str, pos: int) -> list[str]:
    """Indices of persons coordinated immediately before `pos` ("A, B and" + C), in order."""
    out: list[str] = []
    left = s[:pos]
    while True:
        m = re.search(r"«P(\d+)»\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$", left)
        if not m:
            break
        out.insert(0, m.group(1))
        left = left[:m.start()]
    return out
