"""Sentence splitting for news text, bounded in time and length.

Extraction reads facts sentence by sentence, so the splitter decides what a `quote` is and
which words can relate to each other. It is a single left-to-right regex scan (no
backtracking-prone patterns): paragraph breaks always end a sentence, and `.`, `!` or `?`
followed by space and a capital/digit/quote ends one unless the word before the period is a
known abbreviation or a single-letter initial ("Max A. Schwarzer", "Sept. 2025", "U.S.").
Any piece longer than MAX_SENTENCE characters is cut at whitespace, so a 1 MB paragraph with
no punctuation costs linear time and yields bounded sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SENTENCE = 600

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st inc corp co ltd llc plc vs etc e.g i.e u.s u.k u.n no
    jan feb mar apr jun jul aug sep sept oct nov dec gen col lt sgt gov sen rep rev fig
    approx dept est mt ft ave blvd univ assn bros messrs mme mlle ph.d phd""".split()
)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Þ])")
_PARAGRAPH = re.compile(r"\n\s*")
_ON_X = re.compile(r"\b(?:on|to|via)\s+X\.$")


@dataclass(frozen=True)
class Sentence:
    """A sentence with its character offsets in the text it was cut from."""

    text: str
    start: int
    end: int
    paragraph: int


def _chunks(text: str, start: int, para: int) -> list[Sentence]:
    """Cut an over-long piece at whitespace into pieces of at most MAX_SENTENCE chars."""
    out: list[Sentence] = []
    i = 0
    n = len(text)
    while i < n:
        j = min(n, i + MAX_SENTENCE)
        if j < n:
            k = text.rfind(" ", i + MAX_SENTENCE // 2, j)
            if k > i:
                j = k
        piece = text[i:j].strip()
        if piece:
            off = text.find(piece, i)
            out.append(Sentence(piece, start + off, start + off + len(piece), para))
        i = j
    return out


def _split_paragraph(par: str, base: int, para: int) -> list[Sentence]:
    out: list[Sentence] = []
    last = 0
    for m in _BOUNDARY.finditer(par):
        dot = m.start()
        # the word before the punctuation
        ws = par.rfind(" ", max(0, dot - 20), dot) + 1
        word = par[ws:dot].lower().strip("(\"'“")
        if m.group(0).startswith(".") and not m.group(0).startswith(".."):
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and not _ON_X.search(par, max(0, dot - 8), dot + 1)):
                continue   # an initial ("Max A. Schwarzer"), but "announced it on X." ends a sentence
            if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):  # U.S, e.g
                continue
        end = m.end()
        piece = par[last:end].strip()
        if piece:
            off = par.find(piece, last)
            out.extend(_chunks(piece, base + off, para))
        last = end
    piece = par[last:].strip()
    if piece:
        off = par.find(piece, last)
        out.extend(_chunks(piece, base + off, para))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; every line break is a boundary (headlines, list items)."""
    out: list[Sentence] = []
    pos = 0
    para = 0
    for m in _PARAGRAPH.finditer(text + "\n"):
        par = text[pos:m.start()]
        if par.strip():
            out.extend(_split_paragraph(par, pos, para))
            para += 1
        pos = m.end()
    return out
