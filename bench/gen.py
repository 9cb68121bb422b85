"""Generated workloads: fact logs shaped like rollcall's own, and news articles.

Everything is seeded, so two runs measure the same data.

Fact logs follow what `ingest.resolve.plan` appends: `joined`/`left`/`role_changed`/
`held_role` facts with person, org, role, date and source payloads, `corroborated` and
`retracted` events pointing at earlier facts, and `merged` events (mostly people, a few
organizations). People have careers: a `left` closes the job they hold, a `joined` at a
new employer is a move, roles change inside a stint. Valid dates drift forward through the
log (2015 -> 2026) and transaction time advances batch by batch, so `--as-of` and
`--known-at` both select real history.
"""
from __future__ import annotations

import hashlib
import json
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from store.events import NewEvent

ROOT = Path(__file__).resolve().parents[1]

FIRST = ("Ada Alan Alex Amara Amir Ana Andrej Anya Arjun Ava Ben Bo Carla Chen Chris Dana Daniel Dario David "
         "Elena Eli Emma Eric Fatima Felix Gabriel Grace Hana Hiro Ian Ilya Ines Isabel Ivan Jakob James Jan "
         "Jia Joao John Julia Kai Karen Kenji Lara Lei Leo Lina Liam Lucas Maya Max Mei Mira Nadia Naveen "
         "Nina Noah Omar Oren Pablo Priya Quinn Rafael Ravi Rosa Ruth Sam Sara Sofia Tariq Tess Theo Tom "
         "Uma Victor Wei Xin Yara Yuki Zara Zoe Aditi Bruno Celine Dmitri Esther Farid Greta Hugo Irene").split()
LAST = ("Abbott Adeyemi Agarwal Alvarez Amodei Andersen Bauer Becker Bianchi Brennan Castillo Chandra Chow "
        "Costa Dahl Das Delgado Dubois Eriksen Fischer Fujita Garcia Gupta Hale Hartmann Hoffman Horvath "
        "Ibrahim Ito Jensen Kaur Keller Khan Kim Kowalski Kumar Larsen Laurent Leike Lin Lopez Maddox "
        "Mehta Moreau Murphy Nakamura Novak Okafor Olsen Park Patel Petrov Quinn Radford Rao Reyes Rossi "
        "Russo Sato Schmidt Schwarzer Shah Silva Singh Sokolov Suzuki Tanaka Torres Tran Varga Vogel "
        "Wagner Walsh Wang Weber Wong Wu Yamamoto Yang Zhang Zhou Zielinski Novikov Brandt Cruz Haddad "
        "Lindqvist Mensah Oyelaran Pereira Quist Sandoval Takahashi Underwood Valdez Whitaker Xu Yilmaz").split()
ROLES = ("member of technical staff", "research scientist", "research engineer", "vice president of research",
         "head of post-training", "chief scientist", "chief technology officer", "chief executive",
         "head of product", "director of engineering", "principal engineer", "head of safety",
         "co-founder", "board member", "advisor", "head of infrastructure", "chief operating officer",
         "general counsel", "head of policy", "staff engineer")


def orgs(n: int = 60) -> list[str]:
    data = json.loads((ROOT / "ingest" / "data" / "orgs.json").read_text())
    names = [o["name"] for o in data["orgs"] if not o.get("parent")]
    return names[:n]


def slug(s: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in s.lower()).split())


def people_names(n: int, rng: random.Random) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    i = 0
    while len(out) < n:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in seen:
            i += 1
            name = f"{rng.choice(FIRST)} {chr(65 + i % 26)}. {rng.choice(LAST)}"
            if name in seen:
                name = f"{name} {len(out)}"
        seen.add(name)
        out.append(name)
    return out


def _date(rng: random.Random, frac: float) -> tuple[str | None, str]:
    """A valid-time date about `frac` of the way from 2015 to 2026, at a random precision."""
    base = date(2015, 1, 1) + timedelta(days=int(frac * 4000) + rng.randint(-60, 60))
    r = rng.random()
    if r < 0.5:
        return base.isoformat(), "day"
    if r < 0.8:
        return base.isoformat()[:7], "month"
    if r < 0.9:
        return base.isoformat()[:4], "year"
    return None, "unknown"


