"""Extraction quality through the real pipeline (ingest -> resolve -> log -> projections),
scored like ../shared/tools/score_events.py. The floors only move up: a regression fails CI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rollcall.evaluate import evaluate_paths

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = REPO.parent / "shared" / "seeds"


def run(gold: Path, articles: Path) -> dict:
    return evaluate_paths(json.loads(gold.read_text(encoding="utf-8")), [str(articles)])


@pytest.mark.skipif(not (SHARED_SEEDS / "gold.json").exists(), reason="../shared/seeds is not beside the checkout")
def test_shared_seed_articles() -> None:
    r = run(SHARED_SEEDS / "gold.json", SHARED_SEEDS / "articles")
    assert r["moves"]["f1"] >= 0.95, r["missed"] + r["false_positives"]
    assert r["held_role"]["f1"] >= 0.85, r["missed"] + r["false_positives"]
    assert r["duplicates"] == 0 and r["not_facts_emitted"] == []
    assert r["moves"]["date_accuracy"] >= 0.85
    assert r["rosters"]["right"] == r["rosters"]["checks"], r["rosters"]["wrong"]


def test_development_corpus_floors() -> None:
    gold = REPO / "tests" / "corpus" / "gold.json"
    r = run(gold, REPO / "tests" / "corpus" / "articles")
    assert r["moves"]["f1"] >= 0.97
    assert r["held_role"]["f1"] >= 0.95
    assert r["rosters"]["accuracy"] >= 0.89
    # every duplicate pair in the gold is found (whichever copy is read first), and no other
    pairs = {frozenset(p[:2]) for p in json.loads(gold.read_text(encoding="utf-8"))["duplicates"]}
    found = {Path(d[0]).name for d in r["duplicates_found"]}
    assert len(found) == len(pairs) and all(any(f in p for p in pairs) for f in found)


def test_bundled_seeds_floors() -> None:
    r = run(REPO / "seeds" / "gold.json", REPO / "seeds")
    assert r["moves"]["f1"] >= 0.94
    assert r["held_role"]["f1"] >= 0.90
    assert r["rosters"]["accuracy"] >= 0.86


@pytest.mark.skipif(not (REPO / "tests" / "corpus2" / "gold.json").exists(), reason="tests/corpus2 not present")
def test_second_development_corpus_floors() -> None:
    r = run(REPO / "tests" / "corpus2" / "gold.json", REPO / "tests" / "corpus2" / "articles")
    assert r["moves"]["f1"] >= 0.93
    assert r["held_role"]["f1"] >= 0.88
    assert r["rosters"]["accuracy"] >= 0.85
    assert r["not_facts_emitted"] == [] if isinstance(r["not_facts_emitted"], list) else r["not_facts_emitted"] == 0


@pytest.mark.skipif(not (REPO / "tests" / "corpus3" / "gold.json").exists(), reason="tests/corpus3 not present")
def test_third_development_corpus_floors() -> None:
    r = run(REPO / "tests" / "corpus3" / "gold.json", REPO / "tests" / "corpus3" / "articles")
    assert r["moves"]["f1"] >= 0.93
    assert r["held_role"]["f1"] >= 0.88
    assert r["rosters"]["accuracy"] >= 0.85


@pytest.mark.skipif(not (REPO / "tests" / "corpus4" / "gold.json").exists(), reason="tests/corpus4 not present")
def test_fourth_development_corpus_floors() -> None:
    # styles no earlier corpus had: filings, obituaries, memos, spin-outs, speaker bios, wire translations
    r = run(REPO / "tests" / "corpus4" / "gold.json", REPO / "tests" / "corpus4" / "articles")
    assert r["moves"]["f1"] >= 0.865
    assert r["held_role"]["f1"] >= 0.70
    assert r["rosters"]["accuracy"] >= 0.87


@pytest.mark.skipif(not (REPO / "tests" / "corpus5" / "gold.json").exists(), reason="tests/corpus5 not present")
def test_fifth_development_corpus_floors() -> None:
    # the everyday mix a people-moves tracker reads (wires, shuffles, roundups, passing titles);
    # measured blind (its author never saw the extractor, the extractor's authors never saw it)
    r = run(REPO / "tests" / "corpus5" / "gold.json", REPO / "tests" / "corpus5" / "articles")
    assert r["moves"]["f1"] >= 0.87
    assert r["held_role"]["f1"] >= 0.74
    assert r["rosters"]["accuracy"] >= 0.88


@pytest.mark.skipif(not (REPO / "tests" / "corpus6" / "gold.json").exists(), reason="tests/corpus6 not present")
def test_sixth_development_corpus_floors() -> None:
    # filings, board releases, obituaries, first-person posts and institutions with long names;
    # measured 0.835 / 0.571 / 0.786 when the floor was last raised
    r = run(REPO / "tests" / "corpus6" / "gold.json", REPO / "tests" / "corpus6" / "articles")
    assert r["moves"]["f1"] >= 0.82
    assert r["held_role"]["f1"] >= 0.52
    assert r["rosters"]["accuracy"] >= 0.76


def test_short_items_corpus_floors() -> None:
    # invented feed items (a headline plus one to three sentences): headline grammar, names from
    # many naming cultures, a podcast turn, rumours; written by the extractor's author, so fit.
    # 44 items: 0.677 / 0.250 / 30 of 37 with the extractor before the short-item round,
    # 1.000 / 1.000 / 37 of 37 after (its second and third batches, written before the rules
    # they led to, first measured 0.919 and 0.948)
    r = run(REPO / "tests" / "corpus_short" / "gold.json", REPO / "tests" / "corpus_short" / "articles")
    assert r["moves"]["f1"] >= 0.97
    assert r["held_role"]["f1"] >= 0.95
    assert r["rosters"]["accuracy"] >= 0.95
    assert r["not_facts_emitted"] == [] if isinstance(r["not_facts_emitted"], list) else r["not_facts_emitted"] == 0


@pytest.mark.skipif(not (REPO / "tests" / "corpus7" / "gold.json").exists(), reason="tests/corpus7 not present")
def test_seventh_development_corpus_floors() -> None:
    # the everyday intake again, written after corpus6's round and measured blind before any
    # extractor work studied it: 0.778 / 0.680 / 0.768
    r = run(REPO / "tests" / "corpus7" / "gold.json", REPO / "tests" / "corpus7" / "articles")
    assert r["moves"]["f1"] >= 0.76
    assert r["held_role"]["f1"] >= 0.65
    assert r["rosters"]["accuracy"] >= 0.75
