"""Refutations: what an article says did not, or will not, happen, or was misreported.

The resolver matches these against facts that *other, earlier* articles reported, so a later
"Ruiz is not leaving OpenAI" retracts an earlier "Ruiz left OpenAI" (ingest/crossrefute.py);
an article's own denials are withdrawn inside the article (refute.py, claims_finish.py).

A false refutation loses a true fact, so every rule wants a named person, a named (or
uniquely implied) organization and an unhedged statement about a move:

- denial: "P is not leaving O", "P has not left O", "I'm not leaving O", "P remains at O",
  "P decided to stay at O after all", "P denied reports that she would leave O",
  "O said reports that P had resigned were inaccurate"            -> `left` of P from O
  ("P denied she was joining O", "P is not joining O")            -> `joined`/`held_role` at O
- fell through: "P's planned move to O has fallen through", "P will no longer join O",
  "P won't be joining O after all", "P turned down an offer from O", "O rescinded its offer
  to P"                                                           -> `joined`/`held_role` at O
- correction: "Correction: P joined A, not O", "an earlier version said P had joined O"
                                                                  -> `joined`/`held_role` at O
  "incorrectly said P had left O"                                 -> `left` of P from O
  "incorrectly said P came from O", "P did not work at O"         -> every type for P at O

Not refutations: "P denied that he was unhappy at O" (no move), "P, who left O in 2023, ..."
(a move told, not denied), "P stayed at O for six years before ..." (a stint that ended),
"P will remain at O until March" (a departure with a date), hedged statements ("P could stay").
Rules read the marked sentences (entities as «P3», «O1», «D0»), like the rest of the extractor;
correction notices are read in misreports.py, and the words both share are in denial_terms.py.
"""
from __future__ import annotations

import re
from datetime import date

from .coref import PersonRegistry
from .dates import period_bounds
from .denial_terms import APOS, GAP, JOIN, LEAVE, NEG, ORG, PERSON, ent, named_org, plain
from .extract_types import SentInfo
from .misreports import corrections
from .model import FACT_TYPES, Refutation

STALE_DAYS = 180

# -- denials of a departure --------------------------------------------------------------------
_NOT_LEAVING = re.compile(rf"{PERSON}{GAP}\b{NEG}\s+{LEAVE}\s+(?:the\s+)?{ORG}", re.I)
_NOT_YET = re.compile(r"\s*,?\s*(?:«D\d+|until|till|before|yet|just\s+yet|immediately|right\s+away|any\s*time\s+soon|"
                      r"for\s+now|quite\s+yet|empty|without|unless|if|as\s+(?:planned|expected))\b", re.I)
_NO_PLANS = re.compile(rf"{PERSON}{GAP}\b(?:has|have|had)\s+no\s+(?:plans?\s+to\s+leave|intention\s+of\s+leaving)\s+"
                       rf"(?:the\s+)?{ORG}", re.I)
# the organization that says so, just before the person: "O said P ...", "a spokesperson for O said P ..."
_SAYER = re.compile(rf"{ORG}[^«]{{0,40}}?\b(?:said|says|told\s+\w+|confirmed|stated|added)\b[^«]{{0,20}}$", re.I)
# with no organization named: "I'm not going anywhere", "P was not leaving" (from the organization
# that said so, or the one the article places P at)
_NOT_GOING = re.compile(rf"{PERSON}{GAP}\b{NEG}\s+(?:going\s+anywhere|leaving|quitting|resigning|departing)"
                        rf"(?=\s*(?:[.,;!?\"”]|$))", re.I)
_STAY_VERB = (r"(?:remains|remained|remaining|stays|stayed|staying|(?:will|shall)\s+(?:remain|stay)|"
              r"(?:(?:has|have|had)\s+)?(?:decided|chosen|chose|opted|elected|agreed)\s+to\s+(?:remain|stay)|"
              r"(?:is|are)\s+still|still\s+(?:works?|is))")
_STAY_ROLE = (r"(?:(?:an?|the|its|his|her|their)\s+)?(?:[\w-]+\s+){0,3}?(?:researcher|scientist|engineer|professor|"
              r"reader|lecturer|director|head|chief|officer|ceo|cto|cfo|coo|president|vp|lead|leader|manager|"
              r"fellow|member\s+of\s+(?:the\s+)?(?:technical\s+)?staff|employee|partner|chair|staffer|executive)s?\s+")
