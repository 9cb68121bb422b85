"""Article-level rules over the raw claims of all sentences: org-less moves take the org the
article places the person at, joining B while described at A is leaving A, former roles are
departures and current ones held roles, corrections withdraw pairs, undated moves borrow a
neighbouring sentence's date, and one claim is kept per (type, person, org).
"""
from __future__ import annotations

import re

from .coref import PersonRegistry
from .dates import MONTHS, DateMention, find_dates, parse_published, shift
from .extract_types import Affil, Raw, SentInfo
from .merging import one_per_fact as _dedup
from .model import Claim
from .orgs import employer_of
from .refute import refute
from .retained import kept_posts, on_leave
from .timeline import date_indices, first_person_index, is_same_event_followup, opens_same_time, reporting_date_index, start_date_of

_SIDE_ROLE = re.compile(r"\b(?:advis[oe]r|adviser|advisory|board|visiting|fellow|affiliate|consultant)\b", re.I)
_LEAVING = re.compile(r"\b(?:leav(?:e|es|ing)|left|quit|quitting|depart\w*|exit\w*|resign\w*)\b", re.I)


_LET_GO = re.compile(r"\b(?:laid\s+off|let\s+go|fired|dismissed|sacked)\b", re.I)


def _finish(infos: list[SentInfo], raws: list[Raw], affil_by_sent: list[list[Affil]],
            registry: PersonRegistry, published: str | None) -> list[Claim]:
    pub, pub_prec = parse_published(published)
    claims: list[Raw] = []
    # affiliations per person, in article order (for org-less departures / promotions)
    # (sentence, rank, org, past): in one sentence a join comes after the affiliation it leaves
    timeline: dict[str, list[tuple[int, int, str, bool]]] = {}
    for si, affs in enumerate(affil_by_sent):
        for a in affs:
            if not a.former:
                timeline.setdefault(a.person, []).append((si, 0, a.org, a.past))
    for r in raws:
        if r.type in ("joined", "held_role") and r.org:
            timeline.setdefault(r.person, []).append((r.sent, 1 if r.type == "joined" else 0, r.org, False))

    def context_org(person: str, si: int, held_only: bool = False, current: bool = False,
                    when: DateMention | None = None) -> str | None:
        events = sorted(timeline.get(person, []))
        if current:
            gone = _gone_orgs(raws, person, si, when)
            events = [e for e in events if not any(_related(e[2], g) or _prefix_name(e[2], g) for g in gone)]
            if not events and gone:
                return None   # every org known for the person was left by then: the caller's context decides
            latest = _latest_join(raws, person, si, when, gone)
            if latest:
                return latest
        if held_only and any(k == 0 for _, k, _, _ in events):
            events = [e for e in events if e[1] == 0]
        if current and any(not past for _, _, _, past in events):
            events = [e for e in events if not e[3]]   # a new title is at a post held, not one told as past
        before = [o for s, _, o, _ in events if s <= si]
        if before:
            return before[-1]
        return events[0][2] if events else None

    def has_prior(person: str, org: str, si: int) -> bool:
        return any(o == org and s <= si for s, _, o, _ in timeline.get(person, [])) or \
            any(a.person == person and a.org == org for affs in affil_by_sent[:si + 1] for a in affs)

    def topic_org(si: int) -> str | None:
        info = infos[si]
        return info.ents[int(info.ctx_org)].key if info.ctx_org is not None else None

    few_orgs = len({e.key for info in infos for e in info.ents if e.kind == "O" and e.start >= 0}) <= 4
    # org-less joins first, so a title change told in the same sentence finds the org joined
    for r in sorted(raws, key=lambda x: x.type != "joined" or bool(x.org)):
        if r.type == "joined" and not r.org:
            # "P joins as ROLE": the article's org, never one the sentence places P at already
            here = {a.org for a in affil_by_sent[r.sent] if a.person == r.person and not a.former}
            # a join just stated of the same person ("### P: A -> B" then "P joined as ROLE") is the one
            # this sentence tells again; else the org the article is about
            recent = next((o for s, k, o, _ in sorted(timeline.get(r.person, []), reverse=True)
                           if k == 1 and s < r.sent and r.sent - s <= 3), None)
            # "Friday was my last day at O. I joined in 2017 as ...": the org just left, when the
            # join is dated (a past one, told as the career's start)
            just_left = next((x.org for x in sorted(raws, key=lambda x: -x.sent) if x.type == "left" and x.person == r.person
                              and x.org and r.sent - 3 <= x.sent < r.sent), None) if r.date is not None else None
            org = next((o for o in (recent, just_left, topic_org(r.sent), context_org(r.person, r.sent)) if o and o not in here), None)
            if not org:
                continue
            r.org = org
            timeline.setdefault(r.person, []).append((r.sent, 1, org, False))   # for a later "P is promoted"
        elif r.type == "role?":
            if r.org and has_prior(r.person, r.org, r.sent - 0):
                # earlier affiliation in the article: a new title
                # a tenure ("has been CTO at O since D") is a new title only after a stated join at O:
                # a description of P at O elsewhere is the same post
                prior_other = any(s < r.sent and o == r.org and (k == 1 or r.origin != "tenure")
                                  for s, k, o, _ in timeline.get(r.person, [])) or _joined_before(raws, r)
                here = r.origin != "tenure" and any(a.person == r.person and a.org == r.org for a in affil_by_sent[r.sent])
                interim = bool(r.role and re.search(r"\b(?:interim|acting)\b", r.role, re.I))
                r.type = "role_changed" if prior_other or here or interim else "joined"
            elif r.org and r.origin == "tenure" and _joined_before(raws, r):
                r.type = "role_changed"   # "has run X since 2019 ... joined O in 2004": a later title
            elif r.org:
                # an interim title is filled from within, unless the sentence places the person elsewhere
                interim = bool(r.role and re.search(r"\b(?:interim|acting)\b", r.role, re.I))
                elsewhere = any(a.person == r.person and a.org != r.org and not _related(a.org, r.org)
                                for a in affil_by_sent[r.sent])
                r.type = "role_changed" if interim and not elsewhere else "joined"
            else:
                # promoted, then left ("chose to leave months after being promoted"): the promotion
                # was at the org held, not at the destination
                leaving = bool(_LEAVING.search(infos[r.sent].sent.text))
                org = context_org(r.person, r.sent, held_only=leaving, current=True, when=r.date) or topic_org(r.sent)
                if not org:
                    continue
                # named to the title the person already holds at that org ("the Instacart chief
                # executive, was named CEO of Applications"): the title is at the article's org
                held_same = [a for a in affil_by_sent[r.sent] if a.person == r.person and a.org == org and not a.former
                             and _title(a.role) and _title(a.role) == _title(r.role)]
                topic = topic_org(r.sent)
                if held_same and topic and topic != org:
                    org = topic
                # a post elsewhere in the same sentence, current or just left ("P, previously X at A, was
                # named CTO"): named from outside, a join
                elsewhere = any(a.person == r.person and a.org != org and not _related(a.org, org)
                                for a in affil_by_sent[r.sent])
                r.org, r.type, r.confidence = org, "joined" if elsewhere else "role_changed", 0.6
                if not any(s <= r.sent for s, _, _, _ in timeline.get(r.person, [])):
                    r.origin = "role-ahead"   # the org comes from a later sentence ("... P joins O from A")
        elif r.type == "role_changed" and not r.org:
            leaving = bool(_LEAVING.search(infos[r.sent].sent.text))
            # the same title given with its org elsewhere in the article is that org's
            org = next((x.org for x in raws if x.person == r.person and x.org and x.type in ("role_changed", "role?")
                        and x.role and r.role and x.role.lower() == r.role.lower()), None)
            # no org anywhere for the person: the one the article is about, in a story about few orgs
            here = {e.key for e in infos[r.sent].ents if e.kind == "O" and e.start >= 0}
            org = org or context_org(r.person, r.sent, held_only=leaving, current=True, when=r.date) or (
                next(iter(here)) if len(here) == 1 else
                topic_org(r.sent) if few_orgs and not here and (_leads(infos[r.sent], r.person) or _reported(infos[r.sent], r.person))
                or re.match(r"\s*(?:[-*•]|\d+[.)])\s", infos[r.sent].sent.text) else None)
            if not org:
                continue
            r.org, r.confidence = org, 0.65
        elif r.type == "left" and not r.org:
            # an org-less departure is from the org the sentence describes the person at
            # (a former title counts: "its former CTO, P, left"); a later mention of a
            # departure already stated with its org ("after P's exit") adds nothing
            # (not an org the same sentence says the person joined: "who left in May and turned up at O")
            here = [a for a in affil_by_sent[r.sent] if a.person == r.person and not any(
                x.type == "joined" and x.person == r.person and x.sent == r.sent and x.org == a.org
                and x.origin not in ("span", "tenure", "post-years") for x in raws)]
            # "I'd been at O since 2020, and by the time I left in May ...": the post the sentence tells held
            held = next((x.org for x in raws if x.sent == r.sent and x.person == r.person and x.org
                         and x.type == "joined" and x.origin == "tenure"), None)
            if here:
                r.org, r.confidence = (next((a for a in here if a.former), here[0])).org, 0.7
            elif held:
                r.org, r.confidence = held, 0.7
            elif r.origin == "leave-us":
                # "P left us for O": the org whose post this is
                org = topic_org(r.sent)
                if not org or any(x.type == "joined" and x.person == r.person and x.sent == r.sent and x.org == org for x in raws):
                    continue
                r.org, r.confidence = org, 0.6
            else:
                stated = {x.org for x in raws if x.type == "left" and x.person == r.person and x.org}
                joins = {x.org for x in raws if x.type == "joined" and x.person == r.person and x.sent >= r.sent}
                org = context_org(r.person, r.sent)
                dest = {x.org for x in raws if x.type == "joined" and x.person == r.person and x.sent == r.sent}
                # a departure dated apart from every one stated with its org is another departure
                same_time = {x.org for x in raws if x.type == "left" and x.person == r.person and x.org and (
                    x.date is None or r.date is None or not x.date.date or not r.date.date
                    or x.date.date[:4] == r.date.date[:4])}
                if stated and not dest and same_time:
                    continue   # the departure the article states with its org elsewhere (a headline's "jumps ship")
                if org in joins or stated:
                    # "She spent four years at A. She left for B in 2022": the post held before
                    # the join, where the article names one
                    org = next((o for s, k, o, past in sorted(timeline.get(r.person, []), reverse=True)
                                if s <= r.sent and o not in dest and (k == 1 or past)), None)
                    if org is None or org in stated:
                        continue
                if not org and _LET_GO.search(infos[r.sent].sent.text):
                    org = topic_org(r.sent)   # "he had been let go": by the org the story is about
                elif not org and few_orgs and not timeline.get(r.person) and _leads(infos[r.sent], r.person) and not any(
                        x.person == r.person and x.org for x in raws):
                    # "P, who ran the Siri team, left in July", in a story about one company, of someone
                    # the article places nowhere else: that company
                    org = topic_org(r.sent)
                if not org:
                    continue
                r.org, r.confidence = org, 0.55
        claims.append(r)
    order = {id(r): i for i, r in enumerate(raws)}
    claims.sort(key=lambda r: order[id(r)])   # article order again for the rules below

    # a person joining B while described as at A (in the same sentence) left A
    for r in list(claims):
        if r.type != "joined" or r.role in ("board member",) or r.role and _SIDE_ROLE.search(r.role):
            continue   # a board seat or an advisory post sits beside the day job
        if r.origin in ("hired-us", "span"):
            continue   # a team taken over ("O hired most of us") or a past span is no departure of its own
        if on_leave(infos[r.sent].sent.text, [i.sent.text for i in infos[r.sent:r.sent + 4]]):
            continue   # "will join B on a two-year leave": the post at A is kept
        for a in affil_by_sent[r.sent]:
            if a.person == r.person and a.org != r.org and not _related(a.org, r.org) and not any(
                    x.type == "left" and x.person == r.person and x.org == a.org and x.date is not None for x in claims):
                # (a departure the text dates itself keeps its own date)
                claims.append(Raw("left", r.person, a.org, a.role, r.date, r.sent, r.quote, 0.7,
                                  r.present, a.unit, "infer-left"))
    # "P joined B this week. She spent a decade at A.": a past post told beside a join was left
    for r in list(claims):
        if r.type != "joined" or r.origin in ("span", "tenure", "post-years", "former", "affil", "founders", "hired-us") \
                or r.role and re.search(r"found", r.role, re.I):
            continue
        for si in range(r.sent, min(r.sent + 2, len(affil_by_sent))):
            if infos[si].sent.paragraph != infos[r.sent].sent.paragraph:
                break
            for a in affil_by_sent[si]:
                if a.person == r.person and a.past and not a.former and a.org != r.org and not _related(a.org, r.org) \
                        and not any(x.type in ("left", "joined") and x.person == r.person and x.org == a.org for x in claims):
                    claims.append(Raw("left", r.person, a.org, a.role, None, si, infos[si].sent.text, 0.6, False,
                                      a.unit, "past-beside-join"))
    # explicit former roles are departures; current ones are held roles
    for si, affs in enumerate(affil_by_sent):
        for a in affs:
            if infos[si].correction:
                continue
            if a.former:
                claims.append(Raw("left", a.person, a.org, a.role, a.date, si, infos[si].sent.text,
                                  min(a.confidence, 0.75), False, a.unit, "former"))
            elif not a.founder and not a.past:
                claims.append(Raw("held_role", a.person, a.org, a.role, None, si, infos[si].sent.text,
                                  a.confidence, True, a.unit, "affil"))

    # "P, who left A, is ROLE at B": a current title at B beside a departure from A in the
    # same sentence is a move to B (not so a board seat given up: "P, a partner at B, leaves
    # A's board" keeps the day job)
    for r in list(claims):
        if r.type != "held_role":
            continue
        if any(x.type == "left" and x.person == r.person and x.sent == r.sent and not _related(x.org, r.org)
               and x.origin not in ("former", "came-from") and not re.search(r"\bboard\b", x.quote, re.I)
               for x in claims) and \
                not any(x.type == "joined" and x.person == r.person and x.org == r.org for x in claims):
            claims.append(Raw("joined", r.person, r.org, r.role, None, r.sent, r.quote, 0.6, False, r.unit, "left-then-at"))
    # a later "P is still at O" refutes an earlier report that P left O (forum threads, follow-ups)
    still = {(c.person, c.org, c.sent) for c in claims if c.type == "held_role" and c.origin in ("affil", "stative")
             and re.search(r"\b(?:still|remains|has\s+not\s+left|hasn't\s+left)\b", c.quote, re.I)}
    if still:
        claims = [c for c in claims if not (c.type == "left" and any(p == c.person and o == c.org and si > c.sent
                                                                     for p, o, si in still))]
    # "Two years after joining, she was named chief scientist": counted from the join's date
    for c in claims:
        if c.offset and c.date is None and c.type in ("role_changed", "left"):
            base = next((x.date for x in claims if x.type == "joined" and x.person == c.person and x.org == c.org
                         and x.date is not None and x.date.date and x.sent < c.sent), None)
            if base is not None:
                n, unit, sign = c.offset
                date, prec = shift(base.date, n * sign, unit)
                c.date = DateMention(-1, -1, date, prec, True, "")
    # the title a person takes on joining ("P will join B. P will become VP") is the join's,
    # not a promotion: fold a role change that follows a join closely into it
    joins = [c for c in claims if c.type == "joined"]
    folded = []
    for c in claims:
        if c.type == "role_changed" and c.origin in ("role?", "role", "step-up", "role-ahead", "hire-named"):
            # (or just before it, its org read from that join: "P will become CEO on Jan 1. P joins O from A")
            j = next((x for x in joins if x.person == c.person and x.org == c.org
                      and (0 <= c.sent - x.sent <= 2 or c.sent - x.sent == -1 and c.origin == "role-ahead" and x.date is None)
                      and (x.sent < c.sent or x.origin not in ("passive",))
                      and not (x.role and re.search(r"\bfound", x.role, re.I))   # a founding takes no later title
                      and (c.date is None or x.date is None or (c.date.date or "")[:7] == (x.date.date or "")[:7])), None)
            if j is not None and c.date is not None and c.date.date and any(
                    y.person == c.person and y.org == c.org and y.date is not None and y.date.date
                    and y.date.date[:7] < c.date.date[:7] for y in joins):
                j = None   # already there before the new title's date ("arrived in March ... interim CTO from September")
            if j is not None:
                if not j.role and c.role:
                    j.role = c.role
                if j.date is None and c.date is not None and c.sent < j.sent:
                    j.date = c.date
                continue
        folded.append(c)
    claims = folded
    # "O's head of sales, P, who was named its CEO": a new title, not a join
    changed = {(c.person, c.org, c.sent) for c in claims if c.type == "role_changed"}
    claims = [c for c in claims if not (c.type == "joined" and c.origin == "passive" and (c.person, c.org, c.sent) in changed)]
    # "P, previously a staff engineer at O, was promoted at O": a former title, not a departure
    promoted = {(c.person, c.org) for c in claims if c.type == "role_changed"}
    claims = [c for c in claims if not (c.type == "left" and c.origin == "former" and (c.person, c.org) in promoted)]
    claims = kept_posts(infos, refute(infos, claims, published))
    # corrections withdraw the (person, org) pairs they say were wrong
    withdrawn: set[tuple[str | None, str]] = set()
    for info in infos:
        if not info.correction:
            continue
        s = info.marked
        people = {info.ents[int(x)].key for x in re.findall(r"«[PQ](\d+)»", s)}
        wrong: set[str] = set()
        for m in re.finditer(r"\b(?:not|rather\s+than|instead\s+of|never)\s+(?:at\s+|with\s+|join\w*\s+|left\s+)?«O(\d+)»", s, re.I):
            wrong.add(info.ents[int(m.group(1))].key)
        em = re.search(r"\b(?:earlier\s+version|incorrectly|erroneously|mistakenly|misstated)\b(.*?)(?:[.;]|\s,\s|\bbut\b|\bin\s+fact\b|$)", s, re.I)
        if em:
            for x in re.findall(r"«O(\d+)»", em.group(1)):
                wrong.add(info.ents[int(x)].key)
            people |= {info.ents[int(x)].key for x in re.findall(r"«[PQ](\d+)»", em.group(1))}
        for o in wrong:
            if people:
                withdrawn.update((p, o) for p in people)
            else:
                withdrawn.add((None, o))
    claims = [c for c in claims if (c.person, c.org) not in withdrawn and (None, c.org) not in withdrawn]

    # relative-to-event offsets: "seven months after being promoted" -> that event's date
    dated = {(c.type, c.person, c.org): c.date for c in claims if c.date and c.date.date}

    _borrow_dates(infos, claims, published)
    # dates
    out: list[Claim] = []
    fallbacks: set[int] = set()   # claims dated only by the publication date
    for c in claims:
        if not c.org or not c.person:
            continue
        date = c.date.date if c.date and c.date.date else None
        prec = c.date.precision if date else "unknown"
        inferred = bool(c.date.inferred) if date else False
        fallback = False
        if date is None and c.present and pub is not None and c.type != "held_role":
            prec = pub_prec
            date = published[:{"day": 10, "month": 7}.get(prec, 4)]
            inferred = fallback = True
        out.append(Claim(type=c.type, person=registry.display(c.person), org=c.org, role=c.role,
                         date=date, date_precision=prec, date_inferred=inferred,
                         quote=c.quote.strip(), confidence=round(max(0.05, min(1.0, c.confidence)), 2),
                         person_aliases=registry.aliases(c.person), org_unit=c.unit))
        if fallback:
            fallbacks.add(id(out[-1]))
    _ = dated
    return _dedup(out, fallbacks)


