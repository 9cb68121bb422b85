"""Resource limits: inputs big enough to hurt, measured in a fresh subprocess.

Each measurement runs in its own Python process so the peak resident set is that one
operation's, not the test runner's: after imports and warm-up the child resets its high-water
mark (/proc/self/clear_refs) and reads its RSS, then reports how far the peak (VmHWM) rose
above it during the operation; the tests assert on that growth and on wall time.
Figures observed on the CI box are in docs/reliability.md.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


def measure(body: str, *, timeout: float = 240, **params: object) -> dict:
    """Run `body` in a child after `setup()`; returns what it put in `out` plus seconds and the
    growth of the peak RSS in MB over the baseline taken just before `body` ran."""
    prelude = textwrap.dedent("""
        import json, os, resource, sys, time
        params = json.loads(sys.argv[1])
        out = {}
        def status_mb(field):
            # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec from the forked parent
            # (the big pytest process), while VmHWM belongs to this process's own memory.
            with open("/proc/self/status") as fh:
                for line in fh:
                    if line.startswith(field + ":"):
                        return int(line.split()[1]) / 1024.0
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        def peak_mb():
            return status_mb("VmHWM")
    """)
    script = prelude + textwrap.dedent(params.pop("setup", "")) + textwrap.dedent("""
        try:  # reset the high-water mark to the current RSS, so the peak is this operation's
            with open("/proc/self/clear_refs", "w") as fh:
                fh.write("5")
            base = status_mb("VmRSS")
        except OSError:
            base = peak_mb()
        t0 = time.monotonic()
    """) + textwrap.dedent(body) + textwrap.dedent("""
        out["seconds"] = round(time.monotonic() - t0, 3)
        out["peak_growth_mb"] = round(peak_mb() - base, 1)
        out["peak_mb"] = round(peak_mb(), 1)
        print(json.dumps(out))
    """)
    r = subprocess.run([sys.executable, "-c", script, json.dumps(params)], capture_output=True, text=True,
                       timeout=timeout, cwd=REPO)
    assert r.returncode == 0, r.stderr[-3000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])
    print(json.dumps(result))  # shown with -s; the figures in docs/reliability.md come from here
    return result


# ---------------------------------------------------------------------------------------------
# a 50 MB article


def test_50mb_article_is_refused_by_the_cap_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge-article.txt"
    line = b"Max Schwarzer joined OpenAI as chief scientist and " * 20 + b"\n"
    with big.open("wb") as fh:  # real bytes on disk, not a sparse file
        while fh.tell() < 50 * MB:
            fh.write(line * 1000)
    size = big.stat().st_size
    r = measure("""
        from ingest.seedfiles import read_path
        items = list(read_path(params["path"]))
        out["items"] = [[type(i).__name__, getattr(i, "reason", None)] for i in items]
    """, path=str(big), setup="from ingest.seedfiles import read_path\n")
    assert r["items"] == [["SourceError", f"file is {size:,} bytes, over the 20,971,520-byte cap"]]
    assert r["peak_growth_mb"] < 5, r  # refused on its size: never read
    assert r["seconds"] < 1, r

    # through the CLI: one line naming the file and the reason, exit 1, nothing stored
    db = tmp_path / "r.db"
    p = subprocess.run([sys.executable, "-m", "rollcall", "ingest", str(big)], capture_output=True, text=True,
                       env={**os.environ, "ROLLCALL_DB": f"sqlite:///{db}"}, timeout=120, cwd=REPO)
    assert p.returncode == 1
    assert f"rejected   {big}: file is {size:,} bytes, over the 20,971,520-byte cap" in p.stdout
    assert "0 new" in p.stdout


def test_jsonl_just_under_the_cap_reads_in_bounded_memory(tmp_path: Path) -> None:
    """A 19 MB JSONL of 40,000 records is accepted; memory stays a small multiple of the file."""
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(40_000):
            fh.write(json.dumps({"title": f"Person {i} joins Lab {i % 97}", "url": f"https://n.example.com/{i}",
                                 "published": "2026-03-01", "text": f"Person {i} joined Lab {i % 97}. " * 12})
                     + "\n")
    assert 15 * MB < path.stat().st_size < 20 * MB
    r = measure("""
        from ingest.seedfiles import read_path
        n = errors = 0
        for item in read_path(params["path"]):
            n += 1
            errors += type(item).__name__ == "SourceError"
        out["n"], out["errors"] = n, errors
    """, path=str(path), setup="from ingest.seedfiles import read_path\n")
    assert r["n"] == 40_000 and r["errors"] == 0
    assert r["peak_growth_mb"] < 120, r  # the decoded file (~2x) plus one record at a time
    assert r["seconds"] < 60, r


# ---------------------------------------------------------------------------------------------
# a 1 MB sentence without punctuation


def test_1mb_sentence_without_punctuation_is_linear_and_bounded() -> None:
    r = measure("""
        import random
        from ingest.extract import extract_claims
        rnd = random.Random(1)
        words = ("model training compute Max Schwarzer joined OpenAI as chief scientist in March 2024 and "
                 "left Anthropic the lab said").split()
        text = " ".join(rnd.choice(words) for _ in range(200_000))[:1_000_000]
        assert "." not in text and len(text) == 1_000_000
        times = {}
        for n in (250_000, 1_000_000):
            t = time.monotonic()
            claims = extract_claims("A headline", text[:n], "2026-01-01")
            times[n] = time.monotonic() - t
        out["claims"] = len(claims)
        out["quote_max"] = max((len(c.quote) for c in claims), default=0)
        out["t_250k"], out["t_1m"] = round(times[250_000], 2), round(times[1_000_000], 2)
        for text in ("a" * 1_000_000, "Alpha " * 170_000, "2024 " * 200_000, "\\u202e\\u200b" * 500_000):
            t = time.monotonic()
            extract_claims("A headline", text, None)
            out.setdefault("t_degenerate", []).append(round(time.monotonic() - t, 2))
    """, setup="""
        from ingest.extract import extract_claims
        extract_claims("warm", "Max Schwarzer joined OpenAI.", None)
    """)
    assert r["t_1m"] < 60, r
    assert r["t_1m"] < 8 * max(r["t_250k"], 0.05), r  # 4x the text, not 16x the time
    assert r["quote_max"] <= 700, r  # sentences are cut: a quote is never the whole megabyte
    assert all(t < 30 for t in r["t_degenerate"]), r
    assert r["peak_growth_mb"] < 80, r


# ---------------------------------------------------------------------------------------------
# a feed of 100,000 entries


@pytest.mark.parametrize("kind", ["rss", "atom", "json"])
def test_100k_entry_feed_is_capped_in_time_and_memory(kind: str) -> None:
    r = measure("""
        from ingest.feeds import parse_feed
        result = parse_feed(body, "https://big.example.com/feed", max_entries=5_000)
        out["articles"] = len(result.articles)
        out["total"] = result.total_entries
        out["warnings"] = [w for w in result.warnings if "entries" in w]
        out["body_mb"] = round(len(body) / 1048576, 1)
        assert len(body) < 10 * 1048576, "under the default byte cap, so the entry cap is what bounds it"
    """, kind=kind, setup="""
        kind = params["kind"]
        n = 100_000
        if kind == "rss":
            items = "".join(f"<item><title>Item {i}</title><link>https://b.example/{i}</link>"
                            f"{'<description>P joined L.</description>' if i % 10 == 0 else ''}</item>" for i in range(n))
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'
        elif kind == "atom":
            items = "".join(f"<entry><title>Item {i}</title><id>u:{i}</id><link href='https://b.example/{i}'/>"
                            f"{'<summary>P joined L.</summary>' if i % 10 == 0 else ''}</entry>" for i in range(n))
            body = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Big</title>{items}</feed>'
        else:
            body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Big", "items": [
                {"id": str(i), "title": f"Item {i}", "content_text": f"Person {i} joined Lab {i}."}
                for i in range(n)]})
        body = body.encode()
        from ingest.feeds import parse_feed
        parse_feed(b'<rss version="2.0"><channel><item><title>w</title></item></channel></rss>', "https://w/")
    """)
    assert r["articles"] == 5_000 and r["total"] == 100_000, r
    assert r["warnings"] == ["https://big.example.com/feed: feed has 100,000 entries; kept the first 5,000"]
    assert r["seconds"] < 30, r
    assert r["peak_growth_mb"] < 150, r


# ---------------------------------------------------------------------------------------------
# a folder of 100,000 tiny files


def _reference_order(root: Path) -> list[str]:
    """What iter_seed_paths promises for one folder: supported, non-hidden files (symlinked
    files too, symlinked folders not followed) sorted by relative path."""
    from ingest.seedfiles import SUPPORTED_SUFFIXES, _skipped

    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            full = Path(dirpath) / name
            if not _skipped(name) and full.suffix.lower() in SUPPORTED_SUFFIXES and full.is_file():
                found.append(full.relative_to(root).as_posix())
    return sorted(found)


def test_lazy_walk_keeps_the_sorted_relative_path_order(tmp_path: Path) -> None:
    from ingest.seedfiles import iter_seed_paths

    names = ["a.txt", "a/b.md", "a-b.md", "a b.md", "a0.md", "a/.hidden.md", ".git/x.md", "A.md", "z/y/x.md",
             "z.md", "z-/q.md", "é.md", "ß/x.txt", "b/README.md", "b/gold.json", "b/c.JSON", "b/d.png",
             "a.txt.md", "a/a/a/a.md", "x\u202eevil.md", "zz\u200b.md"]
    for n in names:
        (tmp_path / n).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / n).write_text("T\nbody\n")
    (tmp_path / "link-to-a.md").symlink_to(tmp_path / "a.txt")  # a second name: yielded once
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)  # not followed
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nope.md")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_seed_paths([tmp_path])]
    expected = [p for p in _reference_order(tmp_path) if p != "link-to-a.md"]
    assert got == expected
    # named again, files and folders are yielded once
    again = list(iter_seed_paths([tmp_path, tmp_path / "a.txt", tmp_path / "a", tmp_path / "link-to-a.md"]))
    assert len(again) == len(got)


@pytest.mark.slow
def test_100k_tiny_files_stream_lazily_in_bounded_memory(tmp_path: Path) -> None:
    shm = Path("/dev/shm")
    base = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() and os.access(shm, os.W_OK) else tmp_path
    try:
        _walk_100k(base / "many")
    finally:
        if base != tmp_path:
            shutil.rmtree(base, ignore_errors=True)


def _walk_100k(root: Path) -> None:
    """100 folders x 1,000 files (on tmpfs when there is one: creating 100k inodes on an
    overlay disk takes ~40 s, on tmpfs ~1 s)."""
    for d in range(100):
        sub = root / f"d{d:02d}"
        sub.mkdir(parents=True)
        for i in range(1000):
            fd = os.open(sub / f"a{i:04d}.txt", os.O_WRONLY | os.O_CREAT, 0o644)
            os.write(fd, b"T\nbody\n")
            os.close(fd)
    r = measure("""
        import tracemalloc
        from ingest.seedfiles import iter_seed_paths
        tracemalloc.start()
        it = iter_seed_paths([params["root"]])
        first = next(it)
        out["first_after"] = round(time.monotonic() - t0, 3)
        out["first_traced_mb"] = round(tracemalloc.get_traced_memory()[1] / 1048576, 2)
        n, prev, ordered = 1, str(first), True
        for p in it:
            s = str(p)
            ordered &= s > prev
            prev, n = s, n + 1
        out["n"], out["ordered"] = n, ordered
        out["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1048576, 2)
    """, root=str(root), setup="from ingest.seedfiles import iter_seed_paths\n")
    assert r["n"] == 100_000 and r["ordered"], r
    assert r["first_after"] < 0.5, r  # lazy: one folder listed, not the tree
    assert r["first_traced_mb"] < 1, r
    assert r["seconds"] < 30, r
    # the once-only set of canonical paths (~150 B a file) is all that grows with the tree
    assert r["traced_peak_mb"] < 25, r
