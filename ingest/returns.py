"""Returns ("rejoins Google", "is back at Google", "Google has rehired P", "boomerang hire"): the
departure a return sentence tells without an org is from the org returned to.

"Karim Haddad is back at Google, two years after leaving for OpenAI" and "Google has rehired P,
who left for OpenAI in 2022" say where P went, not where P left; the article-level rules look
for the org in the person's context and find the destination or nothing. A return presupposes
having left the org returned to, so that is the departure's org. Read before the article rules.
"""
from __future__ import annotations

import re

from .extract_types import Raw, SentInfo

_RETURN_TO = re.compile(
    r"\b(?:return(?:s|ed|ing)?\s+to|rejoin(?:s|ed|ing)?|(?:is|are|was|were|['’]s|comes?|came|coming|going|goes|went|heading|headed)\s+"
    r"back\s+(?:to|at|with)|back\s+at)\s+(?:the\s+)?«O(\d+)»|"
    r"«O(\d+)»\s+(?:has\s+|have\s+|had\s+)?(?:re-?hired|brought\s+back|welcomed\s+back|lured\s+back|rehires|brings\s+back)\b", re.I)


def return_departures(infos: list[SentInfo], raws: list[Raw]) -> None:
    """Give the org returned to (in place) to the org-less departures of a return sentence."""
    for r in raws:
        if r.type != "left" or r.org:
            continue
        info = infos[r.sent]
        if "back" not in info.marked and "return" not in info.marked and "rejoin" not in info.marked \
                and "hire" not in info.marked:
            continue
        orgs = {info.ents[int(m.group(1) or m.group(2))].key for m in _RETURN_TO.finditer(info.marked)}
        returned = {x.org for x in raws if x.type == "joined" and x.person == r.person and x.sent == r.sent} & orgs
        if len(returned) == 1:
            r.org = next(iter(returned))
