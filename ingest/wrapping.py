"""Hard-wrapped text (filings, wire copy, plain-text mail) rejoined into its paragraphs.

Securities filings and wire services break prose at a fixed width, so one sentence spans
several lines ("has served as our President and\nChief Executive Officer since ..."). The
sentence splitter ends a sentence at every line break, which would cut subject from verb.
A document counts as hard-wrapped when several of its lines stop near a fixed width without
ending a sentence while the next line goes on; in such a document every prose line of about
that width is joined to the next prose line. Tables (runs of spaces inside a line), list
items, headings and blank lines keep their breaks, so layouts stay what they were.
"""
from __future__ import annotations

import re

_MIN_WIDTH = 50
_MAX_WIDTH = 100
_NOT_PROSE = re.compile(r"^\s*(?:[-*•#|>=_]|\d{1,2}[.)]\s|\[)|\S\s{3,}\S")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”')\]]\s*$")


def _prose(line: str) -> bool:
    return bool(line.strip()) and not _NOT_PROSE.search(line)


def _wrapped(line: str, nxt: str) -> bool:
    """`line` stops at the wrap width and the prose goes on in `nxt`."""
    return _MIN_WIDTH <= len(line.rstrip()) <= _MAX_WIDTH and _prose(line) and _prose(nxt)


def unwrap(text: str) -> str:
    """`text` with the line breaks of hard-wrapped paragraphs turned into spaces (unchanged
    when the text is not hard-wrapped)."""
    if text.count("\n") < 4:
        return text
    lines = text.split("\n")
    breaks = sum(1 for a, b in zip(lines, lines[1:]) if _wrapped(a, b) and not _ENDS_SENTENCE.search(a))
    if breaks < 3:
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        if out and i > 0 and _wrapped(lines[i - 1], line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)
