"""Seed files -> Articles: the pure reading of text, Markdown, HTML and JSON records on disk.

Seed files are written by people and scrapers, so reading them is tolerant: any encoding mess,
missing metadata or odd date format still yields an article when there is text to read. What
cannot be read at all (empty, binary, huge, undecodable, unsupported) becomes a `SourceError`
naming the file and the reason, never an exception that stops a batch.

Formats (dispatched on the file suffix by `read_path`):

- `.txt` / `.md` / `.markdown`: optional front matter between `---` lines with simple
  `key: value` lines (title, url, published|date, source, author, summary|description, guid;
  no PyYAML needed, multi-line values are not supported). Without a front-matter title the first
  non-empty line is the headline (a Markdown `#` is dropped); the line right after it, when not
  separated by a blank line and followed by more text, is the summary. `text` is everything after
  the headline, the summary included, exactly as the shared seed articles are laid out.
- `.html` / `.htm`: main text via trafilatura; title and date from the page's metadata.
- `.json` (one object, a list of objects, or an object holding such a list under `articles`,
  `items`, `entries` or `records`) and `.jsonl` / `.ndjson` (one object per line): records with
  `title`, `url`, `published`, `text` (or `html`); each bad record is its own SourceError.

Publication dates are only taken from metadata; inferring one from the prose is
`ingest.dates.infer_published`'s job, so `published` stays None when metadata lacks it.
"""
from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ingest.errors import SourceError
from ingest.metadates import normalize_date
from ingest.model import Article
from ingest.urls import canonical_url

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SKIPPED_NAMES",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "RECORD_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "iter_seed_paths",
    "read_path",
    "read_paths",
    "read_seed_file",
    "read_seed_records",
    "decode_text",
    "parse_text_article",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
# Seed folders carry their own answer key and description: the shared seeds folder has
# `gold.json` (the facts the articles state, for `rollcall eval`) and `README.md` beside the
# articles. Read as articles they would be garbage at best (README) and at worst an error per
# gold record; so they are skipped by name, case-insensitively, wherever they appear.
SKIPPED_NAMES = frozenset({"gold.json", "readme.md", "readme.txt", "readme"})

# ---------------------------------------------------------------------------------------------
# Bytes -> text


def _mixed_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes that are not UTF-8 as cp1252 (latin-1 for cp1252's five holes)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    chars = []
    for byte in bad:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars), error.end


codecs.register_error("rollcall-cp1252", _mixed_fallback)


def decode_text(data: bytes, source: str) -> str:
    """Bytes of a text file -> str, or SourceError for what is not text.

    Order: a UTF-16/32 BOM decodes as such; then UTF-8 (a UTF-8 BOM is dropped). What is not
    valid UTF-8 is decoded byte-run by byte-run: the valid UTF-8 stays UTF-8 and only the
    invalid bytes are read as cp1252 (latin-1 for its five undefined bytes). That one rule
    reads pure cp1252/latin-1 files and the common "UTF-8 file with a pasted Windows quote"
    alike, and never fails. NUL bytes outside a UTF-16/32 file mean a binary file.
    """
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise SourceError(source, f"invalid {codec.upper()} text ({exc.reason})") from None
            return text.replace("\x00", "")
    if b"\x00" in data:
        raise SourceError(source, "binary file (contains NUL bytes), not text")
    return data.decode("utf-8-sig", errors="rollcall-cp1252")


