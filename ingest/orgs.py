"""Organizations: the shipped gazetteer (ingest/data/orgs.json) and recognition in text.

How a team or product maps to its organization (the employer a claim records):
- A gazetteer entry with a `parent` is a unit of that parent (a team, division, product or
  subsidiary: Qwen -> Alibaba, FAIR and Meta Superintelligence Labs -> Meta, Google Brain ->
  Google, AWS -> Amazon, the Superalignment team -> OpenAI). Claims record the parent, because
  people are employed by the company and news names the unit only to say what they worked on;
  the unit's own name is kept in `OrgMention.unit` (and `Claim.org_unit`) so nothing is lost.
- An entry marked `own: true` is reported as an employer in its own right and keeps its own
  name: Google DeepMind ("DeepMind") is the org "Google DeepMind", not Google.
- A possessive chain "Alibaba's Qwen" or a known org followed by a capitalized unit word
  ("OpenAI Applications", "Google Research") is one mention of the first organization.
- Products (Claude, ChatGPT, Gemini, Llama) count as organizations only as "the Claude team".
- Entries marked `ambiguous` (X, Figure, Magic, Notion, ...) are common words and count only
  right after a verb or preposition of employment ("joined Figure", "at Magic").
- Organizations not in the gazetteer are recognized from their shape and context: a
  capitalized name ending in a company word ("Reflection AI", "Periodic Labs", "Acme Inc."),
  a capitalized name after "startup", "company", "lab", or the object of "join/leave" when it
  is not a person's name.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .names import NOT_NAME
from .places import CITY_AFTER as _CITY_AFTER, LEFT_AS_PLACE as _COUNTRIES
from .regextrie import trie_alternation

DATA = Path(__file__).with_name("data") / "orgs.json"
# companies and institutions from every region that short items name bare (see its _doc)
WORLD = Path(__file__).with_name("data") / "orgs_world.json"

COMPANY_SUFFIXES = frozenset(
    """AI Labs Lab Inc Inc. Corp Corp. Corporation Technologies Technology Robotics Systems
    Intelligence Computing Networks Therapeutics Bio Capital Ventures Partners Foundation
    Institute University College Dynamics Analytics Software Security Group Holdings Company
    Studios Research Semiconductor Semiconductors Motors Industries Health Cloud Energy
    Microsystems Automation Machines LLC LLP PLC plc Ltd Ltd. GmbH SA Pharmaceuticals Biosciences Genomics""".split()
)
UNIT_WORDS = frozenset(
    "Applications Research Labs Lab Cloud Platforms Devices Health Studios Ventures Team "
    "Foundation Brain Robotics Reality Superintelligence Security Engineering Product Products".split()
)
ORG_CUE_NOUNS = r"(?:startup|start-up|company|lab|laboratory|firm|unicorn|rival|competitor|venture|outfit|maker|developer|giant|chipmaker|nonprofit|non-profit|institute)"


@dataclass(frozen=True)
class OrgInfo:
    """A gazetteer entry."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    parent: str | None
    own: bool
    ambiguous: bool