def _not_after(a: DateMention, b: DateMention) -> bool:
    """Date `a` is on or before date `b`, compared at the coarser precision (unknown: False)."""
    if not a.date or not b.date:
        return False
    n = min(len(a.date), len(b.date))
    return a.date[:n] <= b.date[:n]


def _joined_before(raws: list[Raw], r: Raw) -> bool:
    """A join of the same person and org, told anywhere in the article, dated before the tenure began."""
    if r.origin != "tenure" or r.date is None or not r.date.date:
        return False
    return any(x.type == "joined" and x.person == r.person and x.org == r.org and x.date is not None and x.date.date
               and x.date.date[:4] < r.date.date[:4] for x in raws)


_REPORTED_SUBJECT = re.compile(r"\b(?:said|says|announced|wrote|confirmed|added)\s+(?:on\s+«D\d+»\s+)?(?:that\s+)?«[PQ](\d+)»")


def _reported(info: SentInfo, person: str) -> bool:
    """The person is the subject of a reported clause ("P said P2 would serve as president")."""
    return any(info.ents[int(m.group(1))].key == person for m in _REPORTED_SUBJECT.finditer(info.marked)
               if int(m.group(1)) < len(info.ents))


def _leads(info: SentInfo, person: str) -> bool:
    """The person is the first one the sentence names (its subject, as a rule)."""
    people = [e for e in info.ents if e.kind in "PQ" and e.start >= 0]
    return bool(people) and min(people, key=lambda e: e.start).key == person


