"""Cross-article refutations: which facts a later article's denial, fallen-through move or
correction retracts. Pure over the `Registry`; the ingestion shell appends what it returns.

A refutation (ingest/denials.py) retracts an ACTIVE fact with the same type, person and
organization (names resolved as for claims, never creating anyone) when every source of the
fact is earlier than the refuting article: by publication date when both are dated and the
dates differ, else by ingestion order. A fact the refuting article itself reports, or one a
later article repeated, stays. Whichever article arrives first, the outcome is the same: a
report ingested after an already-stored, later-dated denial is recorded and retracted at once.

Conservative limits, because a false retraction loses a true fact:
- the reporting articles must be recent: within REPORT_DAYS before the refuting one
  (CORRECTION_DAYS for a correction, unless it names the corrected article's date, which one
  source must then carry);
- a denial or a fallen-through move is about the present: a fact dated more than
  PAST_DAYS before the refuting article is an earlier stint, not the one denied, and a
  board seat or advisory post is not the job a denial speaks of.

Refuting `left` by a denial ("P is not leaving O", "P remains at O") also says P is at O:
the refuting article's statement is recorded as a `held_role` (corroborating one if known),
so rosters keep P at O from the denial on even when the retracted departure was the only
fact placing P there.

Nothing is deleted: a retraction is an event naming the fact, the refuting article and its
sentence, and a later article reporting the move again records it as a new fact.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ingest.model import Claim, Refutation
from ingest.dates import period_bounds
from ingest.resolve import KnownFact, Registry, SeenArticle, plan
from store.events import FACT_EVENTS, RETRACTED, NewEvent

REPORT_DAYS = 180
CORRECTION_DAYS = 60
PAST_DAYS = 365
_SIDE_ROLE = re.compile(r"\b(?:board|advis[oe]r|advisory|consultant|trustee|visiting|observer)\b", re.I)
_VERB = {"denial": "denied", "fell_through": "said this move fell through", "correction": "corrected this"}


def _span(published: str | None) -> tuple[date, date] | None:
    if not published:
        return None
    try:
        return period_bounds(published[:10])
    except ValueError:
        return None


def earlier(src: SeenArticle, ref: SeenArticle) -> bool:
    """`src` was published before `ref`; when the dates cannot say (either unknown, or the
    same period), `src` was ingested first."""
    if src.id == ref.id:
        return False
    s, r = _span(src.published), _span(ref.published)
    if s is not None and r is not None:
        if s[1] < r[0]:
            return True
        if s[0] > r[1]:
            return False
    return src.order < ref.order


def _within(src: SeenArticle, ref: SeenArticle, days: int) -> bool:
    s, r = _span(src.published), _span(ref.published)
    return s is None or r is None or (r[0] - s[1]).days <= days


def retracts(ref: Refutation, refuting: SeenArticle, fact: KnownFact, reg: Registry) -> bool:
    """Whether `ref`, stated by `refuting`, retracts `fact` (already matched on type, person
    and organization): active, every source earlier and recent, and of the present."""
    if fact.retracted or not fact.sources:
        return False
    sources = [reg.articles.get(a) for a in fact.sources]
    if any(s is None or not earlier(s, refuting) for s in sources):
        return False
    days = CORRECTION_DAYS if ref.kind == "correction" and not ref.about else REPORT_DAYS
    if not all(_within(s, refuting, days) for s in sources if s is not None):
        return False
    if ref.kind == "correction" and ref.about:
        dated = [s.published[:10] for s in sources if s is not None and s.published and len(s.published) >= 10]
        if dated and ref.about not in dated:
            return False
    if ref.kind != "correction" and fact.role and _SIDE_ROLE.search(fact.role):
        return False   # "P remains at O" says nothing of the board seat P gave up
    r = _span(refuting.published)
    if ref.kind != "correction" and fact.date and r is not None:
        try:
            if period_bounds(fact.date)[1] < r[0] - timedelta(days=PAST_DAYS):
                return False
        except ValueError:
            return False
    return True


def _matches(ref: Refutation, reg: Registry) -> list[KnownFact]:
    pid = reg.find_person(ref.person, ref.person_aliases)
    if pid is None:
        return []
    return list(reg.facts.get((ref.type, pid, reg.org_id(ref.org)), []))


def _retraction(fact: KnownFact, ref: Refutation, refuting: SeenArticle) -> NewEvent:
    when = refuting.published or "undated"
    reason = f'{refuting.label} ({when}) {_VERB.get(ref.kind, "refuted this")}: "{ref.quote}"'
    return NewEvent(type=RETRACTED, person_key=fact.person_id, org_key=fact.org_id,
                    idempotency_key=f"refute:{refuting.id}:{fact.event_id}",
                    payload={"fact": fact.event_id, "reason": reason, "by": "refutation",
                             "article": refuting.id, "kind": ref.kind, "quote": ref.quote})


def stays(article_id: str, ref: Refutation, reg: Registry) -> list[str]:
    """The active `held_role` facts that `ref` (a denied departure) states for its article:
    the person is at the organization by that article's word."""
    if ref.type != "left" or ref.kind != "denial":
        return []
    pid = reg.find_person(ref.person, ref.person_aliases)
    if pid is None:
        return []
    return [f.event_id for f in reg.facts.get(("held_role", pid, reg.org_id(ref.org)), [])
            if not f.retracted and article_id in f.sources]


