"""Layouts that are not prose, rewritten as prose before sentence splitting.

Trackers publish moves as Markdown tables ("| Name | From | To | Role | Date |"). The
header says what each column means; each row is rewritten as the sentence the row states
("Ana Ruiz left Google DeepMind and joined Anthropic as researcher in March 2025."), so the
clause rules read it like any other sentence. A table whose columns are not recognised is
left as it is. Column meanings are recognised by header words, not by a fixed layout.
"""
from __future__ import annotations

import re

_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_COLUMNS = (
    ("name", re.compile(r"\b(?:name|person|who|people|researcher|executive|hire|individual)\b", re.I)),
    ("from", re.compile(r"\b(?:from|previous(?:ly)?|prior|former|old|ex|left|departed|leaving|origin)\b", re.I)),
    ("to", re.compile(r"\b(?:to|new\s+(?:employer|company|org\w*|lab|home)|now|joined|joining|destination|next|current(?:ly)?)\b", re.I)),
    ("role", re.compile(r"\b(?:role|title|position|job)\b", re.I)),
    ("date", re.compile(r"\b(?:date|when|month|effective|announced|start(?:s|ing)?|starting\s+date)\b", re.I)),
    ("org", re.compile(r"\b(?:company|org\w*|employer|lab|affiliation|firm|startup)\b", re.I)),
)


_HEDGED = re.compile(r"\b(?:rumou?red|rumou?r|unconfirmed|unverified|reportedly|denied|speculat\w*|not\s+confirmed)\b", re.I)
_STAYING = re.compile(r"^\s*(?:stay\w*|remain\w*|stayed|no\s+move|not\s+moving|promoted\b)", re.I)


def _cells(line: str) -> list[str]:
    m = _ROW.match(line)
    return [c.strip().strip("*_ ") for c in m.group(1).split("|")] if m else []