_DATE_LEAD = re.compile(r"^\W*«D(\d+)»\s*(?:,|:)\s")
_MONTH_HEADING = re.compile(r"^\W*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)(\s+\d{4})?\s*[.:]?\W*$")


def _heading_dates(infos: list[SentInfo], published: str | None) -> dict[int, DateMention]:
    """Paragraphs opened by a bare month heading ("March." / "September 2022:"), as in a
    month-by-month review: paragraph -> that month."""
    out: dict[int, DateMention] = {}
    seen: set[int] = set()
    carry: DateMention | None = None   # a heading standing alone heads the paragraphs after it
    for i, info in enumerate(infos):
        para = info.sent.paragraph
        if para in seen or para < 0:
            continue
        seen.add(para)
        lead = _DATE_LEAD.match(info.marked)
        if lead and info.ents[int(lead.group(1))].date is not None and info.ents[int(lead.group(1))].date.date:
            # a timeline entry "**October 2026** — A joins ... B steps back ...": the entry's date
            out[para] = info.ents[int(lead.group(1))].date
            carry = None
            continue
        m = _MONTH_HEADING.match(info.sent.text) if len(info.sent.text) <= 40 else None
        if not m or m.group(1).rstrip(".").lower() not in MONTHS:
            if carry is not None:
                out[para] = carry
            continue
        ds = find_dates(f"{m.group(1)}{m.group(2)}" if m.group(2) else f"in {m.group(1)}", published)
        d = ds[0] if ds and ds[0].date and ds[0].precision in ("month", "day") else None
        alone = i + 1 >= len(infos) or infos[i + 1].sent.paragraph != para
        carry = d if alone else None
        if d is not None:
            out[para] = d
    return out


