"""People-move claims from one article: the rule-based extractor.

Pipeline for one article (pure, no I/O):
1. Split headline + body into sentences (ingest/sentences.py).
2. In each sentence find organizations (gazetteer, then shape), person names, dates.
3. Coreference (ingest/coref.py): surnames, pronouns, "the company", "there".
4. Rewrite each sentence as a *marked string*: entities become placeholders («P3», «O1»,
   «D0»; «Q3» is person 3 reached through a pronoun). All rules below are small regexes over
   this string, so they describe clause structure ("subject ... verb ... object") instead of
   phrasings, and they run in bounded time because the gaps they allow are bounded.
5. Appositions and role-bearing modifiers ("P, ROLE at O,", "O's ROLE P", "O ROLE P",
   "P (O ROLE)", "P, who leads O's team") give *affiliations*; they are then cut out so the
   verb that follows them finds its subject next to it.
6. Trigger verbs and nouns (join / leave / promote / hire / found ...) are read with their
   subject (nearest person to the left, or the organization for "O hired P"), their object
   organization, a role ("as ROLE", "to lead X", "to its board"), and a date from their clause.
   The words between subject and verb, and before the subject in its clause, are the scope
   checked for negation, modality, rumor and hypotheticals.
7. Article-level rules: a person joining B while described as at A left A; "former ROLE at
   A" is a departure; a current affiliation is a held_role unless a move on the same pair
   exists; a correction notice withdraws the pairs it says were wrong; one claim per
   (type, person, org) with the best role, date and quote.

Modules, in pipeline order: layouts.py (tables, tracker lines, transcript labels rewritten as
prose), lexicon.py (patterns and scope tests), extract_types.py (shared dataclasses),
marking.py (steps 2-4; orgs.py short names, coref.py surnames, names.py with places.py, the one
place lexicon), appositions.py (5), clauses.py and orgacts.py (6), founders.py (founder lists,
acqui-hires), careers.py (career spans, bios), tenure.py ("since", "where she has worked since"),
succession.py ("succeeded by", units taken over, advisory moves), groups.py (lists and group
predicates), ahead.py (hires announced before the person is named), then over all raw claims:
returns.py (the departure a return presupposes), durations.py (stints told by their length),
seats.py (board and advisory seats), claims_finish.py (7) with retained.py (posts kept beside a
new job), refute.py (denials, unconfirmed reports and "stayed" statements withdraw the moves
they govern) and merging.py (one claim per fact), and denials.py with misreports.py (the
refutations `read_article` returns beside the claims, for other articles' facts).
"""
from __future__ import annotations

import re

from .ahead import announced_hires
from .appositions import _appositions
from .claims_finish import _finish
from .clauses import _triggers, from_to_clauses, fronted_clauses
from .coref import PersonRegistry, surname_pattern
from .dates import DateMention, resolve_anaphor
from .extract_types import Affil, Ent, Raw, SentInfo
from .firstperson import first_person_referents
from .layouts import rewrite_tables
from .careers import career_spans, hired_us, post_years, posts_between, prior_posts
from .transcripts import rewrite_transcript, title_case_cast
from .wrapping import unwrap
from .founders import founders
from .groups import _group_predicates, _stative_there
from .lexicon import ROLE_HEAD, ROLE_PHRASE, _clean_role, _is_correction
from .marking import _entities, _mark, _restore_there
from .denials import read_refutations
from .model import Claim, Reading
from .itemorgs import item_orgs
from .titleforms import whole_titles
from .headlines import (SHORT_BODY, date_headline_moves, described_subject, group_headline, headline_paragraph,
                        headline_prose, promotions_within)
from .namecultures import merge_name_tails, with_variants
from .names import NOT_NAME, find_names
from .spokencareers import spoken_posts, ventures
from .namedlater import name_ventures
from .orgnames import discover_orgs, mention_pattern, org_mentions, titled_possessors
from .orgs import known_orgs, short_forms
from .durations import stint_starts
from .returns import return_departures
from .seats import seat_roles
from .sentences import Sentence, split_sentences
from .succession import succeeded_by, to_advisory, took_over
from .tenure import been_there, interim_posts, served_since, tenures, where_clauses