@dataclass(frozen=True)
class OrgMention:
    """An organization mentioned in a sentence: span, canonical employer and surface text."""

    start: int
    end: int
    name: str
    surface: str
    unit: str | None = None
    known: bool = True


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, OrgInfo]:
    """The shipped gazetteer keyed by canonical name."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    out: dict[str, OrgInfo] = {}
    for e in raw["orgs"] + json.loads(WORLD.read_text(encoding="utf-8"))["orgs"]:
        if e["name"] in out:
            continue
        out[e["name"]] = OrgInfo(e["name"], tuple(e.get("aliases", [])), e.get("kind", "company"),
                                 e.get("parent"), bool(e.get("own")), bool(e.get("ambiguous")))
    return out


def employer_of(name: str) -> str:
    """The organization a claim records for a gazetteer name (units map to their parent)."""
    g = gazetteer()
    info = g.get(name)
    seen = set()
    while info and info.parent and not info.own and info.name not in seen:
        seen.add(info.name)
        info = g.get(info.parent)
    return info.name if info else name


@lru_cache(maxsize=1)
def _alias_table() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for info in gazetteer().values():
        for a in (info.name, *info.aliases):
            table.setdefault(a, info.name)
    alts = sorted(table, key=len, reverse=True)
    # (the names as a trie: one branch per first letter instead of every name at every position)
    pat = re.compile(r"(?:(?<=\bex-)|(?<=\bEx-)|(?<![\w@./-]))(" + trie_alternation(alts) + r")(?![\w]|\.[A-Za-z]|-[A-Za-z0-9])")
    return pat, table


@lru_cache(maxsize=1)
def folded_aliases() -> dict[str, str]:
    """Every gazetteer name and alias, folded (case-, accent- and punctuation-blind), to its
    entry; where two fold alike the first in gazetteer order wins."""
    _, table = _alias_table()
    out: dict[str, str] = {}
    for alias, canon in table.items():
        out.setdefault(_fold(alias), canon)
    return out


@lru_cache(maxsize=4096)
def canonical_org(name: str) -> str:
    """Canonical employer name for an organization name as written (alias- and case-blind)."""
    _, table = _alias_table()
    if name in table:
        return employer_of(table[name])
    canon = folded_aliases().get(_fold(re.sub(r"['’]s$", "", name)))
    return employer_of(canon) if canon is not None else name.strip()


_EMPLOY_CONTEXT = re.compile(
    r"(?:\b(?:join(?:s|ed|ing)?|rejoin(?:s|ed|ing)?|at|from|left|leav(?:e|es|ing)|to|for|with|quit(?:s|ting)?|by|of)\s+)$", re.I)
_PRODUCT_KINDS = ("product",)
_CAP_SEQ = re.compile(r"(?:[A-Z][\w&.'-]*|\d+\w*)(?:\s+(?:[A-Z][\w&.'-]*|&|of|for|de))*")


def find_orgs(text: str, person_spans: list[tuple[int, int]] | None = None) -> list[OrgMention]:
    """Organization mentions in one sentence, gazetteer first, then unknown orgs by shape."""
    known = known_orgs(text)
    out = known + unknown_orgs(text, known, person_spans or [])
    out.sort(key=lambda o: o.start)
    return out


def known_orgs(text: str) -> list[OrgMention]:
    """Gazetteer organizations in one sentence (possessive chains merged)."""
    pat, table = _alias_table()
    g = gazetteer()
    out: list[OrgMention] = []
    for m in pat.finditer(text):
        surface = m.group(1)
        canon = table[surface]
        info = g[canon]
        a, b = m.span()
        before = text[max(0, a - 25):a]
        after = text[b:b + 30]
        if info.ambiguous and not _EMPLOY_CONTEXT.search(before):
            continue
        if info.kind in _PRODUCT_KINDS:
            if not re.match(r"\s+(?:team|group|division|unit|org|organization)\b", after):
                continue
        unit = canon if canon != employer_of(canon) else None
        # "OpenAI Applications", "Google Research": a unit word after a known org
        um = re.match(r"\s+([A-Z][a-z]+)\b", after)
        if um and um.group(1) in UNIT_WORDS:
            b = b + um.end()
            unit = text[a:b]
        out.append(OrgMention(a, b, employer_of(canon), text[a:b], unit, True))
    out = _descriptions(text, out)
    return _merge_possessive_chains(text, out)


_DESC_NOUNS = r"(?:maker|developer|creator|owner|parent|company|firm|lab|startup|start-up|builder|provider)"


@lru_cache(maxsize=1)
def _description_table() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    """Descriptive references from the gazetteer's `products` and `descriptions` lists:
    "the ChatGPT maker", "the maker of Claude", "the company behind Llama", "Google's AI unit"."""
    table: dict[str, str] = {}
    prods: dict[str, str] = {}
    cues: set[str] = set()
    for info_raw in json.loads(DATA.read_text(encoding="utf-8"))["orgs"]:
        for d in info_raw.get("descriptions", []):
            table[d.casefold()] = info_raw["name"]
            cues.add(d.casefold())
        for pr in info_raw.get("products", []):
            prods[pr.casefold()] = info_raw["name"]
    cues.update(("maker", "developer", "creator", "owner", "parent", "behind", "builder", "provider"))
    prod_alt = "|".join(re.escape(x) for x in sorted(prods, key=len, reverse=True))
    desc_alt = "|".join(re.escape(x).replace("'", "['’]") for x in sorted(table, key=len, reverse=True))
    pat = re.compile(
        rf"\b(?:(?:the|The)\s+(?:(?P<p1>{prod_alt})[- ]{_DESC_NOUNS}|{_DESC_NOUNS}\s+(?:behind\s+|of\s+)(?P<p2>{prod_alt}))|"
        rf"(?:(?:the|The)\s+)?(?P<d>{desc_alt}))(?![\w-])", re.I)
    for k, v in prods.items():
        table["\0" + k] = v
    return pat, table, tuple(sorted(cues))


def _descriptions(text: str, found: list[OrgMention]) -> list[OrgMention]:
    low = text.casefold().replace("’", "'")
    pat, table, cues = _description_table()
    if not any(c in low for c in cues):
        return found
    out = list(found)
    for m in pat.finditer(text):
        a, b = m.span()
        if any(a < o.end and o.start < b and not (a <= o.start and o.end <= b) for o in found):
            continue
        prod = m.group("p1") or m.group("p2")
        canon = table.get("\0" + prod.casefold()) if prod else table.get(m.group("d").casefold().replace("’", "'"))
        if canon is None:
            continue
        if re.match(r"[A-Z][\w-]+['’]s\s", text[a:b]):
            fm = re.search(r"\b[A-Z][a-z]+\s+$", text[max(0, a - 20):a])
            if fm:
                a -= len(fm.group(0))   # "Elon Musk's AI startup": the first name belongs to it
        out = [o for o in out if not (a <= o.start and o.end <= b)]
        out.append(OrgMention(a, b, employer_of(canon), text[a:b], None, True))
    out.sort(key=lambda o: o.start)
    return out


def _merge_possessive_chains(text: str, mentions: list[OrgMention]) -> list[OrgMention]:
    """"Alibaba's Qwen", "Google's DeepMind": one mention; a unit keeps its own mapping."""
    if len(mentions) < 2:
        return mentions
    merged: list[OrgMention] = []
    i = 0
    while i < len(mentions):
        cur = mentions[i]
        if i + 1 < len(mentions):
            nxt = mentions[i + 1]
            between = text[cur.end:nxt.start]
            if re.fullmatch(r"['’]s\s+", between) or between == " ":
                g = gazetteer()
                info = g.get(nxt.unit or nxt.name)
                if nxt.name == cur.name or (info and info.parent and employer_of(info.parent) == cur.name) \
                        or (nxt.unit and employer_of(nxt.unit) == cur.name):
                    merged.append(OrgMention(cur.start, nxt.end, nxt.name, text[cur.start:nxt.end],
                                             nxt.unit or cur.unit, True))
                    i += 2
                    continue
        merged.append(cur)
        i += 1
    return merged


_SUFFIX_ORG = re.compile(
    r"\b((?:[A-Z][\w&.'-]*\s+){0,3}?(?:[A-Z][\w&.'-]*))\s+(" + "|".join(
        re.escape(s) for s in sorted(COMPANY_SUFFIXES, key=len, reverse=True)) + r")(?![\w])")
_UNIV_ORG = re.compile(r"\b((?:University|Institute|College)\s+of\s+(?:[A-Z][\w-]+)(?:\s+[A-Z][\w-]+)?)")
_CUE_ORG = re.compile(r"\b" + ORG_CUE_NOUNS + r"\s+((?:[A-Z][\w&.'-]*)(?:\s+(?:&\s+)?[A-Z][\w&.'-]*){0,2})")
_VERB_ORG = re.compile(
    r"\b(?:join(?:s|ed|ing)?|rejoin(?:s|ed|ing)?|left|leav(?:es|ing)|quit(?:s)?|co-?found(?:ed|s)|found(?:ed|s)|launch(?:ed|es))\s+((?:[A-Z][\w&.'-]*)(?:\s+[A-Z][\w&.'-]*){0,2})")
# employment contexts that name an employer: "a principal engineer at Spotify", "joins from
# Twilio", "worked at Ericsson", "four years at Lyft", "at Qualcomm, where she ..."
# (a camel-case brand counts as capitalized: "from iRobot", "at eBay")
_WORK_NAME = r"((?:[A-Z]|[a-z][A-Z])[\w&.'-]*(?:\s+(?:&\s+)?[A-Z][\w&.'-]*){0,2})"   # ("a partner at Darrieux & Vautrin")
_WORK_ORG = re.compile(rf"\b(at|from|of)\s+{_WORK_NAME}")
_WORK_ORG_NO_OF = re.compile(rf"\b(at|from)\s+{_WORK_NAME}")
_OF_TITLES = ("ceo", "cto", "cfo", "coo", "cso", "cpo", "president", "founder", "executive", "officer", "chair")
_WORK_BEFORE = {
    "at": frozenset("""engineer scientist researcher director manager officer executive lead head vp svp evp partner intern
        analyst architect fellow professor postdoc ceo cto cfo coo cso cpo worked works working stint tenure year years
        month months decade decades career started starts began begins stint internship""".split()),
    "from": frozenset("comes came coming joins joined joining arrives arrived arriving moves moved moving jumps jumped hired "
                      "poached recruited defects defected over".split()),
    "of": frozenset("ceo cto cfo coo cso cpo president founder co-founder cofounder executive officer chair chairman "
                    "chairwoman".split()),
}
_JOINS = frozenset("joins joined joining rejoins rejoined".split())
# the field of a title, not an employer: "CEO of Applications", "head of AI at"
_FIELD_WORDS = frozenset(
    """AI AGI ML Research Applications Engineering Product Products Safety Policy Science Sales Marketing Operations
    Finance Infrastructure Data Compute Hardware Software Technology Strategy Growth Design Security Platform
    Platforms Partnerships People Communications Legal Talent Models Training Alignment Superintelligence Devices
    Search Ads Cloud Business Enterprise Consumer Global North South East West Europe America Asia Staff
    Technical Government Public Investor Customer Revenue Information Digital Risk Privacy Trust Human Corporate""".split())
_WHERE_ORG = re.compile(r"\b(?:at|from)\s+((?:[A-Z][\w&.'-]*)(?:\s+[A-Z][\w&.'-]*){0,2}),\s+where\b")
_FOUNDED_ORG = re.compile(r"\b([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})\s+(?:was|is|had\s+been|has\s+been)\s+(?:co-?)?founded\b")
_CUE_STEMS = ("start", "compan", "lab", "firm", "unicorn", "rival", "competitor", "venture", "outfit", "maker",
              "developer", "giant", "nonprofit", "non-profit", "institute")
_NOT_ORG_WORDS = frozenset(
    """The A An This That These Those His Her Their Its Our My Your He She They It We I
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Last Next In On At As
    French German British American Chinese European Canadian Israeli Indian Japanese Korean
    Swiss Dutch Swedish Paris London Beijing Generative Open Agentic Responsible Frontier
    Former Rival Its Applied Conversational Enterprise Physical Embodied Sovereign Trustworthy Trusted
    Ethical Explainable Agentic Multimodal Consumer Vertical Edge Industrial Creative Clinical Medical
    Previously Formerly Currently Now Then Later Recently Also Before After Since Until Joined Left
    For With From To By Of And But Or Both Like Unlike Including When While If Under Over Across About""".split())


# a department under a title ("Vice President of Inference Software", "head of Facilities
# Engineering"): a function of the employer, not an employer. Top titles ("CEO of Acme Software")
# do name the company, so only titles that run a part of one count.
_DEPT_TITLE = re.compile(r"\b(?:vice[\s-]+president|vp|svp|evp|head|director|manager|lead|dean|chief\s+of\s+staff)\s+of\s+(?:the\s+)?$", re.I)
_DEPT_HEADS = frozenset(
    """Software Engineering Research Operations Infrastructure Sales Marketing Products Product Services Design
    Analytics Computing Systems Technology Technologies Security Finance Strategy Science Policy Platforms Platform""".split())
# a named institution ("the Frontier Policy Council", "the European Research Council"): its head
# noun makes it an organization, and the adjective in front is part of its name ("Forum" and
# "Summit" are left out: as often an event as a body)
_INSTITUTION_ORG = re.compile(
    r"\b((?:[A-Z][\w&'’-]*\s+){0,3}(?:Council|Alliance|Association|Society|Commission|Coalition|Consortium|"
    r"Center|Centre|Initiative|Academy))\b(?:\s+(?:for|of|on)\s+(?:[A-Z][\w-]+\s+(?:and\s+)?){0,3}[A-Z][\w-]+|"
    r"(?![^\S\n]+[A-Z][a-z]))")   # "Data Center Operations": the head noun ends an institution's name
_ADJECTIVE_LEAD = frozenset(
    """French German British American Chinese European Canadian Israeli Indian Japanese Korean Swiss Dutch Swedish
    Generative Open Agentic Responsible Frontier Applied Conversational Enterprise Physical Embodied Sovereign
    Trustworthy Trusted Ethical Explainable Multimodal Consumer Vertical Edge Industrial Creative Clinical Medical""".split())
def _department(text: str, a: int, surface: str) -> bool:
    """Whether `surface` at `a` is a department a title runs rather than an employer."""
    return surface.split()[-1] in _DEPT_HEADS and _DEPT_TITLE.search(text, max(0, a - 40), a) is not None


_TITLE_WORDS = frozenset(
    """Chief Head Vice President Senior Principal Executive Officer Director Deputy Interim Acting
    Lead Staff Managing General Global Distinguished Founding Associate Assistant Member Fellow""".split())


_AI_NOUN = re.compile(
    r"\s+(?:start-?ups?|startups?|compan(?:y|ies)|firms?|labs?|research|models?|safety|policy|teams?|group|"
    r"industry|sector|boom|race|chips?|tools?|systems?|products?|features?|agents?|assistants?|efforts?|work|"
    r"talent|researchers?|engineers?|hiring|ethics|governance|space|world|community|ecosystem|developers?|"
    r"giants?|units?|divisions?|arm|ventures?|ambitions|strategy|push|investments?|spending|market|"
    r"regulation|infrastructure|applications?|platforms?|services?|software|projects?|programs?|initiatives?|"
    r"division|organi[sz]ation|experts?|leaders?|executives?|outfit|play|bets?|rivals?|competitors?|players?)\b")


_AI_NOUN_TITLED = re.compile(_AI_NOUN.pattern, re.I)


def unknown_orgs(text: str, known: list[OrgMention], persons: list[tuple[int, int]]) -> list[OrgMention]:
    """Organizations not in the gazetteer, recognized by company words and employment context."""
    taken = [(o.start, o.end) for o in known] + list(persons)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    out: list[OrgMention] = []

    def add(a: int, b: int, keep: frozenset[str] = frozenset()) -> None:
        surface = text[a:b].rstrip(".,'’")
        b = a + len(surface)
        words = surface.split()
        while words and words[0] in _NOT_ORG_WORDS and words[0] not in keep:
            a += len(words[0]) + 1
            words = words[1:]
        while len(words) > 1 and words[-1] in _NOT_ORG_WORDS and words[-1] not in keep:
            b -= len(words[-1]) + 1   # "years at Adobe I joined": the pronoun is no part of the name
            words = words[:-1]
        if not words:
            return
        surface = " ".join(words)
        if len(surface) < 2 or not free(a, b):
            return
        if re.search(r"['’]s$", surface) or words[0] in _TITLE_WORDS:
            return  # "joined Musk's xAI": a possessor; "Chief Technology Officer": a title
        if words[-1] == "AI" and re.search(r"['’][sS]$", words[-2] if len(words) > 1 else ""):
            return  # "Britain's AI", "LONDON'S AI QUARTER": a possessor's AI, no name
        if len(words) == 1 and words[0] in COMPANY_SUFFIXES:
            return  # "Canadian AI company Cohere": a company word alone names nothing
        if _department(text, a, surface):
            return
        taken.append((a, b))
        out.append(OrgMention(a, b, canonical_org(surface), surface, None, False))

    # cheap word tests first: the shape patterns are costly and most sentences hold no match
    words = {w.strip(".,;:!?'’\"()") for w in text.split()}
    has_suffix = not COMPANY_SUFFIXES.isdisjoint(words)
    low = text.lower()
    if any(w in words for w in ("Council", "Alliance", "Association", "Society", "Commission", "Coalition",
                                "Consortium", "Center", "Centre", "Initiative", "Academy")):
        for m in _INSTITUTION_ORG.finditer(text):
            named = [w for w in m.group(1).split()[:-1] if w not in _NOT_ORG_WORDS or w in _ADJECTIVE_LEAD]
            if named or m.end() > m.end(1):   # "the Council" alone names nothing
                add(m.start(1), m.end(), _ADJECTIVE_LEAD)
    for m in (_SUFFIX_ORG.finditer(text) if has_suffix else ()):
        a, b = m.span()
        if m.group(2) == "AI" and _AI_NOUN.match(text, b):
            continue  # "French AI start-up": an adjective, not a name
        if m.group(2) == "AI" and (title_noun := _AI_NOUN_TITLED.match(text, b)) and \
                title_noun.group(0).split()[0] not in COMPANY_SUFFIXES | UNIT_WORDS:
            continue  # a title-case headline's "to Accelerate AI Infrastructure": "AI" modifies the noun
        first = m.group(1).split()[0]
        if first in _NOT_ORG_WORDS and len(m.group(1).split()) == 1:
            continue
        nm = _MORE_SUFFIX.match(text, b)
        if nm and nm.group(1) in COMPANY_SUFFIXES:
            b = nm.end()   # "LG AI Research": the name runs on through a second company word
        elif m.group(2) in ("Institute", "University", "Foundation", "College") and (of := _OF_NAME.match(text, b)):
            b = of.end()   # "Max Planck Institute for Informatics"
        elif m.group(2) in ("University", "College") and (city := _CITY_AFTER.match(text, b)):
            add(a, city.end(), frozenset(city.group(1).split()))
            continue
        add(a, b)
    if "University" in words or "Institute" in words or "College" in words:
        for m in _UNIV_ORG.finditer(text):
            add(*m.span(1))
    if any(c in low for c in _CUE_STEMS):
        for m in _CUE_ORG.finditer(text):
            add(*m.span(1))
    if "ounded" in text:
        for m in _FOUNDED_ORG.finditer(text):
            if m.group(1).split()[0] not in _NOT_ORG_WORDS:
                add(*m.span(1))
    for m in _VERB_ORG.finditer(text):
        a, b = m.span(1)
        if free(a, b) and m.group(1).rstrip(".,") not in _COUNTRIES:
            add(a, b)   # (not "left Poland in 1980": a country is left, not an employer)
    if " at " in text or " from " in text or " of " in text:
        # "of" names an employer only after a title ("CEO of X"): look for it only where one is
        titled = " of " in text and any(w in low for w in _OF_TITLES)
        for m in (_WORK_ORG if titled else _WORK_ORG_NO_OF).finditer(text):
            a = m.start()
            last = text[text.rfind(" ", max(0, a - 30), a - 1) + 1:a - 1].lower()
            if (last in _WORK_BEFORE[m.group(1)] or m.group(1) == "from" and not _JOINS.isdisjoint(text[max(0, a - 40):a].lower().split()[-4:])) \
                    and free(*m.span(2)) and m.group(2).split()[0].strip(".,") not in _FIELD_WORDS:
                add(*m.span(2))
        for m in (_WHERE_ORG.finditer(text) if ", where" in text else ()):
            if free(*m.span(1)):
                add(*m.span(1))
    return out


_SHORT_SUFFIXES = ("AI", "Labs", "Lab", "Inc", "Inc.", "Corp", "Corp.", "Technologies", "Robotics", "Systems", "University",
                   "Analytics", "Networks", "Dynamics", "Computing", "Software", "Therapeutics", "Ventures")


_CAP_WORD_BEFORE = re.compile(r"[A-Z][\w&.'’-]*\s+$")
# (a possessor is no name: "LONDON'S AI QUARTER" in a capitalized headline)
_SHORT_NAME = re.compile(r"(?<![\w&'’-])([A-Z][\w&'’-]*)(?<!['’][sS])\s+(AI|Labs|Lab|Inc\.?|Corp\.?|Technologies|Robotics|Systems|University|"
                         r"Analytics|Networks|Dynamics|Computing|Software|Therapeutics|Ventures)(?![\w])(?!\s+[A-Z][a-z]|\s+(?:of|for)\s+[A-Z])")


@lru_cache(maxsize=4096)
def _known_cached(text: str) -> tuple[OrgMention, ...]:
    return tuple(known_orgs(text))


_OF_NAME = re.compile(r"\s+(?:for|of)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?")
_MORE_SUFFIX = re.compile(r"\s+([A-Z][a-z]+)\b(?!['’]s)")
_COMPANY_TERMS = frozenset("Company Corporation Firm Employer Registrant Issuer".split())
_DEFINED_SHORT = re.compile(
    r"((?:[A-Z][\w&.'-]*,?\s+){0,4}[A-Z][\w&.'-]*)\s+\(\s*(?:(?:hereinafter|hereafter|henceforth)\s+)?(?:referred\s+to\s+as\s+)?"
    r"(?:the\s+)?[\"“]?([A-Z][A-Za-z&-]{1,14})[\"”]?\s*\)")


_ORG_WORDS = r"(?:[A-Z][\w&'’-]*[^\S\n]+){0,3}[A-Z][\w&'’-]*"
# "O, the Pittsburgh startup, is changing its name to O2" / "O was renamed O2" / "O2, formerly known as O" / "O2 (formerly O)"
_RENAME = re.compile(
    rf"\b({_ORG_WORDS})\s*(?:,[^,.;]{{1,120}},\s*)?(?:is\s+changing|has\s+changed|changed|will\s+change|is\s+to\s+change)\s+its\s+name\s+to\s+({_ORG_WORDS})|"
    rf"\b({_ORG_WORDS})\s+(?:was|has\s+been|is\s+being|will\s+be)\s+renamed\s+(?:to\s+|as\s+)?({_ORG_WORDS})|"
    rf"\b({_ORG_WORDS})\s*(?:,|\()\s*(?:which\s+was\s+|then\s+|(?:the|a|an)\s+[^,.;()«]{{1,50}}?\s+)?formerly"
    rf"(?:\s+known\s+as|\s+called|\s+named)?\s+({_ORG_WORDS})")
_RENAME_LEAD = {"The", "Today", "Now", "On", "In", "Last", "This", "Meanwhile", "And", "But", "So", "Earlier", "Separately"}


def _renames(text: str, person_words: set[str]) -> dict[str, OrgMention]:
    """Former names of an org the article tells renamed, each mapped to the current name:
    what the article says about the org under its former name is about the same org."""
    out: dict[str, OrgMention] = {}
    for m in _RENAME.finditer(text):
        old, new = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4)) if m.group(3) else (m.group(6), m.group(5))
        old = " ".join(w for i, w in enumerate(old.split()) if i or w not in _RENAME_LEAD)
        new = re.sub(r"\s+(?:Inc|Corp|Ltd|LLC)\.?$", "", new.rstrip(".,"))
        old = re.sub(r"\s+(?:Inc|Corp|Ltd|LLC)\.?$", "", old.rstrip(".,"))
        if not old or not new or old == new or len(old.split()) < 2 and old in NOT_NAME or \
                any(w in person_words for w in old.split() + new.split()):
            continue
        kn = _known_cached(new)
        if kn and kn[0].start == 0 and kn[0].end == len(new):
            out[old] = OrgMention(0, 0, kn[0].name, old, kn[0].unit, False)
        else:
            out[old] = OrgMention(0, 0, canonical_org(new), old, None, False)
    return out


def short_forms(text: str, person_words: set[str]) -> tuple[re.Pattern[str], dict[str, OrgMention]] | None:
    """Short names an article uses for an org it names in full once ("Corvid AI" ... "Corvid's
    chief executive"): one pass over the article; the first word must not be a known org,
    a person's name or a common capitalized word."""
    table: dict[str, OrgMention] = {}
    if '("' in text or "(“" in text or '(the "' in text or "(the “" in text or "hereinafter" in text:
        # an abbreviation the text defines: 'Preferred Networks, Inc. (hereinafter "PFN")', 'Corvid AI ("Corvid")'
        for m in _DEFINED_SHORT.finditer(text):
            full, w = re.sub(r",?\s+(?:Inc|Corp|Ltd|LLC|GmbH|SA|Co)\.?$", "", m.group(1).rstrip(",. ")), m.group(2)
            incorporated = full != m.group(1).rstrip(",. ")   # 'Acme, Inc. (the "Company")': a one-word name will do
            if w in person_words or w in _NOT_ORG_WORDS or (w in NOT_NAME and w not in _COMPANY_TERMS) or _known_cached(w) \
                    or len(full.split()) < 2 and not (incorporated and w in _COMPANY_TERMS and full[:1].isupper()):
                continue   # a defined term names the org only when it is a word for a company ('the "Company"')
            kn = _known_cached(full)
            if kn and kn[0].end - kn[0].start >= len(full) - 6:
                table[w] = OrgMention(0, 0, kn[0].name, full, kn[0].unit, True)
            elif full.split()[-1].rstrip(".") in COMPANY_SUFFIXES or kn or incorporated:
                table[w] = OrgMention(0, 0, canonical_org(full), full, None, False)
    renamed = _renames(text, person_words) if "its name" in text or "renamed" in text or "formerly" in text else {}
    if not table and not renamed and not any(s in text for s in _SHORT_SUFFIXES):
        return None
    for m in _SHORT_NAME.finditer(text):
        if _CAP_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue   # a longer name ("Safe Superintelligence Inc"): not a one-word short form
        w = m.group(1).rstrip(".,'’")
        full = f"{w} {m.group(2)}"
        if len(w) < 3 or w in _NOT_ORG_WORDS or w in _TITLE_WORDS or w in person_words or not w[0].isupper() \
                or _department(text, m.start(), full):
            continue
        if _known_cached(w):
            continue
        kn = _known_cached(full)
        if kn:
            # a gazetteer org whose short form is a common word ("Together AI" ... "Together")
            if len(kn) == 1 and kn[0].start == 0 and kn[0].end == len(full):
                table[w] = OrgMention(0, 0, kn[0].name, full, kn[0].unit, True)
            continue
        table[w] = OrgMention(0, 0, canonical_org(full), full, None, False)
    for w, mention in renamed.items():
        table[w] = mention
    for w, mention in list(table.items()):
        new = renamed.get(mention.surface)
        if new is not None and w not in renamed:
            table[w] = new   # "Parallax", short for the former name "Parallax Robotics": the org as renamed
    if not table:
        return None
    pat = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)) + r")\b(?!\s+(?:" +
                     "|".join(re.escape(s) for s in _SHORT_SUFFIXES) + r")\b)")
    return pat, table