_STAY = re.compile(rf"{PERSON}{GAP}\b(?P<verb>{_STAY_VERB})(?:\s+(?:put|on))?\s+(?:{_STAY_ROLE})?(?:at|with|for|of)\s+(?:the\s+)?{ORG}", re.I)
_TEMPORARY = re.compile(r"\s*,?\s*(?:«D\d+|until|till|through|throughout|before|for\s+(?:now|the\s+time\s+being|another|a|an|"
                        r"the\s+next|the\s+rest|several|some|\d+|two|three|four|five|six|a\s+few)\b|during|while|pending|"
                        r"unless|if|as\s+(?:an?\s+)?(?:advis|consult|board|non-exec|part-time|emerit|special|senior\s+advis|"
                        r"interim|outside|observer)|to\s+(?:help|oversee|ensure|assist|manage|support|complete|finish|see)\b|"
                        r"in\s+(?:an?\s+)?(?:advis|consult)|on\s+(?:the|its)\s+board|['’]s\s+board)", re.I)
# "remains honorary professor at O": a side post kept, not the job a departure was about
_SIDE_POST = re.compile(r"\b(?:honorary|emerit\w*|adjunct|affiliate|visiting|part-time|courtesy|advis[oe]r|"
                        r"board|trustee|consultant)\b", re.I)
_PAST_STAY_END = re.compile(r"\s*(?:[.;!?\"”)]|$|,\s*(?:where|despite|rejecting|turning|declining|instead)|"
                            r"\s+(?:after\s+all|instead|rather\s+than|despite)\b)", re.I)

# -- denials with content: "P denied reports that she would leave O to join B" ------------------
_DENY = re.compile(r"\b(?:denied|denies|deny|denying|dismissed|dismissing|rejected|rejecting|refuted|rebutted|"
                   r"disputed|disputing|shot\s+down)\s+(?:(?:the|those|these|earlier|recent|media|press|online|"
                   r"published|a|an|any)\s+)*(?:(?:reports?|rumou?rs?|claims?|speculation|suggestions?|accounts?|"
                   r"stories|story|talk)\s+)?(?:that\s+|of\s+)?", re.I)
_FALSE = re.compile(r"\b(?:reports?|rumou?rs?|claims?|suggestions?|speculation|stories|accounts?)\s+(?:that\s+|of\s+)?"
                    r"(?P<content>[^.;]{4,140}?)\s+(?:were|was|are|is|had\s+been|have\s+been)\s+(?:(?:simply|completely|"
                    r"entirely|totally|flatly|categorically|also)\s+)?(?:not\s+(?:true|accurate|correct)|untrue|false|"
                    r"inaccurate|incorrect|wrong|baseless|unfounded|mistaken|erroneous|fabricated|premature)\b", re.I)
_CONTENT = re.compile(rf"^\s*(?:{PERSON}\s+)?(?:(?:was|is|were|are|had|has|have|would|will|might|could|be|been)\s+)*"
                      rf"(?:(?:about|planning|set|going|poised|preparing|in\s+talks)\s+to\s+)?"
                      rf"(?:(?P<leave>{LEAVE})|(?P<join>{JOIN}))\b", re.I)
_NOUN_CONTENT = re.compile(rf"^\s*(?:(?:his|her|their|a|an|the)\s+)?(?:(?:planned|imminent|rumou?red|reported|possible|"
                           rf"alleged)\s+)?(?:(?P<leave>departure|exit|resignation)\s+from|(?P<join>move|switch|jump|"
                           rf"defection)\s+to)\s+(?:the\s+)?{ORG}", re.I)

# -- moves that fell through --------------------------------------------------------------------
_OFF = (r"(?:(?:has|had|have)\s+)?(?:(?:fallen|fell|falls|falling)\s+(?:through|apart)|collapsed|(?:was|were|has\s+been|"
        r"had\s+been|is|is\s+now)\s+(?:called\s+off|cancell?ed|scrapped|off|rescinded|withdrawn|abandoned|shelved|"
        r"dropped|revoked|reversed|nixed|terminated|blocked))")
_MOVE_OFF = re.compile(rf"{PERSON}{APOS}s\s+(?:[\w-]+\s+){{0,3}}?(?P<what>move|hire|hiring|appointment|switch|jump|defection|"
                       rf"deal|arrival|transfer|departure|exit)\s+(?:to|at|with|from|by)\s+(?:the\s+)?{ORG}"
                       rf"[^«.;]{{0,40}}?\s{_OFF}", re.I)
