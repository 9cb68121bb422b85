"""What `rollcall ingest` reads: seed paths and feed URLs, as one stream of articles (or
errors naming the file or URL), with a count for the progress bar."""
from __future__ import annotations

from typing import Iterable, Iterator

from ingest.errors import SourceError
from ingest.fetch import fetch_and_parse
from ingest.model import Article
from ingest.seedfiles import iter_seed_paths, read_path


def read_sources(paths: list[str], urls: list[str]) -> tuple[Iterable[Article | SourceError], int]:
    files = list(iter_seed_paths(paths))
    outcomes = fetch_and_parse(urls) if urls else []
    feed_items: list[Article | SourceError] = [item for o in outcomes for item in o.items()]

    def stream() -> Iterator[Article | SourceError]:
        for f in files:
            yield from read_path(f)
        yield from feed_items

    return stream(), len(files) + len(feed_items)