def fact_log(n: int, seed: int = 7, n_people: int | None = None, n_orgs: int = 60) -> Iterator[NewEvent]:
    """`n` events of the realistic mix. People scale with the log (20 events each, 500..50,000)."""
    rng = random.Random(seed)
    n_people = n_people or max(500, min(50_000, n // 20))
    names = people_names(n_people, rng)
    org_names = orgs(n_orgs)
    weights = [1.0 / (i + 1) ** 0.9 for i in range(len(org_names))]  # a few big employers
    live = list(range(n_people))  # people not merged away
    live_pos = {p: i for i, p in enumerate(live)}
    job: dict[int, tuple[int, str]] = {}  # person -> (org, role)
    employed: list[int] = []
    employed_pos: dict[int, int] = {}
    facts: list[str] = []
    retracted: set[str] = set()
    org_merged: set[int] = set()
    org_into: dict[int, int] = {}
    article = ""
    org_merges_due = max(0, n // 200_000)

    def pick_org() -> int:
        o = rng.choices(range(len(org_names)), weights)[0]
        while o in org_into:
            o = org_into[o]
        return o

    def set_job(p: int, o: int | None, role: str | None = None) -> None:
        if o is None:
            job.pop(p, None)
            if p in employed_pos:
                i = employed_pos.pop(p)
                last = employed.pop()
                if last != p:
                    employed[i] = last
                    employed_pos[last] = i
        else:
            job[p] = (o, role or "")
            if p not in employed_pos:
                employed_pos[p] = len(employed)
                employed.append(p)

    def source(i: int) -> dict:
        return {"article": article, "url": f"https://news.example.com/{i // 3}", "path": None,
                "published": (date(2015, 1, 1) + timedelta(days=int(i / n * 4000) + 3)).isoformat(),
                "published_inferred": False,
                "quote": "{} said on Tuesday that the move had been planned for months, according to people "
                         "familiar with the matter.".format(names[rng.randrange(n_people)])}

    def fact(i: int, type_: str, p: int, o: int, role: str | None) -> NewEvent:
        d, prec = _date(rng, i / n)
        name = names[p]
        pid, oid = slug(name), slug(org_names[o])
        return NewEvent(type=type_, person_key=pid, org_key=oid, valid_date=d, valid_precision=prec,
                        idempotency_key=f"fact:{article}:{type_}:{pid}:{oid}:{d or ''}:{i}",
                        payload={"person": {"id": pid, "name": name, "aliases": [name.split()[-1]]},
                                 "org": {"id": oid, "name": org_names[o]}, "role": role, "date": d,
                                 "precision": prec, "date_inferred": d is None, "confidence": 0.8,
                                 "source": source(i)})

    for i in range(n):
        if i % 3 == 0:
            article = "sha256:" + hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()
        r = rng.random()
        if org_merges_due and i > n // 2 and i % (n // (org_merges_due + 1)) == 0:
            a, b = rng.sample([o for o in range(len(org_names)) if o not in org_into], 2)
            org_into[a] = b
            org_merged.add(a)
            yield NewEvent(type="merged", idempotency_key=None,
                           payload={"kind": "org", "from": slug(org_names[a]), "into": slug(org_names[b])})
            continue
        if facts and r < 0.20:
            fid = facts[rng.randrange(len(facts))]
            d, prec = _date(rng, i / n)
            yield NewEvent(type="corroborated", idempotency_key=f"corr:{article}:{fid}:{i}",
                           payload={"fact": fid, "source": source(i), "role": None, "date": d, "precision": prec,
                                    "date_inferred": False, "confidence": 0.8})
            continue
        if facts and r < 0.23:
            fid = facts[rng.randrange(len(facts))]
            if fid not in retracted:
                retracted.add(fid)
                yield NewEvent(type="retracted", idempotency_key=None,
                               payload={"fact": fid, "reason": "misread", "by": "bench"})
                continue
        if len(live) > 2 and r > 0.995:
            a, b = rng.sample(live, 2)
            i_a = live_pos.pop(a)
            last = live.pop()
            if last != a:
                live[i_a] = last
                live_pos[last] = i_a
            set_job(a, None)
            yield NewEvent(type="merged", idempotency_key=None,
                           payload={"kind": "person", "from": slug(names[a]), "into": slug(names[b])})
            continue
        r = rng.random()
        if employed and r < 0.28:  # someone leaves
            p = employed[rng.randrange(len(employed))]
            o, role = job[p]
            set_job(p, None)
            e = fact(i, "left", p, o, role or None)
        elif employed and r < 0.42:  # promotion / role change
            p = employed[rng.randrange(len(employed))]
            o, _ = job[p]
            role = rng.choice(ROLES)
            set_job(p, o, role)
            e = fact(i, "role_changed", p, o, role)
        elif r < 0.60:  # "X, a researcher at Y": held_role
            p = live[rng.randrange(len(live))]
            o = job[p][0] if p in job and rng.random() < 0.8 else pick_org()
            role = rng.choice(ROLES)
            if p not in job:
                set_job(p, o, role)
            e = fact(i, "held_role", p, o, role)
        else:  # a move or a first job
            p = live[rng.randrange(len(live))]
            o = pick_org()
            if p in job and job[p][0] == o:
                o = pick_org()
            role = rng.choice(ROLES)
            set_job(p, o, role)
            e = fact(i, "joined", p, o, role)
        facts.append(e.event_id)
        yield e


def recorded_times(n_batches: int, start: datetime | None = None, span_days: int = 730) -> list[datetime]:
    """Transaction times for generated batches: spread over two years so `--known-at` bites."""
    start = start or datetime(2024, 1, 1, tzinfo=timezone.utc)
    step = timedelta(days=span_days) / max(1, n_batches)
    return [start + step * k for k in range(n_batches)]


def small_events(n: int, seed: int = 11) -> list[NewEvent]:
    """Small events (~300 bytes of payload) for the append benchmark, all with idempotency keys."""
    rng = random.Random(seed)
    names = people_names(2000, rng)
    org_names = orgs(60)
    out = []
    for i in range(n):
        name, org = names[rng.randrange(len(names))], org_names[rng.randrange(len(org_names))]
        pid, oid = slug(name), slug(org)
        d = f"20{rng.randint(15, 26)}-{rng.randint(1, 12):02d}"
        out.append(NewEvent(type="joined", person_key=pid, org_key=oid, valid_date=d, valid_precision="month",
                            idempotency_key=f"fact:bench:{i}",
                            payload={"person": {"id": pid, "name": name}, "org": {"id": oid, "name": org},
                                     "role": rng.choice(ROLES), "date": d, "precision": "month"}))
    return out