_HIRE_OFF = re.compile(rf"{ORG}{APOS}s\s+(?:[\w-]+\s+){{0,3}}?(?:hire|hiring|appointment|recruitment|poaching)\s+of\s+"
                       rf"{PERSON}[^«.;]{{0,40}}?\s{_OFF}", re.I)
_NO_LONGER = re.compile(rf"{PERSON}{GAP}\b(?:(?:will|would)\s+no\s+longer(?:\s+be)?|{NEG})\s+{JOIN}\s+(?:the\s+)?{ORG}"
                        rf"(?!{APOS}s\b)", re.I)
_DECLINED = re.compile(rf"{PERSON}{GAP}\b(?:(?:has|had)\s+)?(?:(?:decided|chosen|chose|opted|elected)\s+(?:not\s+to|against)\s+"
                       rf"{JOIN}|(?:(?:turned|turns|turning)\s+down|rejected|declined)\s+(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+){{0,2}}?"
                       rf"(?:offer|job|role|position|post)\s+(?:from|at|with|to\s+join)|(?:backed|pulled|walked)\s+"
                       rf"(?:out|away)\s+(?:of|from)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\w-]+\s+){{0,2}}?"
                       rf"(?:deal|move|job|role|position|agreement|offer|plan)\s+(?:with|at|to\s+join|to)|"
                       rf"(?:reversed|changed|reconsidered)\s+(?:his|her|their)\s+(?:decision|mind|plans?)\s+"
                       rf"(?:to|about|on)\s+(?:join(?:ing)?|mov(?:e|ing)\s+to)|never\s+(?:joined|started\s+at|"
                       rf"showed\s+up\s+at|took\s+up\s+(?:the|a|his|her|its)\s+(?:post|job|role|position)\s+at))"
                       rf"\s+(?:the\s+)?{ORG}", re.I)
_JOIN_NOT_YET = re.compile(r"\s*,?\s*(?:«D\d+|until|till|before|when|because|immediately|right\s+away|yet|as\s+(?!.*\bafter\s+all\b)|"
                           r"unless|if)\b", re.I)
_RESCINDED = re.compile(rf"{ORG}\s+(?:(?:has|had)\s+)?(?:rescinded|withdrew|withdrawn|revoked|pulled|retracted|yanked)\s+"
                        rf"(?:(?:its|the|an|his|her|their|a)\s+)?(?:job\s+|employment\s+)?offer\b(?:\s+(?:to|for)\s+{PERSON})?", re.I)

# a sentence without one of these words states no refutation (a substring test: cheap for
# the nine sentences in ten that carry none)
_CUES = ("not", "n't", "n’t", "never", "no longer", "remain", "stay", "still", "deni", "deny", "dismiss", "reject",
         "declin", "refut", "rebut", "disput", "true", "false", "wrong", "accurate", "correct", "baseless",
         "unfounded", "mistaken", "erroneous", "fabricated", "premature", "through", "apart", "collapsed",
         "called off", "is off", "was off", "cancel", "scrapped", "rescind", "withdr", "revoked", "turned down",
         "turns down", "turning down", "backed out", "pulled out", "walked away", "reversed", "changed",
         "reconsidered", "version", "misstated", "misidentified", "shot down", "no connection", "no affiliation",
         "no plan", "no intention")
_QUOTE_SPEAKER = re.compile(rf"[\"”]\s*,?\s*(?:(?:said|says|wrote|writes|added|told\s+\w+)\s+{PERSON}|{PERSON}\s+(?:said|says|wrote|writes|added))")

_ALL = FACT_TYPES
_JOINED = ("joined", "held_role")


def _speaker(infos: list[SentInfo], si: int) -> str | None:
    """Who "I" is in a quotation the marking left unresolved: the speaker named beside the
    quote in this sentence or, for a quote continued in its own sentence, in the one before."""
    for j in (si, si - 1):
        if j < 0 or infos[j].sent.paragraph != infos[si].sent.paragraph:
            continue
        m = _QUOTE_SPEAKER.search(infos[j].marked)
        if m:
            return ent(infos[j], m.group(1) or m.group(2))
    return None


def _first_person(infos: list[SentInfo], si: int, pattern: str) -> list[tuple[str, re.Match[str]]]:
    """Matches of a rule whose subject is an unresolved "I" ("I'm not leaving UCL")."""
    info = infos[si]
    if not re.search(r"\bI\b", info.marked):
        return []
    who = info.first_person or _speaker(infos, si)
    if not who:
        return []
    return [(who, m) for m in re.finditer(pattern.replace(PERSON, r"(?-i:\bI\b)()"), info.marked, re.I)]


