"""Posts a person keeps beside a new job: "will keep a part-time faculty appointment at
Stanford", "while keeping his chair", "will continue his position at the university".

A professor hired by a company is described at the university in the same sentence as the
hire, and the article-level rules read that as leaving it ("joining B while described at A is
leaving A"). When the article says the post is kept, the person is still there: the departure
is withdrawn and the post is a held role. The post's organization is the one the sentence names
after the post noun ("appointment at O", "his O appointment"); failing that, the academic
organization the article describes the person at (a university in the gazetteer, or a post
whose title is academic).
"""
from __future__ import annotations

import re

from .extract_types import Raw, SentInfo
from .lexicon import _clean_role
from .orgs import gazetteer

_KEEP = re.compile(
    r"«[PQ](\d+)»(?P<gap>(?:[^«.;]|«[A-Z]\d+»){0,160}?)\b(?:keep|keeps|keeping|kept|retain|retains|retaining|retained|"
    r"maintain|maintains|maintaining|continue|continues|continuing|reduc(?:e|es|ing))\s+"
    r"(?:(?:his|her|their|my|our|a|an|the|«[PQ]\d+»'s)\s+)?(?:(?:«O(?P<pre>\d+)»|[\w-]+)\s+){0,3}?"
    r"(?P<post>chair|professorship|(?:faculty\s+)?(?:appointment|position|post|seat)|affiliation|tenure|lab|role|job|functions)\b"
    r"(?:\s+(?:at|with|in)\s+(?:the\s+)?«O(?P<org>\d+)»)?", re.I)
_ACADEMIC = re.compile(r"\b(?:professor|lecturer|faculty|chair|academic|dean|teach\w*|taught)\b", re.I)
_ACADEMIC_KINDS = ("university", "institute")


def _academic_org(person: str, claims: list[Raw]) -> str | None:
    """The one academic organization the article places the person at (of several, the one
    it has the person leaving), if there is one."""
    g = gazetteer()
    orgs = {c.org for c in claims if c.person == person and c.org and (
        c.role and _ACADEMIC.search(c.role) or (g.get(c.org) is not None and g[c.org].kind in _ACADEMIC_KINDS)
        or re.search(r"\b(?:University|College|Institute|ETH|EPFL)\b", c.org))}
    if len(orgs) > 1:
        # "joined Michigan in 2014" beside "associate professor at the University of Michigan":
        # the post kept is the one the article has the person leaving
        orgs = {o for o in orgs if any(c.type == "left" and c.person == person and c.org == o for c in claims)}
    return next(iter(orgs)) if len(orgs) == 1 else None


# "will remain a professor at Stanford", "continues as an adviser to O", "will stay on at O part-time"
# (present or future only: "remained at O for six years" tells a past post)
_REMAIN = re.compile(
    r"«[PQ](\d+)»(?P<gap>(?:[^«.;]|«[DO]\d+»){0,120}?)\b(?:remain(?:s|ing)?|stay(?:s|ing)?\s+on|stay(?:s|ing)?(?=\s+(?:at|with)\b)|"
    r"continu(?:e|es|ing)(?:\s+(?:to\s+)?(?:serv(?:e|ing)|work(?:ing)?|teach(?:ing)?|lectur(?:e|ing)|research(?:ing)?))?(?=\s+(?:as|at|with|on)\b))\s+(?:on\s+)?(?:as\s+)?"
    r"(?:(?:a|an|the|its|his|her|their)\s+)?(?P<role>[^«,.;]{0,60}?)\s*\b(?:at|with|of|to|on)\s+(?:the\s+)?«O(?P<org>\d+)»"
    r"(?P<after>[^«.;]{0,40})", re.I)
_ONLY_FOR_NOW = re.compile(r"\b(?:until|till|through|before|for\s+now|for\s+the\s+time\s+being|during|to\s+(?:help|ensure|oversee)|"
                           r"while\s+(?:it|the\s+company|the\s+board)\s+(?:searches|looks))\b", re.I)