_LEFT_BEFORE = re.compile(r"\b(?:left|leaving|leaves?|quit|quitting|departed|departing|exited|exiting|from|"
                          r"formerly|former|ex-|previously|once|until)\s*(?:the\s+|at\s+)?$|"
                          r"\b(?:previously|formerly|earlier|once)\s+(?:[\w-]+\s+){1,4}?(?:at|with|for)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$|"
                          r"\b(?:years?|months?|decades?|stint|spell)\s+at\s+(?:the\s+)?$", re.I)


# "Two Anthropic alumni launch Sorrel Labs": an org its people come from is not the story's org
_ALUMNI_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:alumni|alums?|alumnae|veterans?|exiles?|expats?|defectors?)\b", re.I)
_CAME_FROM_BEFORE = re.compile(r"\b(?:comes|came|coming|joins|joined|joining|arrives|arrived|moves|moved)\s+(?:over\s+)?from\s+(?:the\s+)?$", re.I)
_PRONOUN_WORD = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)\b")
# "Is P headed back to O?": a question states no move
_YES_NO_QUESTION = re.compile(r"^\W*(?:Is|Are|Was|Were|Will|Has|Have|Had|Did|Does|Do|Could|Would|Should|Can|Might|May)\b[^.!]*\?[\s\"')]*$")
_ORG_AFTER_NAME = re.compile(r"\s+(?:Institute|Foundation|University|College|Labs?|Inc\b\.?|Corp\b\.?|Group|Ventures|Trust|Fund|Council|Committee|"
                             r"Capital|Partners|Research|Center|Centre|School|Society|LLP|LLC|Ltd\b\.?|GmbH|AG)\b")
# "a Santa Clara startup", "Meta's Menlo Park campus": a two-word place before what is located
# there, not a person
_PLACE_AFTER_NAME = re.compile(r"(?:\s+|-)(?:start-?ups?|compan(?:y|ies)|firms?|campus|offices?|headquarters|HQ|County|area|"
                               r"region|facility|based|plant|suburbs?)\b")
_CORRECTION_HEADING = re.compile(r"^[\W_]*(?:corrections?|clarifications?|errata|correction\s+notice)[\W_]*$", re.I)
# "CTO at Parallax Motion": what a title is held at is an organization, whatever its shape
_TITLE_AT = re.compile(r"\b(?:chief|head|ceo|cto|cfo|coo|cso|cpo|president|director|officer|vp|founder|co-?founder|engineer|"
                       r"scientist|researcher|partner|manager|lead)\s+at\s+$", re.I)
_PLACE_CUE = re.compile(r"\b(?:in|near|outside)\s")
_PLACE_BEFORE_NAME = re.compile(r"(?<!\bbrought\s)(?<!\bbring\s)(?<!\bbrings\s)(?<!\bcalled\s)(?<!\bcalls\s)(?<!\bcall\s)"
                                r"(?<!\bbelieve\s)(?<!\binvest\s)(?<!\binvested\s)(?<!\bbringing\s)"
                                r"\b(?:in|near|outside)\s+(?:(?!(?:January|February|March|April|May|June|July|August|September|"
                                r"October|November|December|Spring|Summer|Fall|Autumn|Winter)\b)[A-Z][\w-]+(?:,\s+|\s+and\s+))?$")
_A_TURN = re.compile(r"^\W{0,3}(?:A|Answer)\s*:")
_Q_TURN = re.compile(r"^\W{0,3}(?:Q|Question)\s*:")
_LEAD_ORG = re.compile(r"^\s*(?:[-*•]|\d+[.)])?\s*«O(\d+)»\s*(?::|\s,\s)")
_EMPHASIS = re.compile(r"\*\*|__")
_BLOCKQUOTE = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")
_NICKNAME = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+)\s+[\"“][A-Z][\w'’-]{1,15}[\"”]\s+(?=[A-Z])")


def _meta_author(author: str | None) -> str | None:
    """The one person a metadata author field names ("Isabel Quintero"), else None (several
    authors, an organization, a handle)."""
    if not author or len(author) > 80:
        return None
    a = re.sub(r"^(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+", "", author.strip())
    if re.search(r"\b(?:team|staff|desk|editors?|editorial|newsroom|news|press|reporters?|contributors?|and)\b|&", a, re.I):
        return None
    names = find_names(a, [(o.start, o.end) for o in known_orgs(a)])
    if len(names) != 1 or a[:names[0].start].strip() or a[names[0].end:].strip(" ."):
        return None
    return names[0].text


# a bio line that leaves out its subject ("**P** — Head of Operations / Joined last month from O.",
# "Previously research lead at O."): the person the line before names
_SUBJECTLESS = re.compile(r"^(\W*)(joined|left|rejoined|returned|moved|started|spent|worked|previously|formerly)\b", re.I)


