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
    assert r["moves"]["f1"] >= 0.885
    assert r["held_role"]["f1"] >= 0.80
    assert r["rosters"]["accuracy"] >= 0.90


@pytest.mark.skipif(not (REPO / "tests" / "corpus5" / "gold.json").exists(), reason="tests/corpus5 not present")
def test_fifth_development_corpus_floors() -> None:
    # the everyday mix a people-moves tracker reads (wires, shuffles, roundups, passing titles);
    # measured blind (its author never saw the extractor, the extractor's authors never saw it)
    r = run(REPO / "tests" / "corpus5" / "gold.json", REPO / "tests" / "corpus5" / "articles")
    assert r["moves"]["f1"] >= 0.89
    assert r["held_role"]["f1"] >= 0.79
    assert r["rosters"]["accuracy"] >= 0.88


@pytest.mark.skipif(not (REPO / "tests" / "corpus6" / "gold.json").exists(), reason="tests/corpus6 not present")
def test_sixth_development_corpus_floors() -> None:
    # filings, board releases, obituaries, first-person posts and institutions with long names;
    # measured 0.883 / 0.629 / 0.816 when the floor was last raised
    r = run(REPO / "tests" / "corpus6" / "gold.json", REPO / "tests" / "corpus6" / "articles")
    assert r["moves"]["f1"] >= 0.865
    assert r["held_role"]["f1"] >= 0.61
    assert r["rosters"]["accuracy"] >= 0.80


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
    # extractor work studied it: 0.778 / 0.680 / 0.768; 0.792 / 0.731 / 0.795 a stop later, still
    # unread by the extractor's authors
    r = run(REPO / "tests" / "corpus7" / "gold.json", REPO / "tests" / "corpus7" / "articles")
    assert r["moves"]["f1"] >= 0.775
    assert r["held_role"]["f1"] >= 0.71
    assert r["rosters"]["accuracy"] >= 0.78


@pytest.mark.skipif(not (REPO / "tests" / "corpus8" / "gold.json").exists(), reason="tests/corpus8 not present")
def test_eighth_corpus_floors() -> None:
    # story arcs across articles (rumour then confirmation, report then denial, hires that fall
    # through, corrections, one move told by four outlets); blind: 0.718 / 0.607 / 0.753 with the
    # extractor it was written against, 0.735 / 0.607 / 0.812 after that stop's rounds
    r = run(REPO / "tests" / "corpus8" / "gold.json", REPO / "tests" / "corpus8" / "articles")
    assert r["moves"]["f1"] >= 0.72
    assert r["held_role"]["f1"] >= 0.59
    assert r["rosters"]["accuracy"] >= 0.79


@pytest.mark.skipif(not (REPO / "tests" / "corpus9" / "gold.json").exists(), reason="tests/corpus9 not present")
def test_ninth_corpus_floors() -> None:
    # feed-shaped intake (headline plus a blurb, naming cultures, transcripts, job posts); blind:
    # 0.661 / 0.591 / 0.704 with the extractor it was written against, 0.709 / 0.622 / 0.783 after
    # that stop's rounds (none of whose authors read it)
    r = run(REPO / "tests" / "corpus9" / "gold.json", REPO / "tests" / "corpus9" / "articles")
    assert r["moves"]["f1"] >= 0.69
    assert r["held_role"]["f1"] >= 0.60
    assert r["rosters"]["accuracy"] >= 0.76
