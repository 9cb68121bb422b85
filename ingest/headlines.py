"""Feed items: a headline in headline grammar plus a one-to-three-sentence summary.

Most of the daemon's intake is RSS/Atom items, and there the headline often carries the move
while the summary only adds background ("Former Google Brain researcher joins Cohere as head
of multilingual" / "Wilk spent five years at Google."). The rules for prose read headline
grammar badly in three ways, which this module repairs:

- The headline is its own paragraph (-1), so every rule that links a move to a neighbouring
  sentence "in the same paragraph" never links it to the summary. In a short item the
  summary is the headline's paragraph (`headline_paragraph`).
- A headline moves in the present tense or with its auxiliary dropped ("P named O CTO",
  "P out at O", "O loses CTO P to O2"); such a move happened when the item was published, so
  it is dated by the item's date like any present-tense report (`headline_moves`).
- A headline's subject is often a description ("Ex-OpenAI VP lands at Meta", "OpenAI's research
  chief exits"), and the summary names the person; the description stands for the first
  person the summary names (`described_subject`).

Headline-only frames are tried only for people the headline gives no move already, so prose
rules keep precedence and a move the body repeats is one claim (claims are deduplicated per
type, person and organization).
"""
from __future__ import annotations

import re

from .extract_types import Ent, Raw, SentInfo
from .sentences import Sentence

# a summary this short is one paragraph with its headline
_SHORT_BODY = 700


def headline_paragraph(sents: list[Sentence], has_title: bool, body: str) -> list[Sentence]:
    """The sentences with a short item's headline moved into its summary's paragraph."""
    if not has_title or len(sents) < 2 or len(body) > _SHORT_BODY or sents[0].paragraph != -1:
        return sents
    first = sents[1].paragraph
    return [Sentence(sents[0].text, sents[0].start, sents[0].end, first), *sents[1:]]
