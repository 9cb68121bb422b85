"""One regex alternative for many literal strings, shaped as a trie.

A plain alternation of a few hundred names ("OpenAI|Open AI|Anthropic|...") makes the regex
engine try every name at every position of every sentence; nested by shared prefixes
("Open(?:AI|\\ AI)"), it tries one branch per first letter. The longest name still wins where
several match (a continuation is tried before the shorter name ends), so a pattern built this
way matches what the longest-first alternation of the same names matches.
"""
from __future__ import annotations

import re


def trie_alternation(words: list[str]) -> str:
    """A regex (without a group) matching exactly `words`, longest first where they overlap."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body
