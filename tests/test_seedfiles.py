"""Seed files -> Articles: formats, metadata, dates, encodings and bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.errors import SourceError
from ingest.model import Article
from ingest.metadates import normalize_date
from ingest.seedfiles import (
    decode_text,
    iter_seed_paths,
    parse_text_article,
    read_path,
    read_paths,
    read_seed_file,
    read_seed_records,
)

SHARED_SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


PLAIN = """Rosa Diaz Joins Vantage AI as Chief Scientist
Diaz leaves Northwind after six years to lead research at the startup.
Rosa Diaz, who ran Northwind's language team, has joined Vantage AI as chief scientist.

She starts next month, the company said.
"""


# ---------------------------------------------------------------------------------------------
# text and markdown


def test_plain_text_headline_summary_and_body(tmp_path):
    article = read_seed_file(write(tmp_path, "a.txt", PLAIN))
    assert article.title == "Rosa Diaz Joins Vantage AI as Chief Scientist"
    assert article.summary == "Diaz leaves Northwind after six years to lead research at the startup."
    # text is everything after the headline, the summary line included
    assert article.text.startswith("Diaz leaves Northwind after six years")
    assert article.text.endswith("She starts next month, the company said.")
    assert article.published is None and article.url is None
    assert article.path == str(tmp_path / "a.txt")


def test_blank_line_after_headline_means_no_summary(tmp_path):
    article = read_seed_file(write(tmp_path, "b.txt", "\n\nHeadline here\n\nFirst paragraph.\n"))
    assert article.title == "Headline here"
    assert article.summary is None
    assert article.text == "First paragraph."


def test_front_matter(tmp_path):
    content = """---
title: "Kofi Mensah joins Lattice"
url: https://News.example.com/kofi/?utm_source=x
published: 2026-02-10T23:30:00-05:00
source: Example News
author: Jo Park
# a comment line
tags: [ignored, list]
---
Kofi Mensah has joined Lattice as a research scientist.
"""
    article = read_seed_file(write(tmp_path, "c.md", content))
    assert article.title == "Kofi Mensah joins Lattice"
    assert article.url == "https://news.example.com/kofi"
    assert article.published == "2026-02-11"  # UTC date of the timestamp
    assert article.published_inferred is False
    assert article.source == "Example News" and article.author == "Jo Park"
    assert article.text == "Kofi Mensah has joined Lattice as a research scientist."


def test_front_matter_without_title_and_markdown_heading(tmp_path):
    content = "---\ndate: March 3, 2026\n---\n# Big Move\n\nBody text.\n"
    article = read_seed_file(write(tmp_path, "d.md", content))
    assert article.title == "Big Move" and article.published == "2026-03-03"
    assert article.text == "Body text."


def test_unclosed_front_matter_is_just_text(tmp_path):
    article = read_seed_file(write(tmp_path, "e.md", "---\nHeadline\nBody line.\n"))
    assert article.title == "Headline" and article.text == "Body line."


def test_windows_newlines_and_bom(tmp_path):
    data = "\ufeffHeadline\r\nSummary\r\nBody.\r\n".encode("utf-8")
    article = read_seed_file(write(tmp_path, "f.txt", data))
    assert article.title == "Headline" and article.text == "Summary\nBody."


def test_pure_function_parse_text_article():
    article = parse_text_article("Title\nBody", "inline")
    assert article == Article(title="Title", text="Body", path="inline")


# ---------------------------------------------------------------------------------------------
# encodings and bad files


def test_cp1252_file_and_mixed_encoding(tmp_path):
    cp = read_seed_file(write(tmp_path, "cp.txt", "Café “quotes”\nNaïve body – dash.".encode("cp1252")))
    assert cp.title == "Café “quotes”" and cp.text == "Naïve body – dash."
    mixed = "Zürich move\n".encode("utf-8") + "He said \u201chi\u201d".encode("cp1252")
    article = read_seed_file(write(tmp_path, "mixed.txt", mixed))
    assert article.title == "Zürich move"  # the UTF-8 part stays UTF-8
    assert article.text == "He said \u201chi\u201d"  # the stray cp1252 bytes are read as cp1252


def test_utf16_with_bom(tmp_path):
    article = read_seed_file(write(tmp_path, "u16.txt", "Headline\nBody ü".encode("utf-16")))
    assert article.title == "Headline" and article.text == "Body ü"


def test_decode_never_fails_on_arbitrary_high_bytes():
    assert decode_text(bytes(range(0x80, 0x100)), "x")  # every byte decodes to something


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", "binary file (contains NUL bytes), not text"),
        ("onlyhead.txt", b"Just a headline\n", "no body text after the headline"),
        ("onlyfront.md", b"---\ntitle: x\n---\n", "no body text after the headline"),
        ("image.png", b"\x89PNG", "unsupported file type '.png'"),
    ],
)
def test_bad_files_raise_source_error(tmp_path, name, content, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(SourceError) as err:
        read_seed_file(path)
    assert err.value.source == str(path)
    assert err.value.reason.startswith(reason)
    assert str(err.value) == f"{path}: {err.value.reason}"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_seed_file(tmp_path / "nope.txt")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(SourceError, match="is a folder"):
        read_seed_file(folder)


def test_huge_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 30 MB on paper, nothing on disk
        fh.truncate(30 * 1024 * 1024)
    with pytest.raises(SourceError, match=r"31,457,280 bytes, over the 20,971,520-byte cap"):
        read_seed_file(path)
    small = write(tmp_path, "small.txt", PLAIN)
    with pytest.raises(SourceError, match="over the 10-byte cap"):
        read_seed_file(small, max_bytes=10)


# ---------------------------------------------------------------------------------------------
# HTML


def test_html_seed_main_text_title_and_date(tmp_path):
    html = """<html><head><title>Ana Silva leaves Cobalt AI</title>