def _retract(fact: KnownFact, ref: Refutation, refuting: SeenArticle, reg: Registry) -> list[NewEvent]:
    """The retraction, and for a denied departure the refuting article's `held_role`."""
    fact.retracted = True
    out = [_retraction(fact, ref, refuting)]
    if ref.type == "left" and ref.kind == "denial" and not stays(refuting.id, ref, reg):
        at = Claim(type="held_role", person=ref.person, org=ref.org, quote=ref.quote, confidence=0.6,
                   person_aliases=ref.person_aliases)
        out += plan(refuting, [at], reg)
    return out


def new_refutations(first: str, refutations: list[Refutation], reg: Registry) -> list[Refutation]:
    """The refutations a near copy of article `first` states that `first` did not: an updated
    version's correction notice, which makes it more than a copy."""
    stated = {(r.type, r.person, r.org) for a, r in reg.refutations if a == first}
    return [r for r in refutations if (r.type, r.person, r.org) not in stated]


def plan_refutations(article: SeenArticle, refutations: list[Refutation], planned: list[NewEvent],
                     reg: Registry, copy_of: str | None = None) -> list[NewEvent]:
    """The retractions an article's refutations call for, both ways in time:
    - facts already known from earlier articles that its refutations deny;
    - facts it has just reported (`planned`) that a stored, later article denies.
    `copy_of` is the first copy of a near-duplicate: refutations that copy already stated
    are the same statement, not a later one. The registry learns the refutations and
    retractions at once, so later articles in the batch see them."""
    out: list[NewEvent] = []
    fresh = new_refutations(copy_of, refutations, reg) if copy_of else refutations
    for ref in refutations:
        if ref not in fresh:
            reg.add_refutation(article.id, ref)
            continue
        for fact in _matches(ref, reg):
            if retracts(ref, article, fact, reg):
                out += _retract(fact, ref, article, reg)
        reg.add_refutation(article.id, ref)
    for ev in planned:
        if ev.type not in FACT_EVENTS:
            continue
        fact = reg.fact_by_id.get(ev.event_id)
        for aid, ref in list(reg.refutations_at.get((ev.type, ev.org_key or ""), ())):
            refuting = reg.articles.get(aid)
            if fact is None or fact.retracted or refuting is None or aid == article.id or ref.type != fact.type:
                continue
            same = reg.find_person(ref.person, ref.person_aliases) == fact.person_id
            if same and retracts(ref, refuting, fact, reg):
                out += _retract(fact, ref, refuting, reg)
    return out