def _meaning(header: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, h in enumerate(header):
        for kind, pat in _COLUMNS:
            if kind not in out and pat.search(h):
                out[kind] = i
                break
    return out


def _row_sentence(cols: dict[str, int], cells: list[str]) -> str | None:
    def get(k: str) -> str:
        i = cols.get(k)
        v = cells[i] if i is not None and i < len(cells) else ""
        return "" if re.fullmatch(r"[-–—?]*|n/?a|none|tbd|unknown", v, re.I) else v
    name = get("name")
    if not name:
        return None
    role, date = get("role"), get("date")
    frm, to, org = get("from"), get("to"), get("org")
    row = " ".join(cells)
    if _HEDGED.search(row):
        # a row the tracker itself marks as unconfirmed states no move
        return f"{name} was rumored to move ({row.strip()})."
    stay = _STAYING.search(role)
    if stay and frm and not to:
        pm = re.search(r"\bpromoted\s+(?:to\s+)?(.+)$", role, re.I)
        return (f"{name} stayed at {frm}" + (f" and was promoted to {pm.group(1)}" if pm else "")
                + (f" in {date}" if date else "") + ".")
    # "Nov 9" is a day ("on"), "November" or "2025" a period ("in")
    prep = "on" if re.search(r"[A-Za-z]\.?\s+\d{1,2}(?:,\s*\d{4})?$", date) else "in"
    tail = (f" as {role}" if role else "") + (f" {prep} {date}" if date else "")
    if frm and to:
        return f"{name} left {frm} and joined {to}{tail}."
    if to:
        return f"{name} joined {to}{tail}."
    if frm:
        return f"{name} left {frm}" + (f" in {date}" if date else "") + "."
    if org:
        return f"{name} is {role or 'a member of staff'} at {org}."
    return None


# "- Ana Ruiz - ex-Google DeepMind, now Anthropic (research scientist)"
_TRACKER_LINE = re.compile(
    r"^(\s*(?:[-*•]|\d+[.)])\s+)([^\n,;:()]{3,60}?)\s*(?:[-–—:]|,)\s*(?:ex-|formerly\s+(?:at\s+|of\s+)?|previously\s+(?:at\s+)?|"
    r"from\s+)([^\n,;()]{2,60}?)(?:\s*\([^)\n]{0,40}\))?\s*(?:[,;]\s*|\s+)(?:now\s+(?:at\s+|with\s+)?|->\s*|→\s*|to\s+|joins\s+|"
    r"joined\s+)([^\n,;()]{2,60}?)\s*(?:\(([^)\n]{2,80})\)|,\s*as\s+([^\n]{2,80}?))?\s*\.?\s*$", re.M)


# "- Ana Ruiz (ex-Google) → Anthropic, research scientist", "- Ana Ruiz: Google → Anthropic (role)"
_ARROW_LINE = re.compile(
    r"^(\s*(?:#{1,6}\s+)?(?:[-*•]|\d+[.)])\s+)([^\n,;:()]{3,60}?)\s*(?:\(\s*(?:ex-|formerly\s+(?:at\s+)?|from\s+)?([^\n()]{2,60}?)\s*\)|:\s*([^\n→>]{2,60}?))"
    r"\s*(?:→|->|=>)\s*([^\n,;()]{2,60}?)\s*(?:\(([^)\n]{2,80})\)|,\s*([^\n]{2,80}?))?\s*\.?\s*$", re.M)


_WHEN = re.compile(r"(?:(?:early|mid|late)[\s-]+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?,?(?:\s+\d{4})?|"
                   r"(?:19|20)\d\d|q[1-4](?:\s+\d{4})?", re.I)


def _as_or_in(extra: str | None) -> str:
    """A trailing "(research scientist)" is the role; "(January)" or "(2024)" the time."""
    if not extra:
        return ""
    return f" in {extra}" if _WHEN.fullmatch(extra.strip()) else f" as {extra}"


def _arrow_line(m: re.Match[str]) -> str:
    frm = (m.group(3) or m.group(4)).strip()
    return f"{m.group(1)}{m.group(2)} left {frm} and joined {m.group(5)}" + _as_or_in(m.group(6) or m.group(7)) + "."


def _tracker_line(m: re.Match[str]) -> str:
    role = m.group(5) or m.group(6)
    return f"{m.group(1)}{m.group(2)} left {m.group(3)} and joined {m.group(4)}" + (f" as {role}" if role else "") + "."


# transcript speaker labels in capitals: "LARS ERIKSEN (Chief Scientist, Databricks): ..."
_CAPS_LABEL = re.compile(r"^(\s*)([A-ZÀ-ÞĀ-ɏ][A-ZÀ-ÞĀ-ɏ'’.-]+(?:\s+[A-ZÀ-ÞĀ-ɏ][A-ZÀ-ÞĀ-ɏ'’.-]+){0,3})(?=\s*(?:\([^)\n]{0,80}\))?\s*:)", re.M)


def _title_case(m: re.Match[str]) -> str:
    words = m.group(2).split()
    if any(len(w.strip(".")) <= 1 for w in words) and len(words) < 3 or len(words) == 1 and len(words[0]) < 3:
        return m.group(0)
    return m.group(1) + " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in words)


# "- Ana Ruiz -> Anthropic (from Google), research scientist": the source after the destination
_ARROW_FROM_LINE = re.compile(
    r"^(\s*(?:[-*•]|\d+[.)])\s+)([^\n,;:()]{3,60}?)\s*(?:→|->|=>)\s*([^\n,;()]{2,60}?)\s*\(\s*(?:from|ex-|formerly\s+(?:at\s+)?)\s*"
    r"([^\n()]{2,60}?)\s*\)\s*(?:,\s*(?:as\s+)?([^\n.]{2,80}?))?\s*(?:\.\s*|\.\s+([^\n]*))?$", re.M)


# "Ana Ruiz (Google → Anthropic), research scientist", "Ana Ruiz (Google → Anthropic, head of
# research, April)": a roundup's inline move, anywhere in a line (items run on in one paragraph)
_ARROW_PAREN = re.compile(
    r"((?:[A-ZÀ-ÞĀ-ɏ][\w'’.-]+\s+){1,3}[A-ZÀ-ÞĀ-ɏ][\w'’-]+)\s*\(\s*([^()\n→>;,]{2,60}?)\s*(?:→|->|=>)\s*"
    r"([^()\n,;]{2,60}?)\s*(?:,\s*([^()\n]{2,80}?))?\s*\)(?:,\s*([^\n.;()]{2,80}))?")
_HELD_AS = re.compile(r"\b(?:professor|lecturer|faculty|researcher|scientist|engineer|student|fellow)\s*$", re.I)


def _arrow_paren(m: re.Match[str]) -> str:
    name, frm, to = m.group(1), m.group(2).strip(), m.group(3).strip()
    parts = [p.strip() for p in (m.group(4) or "").split(",") if p.strip()]
    when = [p for p in parts if _WHEN.fullmatch(p) or re.fullmatch(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}", p, re.I)]
    role = ", ".join(p for p in parts if p not in when) or (m.group(5) or "").strip()
    # "ETH Zurich professor → Mistral AI": a title at A is told, not a departure from it
    src = f"{name}, {frm}, joined {to}" if _HELD_AS.search(frm) else f"{name} left {frm} and joined {to}"
    prep = "on" if when and re.search(r"[a-z]\.?\s+\d{1,2}$", when[0]) else "in"
    return src + (f" as {role}" if role else "") + (f" {prep} {when[0]}" if when else "")


# "- Bilal Chaudhry, Cohere: senior director of platform → VP of engineering": a new title at O
_TITLE_ARROW_LINE = re.compile(
    r"^(\s*(?:[-*•]|\d+[.)])\s+)([^\n,;:()]{3,60}?),\s*([^\n,;:()]{2,50}?)\s*:\s*([^\n→>]{2,80}?)\s*(?:→|->|=>)\s*"
    r"([^\n.;()]{2,80}?)\s*\.?\s*$", re.M)


def _title_arrow_line(m: re.Match[str]) -> str:
    if not (_TITLE_WORD.search(m.group(4)) and _TITLE_WORD.search(m.group(5))):
        return m.group(0)
    return f"{m.group(1)}{m.group(2)}, {m.group(4)} at {m.group(3)}, was promoted to {m.group(5)}."


def _arrow_from_line(m: re.Match[str]) -> str:
    return (f"{m.group(1)}{m.group(2)} left {m.group(4)} and joined {m.group(3)}" + (f" as {m.group(5)}" if m.group(5) else "")
            + "." + (f" {m.group(6)}" if m.group(6) else ""))


# a list item whose label is the subject of the predicate after it: "- Hiroshi Sato: left A, now
# at B", "- Cohere: hired P as VP" (the colon or dash stands where no verb is missing)
_SUBJECT_LABEL = re.compile(
    r"^(\s*(?:[-*•]|\d+[.)])\s+[A-Z][^\n:;,()]{1,50}?)\s*(?::|\s[–—-])\s+(?=(?:has\s+|have\s+)?(?:left|leaves|joined|joins|quit|quits|"
    r"departed|departs|exited|exits|resigned|resigns|stepped\s+down|steps\s+down|hired|hires|named|names|appointed|appoints|"
    r"promoted|promotes|poached|poaches|moved|moves|returned|returns|rejoined|rejoins|retired|retires|was\s+named|is\s+joining|"
    r"is\s+leaving)\b)", re.M)
# a label that names the move for the person after it: "Stepped down: P, CTO of O", "Hired: P"
_MOVE_LABEL = re.compile(
    r"^([ \t]*(?:[-*•]|\d+[.)])?[ \t]*)(stepped\s+down|steps\s+down|departed|departs|left|leaving|exits?|exited|out|resigned|retired|"
    r"joined|joins|hired|arrived|promoted)\s*:\s+([A-Z][^\n:]{2,120}?)\s*\.?\s*$", re.M | re.I)
_HAS_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|joins|joined|joining|left|leaves|leaving|named|appointed|"
                       r"hired|promoted|moves|moved|departs|departed|quit|resigned|steps|stepped|becomes|became|returns|returned)\b")
_LABEL_VERB = {"stepped down": "stepped down", "steps down": "stepped down", "departed": "departed", "departs": "departed",
               "left": "left", "leaving": "left", "exit": "left", "exits": "left", "exited": "left", "out": "left",
               "resigned": "resigned", "retired": "retired", "joined": "joined", "joins": "joined",
               "hired": "was hired", "arrived": "arrived", "promoted": "was promoted"}


def _move_label(m: re.Match[str]) -> str:
    rest = m.group(3)
    verb = _LABEL_VERB[_WS.sub(" ", m.group(2).lower())]
    if _HAS_VERB.search(rest) or verb in ("joined", "arrived", "was hired", "was promoted"):
        return m.group(0)   # "Departures: P has left O" states its own predicate; a join needs its org
    return f"{m.group(1)}{rest}, {verb}."


_WS = re.compile(r"\s+")

# a roundup's section heading names the move of every item under it: "=== IN ===", "## Departures",
# "OUT:", "Promotions" -- then "* O — P, description" is "P joins O. P, description"
_SECTION = re.compile(
    r"^[\s#=*_-]*(?:(?-i:IN|OUT|UP)|hires|hired|arrivals|arriving|joiners|joined|new\s+hires|departures|exits|leaving|left|"
    r"out\s+the\s+door|promotions|promoted|moving\s+up|moves\s+up)[\s=*_:-]*$", re.I)
_ANY_SECTION = re.compile(_SECTION.pattern, re.I | re.M)
_SECTION_VERB = {"in": "joins", "hires": "joins", "hired": "joins", "arrivals": "joins", "arriving": "joins",
                 "joiners": "joins", "joined": "joins", "new hires": "joins", "out": "leaves", "departures": "leaves",
                 "exits": "leaves", "leaving": "leaves", "left": "leaves", "out the door": "leaves", "up": "steps up at",
                 "promotions": "steps up at", "promoted": "steps up at", "moving up": "steps up at", "moves up": "steps up at"}
_ORG_ITEM = re.compile(r"^(\s*(?:[-*•]|\d+[.)])\s+)([A-Z][^\n—–:]{1,40}?)\s+(?:[—–]|-|:)\s+([A-Z][^\n,;:()]{2,50}?)((?:\s*[,;(]|\s+(?=[a-z]))[^\n]*)?$")


# an announcement's "Chief Technology Officer: Kenta Oshiro" line, with an optional "(Current
# position: ...)" line under it: the person named to that title, and the post held until then
_TITLE_NAME_LINE = re.compile(
    r"^[ \t]*(?:[-*•][ \t]+)?([A-Z][\w&/-]*(?:[ \t,]+(?:of|for|and|in|charge|[A-Z][\w&/-]*)){0,8})[ \t]*:[ \t]*"
    r"((?:[A-Z][\w'’.-]+[ \t]+){1,3}[A-Z][\w'’-]+)[ \t]*\n(?:[ \t]*\((?:current|present|previous|former)[ \t]+"
    r"(?:position|post|title|role)[ \t]*:[ \t]*([^()\n]{2,120})\)[ \t]*(?:\n|$))?", re.M | re.I)
_TITLE_COLON = re.compile(r":[ \t]*[A-Z][\w'’.-]+[ \t]+[A-Z][\w'’-]+[ \t]*\n")
_TITLE_WORD = re.compile(r"\b(?:chief|officer|president|director|head|fellow|chair\w*|vp|ceo|cto|cfo|coo|"
                         r"executive|counsel|secretary|treasurer|partner|lead|manager)\b", re.I)


def _title_name(m: re.Match[str]) -> str:
    role, name, cur = m.group(1), m.group(2), m.group(3)
    if not _TITLE_WORD.search(role) or re.match(r"(?i:q|a|question|answer|host|speaker|note|source)\b", role):
        return m.group(0)
    cur = (cur or "").strip().rstrip(".")
    org = re.match(r"(.+?),\s*([^,]+)$", cur)
    if org and not _TITLE_WORD.search(org.group(2)):
        # a post at another org: named from outside
        return f"{name}, previously {org.group(1)} at {org.group(2)}, was named {role}.\n"
    return f"{name} was named {role}.\n" + (f"{name} is {cur}.\n" if cur else "")


def _sections(text: str) -> str:
    """Items under a section heading that names a move, rewritten as that move."""
    lines = text.split("\n")
    verb = None
    for i, line in enumerate(lines):
        if len(line) <= 40 and _SECTION.match(line) and line.strip(" #=*_-:"):
            verb = _SECTION_VERB.get(_WS.sub(" ", line.strip(" #=*_-:\t").lower()))
            continue
        if not line.strip():
            continue
        m = _ORG_ITEM.match(line)
        if m is None:
            if not re.match(r"\s*(?:[-*•]|\d+[.)])\s", line):
                verb = None   # prose after the list ends the section
            continue
        if verb is None or "?" in line:
            continue
        rest = (m.group(4) or "").strip()
        lines[i] = f"{m.group(1)}{m.group(3)} {verb} {m.group(2)}." + (f" {m.group(3)}{m.group(4)}" if rest else "")
    return "\n".join(lines)


# a team page's "## Advisers" or "## Board" section: its items are the page's company's seats
_SEAT_HEADING = re.compile(r"^[ \t]*#{1,4}[ \t]*(?:our[ \t]+)?(?P<h>(?:scientific[ \t]+)?advis[eo]rs|(?:scientific[ \t]+)?advisory[ \t]+board|"
                           r"board(?:[ \t]+of[ \t]+directors)?|board[ \t]+members|directors)[ \t]*$", re.I | re.M)
_SEAT_ITEM = re.compile(r"^[ \t]*(?:[-*•][ \t]+)?(?:\*\*|__)?([A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3})(?:\*\*|__)?[ \t]*,[ \t]*([^\n]{2,80}?)[ \t]*$")


def _seat_sections(text: str) -> str:
    """Items "Name, Affiliation" under an "Advisers" or "Board" heading, rewritten as the seat
    each item states ("Name, Affiliation, joins as adviser.")."""
    lines = text.split("\n")
    role = None
    for i, line in enumerate(lines):
        h = _SEAT_HEADING.match(line)
        if h:
            role = "adviser" if "advis" in h.group("h").lower() and "board" not in h.group("h").lower() else \
                "advisory board member" if "advis" in h.group("h").lower() else "board member"
            continue
        if line.lstrip().startswith("#"):
            role = None
            continue
        if role is None or not line.strip():
            continue
        m = _SEAT_ITEM.match(line)
        if m is None:
            role = None   # prose after the list ends the section
            continue
        lines[i] = f"{m.group(1)}, {m.group(2).rstrip('.')}, joins as {role}."
    return "\n".join(lines)


def rewrite_tables(text: str) -> str:
    """Markdown tables with a recognised header become one sentence per row; tracker lines
    ("- P - ex-A, now B (ROLE)") become the sentence they abbreviate."""
    if ":" in text:
        text = _CAPS_LABEL.sub(_title_case, text)
    if "ex-" in text or "formerly" in text or "previously" in text:
        text = _TRACKER_LINE.sub(_tracker_line, text)
    if "→" in text or "->" in text or "=>" in text:
        text = _ARROW_LINE.sub(_arrow_line, text)
        text = _ARROW_FROM_LINE.sub(_arrow_from_line, text)
        text = _ARROW_PAREN.sub(_arrow_paren, text)
        if ":" in text:
            text = _TITLE_ARROW_LINE.sub(_title_arrow_line, text)
    if ":" in text or " – " in text or " — " in text or " - " in text:
        text = _SUBJECT_LABEL.sub(r"\1 ", text)
        if ":" in text:
            text = _MOVE_LABEL.sub(_move_label, text)
    if "\n" in text and ("*" in text or "-" in text or "•" in text) and _ANY_SECTION.search(text):
        text = _sections(text)
    if "#" in text and _SEAT_HEADING.search(text):
        text = _seat_sections(text)
    if ":" in text and _TITLE_COLON.search(text):
        text = _TITLE_NAME_LINE.sub(_title_name, text)
    if "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = _cells(lines[i])
        if header and i + 1 < len(lines) and _SEP.match(lines[i + 1]):
            cols = _meaning(header)
            if "name" in cols and len(cols) >= 2:
                out.append(lines[i])
                out.append("")
                j = i + 2
                while j < len(lines) and _cells(lines[j]):
                    sent = _row_sentence(cols, _cells(lines[j]))
                    out.append(sent if sent is not None else lines[j])
                    j += 1
                i = j
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