<meta property="article:published_time" content="2026-04-01T08:00:00Z">
<script>var x = "<p>not text</p>";</script></head>
<body><nav>Home | Jobs | About</nav><article><h1>Ana Silva leaves Cobalt AI</h1>
<p>Ana Silva, Cobalt AI's head of infrastructure, has left the company after three years,
according to a note she posted on Monday. She did not say where she would go next.</p>
<p>Cobalt AI confirmed the departure and said a successor would be named shortly.</p>
</article><footer>© Example</footer></body></html>"""
    article = read_seed_file(write(tmp_path, "page.html", html))
    assert article.title == "Ana Silva leaves Cobalt AI"
    assert article.published == "2026-04-01"
    assert article.text.startswith("Ana Silva, Cobalt AI's head of infrastructure")
    assert "not text" not in article.text and "<" not in article.text


def test_html_without_metadata_has_no_date(tmp_path):
    html = "<html><body><p>Headline line</p><p>Body that says March 3, 2026.</p></body></html>"
    article = read_seed_file(write(tmp_path, "bare.htm", html))
    assert article.published is None  # dates in prose are ingest.dates' business
    assert "Body that says" in article.text


def test_empty_html_is_an_error(tmp_path):
    with pytest.raises(SourceError, match="no readable text"):
        read_seed_file(write(tmp_path, "empty.html", "<html><body><script>x()</script></body></html>"))


# ---------------------------------------------------------------------------------------------
# JSON / JSONL records


def test_json_list_records_with_bad_ones(tmp_path):
    records = [
        {"title": "One", "url": "https://e.com/1?fbclid=z", "published": "2026-01-02", "text": "Text one."},
        {"title": "Two", "text": "<p>Text <b>two</b>.</p><script>bad()</script>", "date": 1772500000},
        {"title": "No text"},
        "a string",
        {"headline": "Three", "body": "Text three.", "author": "Ann"},
    ]
    path = write(tmp_path, "batch.json", json.dumps(records))
    items = list(read_path(path))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, SourceError)]
    assert [a.title for a in articles] == ["One", "Two", "Three"]
    assert articles[0].url == "https://e.com/1" and articles[0].published == "2026-01-02"
    assert articles[1].text == "Text two." and articles[1].published == "2026-03-03"
    assert articles[2].author == "Ann"
    assert all(a.path == str(path) for a in articles)
    assert [str(e) for e in errors] == [
        f"{path}[2]: record has no text",
        f"{path}[3]: record is a JSON str, not an object",
    ]


def test_json_single_object_and_wrapped_list(tmp_path):
    one = write(tmp_path, "one.json", json.dumps({"title": "T", "text": "B"}))
    assert read_seed_file(one).title == "T"
    wrapped = write(tmp_path, "wrapped.json", json.dumps({"articles": [{"title": "A", "text": "x"},
                                                                        {"title": "B", "text": "y"}]}))
    assert [a.title for a in read_path(wrapped)] == ["A", "B"]
    with pytest.raises(SourceError, match="holds 2 records"):
        read_seed_file(wrapped)


def test_jsonl_records_and_bad_lines(tmp_path):
    lines = [json.dumps({"title": "A", "text": "a"}), "", "{broken", json.dumps({"title": "B", "text": "b"})]
    path = write(tmp_path, "x.jsonl", "\n".join(lines))
    items = list(read_seed_records(path))
    assert [getattr(i, "title", None) for i in items] == ["A", None, "B"]
    assert isinstance(items[1], SourceError) and items[1].source == f"{path}:3"
    assert items[1].reason.startswith("invalid JSON")


def test_invalid_and_empty_json(tmp_path):
    bad = write(tmp_path, "bad.json", "{nope")
    (err,) = list(read_path(bad))
    assert isinstance(err, SourceError) and err.reason.startswith("invalid JSON")
    empty = write(tmp_path, "empty.json", "[]")
    (err,) = list(read_path(empty))
    assert isinstance(err, SourceError) and "no records" in err.reason


# ---------------------------------------------------------------------------------------------
# walking folders


def test_iter_seed_paths_sorted_recursive_and_skipping(tmp_path):
    write(tmp_path, "b.txt", PLAIN)
    write(tmp_path, "a.md", PLAIN)
    write(tmp_path, "sub/c.json", "[]")
    write(tmp_path, "sub/deeper/d.html", "<p>x</p>")
    write(tmp_path, ".hidden.txt", PLAIN)
    write(tmp_path, ".git/config.txt", PLAIN)
    write(tmp_path, "gold.json", "{}")
    write(tmp_path, "README.md", "# readme")
    write(tmp_path, "notes.png", b"\x89PNG")
    extra = write(tmp_path, "other/explicit.dat", "x")
    paths = list(iter_seed_paths([tmp_path, tmp_path / "b.txt", extra, tmp_path / "missing.txt"]))
    rel = [p.relative_to(tmp_path).as_posix() for p in paths]
    assert rel == ["a.md", "b.txt", "sub/c.json", "sub/deeper/d.html",
                   "other/explicit.dat", "missing.txt"]


def test_read_paths_reports_every_problem_and_goes_on(tmp_path):
    write(tmp_path, "1.txt", PLAIN)
    write(tmp_path, "2.txt", b"")
    write(tmp_path, "3.txt", b"\x00\x01")
    write(tmp_path, "4.txt", PLAIN.replace("Rosa", "Maria"))
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "SourceError", "SourceError", "Article", "SourceError"]
    assert items[-1].reason == "no such file"


@pytest.mark.skipif(not (SHARED_SEEDS / "articles").is_dir(), reason="shared seeds not present")
def test_shared_seed_articles_read_as_the_seeds_readme_describes():
    items = list(read_paths([SHARED_SEEDS]))  # gold.json and README.md are skipped
    assert len(items) == 5 and all(isinstance(i, Article) for i in items)
    first = items[0]
    assert first.title == "OpenAI's Head of Post-Training Max Schwarzer Joins Anthropic"
    assert first.summary and first.text.startswith(first.summary)
    assert all(i.published is None and i.url is None for i in items)
    assert items[2].summary is None  # 002: blank line after the headline


# ---------------------------------------------------------------------------------------------
# dates


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-03-04", "2026-03-04"),
        ("2026-03-04T23:30:00-05:00", "2026-03-05"),
        ("2026-03-04T01:30:00+09:00", "2026-03-03"),
        ("2026-03-04T10:00:00Z", "2026-03-04"),
        ("2026-03-04 10:00", "2026-03-04"),
        ("Tue, 03 Mar 2026 10:00:00 GMT", "2026-03-03"),
        ("March 3, 2026", "2026-03-03"),
        ("3 March 2026", "2026-03-03"),
        ("3 mars 2026", "2026-03-03"),
        ("2026/03/04", "2026-03-04"),
        ("March 2026", "2026-03"),
        ("2026-03", "2026-03"),
        ("2026", "2026"),
        (1772500000, "2026-03-03"),
        ("1772500000000", "2026-03-03"),
        ("yesterday", None),
        ("garbage", None),
        ("March 3", None),  # no year: not a publication date
        ("2026-13-45", None),
        ("0001-01-01", None),
        ("", None),
        (None, None),
        ([2026], None),
        ("9" * 300, None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_a_web_page_saved_under_front_matter_is_read_as_its_main_text():
    from ingest.seedfiles import parse_text_article
    raw = ("---\ntitle: \"Nvidia taps Ana Ruiz\"\npublished: 2027-07-07\n---\n\n<!DOCTYPE html>\n<html><head>"
           "<title>Nvidia taps Ana Ruiz | Site</title><script>var x=1;</script></head><body><article>"
           "<p>She will report to <strong>Lena Ortiz</strong>, Nvidia&rsquo;s executive vice president.</p>"
           "</article></body></html>\n")
    a = parse_text_article(raw, "page.md")
    assert a.title == "Nvidia taps Ana Ruiz" and a.published.startswith("2027-07-07")
    assert "Nvidia’s executive vice president" in a.text and "<" not in a.text and "var x" not in a.text
