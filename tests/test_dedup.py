"""Exact and near-duplicate detection: syndicated copies match, independent write-ups don't."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.dedup import NearDuplicateIndex, Signature, content_key, shingles, signature
from ingest.model import Article
from ingest.seedfiles import read_paths

SHARED_ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "articles"

ORIGINAL = """Priya Raman, who spent four years leading the interpretability group at Northwind Labs,
has joined Helix AI as head of alignment, the company confirmed on Wednesday. Raman's team at
Northwind published a string of papers on sparse feature circuits in large language models and
built the internal tooling that the lab used to audit its production systems before release.
At Helix she will report to the chief scientist and oversee a group of roughly thirty researchers
working on evaluations, red-teaming and model oversight. Helix has been hiring aggressively this
year after closing a large funding round in January, and has recruited several senior staff from
larger labs. Northwind said in a statement that it thanked Raman for her contributions and that
the interpretability group would continue under its current deputy lead. Raman said she was drawn
to Helix by its decision to publish safety research openly and by the chance to build a new team
from the ground up. She starts at the beginning of April and will be based in the London office."""

# The same story syndicated: re-wrapped, new headline (not part of the text), a different
# first line break, and a footer appended.
SYNDICATED = " ".join(ORIGINAL.split()) + """

This article first appeared on Frontier Lab Wire and is republished here with permission.
Sign up for our weekly newsletter to get the latest people moves in AI delivered to your inbox."""

# An independent write-up of the same move: same facts, names and dates, different words.
INDEPENDENT = """Helix AI has hired Priya Raman to run its alignment efforts. The hire, announced
Wednesday, brings over one of Northwind Labs' best-known interpretability researchers: Raman
built and ran the group there for four years. According to people familiar with the matter, Helix
offered her a team of about thirty and a mandate covering evals and red-teaming. Northwind's
deputy lead will take over her old group. In a post on social media Raman wrote that openness
about safety work was the deciding factor. She joins in April and will work from London. Helix,
flush with January's funding, has poached a number of senior people from bigger rivals."""


def test_exact_duplicates_share_a_content_key():
    a = Article(title="T", text="Some  body\ntext.")
    b = Article(title="T", text="Some body text.", url="https://e.com/x")
    assert content_key(a) == content_key(b) == a.id


def test_shingles_ignore_case_punctuation_and_wrapping():
    assert shingles("One two, THREE four five six.") == shingles("one\ntwo three   four five six")
    assert shingles("Too short") == {"too short"}
    assert shingles("") == set()


def test_syndicated_copy_with_footer_is_a_near_duplicate():
    index = NearDuplicateIndex()
    index.add("orig", ORIGINAL)
    assert index.query(SYNDICATED) == "orig"
    assert index.query(ORIGINAL) == "orig"


def test_short_story_with_long_footer_matches_by_containment():
    short = " ".join(ORIGINAL.split()[:80])
    footer = " ".join(f"boilerplate word{i}" for i in range(30))  # 60 extra words
    index = NearDuplicateIndex()
    index.add("short", short)
    sig_a, sig_b = index.signature(short), index.signature(short + " " + footer)
    assert sig_a.jaccard(sig_b) < 0.8  # Jaccard alone would miss it ...
    assert index.query(short + " " + footer) == "short"  # ... containment catches it


def test_independent_write_up_of_the_same_move_is_not_a_duplicate():
    index = NearDuplicateIndex()
    index.add("orig", ORIGINAL)
    assert index.query(INDEPENDENT) is None
    assert index.signature(ORIGINAL).jaccard(index.signature(INDEPENDENT)) < 0.2


def test_unrelated_and_empty_texts_do_not_match():
    index = NearDuplicateIndex()
    index.add("orig", ORIGINAL)
    index.add("empty", "")
    assert index.query("Completely different text about the weather in Lisbon today.") is None
    assert index.query("") is None
    assert len(index) == 2 and "empty" in index


@pytest.mark.skipif(not SHARED_ARTICLES.is_dir(), reason="shared seed articles not present")
def test_four_real_reports_of_one_move_are_not_near_duplicates():
    articles = [a for a in read_paths([SHARED_ARTICLES]) if isinstance(a, Article)]
    assert len(articles) == 5
    index = NearDuplicateIndex()
    for article in articles:
        assert index.query(article.text) is None, article.path
        index.add(article.id, article.text)
    # and a reflowed copy of one of them is recognised
    copy = " ".join(articles[1].text.split()) + "\nRepublished with permission."
    assert index.query(copy) == articles[1].id


def test_signatures_round_trip_through_bytes_and_rebuild_an_index():
    index = NearDuplicateIndex()
    index.add("orig", ORIGINAL)
    index.add("other", INDEPENDENT)
    stored = dict(index.items())
    assert all(isinstance(b, bytes) and len(b) < 600 for b in stored.values())
    restored = NearDuplicateIndex()
    for article_id, blob in stored.items():
        restored.add_signature(article_id, blob)
    assert restored.query(SYNDICATED) == "orig"
    assert restored.query(INDEPENDENT) == "other"
    sig = Signature.from_bytes(stored["orig"])
    assert sig.size == len(shingles(ORIGINAL))
    assert sig.jaccard(signature(ORIGINAL)) == 1.0


def test_bad_signature_bytes_are_rejected():
    with pytest.raises(ValueError):
        Signature.from_bytes(b"nonsense")
    good = signature(ORIGINAL).to_bytes()
    with pytest.raises(ValueError):
        Signature.from_bytes(good[:-4])
    with pytest.raises(ValueError):  # parameters of another index
        NearDuplicateIndex(num_perm=64).add_signature("x", good)


def test_remove_and_replace():
    index = NearDuplicateIndex()
    index.add("a", ORIGINAL)
    index.remove("a")
    assert index.query(SYNDICATED) is None and len(index) == 0
    index.remove("never-added")  # no error
    index.add("b", INDEPENDENT)
    index.add("b", ORIGINAL)  # replacing a signature
    assert index.query(SYNDICATED) == "b" and index.query(INDEPENDENT) is None


def test_matches_are_ranked_best_first():
    index = NearDuplicateIndex()
    index.add("copy", SYNDICATED)
    index.add("orig", ORIGINAL)
    found = index.matches(ORIGINAL)
    assert [k for k, _ in found] == ["orig", "copy"]
    assert found[0][1] == 1.0
    assert index.score(index.signature(ORIGINAL), index.signature(SYNDICATED)) is not None
    assert index.score(index.signature(ORIGINAL), index.signature(INDEPENDENT)) is None


CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.skipif(not (CORPUS / "gold.json").is_file(), reason="development corpus not present")
def test_corpus_duplicates_are_exactly_the_gold_pairs():
    """Over the whole development corpus the index finds the gold's duplicate pairs, no others."""
    import json

    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    expected = {frozenset(pair[:2]) for pair in gold.get("duplicates", [])}
    articles = [a for a in read_paths([CORPUS / "articles"]) if isinstance(a, Article)]
    index = NearDuplicateIndex()
    names = {}
    found = set()
    for article in articles:
        name = Path(article.path).name
        match = index.query(article.text)
        if match is not None:
            found.add(frozenset((names[match], name)))
        index.add(article.id, article.text)
        names[article.id] = name
    assert found == expected
