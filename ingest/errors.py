"""The one error type the source side of ingestion reports.

Reading news is reading other people's broken files and feeds. A bad file or URL must not stop a
batch, so readers either raise `SourceError` for the one thing they were asked to read, or yield
it in place of an article when they read many. Either way it carries the file/URL and a reason,
so the CLI can print one clear line ("path: reason") and move on.
"""
from __future__ import annotations


class SourceError(Exception):
    """A source (file, record or URL) that could not be read, and why, in one line."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)
        self.source = str(source)
        self.reason = " ".join(str(reason).split())  # one line, whatever the cause printed

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def __repr__(self) -> str:
        return f"SourceError({self.source!r}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, SourceError)
            and (self.source, self.reason) == (other.source, other.reason)
        )

    def __hash__(self) -> int:
        return hash((self.source, self.reason))