# "in addition to his role at Stanford", "alongside her professorship at O", "split his time between A and B"
_BESIDE = re.compile(
    r"«[PQ](\d+)»(?P<gap>(?:[^«.;]|«[DO]\d+»){0,160}?)\b(?:in\s+addition\s+to|alongside|besides|on\s+top\s+of|while\s+(?:keeping|retaining|holding))\s+"
    r"(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:role|post|position|professorship|chair|appointment|job|duties|work|faculty\s+\w+)\s+"
    r"(?:at|with|in)\s+(?:the\s+)?«O(\d+)»|"
    r"«[PQ](\d+)»(?P<gap2>[^«.;]{0,40}?)\bsplit(?:s|ting)?\s+(?:his|her|their)\s+time\s+between\s+(?:the\s+)?«O(\d+)»\s+and\s+(?:the\s+)?«O(\d+)»", re.I)
# "P is not leaving MIT", "P won't give up her post at O"
_NOT_LEAVING = re.compile(
    r"«[PQ](\d+)»(?:\s+(?:is|am|was|are|will|would)\s+not|['’]m\s+not|\s+(?:isn['’]t|wasn['’]t|won['’]t))\s+(?:be\s+)?"
    r"(?:leav(?:e|ing)|quit(?:ting)?|giv(?:e|ing)\s+up\s+(?:(?:his|her|their)\s+)?[\w-]*\s*(?:post|position|chair|role|job)\s+at)"
    r"\s+(?:the\s+)?«O(\d+)»", re.I)
# '"I'm not leaving MIT," she said' / 'P said: "I am not leaving MIT"'
_QUOTED_NOT_LEAVING = re.compile(
    r"\bI(?:['’]m|\s+am)\s+not\s+(?:leaving|quitting)\s+(?:the\s+)?«O(\d+)»[^«]{0,12}?«[PQ](\d+)»\s+(?:said|says|added|told)\b|"
    r"«[PQ](\d+)»\s+(?:said|says|added)\s*[,:]?\s*[\"“]\s*I(?:['’]m|\s+am)\s+not\s+(?:leaving|quitting)\s+(?:the\s+)?«O(\d+)»", re.I)


_ADVISORY = re.compile(r"\badvis(?:e|o)r|\badvisory\s+(?:capacity|role)", re.I)
# the person gives up a title and stays on as an adviser: stepping down from the title keeps the
# person at the org; leaving, retiring or resigning ends the post the advisory term follows
_STEPS_DOWN = re.compile(r"\b(?:step(?:s|ped|ping)?\s+(?:down|back|aside)|hand(?:s|ed|ing)?\s+over)\b", re.I)
_LEAVES = re.compile(r"\b(?:leav(?:e|es|ing)|left|retir\w+|resign\w*|depart\w*)\b", re.I)


# '"I will remain a professor at MIT," Vogt said': the quote's "I" is the speaker
_QUOTE_SPEAKER = re.compile(r"^\W*[\"“](?P<q>[^\"”]{4,300}?)[\"”]\s*,?\s*«(?P<k>[PQ])(?P<p>\d+)»\s+(?:said|says|added|told)\b")


def _speaker_marked(info: SentInfo) -> str:
    """The marked sentence with a quote's first person replaced by its speaker's mark."""
    s = info.marked
    m = _QUOTE_SPEAKER.match(s) if s[:3].lstrip().startswith(('"', "“")) else None
    if m is None:
        return s
    tag = f"«{m.group('k')}{m.group('p')}»"
    q = re.sub(r"\bI(?:['’]m|\s+am)\b", f"{tag} is", m.group("q"))
    q = re.sub(r"\bI(?:['’]ll)\b", f"{tag} will", q)
    q = re.sub(r"\bI\b", tag, q)
    q = re.sub(r"\bmy\b", "his", q)
    return s[:m.start("q")] + q + s[m.end("q"):]


def _stated_kept(info: SentInfo) -> list[tuple[int, int, str | None]]:
    """(person index, org index, role) for each post the sentence says is kept without the
    word "keep": a post remained in, one continued as, one the person says they are not leaving.
    An advisory post remained in "through June" is still one: the term is the adviser's."""
    s = _speaker_marked(info)
    out: list[tuple[int, int, str | None]] = []
    low = s.lower()
    if any(w in low for w in ("remain", "stay", "continu")):
        for m in _REMAIN.finditer(s):
            advisory = _ADVISORY.search(m.group("role") + m.group("after"))
            if re.search(r"\b(?:not|never|n't)\b", m.group("gap")) or not advisory and _ONLY_FOR_NOW.search(m.group("after")) or \
                    re.search(r"«[PQ]\d+»", m.group("gap")):
                continue
            role = "adviser" if advisory else _clean_role(m.group("role").strip()) if m.group("role").strip() else None
            out.append((int(m.group(1)), int(m.group("org")), role))
    if any(w in low for w in ("in addition to", "alongside", "besides", "on top of", "while keeping", "while retaining",
                              "while holding", "split")):
        for m in _BESIDE.finditer(s):
            if re.search(r"«[PQ]\d+»|\b(?:not|never|n't)\b", m.group("gap") or m.group("gap2") or ""):
                continue
            if m.group(1):
                out.append((int(m.group(1)), int(m.group(3)), None))
            else:
                out.extend((int(m.group(4)), int(m.group(i)), None) for i in (6, 7))
    if ("not " in low or "n't" in low or "n’t" in low) and ("leav" in low or "quit" in low or "giv" in low):
        for m in _NOT_LEAVING.finditer(s):
            out.append((int(m.group(1)), int(m.group(2)), None))
        for m in _QUOTED_NOT_LEAVING.finditer(s):
            out.append((int(m.group(2) or m.group(3)), int(m.group(1) or m.group(4)), None))
    return out