def _borrow_dates(infos: list[SentInfo], claims: list[Raw], published: str | None = None) -> None:
    """Undated move claims take the time a neighbouring sentence gives the same event
    (see ingest/timeline.py for the three rules and why); failing that, the month heading
    their paragraph opens with."""
    headings = _heading_dates(infos, published)
    def ent_date(si: int, idx: int) -> DateMention | None:
        ents = infos[si].ents
        d = ents[idx].date if idx < len(ents) else None
        return d if d is not None and d.date and not d.future else None

    def first_date(si: int) -> DateMention | None:
        for idx in date_indices(infos[si].marked):
            d = ent_date(si, idx)
            if d is not None:
                return d
        return None

    # "O was incorporated in January": when the company began, its undated founders joined
    founded: dict[str, DateMention] = {}
    for si, info in enumerate(infos):
        for m in _ORG_FOUNDED.finditer(info.marked):
            oi, di = int(m.group(1)), int(m.group(2))
            if oi < len(info.ents) and info.ents[oi].kind == "O":
                d = ent_date(si, di)
                if d is not None:
                    founded.setdefault(info.ents[oi].key, d)
    for c in claims:
        # (a join this article announces: undated or dated no earlier than the article's month)
        if c.type == "joined" and c.origin not in ("former", "affil", "prior-post") and (
                c.date is None or not c.date.date or published is not None and c.date.date >= published[:7]):
            for nxt in range(c.sent + 1, min(c.sent + 3, len(infos))):
                st = start_date_of(infos[nxt].marked)
                ents = infos[nxt].ents
                if st is not None and max(*st[0], st[1]) < len(ents) and c.person in {ents[i].key for i in st[0]} \
                        and ents[st[1]].date is not None and ents[st[1]].date.date:
                    c.date = ents[st[1]].date   # "O named P as CFO on Monday. P will start on Sept. 1."
                    break
        if c.type == "held_role" or c.date is not None or c.origin in ("former", "affil", "prior-post"):
            continue
        if c.type == "joined" and c.org in founded and c.role and re.search(r"\bfound", c.role, re.I):
            c.date = founded[c.org]
            continue
        si = c.sent
        nxt = si + 1
        if nxt < len(infos) and infos[nxt].sent.paragraph == infos[si].sent.paragraph or (
                nxt < len(infos) and si == 0):
            mk = infos[nxt].marked
            pi = first_person_index(mk)
            if pi is not None and pi < len(infos[nxt].ents) and infos[nxt].ents[pi].key == c.person \
                    and is_same_event_followup(mk):
                ri = reporting_date_index(mk)
                d = (ent_date(nxt, ri) if ri is not None else None) or first_date(nxt)
                if d is not None:
                    if not (re.search(r"\bfirst\s+day\b", mk, re.I) and c.type == "left") and \
                            not (re.search(r"\blast\s+day\b", mk, re.I) and c.type == "joined"):
                        c.date = d
                        continue
        prv = si - 1
        if prv >= 0 and opens_same_time(infos[si].sent.text):
            # "Hours later, ..." (may open a new paragraph): the time of the reported event
            ri = reporting_date_index(infos[prv].marked)
            c.date = (ent_date(prv, ri) if ri is not None else None) or first_date(prv)
        elif prv >= 1 and infos[prv].sent.paragraph == infos[si].sent.paragraph and opens_same_time(infos[prv].sent.text) \
                and not date_indices(infos[si].marked) and not date_indices(infos[prv].marked) \
                and re.search(r"\b(?:said|says|announced|added|confirmed)\b", infos[si].sent.text):
            # "Hours later, A said B was leaving. A said C would become CTO": the same report
            ri = reporting_date_index(infos[prv - 1].marked)
            c.date = (ent_date(prv - 1, ri) if ri is not None else None) or first_date(prv - 1)
        elif prv >= 0 and infos[prv].sent.paragraph == infos[si].sent.paragraph:
            # (not when the sentence before tells this very move with its own date: "O said Monday
            # that P will become CEO on Jan. 1. P joins O from O2" is the Jan. 1 join restated)
            if c.present and not date_indices(infos[si].marked) and not any(
                    o.sent == prv and o.type == c.type and o.person == c.person and o.org == c.org and o.date is not None
                    for o in claims):
                ri = reporting_date_index(infos[prv].marked)
                if ri is not None:
                    c.date = ent_date(prv, ri)
        if c.date is None and infos[si].sent.paragraph in headings:
            c.date = headings[infos[si].sent.paragraph]


