"""Pass 1 of the extractor: find entities in a sentence and rewrite it as a marked string.

Persons become «P3» (or «Q3» when reached through a pronoun), organizations «O1», dates «D2»;
pronouns, "the company" and stative "there" are resolved here (rules in ingest/coref.py).
"""
from __future__ import annotations

import re

from .coref import DEFINITE_ORG, PRONOUN, POSS_PRONOUN, PersonRegistry
from .dates import find_dates
from .extract_types import Ent, SentInfo
from .givennames import pronoun_fits
from .orgs import OrgMention, unknown_orgs


def _entities(info: SentInfo, registry: PersonRegistry, sur_re: re.Pattern[str] | None,
              published: str | None, shorts=None, si: int | None = None) -> None:
    text = info.sent.text
    orgs = info.known
    blocked = [(o.start, o.end) for o in orgs]
    names = info.names
    spans: list[Ent] = []
    for n in names:
        spans.append(Ent("P", registry.key_of(n.text), start=n.start, end=n.end))
    taken = [(e.start, e.end) for e in spans] + blocked
    if sur_re is not None:
        for m in sur_re.finditer(text):
            a, b = m.span(1)
            if any(a < e and s < b for s, e in taken):
                continue
            # a given name alone in a quotation is how a speaker calls a colleague, not a narration's subject
            quoted = text.count('"', 0, a) % 2 == 1 or text.count("“", 0, a) > text.count("”", 0, a)
            key = registry.resolve_surname(m.group(1), si, given=not quoted)
            if key:
                spans.append(Ent("P", key, start=a, end=b))
                taken.append((a, b))
    if shorts is not None:
        taken = [(e.start, e.end) for e in spans] + [(o.start, o.end) for o in orgs]
        for m in shorts[0].finditer(text):
            a, b = m.span(1)
            full = shorts[1][m.group(1)]
            if full.known and re.search(r"(?:^|[.!?:\"“]\s*)$", text[:a]) and not re.match(
                    r"['’]s\b|\s+(?:said|says|announced|has|have|had|is|was|will|hired|named|appointed|confirmed)\b", text[b:b + 12]):
                continue   # sentence-initial short form of a gazetteer org: a common word ("Together, they")
            if all(b <= s0 or a >= e0 for s0, e0 in taken):
                full = shorts[1][m.group(1)]
                orgs = orgs + [OrgMention(a, b, full.name, m.group(1), full.unit, full.known)]
        # the full name the article uses elsewhere, even where its shape alone would not do ("the
        # former Corvid AI engineer": "AI engineer" reads as an adjective)
        for full in shorts[1].values():
            a = text.find(full.surface) if full.surface and not full.known else -1
            if a >= 0 and all(a + len(full.surface) <= s0 or a >= e0 for s0, e0 in taken + [(o.start, o.end) for o in orgs]):
                orgs = orgs + [OrgMention(a, a + len(full.surface), full.name, full.surface, full.unit, False)]
    orgs = orgs + unknown_orgs(text, orgs, [(e.start, e.end) for e in spans])
    for o in orgs:
        # a legal-form suffix the name leaves out ("NVIDIA Corporation", "Lumen Inc"): part of the mention
        sfx = _LEGAL_SUFFIX.match(text, o.end) if text[o.end:o.end + 1] in (" ", ",") else None
        spans.append(Ent("O", o.name, org=o, start=o.start, end=sfx.end() if sfx else o.end))
    taken = [(e.start, e.end) for e in spans]
    for d in find_dates(text, published):
        if any(d.start < e and s < d.end for s, e in taken):
            continue
        spans.append(Ent("D", d.date or "", date=d, start=d.start, end=d.end))
    for e in spans:
        # "Ms. Dragomir": the honorific is part of the mention, so rules see the name where they expect it
        h = _HONORIFIC.search(text, max(0, e.start - 16), e.start) if e.kind == "P" else None
        if h is not None:
            e.start = h.start()
    spans.sort(key=lambda e: e.start)
    info.ents = spans


_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+(?:(?:van|von|de|der|den|da|di|du|del|la|le|ter)\s+){0,2}$")


_ITS_ROLE = (r"|\b[Ii]ts\b(?=\s+(?:(?:new|current|former|interim|acting|then|own|longtime|outgoing|incoming)\s+)?"
             r"(?:chief|head|ceo|cto|cfo|coo|cso|cpo|president|chair\w*|board|director|vp|vice|general\s+counsel|"
             r"founder|co-?founder|senior|principal|managing|executive|scientific|technical)\b)")