def _read_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing (without reading it) a file over the cap."""
    source = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise SourceError(source, "no such file") from None
    except OSError as exc:
        raise SourceError(source, f"cannot stat: {exc.strerror or exc}") from None
    if path.is_dir():
        raise SourceError(source, "is a folder, not a file")
    if st.st_size > max_bytes:
        raise SourceError(source, f"file is {st.st_size:,} bytes, over the {max_bytes:,}-byte cap")
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # a file that grew (or a device) is still capped
    except OSError as exc:
        raise SourceError(source, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise SourceError(source, f"file is over the {max_bytes:,}-byte cap")
    if not data.strip():
        raise SourceError(source, "empty file")
    return data


# ---------------------------------------------------------------------------------------------
# Text and Markdown


_FRONT_KEY = re.compile(r"^\s*([A-Za-z_][\w.-]*)\s*:\s*(.*?)\s*$")
_FENCE = re.compile(r"^(---|\.\.\.)\s*$")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for i in range(1, len(lines)):
        if _FENCE.match(lines[i]):
            meta: dict[str, str] = {}
            for line in lines[1:i]:
                if line.lstrip().startswith("#"):
                    continue
                m = _FRONT_KEY.match(line)
                if m:
                    meta.setdefault(m.group(1).lower(), _unquote(m.group(2)))
            return meta, "\n".join(lines[i + 1 :])
    # No closing fence: not front matter, just a leading rule line.
    return {}, "\n".join(lines[1:])


def _clean_url(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return canonical_url(value)
    except ValueError:
        return None


def _fold(text: str | None) -> str | None:
    if text is None:
        return None
    folded = " ".join(str(text).split())
    return folded or None


_HTML_PAGE = re.compile(r"\s*(?:<!DOCTYPE\s+html|<html\b|<body\b)", re.I)


def parse_text_article(text: str, source: str) -> Article:
    """A decoded .txt/.md seed -> Article (pure: no file access; `source` names it in errors)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta, body = _split_front_matter(text)
    if _HTML_PAGE.match(body):
        # a web page saved under front matter: its main text, not its markup (the front matter's
        # title and date stand; the page's fill in what it leaves out)
        from ingest.htmltext import extract_main

        main = extract_main(body)
        if main.text.strip():
            body = main.text
            for key, value in (("title", main.title), ("published", main.published), ("author", main.author)):
                if value and not meta.get(key):
                    meta[key] = value
    title = _fold(meta.get("title") or meta.get("headline"))
    summary = _fold(meta.get("summary") or meta.get("description"))
    lines = body.split("\n")
    if title is None:
        start = next((i for i, line in enumerate(lines) if line.strip()), None)
        if start is None:
            raise SourceError(source, "no text (only front matter)" if meta else "empty file")
        title = _fold(re.sub(r"^\s{0,3}#{1,6}\s+", "", lines[start]).rstrip("#").strip())
        rest = lines[start + 1 :]
        if summary is None and len(rest) >= 2 and rest[0].strip() and any(
            line.strip() for line in rest[1:]
        ):
            summary = _fold(rest[0])
        body = "\n".join(rest)
    body = body.strip("\n").strip()
    if not title:
        raise SourceError(source, "no headline")
    if not body:
        raise SourceError(source, "no body text after the headline")
    return Article(
        title=title,
        text=body,
        url=_clean_url(meta.get("url") or meta.get("link")),
        path=source,
        published=normalize_date(meta.get("published") or meta.get("date")),
        source=_fold(meta.get("source") or meta.get("publisher") or meta.get("site")),
        author=_fold(meta.get("author") or meta.get("by")),
        guid=_fold(meta.get("guid") or meta.get("id")),
        summary=summary,
    )


# ---------------------------------------------------------------------------------------------
# HTML


def _read_html(path: Path, data: bytes) -> Article:
    from ingest.htmltext import extract_main

    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceError(str(path), "binary file (contains NUL bytes), not HTML")
    main = extract_main(data)
    text = main.text.strip()
    title = _fold(main.title)
    if not title and text:
        first, _, rest = text.partition("\n")
        title, text = _fold(first), rest.strip()
    if not title or not text:
        raise SourceError(str(path), "no readable text in the HTML page")
    return Article(
        title=title,
        text=text,
        path=str(path),
        published=normalize_date(main.published),
        source=_fold(main.sitename),
        author=_fold(main.author),
    )