_ORG_FOUNDED = re.compile(
    r"«O(\d+)»\s+(?:was|were|had\s+been|has\s+been)\s+(?:officially\s+|formally\s+|quietly\s+)?"
    r"(?:incorporated|founded|co-founded|formed|established|set\s+up|registered|started)\s+(?:in|on|back\s+in)?\s*«D(\d+)»",
    re.I)


_TITLES = (("ceo", r"\b(?:ceo|chief\s+executive)\b"), ("cto", r"\b(?:cto|chief\s+technology)\b"),
           ("cfo", r"\b(?:cfo|chief\s+financial)\b"), ("coo", r"\b(?:coo|chief\s+operating)\b"),
           ("president", r"\bpresident\b(?<!vice\spresident)"), ("chair", r"\bchair"))


def _title(role: str | None) -> str | None:
    """The top title a role string names (CEO, CTO, ...), for telling a new title from the same one."""
    if not role:
        return None
    low = role.lower()
    if "vice president" in low:
        return None
    return next((k for k, pat in _TITLES if re.search(pat, low)), None)


def _gone_orgs(raws: list[Raw], person: str, si: int, when: DateMention | None) -> set[str]:
    """Orgs a new title (told in sentence `si`, dated `when`) cannot be at, because the article
    says the person left them by then ("P, who joined from A in April, was promoted to SVP"):
    a departure told in the same sentence, one dated before the title, or a dated departure told
    earlier when the title has no date."""
    return {x.org for x in raws if x.type == "left" and x.person == person and x.org and x.sent <= si
            and (x.sent == si and (when is None or x.date is None or _not_after(x.date, when))
                 or x.date is not None and when is not None and _not_after(x.date, when)
                 or x.date is not None and x.date.date and when is None and x.sent < si)}


def _latest_join(raws: list[Raw], person: str, si: int, when: DateMention | None, gone: set[str]) -> str | None:
    """The org the person joined last by date, where the article dates at least two joins: a
    profile told out of order ("On Jan. 1 she became CEO of A ... In 2019 she moved to B") puts
    the current post first, so sentence order would pick the wrong one."""
    dated = sorted((x.date.date, x.org) for x in raws if x.type in ("joined", "role?") and x.person == person and x.org
                   and x.date is not None and x.date.date and x.sent <= si and (when is None or _not_after(x.date, when)))
    if len(dated) < 2:
        return None
    last_date, org = dated[-1]
    left_since = any(x.type == "left" and x.person == person and x.org == org and x.date is not None and x.date.date
                     and x.date.date[:4] >= last_date[:4] for x in raws)
    return None if left_since or any(_related(org, g) for g in gone) else org


def _prefix_name(a: str, b: str) -> bool:
    """One name is the other's first words ("Toyota" and "Toyota Research Institute"): the article
    shortens the name it gave in full."""
    x, y = sorted((a, b), key=len)
    return y.startswith(x + " ")


def _related(a: str, b: str) -> bool:
    """Same organization family (a unit and its parent)."""
    return employer_of(a) == employer_of(b) or a == b
