"""Printing answers: aligned tables for people at a terminal, JSON for tools."""
from __future__ import annotations

import json
import sys
from typing import Any, Iterable, Sequence

import click


def emit_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def emit_jsonl(rows: Iterable[Any]) -> int:
    n = 0
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    out.flush()
    return n


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    s = str(v).replace("\n", " ")
    return s if len(s) <= 60 else s[:57] + "..."


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    cells = [[_cell(v) for v in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.upper().ljust(w) for h, w in zip(headers, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)


class _NoBar:
    def __enter__(self) -> "_NoBar":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


def progress(length: int, label: str, show: bool) -> Any:
    """A progress bar on stderr when a person is watching (`show`), else one that does nothing."""
    if show:
        return click.progressbar(length=length, label=label, file=sys.stderr)
    return _NoBar()


def echo_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], empty: str = "(none)") -> None:
    rows = list(rows)
    click.echo(table(headers, rows) if rows else empty)