# "our board", "our head of research, P": the org whose post (or call, or podcast) this is
_OUR_ROLE = (r"|\b[Oo]ur\b(?=\s+(?i:(?:new|current|former|interim|acting|outgoing|incoming)\s+)?"
             r"(?i:chief|head|ceo|cto|cfo|coo|president|chair\w*|board|director|vp|vice|general\s+counsel|"
             r"senior|principal|managing|executive)\b)")
# "O has promoted her:", "O hired him as CTO": an object pronoun after a hiring verb is the person hired
_HIRED_OBJECT_BEFORE = re.compile(r"\b(?:hired|hires|promoted|promotes|named|names|appointed|appoints|tapped|taps|poached|"
                                  r"poaches|recruited|recruits|lured|lures|brought\s+(?:on|in|back)|welcomed|nabbed|signed|"
                                  r"elevated)\s+$", re.I)
_OBJECT_AFTER = re.compile(r"\s*(?:[,.;:!?]|$|\s+(?:to|as|in|on|from|away|back|last|this|earlier|after|before|over|into|"
                           r"effective|with)\b|"
                           # the title as a second object: "named him its acting chief scientist", "made her CEO"
                           r"\s+(?:its|their|our|the|«O\d+»['’]s|[A-Z][\w&-]*['’]s)\s+(?:new\s+|first\s+|permanent\s+)?(?i:interim|acting|chief|head|president|vice|senior|general|ceo|cto|cfo|coo)\b|"
                           r"\s+(?i:interim|acting|chief|president|ceo|cto|cfo|coo|head\s+of)\b)")
# "Earlier this year it brought on P": "it" as the subject of a hiring verb is an organization
_IT_HIRES = (r"|\b[Ii]t\b(?=\s+(?:has\s+|had\s+|also\s+|then\s+|recently\s+|later\s+)*(?:hired|brought\s+(?:on|in|aboard)|"
             r"named|appointed|poached|lured|recruited|promoted|tapped)\b)")
# "has joined the Board", "will step down from the Board": a release's or filing's defined term for
# its own company's board (not "the Board of Directors of O", which names its org)
_THE_BOARD = r"|\b[Tt]he\s+Board(?:\s+of\s+Directors)?\b(?!\s+of\b)(?!\s*\()"
_REFERRING = re.compile(PRONOUN.pattern + "|" + POSS_PRONOUN.pattern + "|" + DEFINITE_ORG.pattern + r"|\b(?:him|Him)\b" + _IT_HIRES +
                        r"|\bthere\b|\b(?:I|me|my|My|[Yy]ou|[Yy]our)\b" + _ITS_ROLE + _OUR_ROLE + _THE_BOARD)
_LEAVE_BEFORE = re.compile(r"\b(?:left|leaving|leaves|quit|departed|exited)\s+$", re.I)
_HIRES_AFTER = re.compile(r"\s+(?:has\s+|had\s+|also\s+|then\s+)*(?:hired|poached|recruited|lured|tapped|named|appointed|"
                          r"brought\s+(?:on|in|aboard|back)|promoted)\b")
_REPORTS_AFTER = re.compile(r"\s+(?:also\s+)?(?:said|says|announced|confirmed|added|disclosed|noted|wrote)\b")
_DASH = re.compile(r"\s*[—–]\s*|\s+-\s+|\s+--\s+")


_LEGAL_SUFFIX = re.compile(r",?\s+(?:Corporation|Corp|Incorporated|Inc|Limited|Ltd|LLC|plc|PLC|GmbH|AG)\b(?:\.(?=\s+[a-z0-9(]))?")
_FORMER_BEFORE = re.compile(r"(?<!['’]s )\b(?:former|formerly|ex-)\s*$", re.I)   # not "P's former O colleague"
_PREP_BEFORE = re.compile(r"\b(?:with|at|from|to|for|of|by|than|against|like|including|and)\s+(?:the\s+)?$", re.I)
_OBJ_BEFORE = re.compile(r"\b(?:with|to|by|from|alongside|under|for|of|than|about|replacing|succeeding|"
                         r"including|like|thanked|thanks|praised|named|hired|told|joined\s+by)\s+$", re.I)


