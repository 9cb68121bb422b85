"""A venture introduced first and named a sentence later, written as one naming phrase.

Posts and profiles often say "I'm leaving to start a company. It's called Brambleway, and it
builds ...": the founding verb's object is "a company", and its name comes in the next
sentence. The clause rules read an organization right after the founding verb, so the name is
moved there ("to start Brambleway, a company. It's called Brambleway, ..."), which also lets
org discovery see it ("start ... company, X" is one of its cues)."""
from __future__ import annotations

import re

_NAMED_NEXT = re.compile(
    r"\b(start|starting|started|found|founding|founded|co-found|co-founding|co-founded|launch|launching|launched|"
    r"build|building)\s+(a|an|my|our|his|her|their)\s+((?:own\s+|new\s+)*(?:company|start-?up|lab|firm|venture))\s*\.\s+"
    r"(It['’]s|It\s+is|It\s+will\s+be|It\s+was)\s+(called|named)\s+((?:[A-Z][\w&'’-]+)(?:\s+[A-Z][\w&'’-]+){0,2})")


def name_ventures(text: str) -> str:
    """The text with "start a company. It's called X" rewritten as "start X, a company. It's called X"."""
    if "called" not in text and "named" not in text:
        return text
    return _NAMED_NEXT.sub(lambda m: f"{m.group(1)} {m.group(6)}, {m.group(2)} {m.group(3)}. "
                                     f"{m.group(4)} {m.group(5)} {m.group(6)}", text)