# ---------------------------------------------------------------------------------------------
# JSON records


def _first(record: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = "\n".join(str(v) for v in value if v is not None)
    return str(value)


def record_to_article(record: Any, source: str, path: str | None = None) -> Article:
    """One JSON record -> Article; `source` (file plus record position) names it in errors."""
    if not isinstance(record, dict):
        raise SourceError(source, f"record is a JSON {type(record).__name__}, not an object")
    title = _fold(_as_text(_first(record, "title", "headline", "name")))
    text = _as_text(_first(record, "text", "body", "content", "article"))
    if text is not None:
        from ingest.htmltext import html_to_text, looks_like_markup

        text = html_to_text(text) if looks_like_markup(text) else text.strip()
    else:
        html = _as_text(_first(record, "html", "content_html"))
        if html is not None:
            from ingest.htmltext import html_to_text

            text = html_to_text(html)
    if title is not None and ("<" in title or "&" in title):
        from ingest.htmltext import html_to_text, looks_like_markup

        if looks_like_markup(title):
            title = _fold(html_to_text(title))
    if not title:
        raise SourceError(source, "record has no title")
    if not text:
        raise SourceError(source, "record has no text")
    url = _as_text(_first(record, "url", "link", "canonical_url"))
    return Article(
        title=title,
        text=text,
        url=_clean_url(url),
        path=path,
        published=normalize_date(
            _first(record, "published", "published_at", "date", "pubDate", "datePublished")
        ),
        source=_fold(_as_text(_first(record, "source", "publisher", "site"))),
        author=_fold(_as_text(_first(record, "author", "by", "byline"))),
        guid=_fold(_as_text(_first(record, "guid", "id"))),
        summary=_fold(_as_text(_first(record, "summary", "description", "dek"))),
    )


_RECORD_LISTS = ("articles", "items", "entries", "records", "data")


def _records_of(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in _RECORD_LISTS:
            if isinstance(document.get(key), list) and not _first(document, "title", "text"):
                return document[key]
        return [document]
    return [document]


def read_seed_records(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | SourceError]:
    """Articles from a .json/.jsonl file, one SourceError per unreadable record (or file).

    Records are named `file[i]` (JSON, 0-based index) or `file:line` (JSONL) in errors; the
    articles' `path` is the file itself.
    """
    path = Path(path)
    source = str(path)
    try:
        text = decode_text(_read_capped(path, max_bytes), source)
    except SourceError as exc:
        yield exc
        return
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        found = False
        for lineno, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            found = True
            where = f"{source}:{lineno}"
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                yield SourceError(where, f"invalid JSON ({getattr(exc, 'msg', exc)})")
                continue
            try:
                yield record_to_article(record, where, source)
            except SourceError as exc:
                yield exc
        if not found:
            yield SourceError(source, "empty file")
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        yield SourceError(source, f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    except RecursionError:
        yield SourceError(source, "invalid JSON (nested too deeply)")
        return
    records = _records_of(document)
    if not records:
        yield SourceError(source, "no records (empty JSON list)")
        return
    for index, record in enumerate(records):
        try:
            yield record_to_article(record, f"{source}[{index}]", source)
        except SourceError as exc:
            yield exc


# ---------------------------------------------------------------------------------------------
# Entry points


def read_seed_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """The one article a seed file holds, or SourceError(path, reason).

    For .json/.jsonl this works only when the file holds exactly one record; files of many
    records are read with `read_seed_records` / `read_path`.
    """
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        items = list(read_seed_records(path, max_bytes=max_bytes))
        if len(items) != 1:
            raise SourceError(source, f"holds {len(items)} records, not one; use read_path")
        if isinstance(items[0], SourceError):
            raise items[0]
        return items[0]
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        kind = f"'{path.suffix}'" if path.suffix else "without a suffix"
        raise SourceError(
            source, f"unsupported file type {kind} (expected .txt, .md, .html, .json, .jsonl)"
        )
    data = _read_capped(path, max_bytes)
    if suffix in HTML_SUFFIXES:
        return _read_html(path, data)
    return parse_text_article(decode_text(data, source), source)


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | SourceError]:
    """Every article in one file, dispatching on its suffix; never raises.

    Unexpected failures (a bug, a library choking on hostile input) are reported as a
    SourceError too, so one bad file cannot stop a batch.
    """
    path = Path(path)
    try:
        if path.suffix.lower() in RECORD_SUFFIXES:
            yield from read_seed_records(path, max_bytes=max_bytes)
        else:
            yield read_seed_file(path, max_bytes=max_bytes)
    except SourceError as exc:
        yield exc
    except (MemoryError, RecursionError, Exception) as exc:  # noqa: BLE001 - batch must go on
        yield SourceError(str(path), f"unexpected error: {type(exc).__name__}: {exc}")


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.casefold() in SKIPPED_NAMES


def _folder_files(folder: str, canonical: str) -> Iterator[tuple[str, str]]:
    """(path as given, canonical path) of the seed files under `folder`, lazily, in the order
    of their relative paths sorted as strings.

    One folder's names are listed and sorted at a time (a folder sorts as `name/`, which puts
    it exactly where its files' relative paths sort), so memory holds one listing per level of
    the walk, never the whole tree, and the first file comes before the last folder is read.
    """
    try:
        with os.scandir(folder) as listing:
            keys = []
            for entry in listing:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):  # symlinked folders: not followed
                        keys.append(name + "/")
                        continue
                    if entry.is_symlink():
                        keys.append(name + "\0")  # a link: resolved below, when yielded
                        continue
                    regular = entry.is_file(follow_symlinks=False)
                except OSError:
                    continue
                if regular and not _skipped(name) and os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                    keys.append(name)
    except OSError:
        return  # an unreadable folder holds nothing we can read (as os.walk treats it)
    keys.sort()
    for key in keys:
        if key.endswith("/"):
            name = key[:-1]
            yield from _folder_files(os.path.join(folder, name), os.path.join(canonical, name))
        elif key.endswith("\0"):
            name = key[:-1]
            full = os.path.join(folder, name)
            if (_skipped(name) or os.path.splitext(name)[1].lower() not in SUPPORTED_SUFFIXES
                    or not os.path.isfile(full)):
                continue
            yield full, os.path.realpath(full)
        else:
            yield os.path.join(folder, key), os.path.join(canonical, key)


def iter_seed_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The seed files named by `paths`: files as given, folders walked recursively.

    Within each folder files come sorted by relative path, so a batch is reproducible.
    Skipped everywhere: hidden files and folders (`.git`, editor swap files) and the names in
    SKIPPED_NAMES (a seed folder's answer key and README). Inside folders only supported
    suffixes are taken (a folder may hold images or notes); a file named explicitly is yielded
    whatever its suffix, and so is a path that does not exist, so that `read_path` reports
    it rather than the mistake vanishing. Each file is yielded once even if named twice.
    Symlinked folders are not followed (no loops).

    Lazy: a folder of 100,000 files yields its first file after one listing, and memory holds
    one folder listing at a time plus the canonical path of each file yielded (to yield it once).
    """
    seen: set[str] = set()

    def once(key: str) -> bool:
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            try:
                canonical = os.path.realpath(root)
            except OSError:
                canonical = os.path.abspath(root)
            for given, key in _folder_files(os.fspath(root), canonical):
                if once(key):
                    yield Path(given)
        elif _skipped(root.name):
            continue
        else:
            try:
                key = os.path.realpath(root)
            except OSError:
                key = os.path.abspath(root)
            if once(key):
                yield root


def read_paths(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | SourceError]:
    """Every article under `paths` (files and folders), in order: what `rollcall ingest` reads."""
    for path in iter_seed_paths(paths):
        yield from read_path(path, max_bytes=max_bytes)