def _referent(pool: list[Ent], pronoun: str, salient: str | None, recent: list[str]) -> str | None:
    """The person a gendered pronoun stands for: the last of `pool` (candidates in the sentence,
    in order) whose given name does not contradict it, else the salient person, else the most
    recently named person who fits. Positional choice stays the rule; gender only vetoes."""
    fit = [e for e in pool if pronoun_fits(e.key, pronoun)]
    if fit:
        return fit[-1].key
    if salient is not None and pronoun_fits(salient, pronoun):
        return salient
    other = next((k for k in reversed(recent) if pronoun_fits(k, pronoun)), None)
    return other or salient or (pool[-1].key if pool else None)


def _mark(info: SentInfo, salient: str | None, last_org: Ent | None, our_org: Ent | None = None,
          recent: list[str] | None = None, left_org: Ent | None = None) -> None:
    """Build the marked string; resolve pronouns and definite org descriptions. `recent` is
    the people named so far, oldest first, for a pronoun the salient person cannot take;
    `left_org` the org the sentence before says the person came from or left, which is the one
    "left the company" means ("P comes from O, where ... He left the company in February")."""
    recent = recent or []
    text = info.sent.text
    out: list[str] = []
    pos = 0
    ents = info.ents
    extra: list[Ent] = []

    def emit_text(seg: str, seg_start: int) -> None:
        # resolve pronouns and "the company" inside plain text
        i = 0
        pieces: list[str] = []
        for m in _REFERRING.finditer(seg):
            pieces.append(seg[i:m.start()])
            w = m.group(0)
            abs_start = seg_start + m.start()
            prev_people = [e for e in ents + extra if e.kind in "PQ" and e.end <= abs_start]
            if w in ("I", "me", "my", "My", "you", "You", "your", "Your"):
                who = info.first_person if w.lower() in ("i", "me", "my") else info.second_person
                if who:
                    extra.append(Ent("Q", who, start=abs_start, end=abs_start + len(w)))
                    tag = f"«Q{len(ents) + len(extra) - 1}»"
                    pieces.append(tag + "'s" if w.lower() in ("my", "your") else tag)
                else:
                    pieces.append(w)
            elif w.lower() in ("he", "she", "they"):
                if w.lower() == "they" and not prev_people:
                    pieces.append(w)
                    i = m.end()
                    continue
                # a subject pronoun refers back to a subject, not to a prepositional object
                # ("P, who worked with P2, said he ...": P)
                prev_people.sort(key=lambda e: e.start)
                subj_like = [e for e in prev_people if e.start < 0 or not _OBJ_BEFORE.search(text[max(0, e.start - 20):e.start])]
                key = _referent(subj_like or prev_people, w, salient, recent)
                if key:
                    e = Ent("Q", key, start=abs_start, end=abs_start + len(w))
                    extra.append(e)
                    pieces.append(f"«Q{len(ents) + len(extra) - 1}»")
                else:
                    pieces.append(w)
            elif w.lower() in ("him", "her") and _HIRED_OBJECT_BEFORE.search(seg[:m.start()]) and _OBJECT_AFTER.match(seg[m.end():]):
                key = _referent(sorted(prev_people, key=lambda e: e.start), w, salient, recent)
                if key:
                    extra.append(Ent("Q", key, start=abs_start, end=abs_start + len(w)))
                    pieces.append(f"«Q{len(ents) + len(extra) - 1}»")
                else:
                    pieces.append(w)
            elif w.lower() == "him":
                pieces.append(w)
            elif w.lower() in ("his", "her", "their"):
                nxt = seg[m.end():m.end() + 30]
                if re.match(r"\s+(?:\w+\s+)?(?:departure|exit|resignation|move|appointment|promotion|hiring|"
                            r"arrival|return|defection|jump|switch|first\s+day|last\s+day|decision\s+to\s+(?:leave|join))\b", nxt, re.I):
                    key = _referent(sorted(prev_people, key=lambda e: e.start), w, salient, recent)
                    if key:
                        extra.append(Ent("Q", key, start=abs_start, end=abs_start + len(w)))
                        pieces.append(f"«Q{len(ents) + len(extra) - 1}»'s")
                        i = m.end()
                        continue
                pieces.append(w)
            elif w.lower() == "our":
                if our_org is not None:
                    extra.append(Ent("O", our_org.key, org=our_org.org, start=abs_start, end=abs_start + len(w)))
                    pieces.append(f"«O{len(ents) + len(extra) - 1}»'s")
                else:
                    pieces.append(w)
            else:
                board = w[4:].lstrip().startswith("Board")
                prev_orgs = sorted((e for e in ents + extra if e.kind == "O" and e.end <= abs_start), key=lambda e: e.start)
                # "its" refers to the sentence's subject org, the first named; "the company"
                # to the nearest one
                if w.lower() in ("its", "it") and prev_orgs:
                    # the subject-like org: not a possessor ("OpenAI's rival") nor a preposition's object
                    subj_orgs = [e for e in prev_orgs if e.start >= 0 and not re.match(r"['’]s\b", text[e.end:e.end + 2])
                                 and not _PREP_BEFORE.search(text[max(0, e.start - 12):e.start])]
                    ref = (subj_orgs or prev_orgs)[0]
                    if not subj_orgs and last_org is not None and last_org.key != ref.key and all(
                            any(p.kind == "P" and 0 <= p.start - e.end <= 3 for p in ents) for e in prev_orgs):
                        ref = last_org   # "Brisa's P has joined its board": P's own firm is not "its"; the org in focus is
                elif prev_orgs:
                    # "the company" is the nearest org that is not a preposition's object ("O
                    # said P, former CFO of O2, joins the company's board": O); "there" is a
                    # place, a preposition's object as often as not
                    # nor one a description says the person left ("P, a former Google researcher,
                    # co-founded the company")
                    free_orgs = [e for e in prev_orgs if e.start < 0 or w.lower() == "there"
                                 or not _PREP_BEFORE.search(text[max(0, e.start - 12):e.start])
                                 and not _FORMER_BEFORE.search(text[max(0, e.start - 12):e.start])]
                    ref = free_orgs[-1] if free_orgs else last_org if last_org is not None and all(
                        _FORMER_BEFORE.search(text[max(0, e.start - 12):e.start]) for e in prev_orgs) else prev_orgs[-1]
                    if board and not free_orgs:
                        ref = our_org or last_org   # "P, a partner at O2, will leave the Board": not O2's board
                elif our_org is not None and (board or w.lower() != "there" and (_REPORTS_AFTER.match(seg, m.end())
                                                                                 or w.lower() not in ("it", "its")
                                                                                 and _HIRES_AFTER.match(seg, m.end()))):
                    # "..., the company said": the article's own company speaks, not the employer
                    # the sentence before named; so it hires ("the company poached P from O")
                    ref = our_org
                elif left_org is not None and w.lower() != "there" and _LEAVE_BEFORE.search(seg[:m.start()]):
                    ref = left_org
                else:
                    ref = last_org
                if ref is not None:
                    e = Ent("O", ref.key, org=ref.org, start=abs_start, end=abs_start + len(w))
                    extra.append(e)
                    tag = f"«O{len(ents) + len(extra) - 1}»"
                    pieces.append(tag + "'s board" if board else tag + "'s" if w.lower() == "its" else
                                  tag if w.lower() != "there" else tag + "†")
                else:
                    pieces.append(w)
            i = m.end()
        pieces.append(seg[i:])
        out.append(_DASH.sub(" , ", "".join(pieces)).replace("’", "'").replace("“", '"').replace("”", '"'))

    for idx, e in enumerate(ents):
        if e.start < pos:
            continue
        emit_text(text[pos:e.start], pos)
        out.append(f"«{e.kind}{idx}»")
        pos = e.end
        if e.kind in "OP" and text[pos:pos + 1] in ("'", "’") and text[pos - 1:pos] == "s" and text[pos + 1:pos + 2].isspace():
            out.append("'s")   # "Databricks' vice president": the possessive every rule reads as 's
            pos += 1
    emit_text(text[pos:], pos)
    info.ents = ents + extra
    s = "".join(out)
    # "there" is only an org reference in stative use ("are still there")
    s = s.replace("»†", "»")
    info.marked = s


def _restore_there(info: SentInfo) -> None:
    """Turn «O» placeholders that stand for a non-stative "there" back into plain text."""
    s = info.marked
    ents = info.ents

    def fix(m: re.Match[str]) -> str:
        idx = int(m.group(1))
        e = ents[idx]
        if info.sent.text[e.start:e.end].lower() != "there":
            return m.group(0)
        before = s[max(0, m.start() - 25):m.start()]
        if re.search(r"\b(?:is|are|was|were|remain|remains|remained|stay|stays|stayed|still|now|already|works?|worked|"
                     r"years?|months?|decades?|stint|tenure|spell)\s+$", before):
            return m.group(0)
        return "there"

    info.marked = re.sub(r"«O(\d+)»", fix, s)