def _sentence_hits(infos: list[SentInfo], si: int, current: dict[str, set[str]]) -> list[tuple[str, str, str, str, str | None]]:
    """(types, person key, org, kind, about) for one sentence; types is a key into _TYPES."""
    info = infos[si]
    s = info.marked
    hits: list[tuple[str, str, str, str, str | None]] = []

    def only_org(person: str) -> str | None:
        orgs = current.get(person, set())
        return next(iter(orgs)) if len(orgs) == 1 else None

    # "P is not leaving O" / "I'm not leaving O"
    pairs = [(ent(info, m.group(1)), m) for m in _NOT_LEAVING.finditer(s)]
    pairs += _first_person(infos, si, _NOT_LEAVING.pattern)
    for person, m in pairs:
        if plain(m.group("gap")) and not _NOT_YET.match(s, m.end()):
            hits.append(("left", person, named_org(info, m), "denial", None))
    for m in _NO_PLANS.finditer(s):
        if plain(m.group("gap")):
            hits.append(("left", ent(info, m.group(1)), named_org(info, m), "denial", None))
    # "I'm not going anywhere", "a spokesperson for O said P was not leaving"
    pairs = [(ent(info, m.group(1)), m) for m in _NOT_GOING.finditer(s)] + _first_person(infos, si, _NOT_GOING.pattern)
    for person, m in pairs:
        sayer = _SAYER.search(s, 0, m.start())
        org = ent(info, sayer.group(1)) if sayer else only_org(person)
        if org and plain(m.group("gap")):
            hits.append(("left", person, org, "denial", None))
    # "P remains at O" / "P decided to stay at O after all"
    for m in _STAY.finditer(s):
        verb = m.group("verb").lower()
        if not plain(m.group("gap")) or _TEMPORARY.match(s, m.end()) or _SIDE_POST.search(s, m.start("verb"), m.end()):
            continue
        if verb in ("stayed", "remained") and not _PAST_STAY_END.match(s, m.end()):
            continue   # "stayed at O for six years before ...": a stint that ended
        hits.append(("left", ent(info, m.group(1)), named_org(info, m), "denial", None))
    hits += _denied_content(info, current)
    # fell through
    for m in _MOVE_OFF.finditer(s):
        kind = "left" if m.group("what").lower() in ("departure", "exit") else "joined"
        hits.append((kind, ent(info, m.group(1)), ent(info, m.group(3)), "fell_through", None))
    for m in _HIRE_OFF.finditer(s):
        hits.append(("joined", ent(info, m.group(2)), ent(info, m.group(1)), "fell_through", None))
    for rx in (_NO_LONGER, _DECLINED):
        for m in rx.finditer(s):
            if plain(m.group("gap")) and not _JOIN_NOT_YET.match(s, m.end()):
                hits.append(("joined", ent(info, m.group(1)), named_org(info, m), "fell_through", None))
    for m in _RESCINDED.finditer(s):
        person = ent(info, m.group(2)) if m.group(2) else _lone_person(infos, si)
        if person:
            hits.append(("joined", person, ent(info, m.group(1)), "fell_through", None))
    hits += corrections(infos, si)
    return hits


def _lone_person(infos: list[SentInfo], si: int) -> str | None:
    """The one person this sentence, or else the one before it in its paragraph, names."""
    for j in (si, si - 1):
        if j < 0 or infos[j].sent.paragraph != infos[si].sent.paragraph:
            continue
        people = {ent(infos[j], x) for x in re.findall(PERSON, infos[j].marked)}
        if people:
            return next(iter(people)) if len(people) == 1 else None
    return None


