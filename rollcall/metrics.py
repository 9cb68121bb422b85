"""The daemon's counters, rendered as Prometheus text for /metrics (no client library needed).

Thread-safe: jobs run in a thread pool and /metrics is scraped from the HTTP thread.
"""
from __future__ import annotations

import threading
from typing import Iterable

POLL_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

_HELP = {
    "rollcall_articles_ingested_total": ("counter", "Articles stored as new."),
    "rollcall_articles_duplicate_total": ("counter", "Articles recognised as exact or near duplicates."),
    "rollcall_articles_unchanged_total": ("counter", "Inputs skipped because they were already read."),
    "rollcall_articles_rejected_total": ("counter", "Inputs that could not be read."),
    "rollcall_facts_appended_total": ("counter", "New facts appended to the log."),
    "rollcall_corroborations_total": ("counter", "Corroborations of known facts appended to the log."),
    "rollcall_events_appended_total": ("counter", "Events of any kind appended to the log."),
    "rollcall_feed_polls_total": ("counter", "Feed polls by result (ok, not_modified, error)."),
    "rollcall_feed_errors_total": ("counter", "Feed polls that failed (fetch or parse)."),
    "rollcall_job_runs_total": ("counter", "Scheduled job runs by job and result."),
    "rollcall_db_errors_total": ("counter", "Job runs that failed on the database."),
    "rollcall_feed_poll_seconds": ("histogram", "Time to fetch one feed."),
}


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
        self._hist_counts = [0] * len(POLL_BUCKETS)
        self._hist_sum = 0.0
        self._hist_n = 0

    def inc(self, name: str, value: float = 1.0, **labels: str) -> None:
        key = (name, tuple(sorted(labels.items())))
        with self._lock:
            self._counters[key] = self._counters.get(key, 0.0) + value

    def get(self, name: str, **labels: str) -> float:
        with self._lock:
            return self._counters.get((name, tuple(sorted(labels.items()))), 0.0)

    def observe_poll(self, seconds: float) -> None:
        with self._lock:
            self._hist_sum += seconds
            self._hist_n += 1
            for i, bound in enumerate(POLL_BUCKETS):
                if seconds <= bound:
                    self._hist_counts[i] += 1

    def add_report(self, report) -> None:  # type: ignore[no-untyped-def]  # rollcall.ingestion.IngestReport
        self.inc("rollcall_articles_ingested_total", len(report.new))
        self.inc("rollcall_articles_duplicate_total", len(report.duplicates))
        self.inc("rollcall_articles_unchanged_total", len(report.unchanged))
        self.inc("rollcall_articles_rejected_total", len(report.rejected))
        self.inc("rollcall_facts_appended_total", report.facts_new)
        self.inc("rollcall_corroborations_total", report.facts_corroborated)
        self.inc("rollcall_events_appended_total", report.events_appended)

    def render(self, gauges: Iterable[tuple[str, str, dict[str, str], float]] = ()) -> str:
        """Prometheus text format 0.0.4. `gauges`: (name, help, labels, value) computed by the caller."""
        lines: list[str] = []
        with self._lock:
            counters = dict(self._counters)
            hist = (list(self._hist_counts), self._hist_sum, self._hist_n)
        for name, (kind, help_) in _HELP.items():
            lines.append(f"# HELP {name} {help_}")
            lines.append(f"# TYPE {name} {kind}")
            if kind == "histogram":
                counts, total, n = hist
                for bound, c in zip(POLL_BUCKETS, counts):
                    lines.append(f'{name}_bucket{{le="{bound:g}"}} {c}')
                lines.append(f'{name}_bucket{{le="+Inf"}} {n}')
                lines.append(f"{name}_sum {total:.6f}")
                lines.append(f"{name}_count {n}")
                continue
            series = [(labels, v) for (k, labels), v in counters.items() if k == name]
            if not series and name not in ("rollcall_feed_polls_total", "rollcall_job_runs_total"):
                series = [((), 0.0)]
            for labels, v in sorted(series):
                lines.append(f"{name}{_labels(dict(labels))} {_num(v)}")
        seen: set[str] = set()
        for name, help_, labels, value in gauges:
            if name not in seen:
                lines.append(f"# HELP {name} {help_}")
                lines.append(f"# TYPE {name} gauge")
                seen.add(name)
            lines.append(f"{name}{_labels(labels)} {_num(value)}")
        return "\n".join(lines) + "\n"


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    esc = {k: str(v).replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"') for k, v in labels.items()}
    return "{" + ",".join(f'{k}="{v}"' for k, v in sorted(esc.items())) + "}"