def _subjectless(info: SentInfo, salient: str) -> None:
    m = _SUBJECTLESS.match(info.marked)
    if m is None or "«P" in info.marked or "«Q" in info.marked or "«O" not in info.marked:
        return
    info.ents.append(Ent("Q", salient, start=-1, end=-1))
    verb = m.group(2).lower()
    verb = f"was {verb}" if verb in ("previously", "formerly") else verb
    info.marked = f"{m.group(1)}«Q{len(info.ents) - 1}» {verb}{info.marked[m.end():]}"


# "Both left MSR in March": a plural subject standing for the two people just named
# ("The two previously worked at Google", "Both start in May", "They both joined in 2021")
_BOTH = re.compile(r"^(\W*)(?:Both(?:\s+of\s+them)?|The\s+(?:two|pair|duo)(?:\s+of\s+them)?|They\s+both)\s+"
                   r"(?=(?:(?:have|had|will|also|previously|formerly|earlier|once|both|each|are|were)\s+){0,2}"
                   r"(?:[a-z]+(?:ed|ined|ft|ok|ent)|start|begin|join|leave|worked|work)\b)")


def _plural_subject(info: SentInfo, recent: list[str]) -> None:
    m = _BOTH.match(info.marked)
    if m is None or len(recent) < 2 or "«P" in info.marked or "«Q" in info.marked:
        return
    tags = []
    for key in recent[-2:]:
        info.ents.append(Ent("Q", key, start=-1, end=-1))
        tags.append(f"«Q{len(info.ents) - 1}»")
    info.marked = f"{m.group(1)}{tags[0]} and {tags[1]} {info.marked[m.end():]}"


_THEY_OPENS = re.compile(r"^(\W*)(?:They|«Q(\d+)»)(?=\s+(?:(?:have|had|will|also|previously|formerly|earlier|once|both|each|are|were)\s+){0,2}[a-z])")
_PAIR = re.compile(r"«P(\d+)»\s*,?\s+and\s+«P(\d+)»(?!\s*,?\s+and\b|\s*,\s*«P)")


def _they_pair(info: SentInfo, before: SentInfo) -> None:
    """"A and B have joined O. They previously worked at O2": a "They" opening the sentence after
    one that names a pair stands for both (not for one of them, nor for nobody)."""
    m = _THEY_OPENS.match(info.marked)
    if m is None or not info.sent.text.lstrip(" *-\"“").startswith("They "):
        return
    pairs = [p.groups() for p in _PAIR.finditer(before.marked)
             if not re.search(r"«P\d+»\s*,\s*$", before.marked[:p.start()])]   # (a list of three is no pair)
    if len(pairs) != 1:
        return
    a, b = (before.ents[int(i)].key for i in pairs[0])
    if a == b or m.group(2) is not None and info.ents[int(m.group(2))].key not in (a, b):
        return
    tags = []
    for key in (a, b):
        info.ents.append(Ent("Q", key, start=-1, end=-1))
        tags.append(f"«Q{len(info.ents) - 1}»")
    info.marked = f"{m.group(1)}{tags[0]} and {tags[1]}{info.marked[m.end():]}"


# "The former Cohere engineer announced the move": a description standing for the person in focus
_FORMER_DESCRIPTION = re.compile(rf"^\W*[Tt]he\s+(former|ex-|new)\s*«O(\d+)»(?:'s)?\s+({ROLE_PHRASE})\s+(?=[a-z])")


def _described_salient(info: SentInfo, salient: str) -> None:
    m = _FORMER_DESCRIPTION.match(info.marked)
    if m is None or not ROLE_HEAD.search(m.group(3)):
        return
    org = info.ents[int(m.group(2))]
    if m.group(1).lower() != "new":
        info.affils.append(Affil(salient, org.key, _clean_role(m.group(3)), former=True, confidence=0.6,
                                 unit=org.org.unit if org.org else None))


# "The reinforcement-learning researcher, who left O in 2022, will rejoin the company" / "The 41-year-old
# has been at the lab since 2016": a description opening the sentence stands for the person in focus
_DESCRIBED_SUBJECT = re.compile(
    r"^(\W*)[Tt]he\s+(?:[a-z][\w-]*\s+){0,3}?(?:researcher|scientist|engineer|executive|founder|co-?founder|veteran|"
    r"professor|investor|roboticist|economist|entrepreneur|technologist|\d+-year-old)"
    r"(?=\s*,\s+who\s|\s+(?:has|had|will|is|was|joined|left|rejoined|returned|moved|spent)\s)")


