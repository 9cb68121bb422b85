"""Who "I", "me" and "my" are: the author of a post, the speaker of a transcript turn, or the
speaker of a quotation.

Posts (LinkedIn, X, blogs) tell their news in the first person and name the author once, in
the headline ("Leo Marchetti on LinkedIn: ...", "Tomas Rivera: New beginnings") or a byline
line ("Posted by X", "By X", "X (@handle)"). Transcripts label each turn ("Sarah Lin: I
joined ..."); a label that is not a name ("Host:", "Q:", "Operator:") means the turn's "I" is
nobody we know. A quotation followed or preceded by its speaker ('"I left in May," X said')
gives the speaker. Without any of these, first-person pronouns stay unresolved, so an
anonymous "I joined Anthropic" yields nothing.
"""
from __future__ import annotations

import re

from .coref import person_key
from .extract_types import SentInfo

_TITLE_AUTHOR_TAIL = re.compile(
    r"\s*(?::|\||[—–]|\s-\s|\(@\w+\)|\bon\s+(?:LinkedIn|X|Twitter|Threads|Bluesky|Mastodon|Substack|Medium)\b|"
    r"['’]s\s+(?:post|thread|update|blog|note|letter|announcement)\b)")
_BYLINE_HEAD = re.compile(r"^\W*(?:posted\s+by|written\s+by|by|author:?|from)\s+$", re.I)
_LABEL = re.compile(r"^\W{0,3}([A-Z][\w.'’ -]{0,40}?)\s*:\s+\S")
# a post whose writer introduces themself: "I'm P, new CTO at O. AMA!" / "Hi all, my name is P."
_SELF_INTRO = re.compile(r"^\W*(?:(?:hi|hello|hey)(?:\s+(?:all|everyone|folks|there|reddit|HN))?\s*[!,.]?\s*)?"
                         r"(?:I['’]m|I\s+am|my\s+name\s+is)\s+$", re.I)
# a post signed at its foot: a line that is only a dash and a name ("— Tobias Reyes")
_SIGNATURE_HEAD = re.compile(r"^[\s>*_]*(?:[—–~]|--?)\s*$")
_QUOTE_SPEAKER = re.compile(r"[\"”]\s*,?\s*$")
_FIRST = re.compile(r"\b(?:I|me|my|My)\b")
_REPORT_AFTER = re.compile(r"^\s*,?\s*(?:(?:said|says|wrote|writes|told\s+\w+|posted|added|recalled|explained)\s*$)", re.I)


def _name_at(info: SentInfo, start: int) -> str | None:
    """The key of a full name that begins at `start` (ignoring leading markup)."""
    for n in info.names:
        if n.start >= start and not info.sent.text[start:n.start].strip(" *#_>\"'“‘-"):
            return person_key(n.text)
    return None


def _author(infos: list[SentInfo], has_title: bool) -> str | None:
    if has_title and infos:
        t = infos[0]
        for n in t.names[:1]:
            if not t.sent.text[:n.start].strip(" *#_>\"'“‘") and _TITLE_AUTHOR_TAIL.match(t.sent.text[n.end:]):
                return person_key(n.text)
    for info in infos[:6]:
        text = info.sent.text
        for n in info.names[:1]:
            if _SELF_INTRO.match(text[:n.start]) and re.match(r"\s*(?:[,.!;:(—–-]|$)", text[n.end:]) and \
                    '"' not in text[:n.start] and "“" not in text[:n.start]:
                return person_key(n.text)
            if _BYLINE_HEAD.match(text[:n.start]) or (not text[:n.start].strip(" *#_>") and
                                                      re.match(r"\s*\(@\w+\)", text[n.end:])):
                return person_key(n.text)
    return _signature(infos)


def _signature(infos: list[SentInfo]) -> str | None:
    """The one name a post is signed with, on a line of its own after a dash; a second,
    different signature (a thread of several posts) names no single author."""
    signed = {person_key(n.text) for info in infos for n in info.names[:1]
              if _SIGNATURE_HEAD.match(info.sent.text[:n.start]) and not info.sent.text[n.end:].strip(" .*_")}
    return next(iter(signed)) if len(signed) == 1 else None


def _outside_quotes(text: str) -> bool:
    """Every first-person pronoun of the sentence stands outside quotation marks (narration)."""
    for m in _FIRST.finditer(text):
        before = text[:m.start()]
        if before.count('"') % 2 == 1 or before.count("“") > before.count("”"):
            return False
    return True


def first_person_referents(infos: list[SentInfo], has_title: bool, meta_author: str | None = None) -> list[str | None]:
    """Per sentence, the person key that "I/me/my" refers to, or None. `meta_author` (the key
    of the author the article's metadata names) speaks the narration of a post that names
    nobody as its author in its own text; quoted "I" stays the quoted speaker's."""
    author = _author(infos, has_title)
    fallback = meta_author if author is None else None
    out: list[str | None] = []
    turn: dict[int, str | None] = {}
    # an interview's "A:" turns are the interviewee's: the first person the article names
    interviewee = None
    if any(("Q" in i.sent.text[:6]) and re.match(r"^\W{0,3}(?:Q|Question)\s*:", i.sent.text) for i in infos):
        interviewee = next((person_key(n.text) for i in infos[:4] for n in i.names[:1]), None)
    for i, info in enumerate(infos):
        text = info.sent.text
        ref = author
        if ref is None and fallback is not None and _outside_quotes(text):
            ref = fallback
        if i > 0 or not has_title:
            m = _LABEL.match(text)
            if m and m.group(1).strip() in ("A", "Answer") and interviewee:
                turn[info.sent.paragraph] = interviewee
            elif m and len(m.group(1).split()) == 1 and m.group(1)[:1].isupper():
                # a surname label ("Carvalho: I joined ..."): the one person of the article with it
                sur = m.group(1).strip().casefold()
                keys = {person_key(n.text) for i2 in infos for n in i2.names if n.text.split()[-1].casefold() == sur} or \
                    {person_key(n.text) for i2 in infos for n in i2.names if n.text.split()[0].casefold() == sur}
                turn[info.sent.paragraph] = next(iter(keys)) if len(keys) == 1 else None
            elif m and len(m.group(1).split()) <= 4 and all(w[:1].isupper() for w in m.group(1).split()):
                turn[info.sent.paragraph] = _name_at(info, 0) if info.names and info.names[0].end <= m.end(1) + 1 else None
        if info.sent.paragraph in turn:
            ref = turn[info.sent.paragraph]
        if _FIRST.search(text) and ('"' in text or "“" in text or "”" in text):
            # '"I left in May," Priya Nair said' / 'Priya Nair said: "I ..."'
            for n in info.names:
                before, after = text[:n.start], text[n.end:]
                if _QUOTE_SPEAKER.search(before) and _REPORT_AFTER.match(after[:30].split(".")[0] + " ") or \
                        re.match(r"\s*(?:said|says|wrote|told\s+\w+|added)\b", after) and _QUOTE_SPEAKER.search(before):
                    ref = person_key(n.text)
                    break
                if re.match(r"\s*(?:said|says|wrote|writes|told\s+\w+)\s*[:,]?\s*[\"“]", after):
                    ref = person_key(n.text)
                    break
        out.append(ref)
    return out