def kept_posts(infos: list[SentInfo], claims: list[Raw]) -> list[Raw]:
    """`claims` without the departures from posts the article says are kept, plus a held role
    for each such post."""
    kept: dict[tuple[str, str], tuple[int, str | None]] = {}
    for si, info in enumerate(infos):
        s = info.simple or info.marked
        for pi, oi, role in _stated_kept(info) if "«O" in s else ():
            kept.setdefault((info.ents[pi].key, info.ents[oi].key), (si, role))
        if not re.search(r"\b(?:keep|kept|retain|maintain|continu|reduc)", s, re.I):
            continue
        for m in _KEEP.finditer(_speaker_marked(info)):
            person = info.ents[int(m.group(1))].key
            others = {info.ents[int(x)].key for x in re.findall(r"«[PQ](\d+)»", m.group("gap"))} - {person, info.first_person}
            if others or re.search(r"\b(?:not|never|n't)\b", m.group("gap")):
                continue   # another person's post, or one not kept ("told me" is the writer, no subject)
            idx = m.group("org") or m.group("pre")
            org = info.ents[int(idx)].key if idx is not None else _academic_org(person, claims)
            if org:
                kept.setdefault((person, org), (si, None))
    # an adviser's post remained in by someone stepping down is a new title there, not a post
    # kept beside another job: the departure from the title stands
    def told(pat: re.Pattern[str], person: str) -> bool:
        return any(pat.search(i.sent.text) and any(e.key == person for e in i.ents) for i in infos)

    for (person, org), (si, role) in list(kept.items()):
        if role != "adviser" or not (told(_STEPS_DOWN, person) or told(_LEAVES, person)):
            continue
        del kept[(person, org)]
        if not told(_STEPS_DOWN, person):
            continue   # the departure stands; the advisory term after it is no membership (rosters)
        date = next((c.date for c in claims if c.type == "left" and c.person == person and c.org == org and c.date), None)
        # the title given up is no departure from the org: the person stays on, as an adviser
        claims = [c for c in claims if not (c.type == "left" and c.person == person and c.org == org)]
        claims.append(Raw("role_changed", person, org, role, date, si, infos[si].sent.text, 0.65, True, None, "advisory"))
    if not kept:
        return claims
    out = [c for c in claims if not (c.type == "left" and (c.person, c.org) in kept)]
    for (person, org), (si, role) in kept.items():
        if not any(c.type in ("held_role", "joined", "role_changed") and c.person == person and c.org == org for c in out):
            role = role or next((c.role for c in claims if c.person == person and c.org == org and c.role), None)
            out.append(Raw("held_role", person, org, role, None, si, infos[si].sent.text, 0.7, True, None, "kept"))
    return out


_ON_LEAVE = re.compile(r"\b(?:on\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:leave|sabbatical|secondment)|"
                       r"leave\s+of\s+absence|sabbatical|secondment|on\s+loan)\b", re.I)
_GAVE_UP = re.compile(r"\b(?:resign\w*|quit|never\s+(?:came|went)\s+back|did\s+not\s+return|gave\s+up)\b", re.I)


def on_leave(text: str, following: list[str]) -> bool:
    """A join told as a leave ("will join B on a two-year leave", "a leave of absence",
    "a sabbatical") keeps the post held, unless the sentences that follow say it was given up
    ("He never came back: he resigned his tenured post")."""
    return bool(_ON_LEAVE.search(text)) and not any(_GAVE_UP.search(t) for t in following)