def _described_subject(info: SentInfo, salient: str) -> None:
    m = _DESCRIBED_SUBJECT.match(info.marked)
    if m is None:
        return
    info.ents.append(Ent("Q", salient, start=-1, end=-1))
    info.marked = f"{m.group(1)}«Q{len(info.ents) - 1}»{info.marked[m.end():]}"


_MAIDEN = re.compile(r"\b(?:her|his|their)\s+(?:maiden|birth|former|previous)\s+(?:sur)?name\s*(?:[,—–:-]+|\bis\b|\bwas\b)?\s*"
                     r"(?:[A-Z]\.\s*)*([A-Z][a-z][\w'’-]+)")
_NEE = re.compile(r"\s*(?:,|\()\s*(?:née|nee|born|formerly)\s+((?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+)")


def extract_claims(title: str, text: str, published: str | None, author: str | None = None) -> list[Claim]:
    """Every people-move and held-role claim one article states, deduplicated per
    (type, person, org). `published` (ISO, any precision, or None) anchors relative dates;
    `author` (the metadata's author, optional) is who "I" is in a post that names nobody."""
    return read_article(title, text, published, author).claims


def read_article(title: str, text: str, published: str | None, author: str | None = None) -> Reading:
    """The article's claims and its refutations (ingest/denials.py: moves it says did not or
    will not happen, or were misreported), read in one pass over its sentences."""
    sents: list[Sentence] = []
    if title and title.strip():
        sents.append(Sentence(title.strip()[:600], 0, len(title), -1))
    # Markdown emphasis carries no meaning for the rules ("- **P** was named CTO")
    text = _EMPHASIS.sub("", text or "") if "**" in (text or "") or "__" in (text or "") else (text or "")
    # a Markdown blockquote's markers ("> I joined in 2017 ...") are no part of its sentences
    text = name_ventures(_BLOCKQUOTE.sub("", text) if "\n>" in text or text.startswith(">") else text)
    # a quoted nickname inside a name ('Aleksandra "Sasha" Volkova') is dropped
    if '"' in text or "“" in text:
        text = _NICKNAME.sub(r"\1 ", text)
    sents.extend(split_sentences(rewrite_tables(title_case_cast(rewrite_transcript(unwrap(text))))))
    sents = headline_paragraph(sents, bool(title and title.strip()), text)
    registry = PersonRegistry()
    has_title = bool(title and title.strip())
    short_item = has_title and len(text) <= SHORT_BODY
    infos = [SentInfo(s) for s in sents]
    # full names first, across the whole article, so surnames can refer back and forward
    found = discover_orgs(f"{title}\n{text}")
    found_re = mention_pattern(found)
    for ni, info in enumerate(infos):
        info.known = known_orgs(info.sent.text)
        if found_re is not None:
            info.known = sorted(info.known + org_mentions(info.sent.text, found, found_re, info.known), key=lambda o: o.start)
        # "Max Planck Institute" is an org, "in Mountain View" or "in Paris and Menlo Park" a place
        st = info.sent.text
        info.names = [n for n in find_names(st, [(o.start, o.end) for o in info.known])
                      if not _ORG_AFTER_NAME.match(st, n.end) and not _PLACE_AFTER_NAME.match(st, n.end) and not _TITLE_AT.search(st, max(0, n.start - 30), n.start)
                      and not (_PLACE_CUE.search(st, max(0, n.start - 30), n.start)
                               and _PLACE_BEFORE_NAME.search(st, max(0, n.start - 30), n.start))]
        for n in info.names:
            registry.add(n.text, ni)
    person_words = {w for info in infos for n in info.names for w in n.text.split()}
    more = titled_possessors(f"{title}\n{text}", person_words, found)
    if short_item:
        more = {**item_orgs(title, text, person_words, found), **more}   # "G42 appoints P", "Naver's P"
    more = {**{k: v for k, v in ventures(text, person_words, NOT_NAME).items() if k not in found}, **more}
    if more:
        more_re = mention_pattern(more)
        for info in infos:
            extra = [o for o in org_mentions(info.sent.text, more, more_re, info.known)
                     if all(o.end <= n.start or o.start >= n.end for n in info.names)]
            if extra:
                info.known = sorted(info.known + extra, key=lambda o: o.start)
    # a maiden or former name ("P, née Q" / "P (born Q)"): Q, or just the surname Q, is P
    if "née" in text or "nee " in text or "born " in text or "formerly " in text:
        for info in infos:
            for m in _NEE.finditer(info.sent.text):
                prev = next((n for n in reversed(info.names) if n.end <= m.start() and not info.sent.text[n.end:m.start()].strip(" ")), None)
                if prev is None:
                    continue
                key = registry.key_of(prev.text)
                nxt = next((n for n in info.names if n.start == m.start(1)), None)
                if nxt is None and not re.search(r"n[ée]e", m.group(0)):
                    continue   # "P (born Lagos, 1980)": only "née" is followed by a bare surname
                registry.alias(nxt.text if nxt else m.group(1), key)
    # "her maiden name — T. Lindqvist —": that surname is the person the sentence is about
    if "name" in text:
        for i, info in enumerate(infos):
            mm = _MAIDEN.search(info.sent.text) if "name" in info.sent.text else None
            if mm is None:
                continue
            before = [n for n in info.names if n.end <= mm.start()] or next(
                ([n for n in infos[j].names if " " in n.text] for j in range(i - 1, -1, -1)
                 if any(" " in n.text for n in infos[j].names)), [])
            if before and mm.group(1) not in registry.surname:
                registry.alias(mm.group(1), registry.key_of(before[-1].text))
    merge_name_tails(registry)   # "Van der Berg" after "Sanne van der Berg": one person
    sur_re = surname_pattern(registry, f"{title}\n{text}")
    person_words = {w for info in infos for n in info.names for w in n.text.split()}
    shorts = short_forms(f"{text}\n\n{title}" if title else text or "", person_words)
    meta_author = _meta_author(author)
    meta_key = registry.key_of(meta_author) if meta_author else None
    if meta_author and meta_key not in registry.full:
        registry.full[meta_key] = [meta_author]   # for display only: no surname to resolve
    for info, ref in zip(infos, first_person_referents(infos, bool(title and title.strip()), meta_key)):
        info.first_person = ref
    # an interview's questions ("Q: You left Google after nine years.") speak to the one who answers
    answerer = next((i.first_person for i in infos if i.first_person and _A_TURN.match(i.sent.text)), None)
    if answerer:
        for info in infos:
            if _Q_TURN.match(info.sent.text):
                info.second_person = answerer
    salient: str | None = None
    last_org: Ent | None = None
    topic_org: Ent | None = None
    raws: list[Raw] = []
    affil_by_sent: list[list[Affil]] = []
    group_pred = None
    last_date: DateMention | None = None   # the date last mentioned, for "that month"
    recent: list[str] = []                 # people in order of last mention, for "Both left"
    correction_para: int | None = None
    left_org: Ent | None = None            # the org the sentence before says someone came from
    for si, info in enumerate(infos):
        _entities(info, registry, sur_re, published, shorts, si)
        for e in info.ents:
            if e.kind != "D" or e.date is None:
                continue
            if e.date.anaphor is not None:
                e.date = resolve_anaphor(e.date, last_date)
                e.key = e.date.date or ""
                if e.date.date and e.date.anaphor.startswith(("+", "next ")):
                    last_date = e.date   # "Two years later ... A year later ...": a chain of steps
            elif e.date.date:
                last_date = e.date
        _mark(info, salient, last_org, topic_org, recent, left_org)
        _restore_there(info)
        if si == 0 and has_title:
            if short_item and len(infos) > 1 and "«P" not in info.marked:
                # (the summary's first sentence: a body that restates the description first
                # names the person later, and ingest/ahead.py reads that)
                body_person = next(iter(infos[1].names), None)
                if body_person is not None:
                    described_subject(info, registry.key_of(body_person.text))   # "Ex-OpenAI VP lands at Meta"
            headline_prose(info)   # "P named O CTO", "P out at O"
        if recent and info.marked[:12].lstrip(" *-").startswith(("Both", "The two", "The pair", "The duo", "They both")):
            _plural_subject(info, recent)
        elif si > 0 and info.marked[:8].lstrip(" *-\"“").startswith(("They", "«Q")):
            _they_pair(info, infos[si - 1])
        if salient is not None and si > 0 and (infos[si - 1].sent.paragraph == info.sent.paragraph or
                                               len(infos[si - 1].sent.text) <= 80 and infos[si - 1].names):
            _subjectless(info, salient)   # the line before names the person: a bio's name line
        info.correction = _is_correction(info.sent.text) or (
            correction_para is not None and info.sent.paragraph == correction_para)
        if len(info.sent.text) <= 40 and _CORRECTION_HEADING.match(info.sent.text):
            correction_para = info.sent.paragraph + 1   # "## Correction" heads the paragraph after it
        if topic_org is not None:
            # a bare title ("Board chair P") is at the article's topic org: the first one named
            info.ents.append(Ent("O", topic_org.key, org=topic_org.org, start=-1, end=-1))
            info.ctx_org = str(len(info.ents) - 1)
        lead = _LEAD_ORG.match(info.marked)
        if lead:
            info.ctx_org = lead.group(1)   # "- Mistral AI: P joins as head of sales": the item's own org
        if salient is not None and "«P" not in info.marked and "«Q" not in info.marked and info.marked[:12].lstrip(" *#_-").startswith(("The", "the")):
            _described_subject(info, salient)   # (before the appositions: its "who" clause is one)
        _appositions(info)
        if salient is not None and "«P" not in info.marked and "«Q" not in info.marked and info.marked[:12].lstrip(" *#_-").startswith(("The", "the")):
            _described_salient(info, salient)
        if not info.correction and not ("?" in info.sent.text and _YES_NO_QUESTION.match(info.sent.text)):
            fronted_clauses(info)
            where_clauses(info)
            from_to_clauses(info)
            _triggers(info, si, raws, registry)
            if "ound" in info.marked:
                founders(info, si, raws, infos[max(0, si - 2):si])
            if "«D" in info.marked and "«O" in info.marked:
                career_spans(info, si, raws)
            if "«O" in info.marked:
                prior_posts(info, si, raws)
                posts_between(info, si, raws)
                post_years(info, si, raws)
                hired_us(info, si, raws)
                tenures(info, si, raws)
            # an interim title names no org of its own ("P, who has been interim COO since January")
            interim_posts(info, si, raws)
            succeeded_by(info, si, raws)
            took_over(info, si, raws)
            to_advisory(info, si, raws)
            if info.first_person:
                spoken_posts(info, si, raws)   # "I spent six years at AWS"
            served_since(info, si, raws)
            been_there(info, si, raws)
            for clause in info.rel_clauses:
                _triggers(info, si, raws, registry, clause)
                tenures(info, si, raws, clause)
                if "«D" in clause and "«O" in clause:
                    career_spans(info, si, raws, clause)
            _stative_there(info, si, raws, group_pred)
        affil_by_sent.append(info.affils)
        group_pred = _group_predicates(info)
        people = [e for e in info.ents if e.kind in "PQ"]
        for e in sorted(people, key=lambda e: e.start):
            if e.start >= 0:
                recent = [k for k in recent if k != e.key] + [e.key]
        if people:
            first = min(people, key=lambda e: e.start)
            pm = _PRONOUN_WORD.search(info.sent.text, 0, max(first.start, 0))
            if salient is None or pm is None or first.kind == "Q":
                salient = first.key
            # else "Her mentor there was P": the pronoun before P keeps the chain on its referent
        # the org in discourse focus: the first one named, not one the text says was left
        orgs_here = [e for e in info.ents if e.kind == "O" and e.org is not None and e.start >= 0
                     and not _LEFT_BEFORE.search(info.sent.text[max(0, e.start - 60):e.start])
                     and not _ALUMNI_AFTER.match(info.sent.text, e.end)]
        # the org this sentence says someone came from or left, for "left the company" in the next
        left_org = next((e for e in info.ents if e.kind == "O" and e.org is not None and e.start >= 0
                         and _CAME_FROM_BEFORE.search(info.sent.text[max(0, e.start - 30):e.start])), None)
        if orgs_here:
            last_org = min(orgs_here, key=lambda e: e.start)
            topic_org = topic_org or last_org
    raws.extend(announced_hires(infos))
    return_departures(infos, raws)
    stint_starts(infos, raws, published)
    seat_roles(infos, raws)
    if has_title:
        if short_item:
            group_headline(infos, raws)
            promotions_within(raws)   # "P named CEO of O" / "P was previously O's COO"
        date_headline_moves(raws, title)
    claims = whole_titles(with_variants(_finish(infos, raws, affil_by_sent, registry, published)))
    return Reading(claims, read_refutations(infos, registry, published))
