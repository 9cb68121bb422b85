"""The title a move's object is followed by: "joined O as ROLE", "hired P to lead X",
"named P to its board". Kept apart from the clause rules that call it, so the title's own
boundaries (a date in between, a second coordinated verb) are stated once."""
from __future__ import annotations

import re

from .lexicon import _clean_role

_SECOND_VERB = re.compile(r"\s+and\s+(?=(?:also\s+)?(?:promoted|named|appointed|hired|tapped|elevated|made|moved|will|is|was|has|had)\b)")


def role_after(s: str, pos: int) -> str | None:
    """The title told right after position `pos` of a marked sentence, or None."""
    rest = s[pos:pos + 140]
    # "will join O next month as ROLE", "joined O on «D», as ROLE": the date sits between
    dm = re.match(r"\s+(?:(?:on|in)\s+)?«D\d+»\s*(?=,|as\b)", rest)
    if dm:
        rest = rest[dm.end():]
    m = re.match(r"\s*(?:'s\s+[^,.;«]{1,40}?\s+team\s*)?,?\s*as\s+(?:its\s+|the\s+|a\s+|an\s+|their\s+|new\s+|«O\d+»'s\s+)*([^,.;«()]{2,90})", rest, re.I)
    if m:
        # "hired P as chief AI officer and promoted P2 to ...": the title ends where a second verb begins
        return _clean_role(_SECOND_VERB.split(m.group(1))[0])
    m = re.match(r"\s*(?:'s\s+[^,.;«]{1,40}?\s+team\s*)?,?\s*(?:in\s+order\s+)?to\s+(lead|head|run|co-lead|oversee|direct|manage)\s+(?:the\s+|its\s+|a\s+|their\s+|«O\d+»'s\s+)?(?:new\s+)?([^,.;«()]{2,60})", rest, re.I)
    if m:
        verb = {"run": "head", "oversee": "head", "direct": "director", "manage": "manager"}.get(m.group(1).lower(), m.group(1).lower())
        obj = re.split(r"\s+(?:responsible|focused|that|which|who|where|and\s+(?:will|is))\b", m.group(2))[0]
        return _clean_role(f"{verb} of the {obj}" if not obj.lower().startswith("the ") else f"{verb} of {obj}")
    if re.match(r"\s*(?:to|onto|on)\s+(?:its|the|their|«O\d+»'s)\s+board\b", rest, re.I) or \
            re.match(r"\s*(?:to|onto|on)\s+the\s+board\s+of\b", rest, re.I):
        return "board member"
    return None
