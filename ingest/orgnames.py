"""Names the article itself shows to be organizations, recognized wherever it uses them.

A new startup ("Lanternfish", "Cinderpath") is in no gazetteer and its name has no company
word, so its shape alone says nothing; but the article says what it is somewhere: "X has
raised $40 million", "X, the agent-reliability startup", "X is a spin-out", "spins out X",
"to start her own company, X", "Before X she was CFO at Y", "we started X because ...",
"a former X executive", "X is now run by P", a roundup item "- X: P joins as ...". A name placed in such a slot
once is an organization in every sentence of the article, including the headline and the
sentences before the cue, and a person-name reading of it ("Parallax Motion") gives way.
"""
from __future__ import annotations

import re

from .names import NOT_NAME
from .orgs import COMPANY_SUFFIXES, OrgMention, _renames, canonical_org, known_orgs

_SUFFIXES = "|".join(re.escape(w) for w in sorted(COMPANY_SUFFIXES, key=len, reverse=True))
_NAME = r"((?:[A-Z][\w&'’-]+)(?:\s+[A-Z][\w&'’-]+){0,2})"
_KIND = r"(?:start-?up|spin-?out|spin-?off|company|firm|lab|laboratory|maker|developer|provider|venture\s+firm)(?!['’])"
# words that make an apposition describe a person ("P, the chief executive of startup X") rather than X
_NOT_MODIFIER = (r"(?:of|at|for|with|who|which|whose|and|chief|officer|director|partner|president|head|vice|"
                 r"researcher|engineer|scientist|founder|co-founder|executive|member|professor|employee|manager)\b")
_RAISED = re.compile(rf"(?<![\w&'’-]){_NAME}\s+(?:has\s+|have\s+|had\s+)?(?:raised|closed|secured|landed)\s+(?:an?\s+)?(?:\$|€|£|US\$)")
_IS_KIND = re.compile(rf"(?<![\w&'’-]){_NAME}(?:\s*,\s*[^,.;]{{1,30}},)?\s+(?:is|was)\s+(?:now\s+)?(?:an?|the)\s+(?:[\w-]+\s+){{0,4}}?"
                      rf"(?:start-?up|spin-?out|spin-?off)\b")
_AFTER_CUE = re.compile(
    rf"\b(?:spins?|spun|spinning)\s+(?:out|off)\s+{_NAME}|"
    rf"\b(?:start|starting|started|starts|found|founded|founding|launch|launched|launching)\s+(?:(?:her|his|their|a|an)\s+)?(?:own\s+)?"
    rf"(?:company|start-?up|lab|firm)\s*,\s*{_NAME}|"
    rf"(?<![Tt]he\s)(?<![Ii]ts\s)\b(?:start-?up|company|spin-?out|firm|lab)\s+(?:called|named)\s+{_NAME}|"   # ("the company named P CTO": a verb)
    rf"\b(?:Before|Prior\s+to)\s+(?:joining\s+)?{_NAME},?\s+(?:he|she|they|I|we)\s+(?:was|were|worked|spent|led|ran|had)\b|"
    # "Lior and I started Saltmarsh because ...", "she co-founded Quillmark in 2021 with ...": what is founded
    rf"\b(?:co-?founded|founded|started)\s+{_NAME}\s+(?=because\b|in\s+(?:19|20)\d\d\b|with\b|after\b|as\s+an?\b)|"
    # "a former Genentech executive": what a former employee worked for
    rf"\b(?:former|ex-)\s*{_NAME}\s+(?=(?:executive|exec|engineer|researcher|scientist|director|manager|employee|staffer|"
    rf"official|lawyer|banker|analyst|designer|vice\s+president|chief)\b)")
# a release's own legal name or listing ("Acme, Inc. (NASDAQ: ACME)", "--Acme Corp.") and its
# boilerplate heading ("About Acme" on a line of its own): an organization, wherever it is named
_LEGAL = re.compile(rf"(?<![\w&'’])(?<!\w-){_NAME}(?:,\s*(?:Inc|Corp|Ltd|LLC|plc|GmbH|S\.A|N\.V)\b\.?|"
                    rf"(?:,?\s*(?:Inc|Corp|Ltd|LLC|plc)\.?)?\s*\((?:NASDAQ|NYSE|LSE|TSX|Nasdaq|NYSE\s+American)\s*:)")
_ABOUT = re.compile(rf"^[ \t#*]*About\s+{_NAME}[ \t*]*$", re.M)
# "- Saltmarsh: Greta Holm replaces ...": a roundup item led by its org, then a person's name and a verb
_ITEM_LEAD = re.compile(rf"^[ \t]*(?:[-*•]|\d+[.)])[ \t]+{_NAME}[ \t]*:[ \t]+(?=[A-Z][\w'’-]+[ \t]+[A-Z][\w'’-]+[ \t]+(?:is|was|has|had|will|[a-z]+s|[a-z]+ed)\b)", re.M)
# "X, which ..., is now run by P": what is run or led by someone
_RUN_BY = re.compile(rf"(?<![\w&'’-]){_NAME}(?:\s*,\s*(?:which|whose)\b[^,.;]{{1,80}},)?\s+(?:is|was|has\s+been)\s+(?:now\s+|still\s+|currently\s+)?"
                     rf"(?:run|led|headed|co-led|co-run)\s+by\b")
