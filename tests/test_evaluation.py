"""The measurement harness: scoring logic and the seed-article floors."""
import json
from pathlib import Path

import pytest

from ingest.evaluation import date_ok, evaluate, score

GOLD = {
    "orgs": {"acme": ["Acme", "Acme AI"], "beta": ["Beta"]},
    "people": {"jo-lee": ["Jo Lee", "Lee"]},
    "facts": [
        {"id": "a", "type": "joined", "person": "jo-lee", "org": "acme", "date": "2024-05"},
        {"id": "b", "type": "held_role", "person": "jo-lee", "org": "beta", "date": None, "optional": True},
    ],
    "not_facts": [{"type": "left", "person": "jo-lee", "org": "acme", "why": "rumor"}],
}


def ev(t, p, o, d=None):
    return {"type": t, "person": {"name": p}, "org": {"name": o}, "date": d, "status": "active"}


def test_score_matches_aliases_dates_duplicates_and_not_facts():
    res = score(GOLD, [ev("joined", "JO LEE", "Acme AI", "2024-05-02"), ev("joined", "Jo Lee", "Acme"),
                       ev("held_role", "Jo Lee", "Beta"), ev("left", "Jo Lee", "Acme")])
    assert res["moves"]["tp"] == 1 and res["moves"]["fp"] == 2
    assert res["duplicates"] == 1
    assert res["moves"]["date_ok"] == 1
    assert res["held_role"]["fp"] == 0
    assert len(res["not_facts_emitted"]) == 1


def test_date_ok_rules():
    assert date_ok("2024-05-02", "2024-05") and not date_ok("2024", "2024-05") and date_ok(None, None)


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not (SEEDS / "gold.json").exists(), reason="shared seed corpus not present next to the repo")
def test_seed_article_floors():
    res = evaluate(SEEDS / "gold.json", SEEDS / "articles")
    assert res["moves"]["f1"] >= 0.95
    assert res["held_role"]["f1"] >= 0.85
    assert res["not_facts_emitted"] == []
    assert res["moves"]["date_ok"] == res["moves"]["dated"]
    assert res["articles"] / max(res["seconds"], 1e-6) >= 100 or res["seconds"] < 0.5


CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.mark.skipif(not (CORPUS / "gold.json").exists(), reason="development corpus not present")
def test_dev_corpus_floor():
    res = evaluate(CORPUS / "gold.json", CORPUS / "articles")
    assert res["moves"]["f1"] >= 0.90
    assert res["held_role"]["f1"] >= 0.89
    assert res["moves"]["date_ok"] >= 0.82 * res["moves"]["dated"]


CORPUS2 = Path(__file__).resolve().parent / "corpus2"


@pytest.mark.skipif(not (CORPUS2 / "gold.json").exists(), reason="second development corpus not present")
def test_dev_corpus2_floor():
    res = evaluate(CORPUS2 / "gold.json", CORPUS2 / "articles")
    assert res["moves"]["f1"] >= 0.66
    assert res["held_role"]["f1"] >= 0.53