def _denied_content(info: SentInfo, current: dict[str, set[str]]) -> list[tuple[str, str, str, str, str | None]]:
    """"P denied reports that she would leave O to join B" and "reports that P had resigned were
    inaccurate": the move inside the denied content is refuted; a departure with no org named is
    from the denier organization, else from the one organization the article places P at."""
    s = info.marked
    out: list[tuple[str, str, str, str, str | None]] = []
    spans: list[tuple[int, str]] = []
    for m in _DENY.finditer(s):
        end = re.search(r"[.;]|$", s[m.end():]).start() + m.end()
        spans.append((m.start(), s[m.end():min(end, m.end() + 160)]))
    for m in _FALSE.finditer(s):
        spans.append((m.start(), m.group("content")))
    for start, content in spans:
        before = s[:start]
        subj_p = re.findall(PERSON, before)
        subj_o = re.findall(ORG, before)
        c = _CONTENT.match(content) or _NOUN_CONTENT.match(content)
        if c is None:
            continue
        cp = re.match(rf"^\s*{PERSON}", content)
        person = ent(info, cp.group(1)) if cp else (ent(info, subj_p[-1]) if subj_p else None)
        if person is None:
            continue
        rest = content[c.end():] if c.re is _CONTENT else ""
        if c.re is _NOUN_CONTENT:
            org = ent(info, c.group(c.lastindex))
            out.append(("left" if c.group("leave") else "joined", person, org, "denial", None))
            continue
        direct = re.match(rf"\s+(?:from\s+)?(?:the\s+)?{ORG}", rest)
        onward = re.search(rf"\b(?:for|to\s+join|to)\s+(?:the\s+)?{ORG}", rest[:80])
        if c.group("join"):
            if direct:
                out.append(("joined", person, ent(info, direct.group(1)), "denial", None))
            continue
        if re.search(r"\b(?:because|over|due\s+to|amid|as\s+a\s+result|why|reasons?|after\s+(?!all\b))\b", rest):
            continue   # "denied that he left O because of pay": the reason is denied, not the move
        org = ent(info, direct.group(1)) if direct else (ent(info, subj_o[-1]) if subj_o else None)
        if org is None:
            orgs = current.get(person, set())
            org = next(iter(orgs)) if len(orgs) == 1 else None
        if org:
            out.append(("left", person, org, "denial", None))
        if onward and (direct is None or onward.group(1) != direct.group(1)):
            out.append(("joined", person, ent(info, onward.group(1)), "denial", None))
    return out


def _current_orgs(infos: list[SentInfo]) -> dict[str, set[str]]:
    """The organizations the article describes each person at now (appositions, titles)."""
    out: dict[str, set[str]] = {}
    for info in infos:
        for a in info.affils:
            if not a.former and not a.past and a.org:
                out.setdefault(a.person, set()).add(a.org)
    return out


_last: tuple[list[SentInfo], str | None, list[tuple[int, str, str, str, str, str | None]]] | None = None


def _period_end(d: str) -> date | None:
    try:
        return period_bounds(d)[1]
    except ValueError:
        return None


def _told_of_the_past(info: SentInfo, published: str | None) -> bool:
    """The sentence is dated well before the article ("In 2019 she was still at O", "In
    March 2024 he denied ..."): a denial then is no refutation of a move reported now."""
    now = _period_end(published[:10]) if published else None
    if now is None:
        return False
    for e in info.ents:
        end = _period_end(e.date.date) if e.kind == "D" and e.date is not None and e.date.date else None
        if end is not None and (now - end).days > STALE_DAYS:
            return True
    return False


def refuted(infos: list[SentInfo], published: str | None = None) -> list[tuple[int, str, str, str, str, str | None]]:
    """(sentence, type, person key, org, kind, about) for every refutation the article states,
    one per (type, person, org), in article order: for the article's own claims (refute.py)
    and, as `Refutation`s, for other articles' facts. A denial told of a time long before the
    article's publication date is left out (a correction names the past on purpose).
    The extractor asks twice for one article (its own claims, then the reading); the last
    answer is kept for the same sentence list."""
    global _last
    last = _last
    if last is not None and last[0] is infos and last[1] == published:
        return last[2]
    current = _current_orgs(infos)
    seen: set[tuple[str, str, str]] = set()
    out: list[tuple[int, str, str, str, str, str | None]] = []
    for si, info in enumerate(infos):
        low = info.sent.text.lower()
        if not any(w in low for w in _CUES):
            continue
        past = _told_of_the_past(info, published)
        for what, person, org, kind, about in _sentence_hits(infos, si, current):
            if past and kind != "correction":
                continue
            types = _ALL if what == "all" else _JOINED if what == "joined" else (what,)
            for t in types:
                if (t, person, org) in seen or not person or not org:
                    continue
                seen.add((t, person, org))
                out.append((si, t, person, org, kind, about))
    _last = (infos, published, out)
    return out


def read_refutations(infos: list[SentInfo], registry: PersonRegistry, published: str | None = None) -> list[Refutation]:
    """The refutations one article states, with the names the article gives the people.
    Pure: it reads the marked sentences the extractor built."""
    return [Refutation(type=t, person=registry.display(person), org=org, quote=infos[si].sent.text.strip(),
                       kind=kind, person_aliases=registry.aliases(person), about=about)
            for si, t, person, org, kind, about in refuted(infos, published)]
