"""Titles as companies write them, kept whole.

The clause rules read a role up to the first comma or function word, which fits prose ("head of
research, the company said") but cuts titles written in the style of a company directory or a
press release: "VP, Research", "Director, Applied AI", "Chief of Staff to the CEO", "Head of
Applied AI (EMEA)". A role that stops at a bare title head is extended here with what the
sentence it was read from puts right after it, when that is shaped like the rest of a title:
a comma and a capitalized field, "of Staff (to the CEO)", or a region in parentheses.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import Claim

_HEAD_END = re.compile(r"(?:\b(?:VP|SVP|EVP|Vice\s+President|Director|Head|Chief|GM|General\s+Manager|Manager|Lead|"
                       r"Principal|Partner|Fellow|Officer)|\bof\s+Staff)$", re.I)
_FIELD = r"[A-Z][\w&/+-]*(?:\s+(?:&|and|of|for)?\s*[A-Z][\w&/+-]*){0,3}"
_REST = re.compile(
    rf"(?:,\s+(?!Inc\b|Ltd\b|LLC\b|Jr\b)({_FIELD})(?=\s*(?:$|[.;(]|,\s|\s+(?:at|in|for|effective|starting|from|with|and)\b))|"
    r"\s+(of\s+Staff(?:\s+to\s+(?:the\s+)?(?:CEO|CTO|President|Chair\w*|Chief\s+Executive|[A-Z][a-z]+\s+[A-Z][a-z]+))?)|"
    r"\s+(to\s+the\s+(?:CEO|CTO|President|Chief\s+Executive|Chairman|Chair))\b)?"
    r"(\s*\((?:EMEA|APAC|LATAM|Americas|Europe|Asia(?:[\s-]Pacific)?|North\s+America|Global|International|"
    r"[A-Z]{2,5}(?:\s*(?:&|and|/)\s*[A-Z]{2,5})?)\))?")


_REGION = re.compile(r"\s*\((?:EMEA|APAC|LATAM|Americas|Europe|Asia(?:[\s-]Pacific)?|North\s+America|Global|International)\)")


def whole_title(role: str | None, quote: str) -> str | None:
    """`role` completed from `quote` where the quote writes a longer title after it."""
    if not role:
        return role
    if not _HEAD_END.search(role):
        # "Head of Applied AI (EMEA)": a region in parentheses completes any title
        at = quote.find(role)
        region = _REGION.match(quote, at + len(role)) if at >= 0 else None
        return role + region.group(0) if region else role
    at = quote.find(role)
    while at >= 0:   # (str.find, not a regex per role: compiling one per claim floods re's cache)
        end = at + len(role)
        rest = _REST.match(quote, end)
        if rest and rest.group(0):
            tail = rest.group(0).rstrip()
            if rest.group(2) and not rest.group(4):
                more = _REST.match(quote, end + len(tail))
                tail += more.group(0).rstrip() if more and more.group(4) else ""
            return role + tail
        at = quote.find(role, at + 1)
    return role


def whole_titles(claims: list[Claim]) -> list[Claim]:
    """Claims with directory-style titles kept whole ("VP, Research", "Chief of Staff to the CEO")."""
    out = []
    for c in claims:
        r = whole_title(c.role, c.quote)
        out.append(replace(c, role=r) if r != c.role else c)
    return out