# "X, the Leeds robotics startup": found from the kind word, looking back (most sentences have no kind word)
_KIND_WORD = re.compile(rf"\b{_KIND}\b(?!\s+(?:is|was|has|had|will|would|said|says|and|also)\b)")
_APPOSED = re.compile(rf"(?<![\w&'’-]){_NAME}\s*,\s*(?:an?|the)\s+(?:(?!{_NOT_MODIFIER})[^,.;:«\s]+\s+){{0,6}}$")


def _candidates(text: str):
    if "raised" in text or "closed" in text or "secured" in text or "landed" in text:
        yield from (m.group(1) for m in _RAISED.finditer(text))
    if "spin" in text or "start-up" in text or "startup" in text:
        yield from (m.group(1) for m in _IS_KIND.finditer(text))
    yield from (next(g for g in m.groups() if g) for m in _AFTER_CUE.finditer(text))
    if " by " in text:
        yield from (m.group(1) for m in _RUN_BY.finditer(text))
    if "Inc" in text or "Corp" in text or "Ltd" in text or "LLC" in text or "plc" in text or "GmbH" in text or "(N" in text:
        yield from (m.group(1) for m in _LEGAL.finditer(text))
    if "About " in text:
        yield from (m.group(1) for m in _ABOUT.finditer(text))
    # (a lead named again elsewhere: not a one-off label such as "Update:" or "Note:")
    yield from (m.group(1) for m in _ITEM_LEAD.finditer(text) if text.count(m.group(1)) >= 2)
    for k in _KIND_WORD.finditer(text):
        a = _APPOSED.search(text, max(0, k.start() - 120), k.start())
        if a is not None:
            yield a.group(1)


def discover_orgs(text: str) -> dict[str, str]:
    """Surface -> canonical name of the organizations the article's own wording reveals."""
    out: dict[str, str] = {}
    if not any(w in text for w in ("raised", "closed", "secured", "landed", ", a", ", an", ", the", "spin", "spun",
                                   "company", "start", "Before", "Prior to", "former", "ex-", "founded", " by ", ": ",
                                   "Inc", "Corp", "Ltd", "LLC", "plc", "GmbH", "About ")):
        return out
    for surface in _candidates(text):
        words = surface.split()
        while words and words[0] in NOT_NAME:
            words = words[1:]
        if not words or all(w in NOT_NAME for w in words):
            continue
        surface = " ".join(words)
        kn = known_orgs(surface)
        if kn and kn[0].start == 0:
            continue   # the gazetteer knows it already
        # "Tidewell" where the article also writes "Tidewell Labs": the full name
        full = re.search(rf"(?<![\w&'’-]){re.escape(surface)}\s+(?:{_SUFFIXES})(?![\w-])", text)
        out[surface] = canonical_org(full.group(0) if full else surface)
    if "its name" in text or "renamed" in text or "formerly" in text:
        renamed = _renames(text, set())   # a former name found here stands for the org as renamed
        out = {k: renamed[k].name if k in renamed else v for k, v in out.items()}
        for old, new in renamed.items():
            if len(new.name.split()) > 1 and re.search(rf"(?:its\s+name\s+to\s+|renamed\s+(?:to\s+|as\s+)?){re.escape(new.name)}", text):
                out.setdefault(new.name, new.name)   # "changing its name to Parallax Motion": no person
    return out


# "Quarrystone's chief scientist": a one-word possessor of a title, the article's org when it is
# named again and is no person's name (checked once the article's names are known)
_POSS_TITLE = re.compile(r"(?<![\w&'’-])([A-Z][a-z][\w&-]+)['’]s\s+(?:new\s+|former\s+|then\s+|interim\s+|acting\s+)?"
                         r"(?:chief|head|ceo|cto|cfo|coo|president|board|co-?founders?|founders?|vice\s+president|general\s+counsel)\b")


def titled_possessors(text: str, person_words: set[str], found: dict[str, str]) -> dict[str, str]:
    """More org names: one-word possessors of a title ("Quarrystone's chief scientist") that the
    article names more than once and that no person's name contains."""
    out: dict[str, str] = {}
    if "'s " not in text and "’s " not in text:
        return out
    for m in _POSS_TITLE.finditer(text):
        w = m.group(1)
        if w in out or w in found or w in person_words or w in NOT_NAME or text.count(w) < 2:
            continue
        kn = known_orgs(w)
        if kn and kn[0].start == 0:
            continue
        full = re.search(rf"(?<![\w&'’-]){re.escape(w)}\s+(?:{_SUFFIXES})(?![\w-])", text)
        out[w] = canonical_org(full.group(0) if full else w)
    return out


def org_mentions(text: str, found: dict[str, str], pattern: re.Pattern[str] | None,
                 taken: list[OrgMention]) -> list[OrgMention]:
    """Mentions in one sentence of the names `discover_orgs` found (not overlapping `taken`)."""
    if pattern is None:
        return []
    out: list[OrgMention] = []
    for m in pattern.finditer(text):
        a, b = m.span(1)
        if all(b <= o.start or a >= o.end for o in taken):
            out.append(OrgMention(a, b, found[m.group(1)], m.group(1), None, False))
    return out


def mention_pattern(found: dict[str, str]) -> re.Pattern[str] | None:
    """One regex for all discovered names, longest first, whole words only."""
    if not found:
        return None
    alts = "|".join(re.escape(s) for s in sorted(found, key=len, reverse=True))
    return re.compile(rf"(?<![\w&'’-])({alts})(?![\w&-])")
