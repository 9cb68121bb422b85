"""People-move claims from one article: the rule-based extractor.

Pipeline for one article (pure, no I/O):
1. Split headline + body into sentences (ingest/sentences.py).
2. In each sentence find organizations (gazetteer, then shape), person names, dates.
3. Coreference (ingest/coref.py): surnames, pronouns, "the company", "there".
4. Rewrite each sentence as a *marked string*: entities become placeholders («P3», «O1»,
   «D0»; «Q3» is person 3 reached through a pronoun). All rules below are small regexes over
   this string, so they describe clause structure ("subject ... verb ... object") instead of
   phrasings, and they run in bounded time because the gaps they allow are bounded.
5. Appositions and role-bearing modifiers ("P, ROLE at O,", "O's ROLE P", "O ROLE P",
   "P (O ROLE)", "P, who leads O's team") give *affiliations*; they are then cut out so the
   verb that follows them finds its subject next to it.
6. Trigger verbs and nouns (join / leave / promote / hire / found ...) are read with their
   subject (nearest person to the left, or the organization for "O hired P"), their object
   organization, a role ("as ROLE", "to lead X", "to its board"), and a date from their clause.
   The words between subject and verb, and before the subject in its clause, are the scope
   checked for negation, modality, rumor and hypotheticals.
7. Article-level rules: a person joining B while described as at A left A; "former ROLE at
   A" is a departure; a current affiliation is a held_role unless a move on the same pair
   exists; a correction notice withdraws the pairs it says were wrong; one claim per
   (type, person, org) with the best role, date and quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .coref import DEFINITE_ORG, PRONOUN, POSS_PRONOUN, PersonRegistry, person_key, surname_pattern
from .dates import DateMention, find_dates, offset_expression, parse_published, shift
from .model import Claim
from .names import find_names
from .orgs import OrgMention, employer_of, gazetteer, known_orgs, unknown_orgs
from .sentences import Sentence, split_sentences
from .timeline import date_indices, first_person_index, is_same_event_followup, opens_same_time, reporting_date_index

# ----------------------------------------------------------------------------- lexicon
ROLE_HEAD = re.compile(
    r"\b(?:chief|head|lead|leader|director|president|vp|svp|evp|vice[- ]president|officer|ceo|cto|"
    r"cfo|coo|cso|cpo|cro|cmo|cio|founder|co-?founder|founding|researcher|scientist|engineer|manager|"
    r"member|staff|fellow|partner|chair|chairman|chairwoman|chairperson|advis[oe]r|executive|"
    r"architect|principal|intern|professor|postdoc|investor|counsel|secretary|treasurer|analyst|"
    r"designer|developer|strategist|evangelist|gm|co-lead|colead|head|boss|chief|employee|"
    r"leads?|heads?|manag(?:es|ed)|runs|ran|directs|oversees|oversaw|led|headed|works|worked|"
    r"researcher|board|trustee|director|contributor|technologist|editor|hire|recruit|veteran|alum|alumnus|alumna)\b",
    re.I)
ROLE_WORD = (r"(?:(?-i:[A-Z][\w&/.-]*)|of|and|the|for|&|in|on|ai|chief|head|lead|leader|director|president|vice|vp|"
             r"svp|evp|officer|executive|founder|co-founder|cofounder|founding|researcher|research|"
             r"scientist|engineer|engineering|manager|member|technical|principal|senior|staff|"
             r"distinguished|fellow|partner|chair|chairman|chairwoman|board|advisor|adviser|product|"
             r"post-training|pre-training|pretraining|posttraining|safety|alignment|policy|global|general|"
             r"counsel|managing|interim|acting|deputy|associate|assistant|team|science|applied|"
             r"operations|strategy|developer|design|designer|architect|security|infrastructure|data|"
             r"ml|machine|learning|models?|training|inference|reasoning|superalignment|intern|"
             r"professor|postdoc|co-lead|colead|longtime|veteran|top|star|computer|vision|robotics|"
             r"hardware|software|platform|applications|consumer|enterprise|business|growth|"
             r"communications|marketing|sales|finance|legal|people|hr|audio|video|image|agents?|"
             r"frontier|multimodal|ceo|cto|cfo|coo|cso|cpo|cro|cmo|cio|gm)")
ROLE_PHRASE = rf"(?:{ROLE_WORD}(?:\s+|-)){{0,6}}?{ROLE_WORD}"

NEG_SCOPE = re.compile(
    r"\b(?:not|never|no\s+plans?|no\s+longer\s+plans?|denie[sd]|deny(?:ing)?|rumou?r(?:s|ed)?|reportedly|"
    r"in\s+talks|talks|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|may|might|could|"
    r"would|should|shall|wo|will|plans?|planning|expected|set\s+to|poised|likely|about\s+to|intends?|"
    r"intending|hopes?|hoping|wants?|wanted|offer(?:s|ed)?|tried|trying|attempts?|if|whether|unless|"
    r"declined|refused|rejected|turned\s+down|allegedly|speculat\w*|potential(?:ly)?|possible|"
    r"possibly|would-be|nearly|almost|false(?:ly)?|incorrect(?:ly)?|erroneous(?:ly)?|hypothetical(?:ly)?|"
    r"imagine|suppose|supposedly|said\s+to\s+be|sources\s+say|near(?:ing)?\s+a\s+deal|approached|"
    r"courted|courting|pitched|recruiting\s+efforts?|tempt(?:ed)?|lure\s+attempt|"
    r"candidates?|shortlist(?:ed)?|frontrunner|front-runner|contender|tipped|"
    r"n't|cannot|can't|won't|didn't|doesn't|isn't|wasn't|hasn't|haven't|hadn't|aren't|weren't)\b",
    re.I)
FUTURE = re.compile(r"\b(?:will|'ll|going\s+to|next\s+(?:week|month|year))\b", re.I)
FACTIVE_BEFORE_FUTURE = re.compile(r"\b(?:announced|confirmed|confirms|announces|said|says)\b[^«]{0,30}$", re.I)
CLAUSE_PREFIX_NEG = re.compile(
    r"\b(?:if|whether|unless|rumou?rs?|reportedly|speculation|gossip|unconfirmed|unverified|alleged(?:ly)?|claimed|reports?\s+that|denied|deny|denies|"
    r"false|hypothetical(?:ly)?|imagine|suppose|should|had\s+\w+\s+not|would|were\s+to|"
    r"earlier\s+version|incorrectly|erroneously|mistakenly|misidentified|misstated)\b",
    re.I)

P = r"«[PQ](\d+)»"
PP = r"«P(\d+)»"
O = r"«O(\d+)»"
D = r"«D(\d+)»"
FILL = r"(?:(?:the|a|an|its|their|rival|fellow|ai|startup|start-up|lab|company|firm|research|new|"\
       r"unicorn|chinese|french|american|british|european|competitor|competing|giant|"\
       r"frontier|young|nascent|stealth|stealth-mode|upstart|outfit)\s+){0,4}"

JOIN_TRIG = re.compile(
    r"\b(?:(?:re)?join(?:s|ed|ing)?|mov(?:e|es|ed|ing)\s+(?:over\s+)?to|defect(?:s|ed|ing|ion)?\s+to|"
    r"head(?:s|ed|ing)?\s+(?:over\s+|back\s+)?to|jump(?:s|ed|ing)?\s+(?:ship\s+)?to|hop(?:s|ped|ping)?\s+"
    r"(?:over\s+)?to|land(?:s|ed|ing)?\s+(?:at|with)|return(?:s|ed|ing)?\s+to|go(?:es|ing)?\s+back\s+to|"
    r"went\s+(?:back\s+)?to|switch(?:es|ed|ing)?\s+to|shift(?:s|ed|ing)?\s+to|decamp(?:s|ed|ing)?\s+"
    r"(?:to|for)|sign(?:s|ed|ing)?\s+(?:on\s+)?with|bolt(?:s|ed|ing)?\s+(?:to|for)|cross(?:es|ed|ing)?"
    r"\s+over\s+to|arriv(?:es|ed|ing|al)\s+at|came\s+(?:over\s+)?to|come(?:s)?\s+(?:over\s+)?to|"
    r"move\s+to|return\s+to|hire\s+at|lands?\s+a\s+(?:job|role|position)\s+at|"
    r"tak(?:es|en|ing)\s+(?:a|up\s+a|on\s+a)\s+(?:job|role|position|post)\s+(?:at|with)|"
    r"took\s+(?:a|up\s+a|on\s+a)\s+(?:job|role|position|post)\s+(?:at|with)|"
    r"accept(?:s|ed|ing)?\s+(?:a|an)\s+(?:job|role|position|offer)\s+(?:at|from|with)|"
    r"(?:is|are|was|were|'s)\s+(?:now\s+)?(?:off\s+to|back\s+(?:at|with|to|in))|"
    r"follow(?:s|ed|ing)?\s+«[PQ]\d+»\s+(?:over\s+)?to)\b",
    re.I)
LEAVE_TRIG = re.compile(
    r"\b(?:leav(?:e|es|ing)|left|quit(?:s|ting)?|exit(?:s|ed|ing)?|depart(?:s|ed|ing|ure)?(?:\s+from)?|"
    r"resign(?:s|ed|ing|ation)?(?:\s+from)?|step(?:s|ped|ping)?\s+(?:down|away)|retir(?:e|es|ed|ing|ement)|"
    r"part(?:s|ed|ing)?\s+ways\s+with|(?:was|were|been|got|is|being)\s+(?:fired|ousted|dismissed|let\s+go|"
    r"pushed\s+out|forced\s+out|sacked|laid\s+off)(?:\s+(?:from|by))?|jump(?:s|ed|ing)?\s+ship|bow(?:s|ed)?\s+"
    r"out|walk(?:s|ed)?\s+(?:away|out)|no\s+longer\s+(?:at|with|works?\s+(?:at|for))|exit|ouster|"
    r"depart(?:ure)?s?)\b(?:\s+(?:of|from))?",
    re.I)
ROLE_TRIG = re.compile(
    r"\b(?:promot(?:ed|es|ion|ing)|elevat(?:ed|es|ion|ing)|upgraded|bumped\s+up)\s+(?:to|as)\b|"
    r"\b(?:tak(?:es|en|ing)|took)\s+over\s+as\b|\bstep(?:s|ped|ping)?\s+(?:up|in)\s+(?:as|to|at)\b|"
    r"\b(?:mov(?:es|ed|ing)|step(?:s|ped)?)\s+into\s+(?:the\s+|a\s+)?(?:role|position|job)\s+of\b|"
    r"\b(?:becom(?:e|es|ing)|became|be\s+named|(?:was|were|been|is|being)\s+(?:named|appointed|made|tapped\s+as))\b",
    re.I)
HIRE_TRIG = re.compile(
    r"\b(?:hire[sd]?|hiring|poach(?:es|ed|ing)?|recruit(?:s|ed|ing)?|tap(?:s|ped)|name[sd]|appoint(?:s|ed)|"
    r"add(?:s|ed)|brought\s+(?:on|in|aboard)|bring(?:s)?\s+(?:on|in|aboard)|welcome[sd]?|lure[sd]?|"
    r"snag(?:s|ged)|nab(?:s|bed)|land(?:s|ed)|sign(?:s|ed)|acqui-?hire[sd]?|pick(?:s|ed)\s+up|"
    r"elect(?:s|ed)|install(?:s|ed)|promot(?:es|ed))\b",
    re.I)
PASSIVE_HIRE = re.compile(
    r"\b(?:(?:was|were|has\s+been|have\s+been|had\s+been|is|is\s+being|got|being|been)\s+)?"
    r"(?:hired|poached|recruited|tapped|named|appointed|brought\s+(?:on|in|aboard)|lured|picked|"
    r"elected|installed|chosen|selected)\b",
    re.I)
FOUND_TRIG = re.compile(
    r"\b(?:co-?found(?:s|ed|ing)?|found(?:s|ed|ing)|launch(?:es|ed|ing)|start(?:s|ed|ing)|"
    r"establish(?:es|ed|ing)|set\s+up|sets\s+up|setting\s+up|spun\s+(?:out|up))\b",
    re.I)
FOUNDED_BY = re.compile(r"\b(?:co-?)?founded\s+(?:in\s+«D\d+»\s+)?by\b", re.I)
GROUP_NOUN = re.compile(
    r"\b(?:colleagues|researchers|people|employees|staff(?:ers)?|members|executives|engineers|"
    r"scientists|leaders|veterans|alumni|names|figures|talent|hires|recruits|peers|friends|"
    r"former\s+\w+|ex-\w+|others)\b", re.I)
EXEMPLIFY_START = re.compile(
    r"^\s*(?:for\s+example|for\s+instance|e\.g\.|among\s+them|these\s+include|they\s+include|"
    r"those\s+include|including|such\s+as|notable\s+examples?\s+include)\b", re.I)
EXEMPLIFY_INLINE = re.compile(r"\b(?:including|such\s+as|among\s+them|notably|like)\b", re.I)
TITLE = re.compile(r"\b(?:chief|ceo|cto|cfo|coo|cso|cpo|president|chair(?:man|woman|person)?|director|"
                   r"head|vp|svp|evp|vice\s+president|officer|founder|co-?founder|general\s+counsel)\b", re.I)
CORRECTION = re.compile(
    r"^\s*(?:correction|clarification|editor'?s\s+note|update)\b|\bearlier\s+version\s+of\s+this\b|"
    r"\b(?:incorrectly|erroneously|mistakenly)\s+(?:said|stated|reported|identified|described|wrote)\b|"
    r"\bhas\s+been\s+(?:corrected|updated)\s+to\b|\bmisstated\b", re.I)


_CORRECTION_CUES = ("correction", "clarification", "editor", "update", "earlier version", "incorrectly",
                    "erroneously", "mistakenly", "corrected", "misstated")


def _is_correction(text: str) -> bool:
    """A correction notice; a substring test first because CORRECTION is costly per sentence."""
    low = text.lower()
    return any(w in low for w in _CORRECTION_CUES) and bool(CORRECTION.search(text))


# ----------------------------------------------------------------------------- structures
@dataclass
class Ent:
    """An entity placeholder in a marked sentence."""

    kind: str                 # P person, Q person via pronoun, O org, D date
    key: str = ""             # person key / org name
    org: OrgMention | None = None
    date: DateMention | None = None
    start: int = 0            # char offset in the sentence
    end: int = 0


@dataclass
class Affil:
    """A person's affiliation read from an apposition or role modifier."""

    person: str
    org: str
    role: str | None
    former: bool = False
    founder: bool = False
    past: bool = False        # past-tense description ("who led ..."): not a current role
    confidence: float = 0.8
    unit: str | None = None


@dataclass
class Raw:
    """A claim under construction, with the context needed for article-level rules."""

    type: str
    person: str
    org: str
    role: str | None
    date: DateMention | None
    sent: int
    quote: str
    confidence: float
    present: bool = False
    unit: str | None = None
    origin: str = ""
    offset: tuple[int, str, int] | None = None


@dataclass
class SentInfo:
    """Everything known about one sentence."""

    sent: Sentence
    ents: list[Ent] = field(default_factory=list)
    marked: str = ""
    simple: str = ""
    affils: list[Affil] = field(default_factory=list)
    correction: bool = False
    ctx_org: str | None = None   # placeholder index of the org in discourse focus
    known: list[OrgMention] = field(default_factory=list)   # gazetteer orgs (first pass)
    names: list = field(default_factory=list)               # full-name spans (first pass)
    group_pred: object = False                              # cache of _group_predicates
    rel_clauses: list[str] = field(default_factory=list)    # "«P3» left «O1» in «D2»" from "P, who left O in D,"


# ----------------------------------------------------------------------------- helpers
_WS = re.compile(r"\s+")


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    r = role.replace("’", "'")
    r = re.sub(r"«[A-Z]\d+»('s)?", "", r)
    r = re.split(r"\s+(?:and\s+(?:a|an|one|the|also)|who|which|where|that|after|before|since|"
                 r"because|when|while|to\s+(?!the\s+ceo)|in\s+order|starting|effective|following|"
                 r"reporting|replacing|succeeding|alongside|until|amid|on\s+(?:monday|tuesday|"
                 r"wednesday|thursday|friday|saturday|sunday))\b", r, maxsplit=1, flags=re.I)[0]
    r = re.sub(r"^(?:\s*(?:the|a|an|its|their|his|her|our|new|newly|now|then|current|currently|also|as|"
               r"one\s+of\s+the|former|ex-|formerly|previously|onetime|one-time|erstwhile|most\s+recently)\b\s*)+",
               "", r, flags=re.I)
    r = re.sub(r"\s+(?:at|of|for|with|in|from|and|,)\s*$", "", r.strip(" ,;:-–—()\"'"), flags=re.I)
    r = _WS.sub(" ", r).strip(" ,;:.-–—()\"'")
    if not r or len(r) > 90 or not ROLE_HEAD.search(r):
        return None
    if re.match(r"(?:who|leads?|heads?|led|headed|runs|ran|works|worked|oversees|oversaw|directs|manages)\b(?!\s+of\b)", r, re.I):
        return None
    return r


REPORTED = re.compile(r"\b(?:announced|announces|confirmed|confirms|said|says|told|wrote|writes|posted|"
                      r"according\s+to\s+(?:a|the)\s+(?:memo|statement|announcement|post))\b", re.I)
MODAL_ONLY = re.compile(r"^(?:would|will|wo|shall|set\s+to|expected)$", re.I)


def _neg(text: str, prefix: str = "") -> bool:
    """True when the scope text negates, hedges or makes hypothetical the event. A future
    or "would" reported by an announcement ("said X would become CTO") stays a fact."""
    hits = [m.group(0) for m in NEG_SCOPE.finditer(text)]
    if hits and all(MODAL_ONLY.match(h) for h in hits) and REPORTED.search(prefix + " " + text):
        return False
    if not hits and FUTURE.search(text) and REPORTED.search(prefix + " " + text):
        return False
    m = NEG_SCOPE.search(text)
    if not m:
        fut = FUTURE.search(text)
        if fut and not FACTIVE_BEFORE_FUTURE.search(text[:fut.start()]):
            return True
        return False
    return True


def _clause_prefix(s: str, pos: int) -> str:
    """Text from the start of the clause containing `pos` up to `pos`."""
    cut = max(s.rfind(";", 0, pos), s.rfind(":", 0, pos), s.rfind(" but ", 0, pos),
              s.rfind(" while ", 0, pos), s.rfind(" whereas ", 0, pos))
    return s[cut + 1:pos] if cut >= 0 else s[:pos]


def _clause_end(s: str, pos: int) -> int:
    m = re.compile(r"[.;:!?]|,\s+(?:and|but|while|which|who|whereas|although|though)\b|\s+(?:but|while|whereas)\s").search(s, pos)
    return m.start() if m else len(s)


# ----------------------------------------------------------------------------- pass 1
def _entities(info: SentInfo, registry: PersonRegistry, sur_re: re.Pattern[str] | None,
              published: str | None) -> None:
    text = info.sent.text
    orgs = info.known
    blocked = [(o.start, o.end) for o in orgs]
    names = info.names
    spans: list[Ent] = []
    for n in names:
        spans.append(Ent("P", person_key(n.text), start=n.start, end=n.end))
    taken = [(e.start, e.end) for e in spans] + blocked
    if sur_re is not None:
        for m in sur_re.finditer(text):
            a, b = m.span(1)
            if any(a < e and s < b for s, e in taken):
                continue
            key = registry.resolve_surname(m.group(1))
            if key:
                spans.append(Ent("P", key, start=a, end=b))
                taken.append((a, b))
    orgs = orgs + unknown_orgs(text, orgs, [(e.start, e.end) for e in spans])
    for o in orgs:
        spans.append(Ent("O", o.name, org=o, start=o.start, end=o.end))
    taken = [(e.start, e.end) for e in spans]
    for d in find_dates(text, published):
        if any(d.start < e and s < d.end for s, e in taken):
            continue
        spans.append(Ent("D", d.date or "", date=d, start=d.start, end=d.end))
    spans.sort(key=lambda e: e.start)
    info.ents = spans


_REFERRING = re.compile(PRONOUN.pattern + "|" + POSS_PRONOUN.pattern + "|" + DEFINITE_ORG.pattern + r"|\bthere\b")
_DASH = re.compile(r"\s*[—–]\s*|\s+-\s+|\s+--\s+")


def _mark(info: SentInfo, salient: str | None, last_org: Ent | None) -> None:
    """Build the marked string; resolve pronouns and definite org descriptions."""
    text = info.sent.text
    out: list[str] = []
    pos = 0
    ents = info.ents
    extra: list[Ent] = []

    def emit_text(seg: str, seg_start: int) -> None:
        # resolve pronouns and "the company" inside plain text
        i = 0
        pieces: list[str] = []
        for m in _REFERRING.finditer(seg):
            pieces.append(seg[i:m.start()])
            w = m.group(0)
            abs_start = seg_start + m.start()
            prev_people = [e for e in ents + extra if e.kind in "PQ" and e.end <= abs_start]
            if w.lower() in ("he", "she", "they"):
                if w.lower() == "they" and not prev_people:
                    pieces.append(w)
                    i = m.end()
                    continue
                key = prev_people[-1].key if prev_people else salient
                if key:
                    e = Ent("Q", key, start=abs_start, end=abs_start + len(w))
                    extra.append(e)
                    pieces.append(f"«Q{len(ents) + len(extra) - 1}»")
                else:
                    pieces.append(w)
            elif w.lower() in ("his", "her", "their"):
                nxt = seg[m.end():m.end() + 30]
                if re.match(r"\s+(?:\w+\s+)?(?:departure|exit|resignation|move|appointment|promotion|hiring|"
                            r"arrival|return|defection|jump|switch|decision\s+to\s+(?:leave|join))\b", nxt, re.I):
                    key = prev_people[-1].key if prev_people else salient
                    if key:
                        extra.append(Ent("Q", key, start=abs_start, end=abs_start + len(w)))
                        pieces.append(f"«Q{len(ents) + len(extra) - 1}»'s")
                        i = m.end()
                        continue
                pieces.append(w)
            else:
                prev_orgs = [e for e in ents + extra if e.kind == "O" and e.end <= abs_start]
                ref = prev_orgs[-1] if prev_orgs else last_org
                if ref is not None:
                    e = Ent("O", ref.key, org=ref.org, start=abs_start, end=abs_start + len(w))
                    extra.append(e)
                    tag = f"«O{len(ents) + len(extra) - 1}»"
                    pieces.append(tag if w.lower() != "there" else tag + "†")
                else:
                    pieces.append(w)
            i = m.end()
        pieces.append(seg[i:])
        out.append(_DASH.sub(" , ", "".join(pieces)).replace("’", "'").replace("“", '"').replace("”", '"'))

    for idx, e in enumerate(ents):
        if e.start < pos:
            continue
        emit_text(text[pos:e.start], pos)
        out.append(f"«{e.kind}{idx}»")
        pos = e.end
    emit_text(text[pos:], pos)
    info.ents = ents + extra
    s = "".join(out)
    # "there" is only an org reference in stative use ("are still there")
    s = s.replace("»†", "»")
    info.marked = s


def _restore_there(info: SentInfo) -> None:
    """Turn «O» placeholders that stand for a non-stative "there" back into plain text."""
    s = info.marked
    ents = info.ents

    def fix(m: re.Match[str]) -> str:
        idx = int(m.group(1))
        e = ents[idx]
        if info.sent.text[e.start:e.end].lower() != "there":
            return m.group(0)
        before = s[max(0, m.start() - 25):m.start()]
        if re.search(r"\b(?:is|are|was|were|remain|remains|remained|stay|stays|stayed|still|now|already|works?|worked)\s+$", before):
            return m.group(0)
        return "there"

    info.marked = re.sub(r"«O(\d+)»", fix, s)


# ----------------------------------------------------------------------------- appositions
_APPOS_START = re.compile(
    rf"^\s*(?:(?:the|a|an|its|his|her|until\s+recently|most\s+recently|"
    rf"formerly|previously|former|ex-|onetime|one-time|erstwhile|longtime|veteran|who|whose|one\s+of|(?:two|three|four|five|six|both)\s+(?:other\s+|former\s+|fellow\s+)?(?:«O\d+»\s+)?[a-z-]+s\b)\b|(?:now|currently|then)\s+(?:the\s+|a\s+|an\s+|{ROLE_WORD}\b)|"
    rf"«O\d+»|{ROLE_WORD}\b)", re.I)


def _person_idx(ents: list[Ent], m: str) -> Ent:
    return ents[int(m)]


def _appositions(info: SentInfo) -> None:
    """Collect affiliations from appositions / role modifiers and cut appositions out."""
    s = info.marked
    ents = info.ents
    if "«P" not in s:
        info.simple, info.affils = _WS.sub(" ", s), []
        return
    affs: list[Affil] = []
    cut: list[tuple[int, int, int]] = []  # (start, end, person index) of removed appositions

    def org_of(idx: str) -> Ent:
        return ents[int(idx)]

    def add(pidx: str, oidx: str | None, role: str | None, seg: str, conf: float) -> None:
        pe = ents[int(pidx)]
        if pe.kind != "P":
            return
        if oidx is None:
            return
        oe = org_of(oidx)
        former = bool(re.search(r"\b(?:former|formerly|ex-|previously|onetime|one-time|erstwhile|until\s+recently|then-)\b|"
                                r"\bwho\s+(?:had\s+|has\s+|just\s+|recently\s+)*(?:left|quit|departed|exited|resigned)\b", seg, re.I))
        past = bool(re.search(r"\bwho\s+(?:had\s+)?(?:led|headed|ran|worked|served|was|spent|oversaw|managed|directed|built|joined|founded|co-founded)\b", seg, re.I))
        founder = bool(re.search(r"\b(?:co-?)?found(?:er|ing|ed)\b", seg, re.I)) and not re.search(
            r"\b(?:and|,)\s+(?:the\s+)?(?:chief|ceo|cto|cfo|coo|president|head|director|chair\w*|lead|vp|"
            r"vice|managing|general|executive|scientist|researcher|engineer)\b", seg, re.I)
        if role:
            role = re.sub(rf"\s+(?:at|of|for|with|in)\s+«O{oidx}»(?:'s)?\s*$", "", role.strip())
            role = re.sub(rf"^\s*«O{oidx}»(?:'s)?\s+", "", role)
            role = re.sub(r"«O(\d+)»", lambda mm: ents[int(mm.group(1))].org.surface if ents[int(mm.group(1))].org else "", role)
        r = _clean_role(role)
        if r is None and re.search(r"\bwho\s+(?:currently\s+|now\s+)?(?:leads|heads|runs|led|headed|ran|oversees|oversaw|manages|managed|directs|directed)\s+«O\d+»(?:'s)?\s+([^,;«]{2,50})", seg, re.I):
            mm = re.search(r"\bwho\s+(?:currently\s+|now\s+)?(?:leads|heads|runs|led|headed|ran|oversees|oversaw|manages|managed|directs|directed)\s+«O\d+»(?:'s)?\s+([^,;«]{2,50})", seg, re.I)
            r = _clean_role("head of " + mm.group(1))
        affs.append(Affil(pe.key, oe.key, r, former, founder, past, conf, oe.org.unit if oe.org else None))

    # 1. "P, SEG, SEG," appositions and "P (SEG)" parentheticals
    for m in re.finditer(r"«P(\d+)»(?:'s)?", s):
        pidx = m.group(1)
        pos = m.end()
        start_cut = pos
        end_cut = pos
        # parenthetical
        pm = re.match(r"\s*\(([^()]{1,120})\)", s[pos:])
        if pm:
            seg = pm.group(1)
            om = re.search(O, seg)
            if om:
                add(pidx, om.group(1), seg, seg, 0.85)
            elif ROLE_HEAD.search(seg) and not seg.startswith("@"):
                prev = [mm.group(1) for mm in re.finditer(O, s[:m.start()])]
                if prev:
                    add(pidx, prev[-1], seg, seg, 0.6)
            end_cut = pos + pm.end()
            cut.append((start_cut, end_cut, int(pidx)))
            continue
        if m.group(0).endswith("'s"):
            continue
        q = pos
        segs: list[str] = []
        while True:
            cm = re.match(r"\s*,\s*", s[q:])
            if not cm:
                break
            rest = s[q + cm.end():]
            em = re.search(r"\s*(?:,|;|$)", rest)
            seg = rest[:em.start()] if em else rest
            if not seg or re.match(r"\s*(?:and\s+)?«[PQ]\d+»", seg):
                break
            if not _APPOS_START.match(seg if not segs else re.sub(r"^\s*and\s+", "", seg)):
                break
            if re.match(r"\s*(?:is|are|was|were|has|have|had|will|would|said|says|told|added|can|could|may|might|did|does|do)\b", seg, re.I):
                break
            if re.match(r"\s*(?:and\s+)?(?:the|a|an)\s+(?:company|firm|lab|startup)\s+(?:said|says|announced|confirmed)", seg, re.I):
                break
            # a lowercase verb-looking start ends the apposition ("announced", "said")
            first = seg.strip().split(" ", 1)[0]
            if first.islower() and first.endswith(("ed", "s")) and not ROLE_HEAD.fullmatch(first) \
                    and first not in ("as", "its", "his", "was", "has", "is", "the", "also", "now", "former", "ex-", "whose", "this") \
                    and not re.match(r"\w+ing", first):
                if not re.match(r"(?:and\s+)?(?:the|a|an)\b", seg):
                    break
            segs.append(seg)
            q = q + cm.end() + len(seg)
            if len(segs) >= 4:
                break
        if not segs:
            continue
        coord = _coordinated_before(s, m.start())
        for k, seg in enumerate(segs):
            plural = bool(coord) and bool(_PLURAL_APPOS.match(seg))
            wm = re.search(r"\bwho\s+", seg)
            if wm:
                # a relative clause is a clause of its own whose subject is the head (all
                # coordinated heads when the apposition is plural: "A and B, two ... who are")
                heads = (coord + [pidx]) if plural else [pidx]
                info.rel_clauses.append(" and ".join(f"«P{h}»" for h in heads) + " " + seg[wm.end():])
            om2 = re.search(O, seg) if plural else None
            if om2:
                for h in coord:
                    add(h, om2.group(1), seg, seg, 0.8)
            role_src = seg
            om = re.search(rf"{O}(?:'s)?", seg)
            if om:
                add(pidx, om.group(1), role_src, seg, 0.85)
            elif k == 0 and TITLE.search(seg) and re.match(rf"\s*(?:the\s+)?{ROLE_PHRASE}\s*$", seg, re.I):
                prev = [mm.group(1) for mm in re.finditer(O, s[:m.start()])]
                oidx = prev[-1] if prev else info.ctx_org
                if oidx is not None:
                    add(pidx, oidx, role_src, seg, 0.5)
        # keep a trailing comma so the predicate stays separated only if the apposition closed
        cut.append((start_cut, q, int(pidx)))

    # 2. "O's ROLE P", "O ROLE P", "former O ROLE P"
    for m in re.finditer(rf"((?:former|ex-|onetime|then-)\s+)?«O(\d+)»('s)?\s+((?:former\s+|ex-)?{ROLE_PHRASE})\s+«P(\d+)»", s, re.I):
        role = m.group(4)
        if not ROLE_HEAD.search(role):
            continue
        seg = (m.group(1) or "") + role
        add(m.group(5), m.group(2), role, seg, 0.85)
    # org-less title before a name ("chief executive Jensen Huang said"): the org in focus
    ctx = info.ctx_org
    for m in re.finditer(rf"(?:^|[,;:\"(]\s*|\b(?:and|said|says|by|with|from|that|later|earlier|former|ex-)\s+)((?:former\s+|ex-)?{ROLE_PHRASE})\s+«P(\d+)»", s, re.I):
        role = m.group(1)
        if not TITLE.search(role) or re.search(r"«", role):
            continue
        prev = [mm.group(1) for mm in re.finditer(O, s[:m.start(1)])]
        oidx = prev[-1] if prev else ctx
        if oidx is not None:
            add(m.group(2), oidx, role, role, 0.5)
    # a possessive title set off by a comma: "its former president, P," / "O's new CTO, P,"
    for m in re.finditer(rf"\b(?:its|their|«O(\d+)»'s)\s+((?:former\s+|ex-|new\s+|then-)?{ROLE_PHRASE}),\s+«P(\d+)»", s, re.I):
        role = m.group(2)
        if not TITLE.search(role) or "«" in role:
            continue
        oidx = m.group(1)
        if oidx is None:
            prev = [mm.group(1) for mm in re.finditer(O, s[:m.start()])]
            oidx = prev[-1] if prev else ctx
        if oidx is not None:
            add(m.group(3), oidx, role, role, 0.7)
    # "former ROLE of O P" is rare; "ex-O P"
    for m in re.finditer(rf"\bex-«O(\d+)»\s+(?:{ROLE_PHRASE}\s+)?«P(\d+)»", s, re.I):
        add(m.group(2), m.group(1), None, "former", 0.7)
    # 3. "O's P" (no role), "P of O"
    for m in re.finditer(rf"«O(\d+)»'s\s+«P(\d+)»", s):
        add(m.group(2), m.group(1), None, "", 0.7)
    for m in re.finditer(rf"«P(\d+)»\s+(?:of|from)\s+«O(\d+)»(?!'s)", s):
        before = s[max(0, m.start() - 40):m.start()]
        if re.search(r"\b(?:under|with|by|advis\w+|supervis\w+)\s*$", before, re.I):
            continue
        add(m.group(1), m.group(2), None, "", 0.6)
    # 4. copular / work predicates: "P is ROLE at O", "P works at O", "P, a researcher at O"
    for m in re.finditer(
            rf"«P(\d+)»\s+(?:(?:currently|now|still|also)\s+)?(is|was|serves\s+as|served\s+as|works\s+as|worked\s+as|"
            rf"remains|has\s+been|had\s+been)\s+(?:(?:still|now|currently|also)\s+)?(?:(?:the|a|an|its)\s+)?((?:former\s+)?{ROLE_PHRASE})\s+(?:at|of|for|with|in)\s+«O(\d+)»",
            s, re.I):
        past = m.group(2).lower() in ("was", "served as", "worked as", "had been")
        seg = ("who was " if past else "") + m.group(3)
        add(m.group(1), m.group(4), m.group(3), seg, 0.8)
    for m in re.finditer(rf"«P(\d+)»\s+(?:(?:currently|now|still|also)\s+)?(works|worked|is|was|remains|stays|stayed|remained)\s+(?:still\s+|now\s+)?(?:at|for|with)\s+«O(\d+)»", s, re.I):
        past = m.group(2).lower() in ("worked", "was", "stayed", "remained")
        add(m.group(1), m.group(3), None, "who was" if past else "", 0.75)

    # remove appositions for the verb rules (leave a space)
    if cut:
        parts = []
        last = 0
        for a, b, _ in sorted(cut):
            if a < last:
                continue
            parts.append(s[last:a])
            last = b
        parts.append(s[last:])
        simple = "".join(parts)
        simple = re.sub(r"\s*,\s*,", ",", simple)
    else:
        simple = s
    # "P, who VERB..." relative clauses are removed above; "P's" stays
    simple = _WS.sub(" ", simple)
    # org-less copular titles once appositions are cut: "P is CTO.", "P, formerly X, is a
    # co-founder." The org is the one named before in the sentence, else the one in focus
    # ("its" or an earlier sentence); a founder title is a founding (joined), stated as a clause.
    for m in re.finditer(rf"«P(\d+)»\s+(?:(?:currently|now|still|also)\s+)?(?:is|remains|has\s+been|serves\s+as)\s+"
                         rf"(?:(?:still|now|currently|also)\s+)?(?:(?:the|a|an|its)\s+)?({ROLE_PHRASE})\s+(?:at|of|for|with)\s+«O(\d+)»", simple, re.I):
        if m.start() > 0 and any(a.person == ents[int(m.group(1))].key and a.org == ents[int(m.group(3))].key for a in affs):
            continue
        add(m.group(1), m.group(3), m.group(2), m.group(2), 0.8)
    for m in re.finditer(rf"«P(\d+)»\s+(?:(?:currently|now|still|also)\s+)?(?:is|remains|has\s+been|had\s+been|serves\s+as)\s+"
                         rf"(?:(?:still|now|currently|also)\s+)?(?:(the|a|an|its|their)\s+)?({ROLE_PHRASE})\s*(?=[.;!]|,\s|$)", simple, re.I):
        role = m.group(3)
        if not TITLE.search(role) or "«" in role or re.match(r"(?:former|ex-)", role, re.I):
            continue
        prev = [mm.group(1) for mm in re.finditer(O, simple[:m.start()])]
        oidx = prev[-1] if prev and (m.group(2) or "").lower() not in ("its", "their") else (prev[-1] if prev else info.ctx_org)
        if oidx is None:
            continue
        if re.fullmatch(r"(?:co-?)?founder", role.strip(), re.I):
            verb = "co-founded" if role.lower().startswith("co") else "founded"
            info.rel_clauses.append(f"«P{m.group(1)}» {verb} «O{oidx}»")
        else:
            add(m.group(1), oidx, role, role, 0.6)
    info.simple = simple
    info.affils = affs


_PLURAL_APPOS = re.compile(r"\s*(?:the\s+|all\s+|both\s+)?(?:trio|pair|duo|quartet|both|all|two|three|four|five|"
                           r"six|\w+\s+(?:and|&)\s+\w+)\b|[^,;]*\bwho\s+(?:are|were|have|had\s+both)\b", re.I)


def _coordinated_before(s: str, pos: int) -> list[str]:
    """Indices of persons coordinated immediately before `pos` ("A, B and" + C), in order."""
    out: list[str] = []
    left = s[:pos]
    while True:
        m = re.search(r"«P(\d+)»\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$", left)
        if not m:
            break
        out.insert(0, m.group(1))
        left = left[:m.start()]
    return out


# ----------------------------------------------------------------------------- triggers
def _subject_left(s: str, pos: int, kinds: str = "PQ", max_gap: int = 90) -> tuple[re.Match[str] | None, str, int]:
    """Nearest entity of `kinds` left of `pos` in the same clause, the gap text, and its start."""
    window_start = max(0, pos - max_gap)
    left = s[window_start:pos]
    cut = max(left.rfind(";"), left.rfind(":"), left.rfind(". "))
    if cut >= 0:
        left = left[cut + 1:]
        window_start = window_start + cut + 1
    best = None
    for m in re.finditer(rf"«([{kinds}])(\d+)»(?:'s)?", left):
        best = m
    if best is None:
        return None, left, window_start
    if re.search(r"\b(?:under|with|for|by|to|alongside|beside|like|than|about|replacing|succeeding|"
                 r"worked\s+under|reporting\s+to)\s*$", left[:best.start()], re.I):
        return None, left, window_start  # the object of a preposition is not the subject
    gap = left[best.end():]
    return best, gap, window_start + best.start()


def _object_right(s: str, pos: int, allow_at: bool = True) -> re.Match[str] | None:
    rest = s[pos:pos + 90]
    m = re.match(rf"\s*{FILL}«O(\d+)»", rest, re.I)
    if m:
        return m
    if allow_at:
        m = re.match(rf"[^«.;,]{{0,50}}?\b(?:at|with)\s+{FILL}«O(\d+)»", rest, re.I)
        if m:
            return m
    return None


def _role_after(s: str, pos: int) -> str | None:
    rest = s[pos:pos + 140]
    dm = re.match(r"\s+(?:on|in)\s+«D\d+»\s*(?=,)", rest)
    if dm:
        rest = rest[dm.end():]
    m = re.match(r"\s*(?:'s\s+[^,.;«]{1,40}?\s+team\s*)?,?\s*as\s+(?:its\s+|the\s+|a\s+|an\s+|their\s+|new\s+)*([^,.;«()]{2,90})", rest, re.I)
    if m:
        return _clean_role(m.group(1))
    m = re.match(r"\s*(?:'s\s+[^,.;«]{1,40}?\s+team\s*)?,?\s*(?:in\s+order\s+)?to\s+(lead|head|run|co-lead|oversee|direct|manage)\s+(?:the\s+|its\s+|a\s+|their\s+|«O\d+»'s\s+)?(?:new\s+)?([^,.;«()]{2,60})", rest, re.I)
    if m:
        verb = {"run": "head", "oversee": "head", "direct": "director", "manage": "manager"}.get(m.group(1).lower(), m.group(1).lower())
        obj = re.split(r"\s+(?:responsible|focused|that|which|who|where|and\s+(?:will|is))\b", m.group(2))[0]
        return _clean_role(f"{verb} of the {obj}" if not obj.lower().startswith("the ") else f"{verb} of {obj}")
    if re.match(r"\s*(?:to|onto|on)\s+(?:its|the|their|«O\d+»'s)\s+board\b", rest, re.I) or \
            re.match(r"\s*(?:to|onto|on)\s+the\s+board\s+of\b", rest, re.I):
        return "board member"
    return None


def _date_for(info: SentInfo, s: str, subj_pos: int, trig_start: int, trig_end: int) -> DateMention | None:
    """The date governing a trigger: in its clause after it, else between subject and it, else
    a sentence-initial date adverbial."""
    end = _clause_end(s, trig_end)
    after = s[trig_end:end]
    m = re.search(D, after)
    if m:
        return info.ents[int(m.group(1))].date
    between = s[subj_pos:trig_start]
    ms = list(re.finditer(D, between))
    if ms:
        return info.ents[int(ms[-1].group(1))].date
    pre = _clause_prefix(s, subj_pos)
    m = re.search(rf"(?:^|\b(?:on|in|since|by)\s+){D}\s*,?\s*$", pre.strip() + " ", re.I) or re.match(rf"\s*(?:on|in|by|as\s+of)?\s*{D}\s*,", pre, re.I)
    if m:
        return info.ents[int(m.group(1))].date
    ri = reporting_date_index(info.marked)
    if ri is not None and ri < len(info.ents) and info.ents[ri].date is not None:
        return info.ents[ri].date  # "..., the company said on Monday"
    return None


_PRESENT = re.compile(r"(?:\b(?:is|are|has|have|'s|am)\b[^«]*$)", re.I)


def _is_present(gap: str, trig: str) -> bool:
    t = trig.lower().split()[0]
    if _PRESENT.search(gap):
        return True
    if t.endswith("ing"):
        return True
    if t.endswith("s") and not t.endswith(("ss", "us")) and t not in ("was", "has", "is"):
        return True
    if t in ("departure", "exit", "resignation", "move", "appointment", "hiring", "arrival", "return", "defection"):
        return True
    return False


_PRIOR = re.compile(
    rf"\b(?:after|following|since|upon)\s+(?:(?:leaving|quitting|departing(?:\s+from)?|exiting|"
    rf"(?:his|her|their|an?)\s+(?:exit|departure)\s+from)\s+|(?:(?:a|an|one|two|three|four|five|six|"
    rf"seven|eight|nine|ten|\d+|several|many|a\s+few|nearly|almost|over|more\s+than)\s+)*(?:\w+\s+)?"
    rf"(?:years?|months?|weeks?|decades?|stint|tenure|spell)\s+(?:at|with)\s+){FILL}«O(\d+)»", re.I)


# a second predicate of the same subject: "P left A in 2024, and founded B"
_COORD_VP = re.compile(r"(?:,\s*|\s)and\s+(?:then\s+|later\s+|also\s+|subsequently\s+|soon\s+)?$", re.I)


def _prior_employers(s: str, subj_pos: int, end: int, new_org: str, ents: list[Ent]) -> list[str]:
    """Orgs a joiner left, stated around the join in its clause: "after leaving A",
    "after two years at A", fronted ("After quitting A, P joined B") or trailing."""
    clause = _clause_prefix(s, subj_pos) + s[subj_pos:_clause_end(s, end)]
    out = []
    for m in _PRIOR.finditer(clause):
        if ents[int(m.group(1))].key != ents[int(new_org)].key:
            out.append(m.group(1))
    return out


def _chain(pattern: str, text: str) -> list[str]:
    """Group 1 of `pattern` matched repeatedly, each match starting where the last ended."""
    out: list[str] = []
    pat = re.compile(pattern, re.I)
    pos = 0
    while True:
        m = pat.match(text, pos)
        if not m or m.end() == pos:
            return out
        out.append(m.group(1))
        pos = m.end()


def _triggers(info: SentInfo, si: int, out: list[Raw], registry: PersonRegistry, clause: str | None = None) -> None:
    """Move verbs and nouns of the sentence (or of one of its relative clauses) as claims."""
    s = info.simple if clause is None else clause
    if "«P" not in s and "«Q" not in s:
        return  # every rule below needs a person
    ents = info.ents
    quote = info.sent.text

    def pkey(idx: str) -> str:
        return ents[int(idx)].key

    def persons_with_coord(s: str, subj: re.Match[str], subj_abs: int) -> list[tuple[str, bool]]:
        """Subject plus persons coordinated before it ("A and B joined")."""
        out_p = [(pkey(subj.group(2)), subj.group(1) == "Q")]
        left = s[:subj_abs]
        while True:
            m = re.search(rf"«([PQ])(\d+)»\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:fellow\s+|former\s+)?{ROLE_PHRASE}\s+)?$", left)
            if not m:
                break
            out_p.append((pkey(m.group(2)), m.group(1) == "Q"))
            left = left[:m.start()]
        return out_p

    def emit(typ: str, who: list[tuple[str, bool]], org_idx: str, role: str | None, date: DateMention | None,
             conf: float, present: bool, origin: str, offset=None) -> None:
        oe = ents[int(org_idx)]
        for key, via_pron in who:
            out.append(Raw(typ, key, oe.key, role, date, si, quote, conf - (0.1 if via_pron else 0.0),
                           present, oe.org.unit if oe.org else None, origin, offset))

    # --- joins
    for t in JOIN_TRIG.finditer(s):
        subj, gap, sabs = _subject_left(s, t.start())
        if subj is None:
            continue
        if re.search(r"«O\d+»", gap) and not _COORD_VP.search(gap) and not re.search(r"\bto\s+(?:re)?join\b", t.group(0) + s[t.start() - 4:t.start()], re.I):
            # another org between subject and verb: only "left A to join B" shapes
            if not re.search(r"(?:leav\w*|left|quit\w*|depart\w*|exit\w*|resign\w*)\b[^«]{0,20}«O\d+»(?:'s[^«,.;]{0,40})?\s*,?\s*(?:in\s+order\s+)?(?:to|and(?:\s+(?:is|are|was|were|has|have|had|will\s+be|now))?|for)?\s*$", gap, re.I):
                continue
        if re.search(r"«[PQ]\d+»", gap):
            continue
        prefix = _clause_prefix(s, sabs)
        if _neg(re.sub(r"«O\d+»", "", gap), prefix) or CLAUSE_PREFIX_NEG.search(prefix):
            continue
        obj = _object_right(s, t.end(), allow_at=True)
        if obj is None:
            continue
        if re.search(r"\bnot\b", s[t.end():t.end() + obj.start(1)]):
            continue
        role = _role_after(s, t.end() + obj.end())
        date = _date_for(info, s, sabs, t.start(), t.end() + obj.end())
        who = persons_with_coord(s, subj, sabs)
        conf = 0.9 if not re.search(r"«O\d+»", gap) else 0.8
        emit("joined", who, obj.group(1), role, date, conf, _is_present(gap, t.group(0)), "join",
             offset_expression(s[sabs:t.start()]))
        for o in _prior_employers(s, sabs, t.end() + obj.end(), obj.group(1), ents):
            emit("left", who, o, None, date, 0.7, _is_present(gap, t.group(0)), "join-after")
        tail = s[t.end() + obj.end():t.end() + obj.end() + 80]
        fm = re.match(rf"(?:\s+(?:in|on|by)\s+«D\d+»)?(?:\s+as\s+[^,.;«]{{2,50}}?)?\s*,?\s+from\s+{FILL}«O(\d+)»", tail, re.I)
        if fm and ents[int(fm.group(1))].key != ents[int(obj.group(1))].key:
            emit("left", who, fm.group(1), None, date, 0.75, _is_present(gap, t.group(0)), "join-from")
        am = re.match(rf"(?:\s+(?:in|on)\s+«D\d+»)?\s*,?\s+(?:along\s+with|together\s+with|alongside)\s+", tail, re.I)
        if am:
            more = _chain(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)?«P(\d+)»", tail[am.end():])
            if more:
                emit("joined", [(pkey(x), False) for x in more], obj.group(1), None, date, 0.7,
                     _is_present(gap, t.group(0)), "join-along")

    # --- leaves
    for t in LEAVE_TRIG.finditer(s):
        word = t.group(0).lower()
        before = s[max(0, t.start() - 12):t.start()].lower()
        after = s[t.end():t.end() + 20].lower()
        if word.startswith("left") and (re.search(r"\b(?:was|were|is|are|be|been|being|has|have|had)\s+$", before)
                                         and not re.match(r"\s*«o", after)):
            continue
        if word.startswith("leave") and re.search(r"\b(?:on|of|a|parental|maternity|paternity|medical|sick|annual)\s+$", before):
            continue
        if re.match(r"\s*(?:behind|over|open|unanswered|alone|room|out\b|hand|wing|field)", after):
            continue
        subj, gap, sabs = _subject_left(s, t.start())
        if subj is None or re.search(r"«[PQ]\d+»", gap):
            continue
        if re.search(r"«O\d+»", gap) and not _COORD_VP.search(gap):
            continue
        prefix = _clause_prefix(s, sabs)
        if _neg(gap, _clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(prefix):
            continue
        who = persons_with_coord(s, subj, sabs)
        obj = _object_right(s, t.end(), allow_at=False)
        role = None
        rm = re.match(r"\s*as\s+(?:its\s+|the\s+|a\s+|an\s+)?([^,.;«()]{2,60}?)(?:\s+(?:of|at)\s+(?=«O)|[,.;]|$)", s[t.end():t.end() + 100], re.I)
        if rm:
            role = _clean_role(rm.group(1))
            if obj is None:
                obj = re.match(rf"\s*as\s+[^,.;«()]{{2,60}}?\s+(?:of|at)\s+{FILL}«O(\d+)»", s[t.end():t.end() + 120], re.I)
        present = _is_present(gap, t.group(0))
        date = None
        org_idx: str | None = None
        end_obj = t.end()
        conf = 0.9
        if obj is not None:
            org_idx = obj.group(1)
            end_obj = t.end() + obj.end()
        else:
            rest = s[t.end():t.end() + 30]
            noun = word.split()[0] in ("departure", "exit", "resignation", "ouster", "retirement", "departures")
            if not (noun or re.match(r"\s*(?:$|[,.;:!?]|after|because|in\s+«D|on\s+«D|«D|to\s+(?:re)?join|to\s+return|to\s+start|to\s+found|to\s+launch|to\s+focus|to\s+pursue|for\s+|this|last|earlier|as\b|and\b|from\s+(?:the|its|his|her)\s+(?:board|role|post|position|team))", rest, re.I)):
                continue
            # the organization the subject is described as belonging to
            key = ents[int(subj.group(2))].key
            cands = [a for a in info.affils if a.person == key and not a.former]
            if cands:
                oname = cands[0].org
                # find an ent index for it
                for i, e in enumerate(ents):
                    if e.kind == "O" and e.key == oname:
                        org_idx = str(i)
                        break
                conf = 0.75
            else:
                org_idx = None
        date = _date_for(info, s, sabs, t.start(), end_obj)
        if org_idx is not None:
            if role is None:
                role = None
            emit("left", who, org_idx, role, date, conf, present, "leave")
        else:
            # remember an org-less departure so article context can fill the org
            for key, via in who:
                out.append(Raw("left", key, "", role, date, si, quote, 0.6, present, None, "leave?"))
        # follow-up destination: "left A to join B", "departure from A to B", "leaving A for B"
        fm = re.match(rf"(?:'s\s+[^,.;«]{{0,40}}?)?(?:\s+(?:in|on|by)\s+«D\d+»)?\s*,?\s*(?:in\s+order\s+)?(?:(?:to\s+(?:re)?join|to\s+return\s+to|to\s+go\s+to|to\s+head\s+to|to\s+move\s+to|to|for|and\s+(?:re)?join(?:ed|s)?|and\s+(?:moved|went|headed)\s+to|,?\s*joining)\s+){FILL}«O(\d+)»", s[end_obj:end_obj + 90], re.I)
        if fm and not re.search(r"\b(?:to|for)\s+(?:the|a|an)\s+(?:first|second|same)\b", fm.group(0)):
            if org_idx is None or ents[int(fm.group(1))].key != ents[int(org_idx)].key:
                r2 = _role_after(s, end_obj + fm.end())
                d2 = date or _date_for(info, s, sabs, end_obj, end_obj + fm.end())
                emit("joined", who, fm.group(1), r2, d2, conf, present, "leave-to")
        fo = re.match(rf"\s*,?\s*(?:in\s+order\s+)?to\s+(?:co-?found|found|launch|start)\s+{FILL}«O(\d+)»", s[end_obj:end_obj + 90], re.I)
        if fo:
            emit("joined", who, fo.group(1), "co-founder" if "co" in fo.group(0).lower() else "founder", date, 0.8, present, "leave-found")

    # --- role changes
    for t in ROLE_TRIG.finditer(s):
        subj, gap, sabs = _subject_left(s, t.start(), max_gap=70)
        if subj is None or re.search(r"«[PQO]\d+»", gap):
            continue
        if _neg(gap, _clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, sabs)):
            continue
        rest = s[t.end():t.end() + 120]
        if t.group(0).lower().endswith(" at"):
            am = re.match(rf"\s*{FILL}«O(\d+)»", rest, re.I)
            if am:
                emit("role_changed", persons_with_coord(s, subj, sabs), am.group(1), None,
                     _date_for(info, s, sabs, t.start(), t.end()), 0.75, _is_present(gap, t.group(0)), "step-up")
            continue
        rm = re.match(rf"\s*(?:as\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+|new\s+)*(?:«O(\d+)»'s\s+)?([^,.;«()]{{2,80}}?)(?:\s+(?:at|of|for|with)\s+{FILL}«O(\d+)»|\s+«D\d+»|\s+in\s+«D|\s*[,.;]|\s+(?:after|before|when|in|on|last|this|earlier|less|more|just|only|seven|\w+\s+(?:months|years|weeks)|effective|replacing|succeeding)\b|$)", rest, re.I)
        if not rm:
            continue
        role = _clean_role(rm.group(2))
        if role is None:
            continue
        org_idx = rm.group(1) or rm.group(3)
        who = persons_with_coord(s, subj, sabs)
        verb = t.group(0).lower()
        date = _date_for(info, s, sabs, t.start(), t.end())
        off = offset_expression(s[sabs:t.start()] + " " + s[max(0, sabs - 60):sabs])
        typ = "role_changed"
        if re.search(r"\b(?:became|become|becomes|becoming|named|appointed|made|tapped)\b", verb):
            typ = "role?"
        if org_idx is None:
            for key, via in who:
                out.append(Raw(typ, key, "", role, date, si, quote, 0.7, _is_present(gap, verb), None, "role?"))
        else:
            board = "board" in role.lower()
            emit("joined" if board else typ, who, org_idx, "board member" if board else role, date, 0.85,
                 _is_present(gap, verb), "role", off)

    # --- org hires person: "O hired P", "O appointed former X P to its board"
    for t in HIRE_TRIG.finditer(s):
        subj, gap, sabs = _subject_left(s, t.start(), kinds="O", max_gap=70)
        if subj is None or re.search(r"«[PQ]\d+»", gap):
            continue
        if _neg(gap, _clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, sabs)):
            continue
        rest = s[t.end():t.end() + 120]
        om = re.match(rf"\s*(?:(?:(?:former|ex-|veteran|longtime|star|top|rival|its\s+own|the|a|an|{ROLE_WORD}|«O\d+»(?:'s)?)\s+)){{0,7}}?«P(\d+)»", rest, re.I)
        if not om:
            continue
        people = [(pkey(om.group(1)), False)]
        tail = rest[om.end():]
        for x in _chain(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)«P(\d+)»", tail):
            people.append((pkey(x), False))
        role = _role_after(s, t.end() + om.end())
        verb = t.group(0).lower()
        if role is None and verb.startswith(("promot", "elevat")):
            rm = re.match(r"\s*to\s+(?:the\s+)?(?:(?:role|position|post|rank|title)\s+of\s+)?(?:a\s+|an\s+)?([^,.;«()]{2,80})", tail, re.I)
            role = _clean_role(rm.group(1)) if rm else None
        if role is None:
            rm = re.search(r"\bas\s+(?:its\s+|the\s+|a\s+|an\s+|their\s+|new\s+)*([^,.;«()]{2,60})", tail[:80], re.I)
            role = _clean_role(rm.group(1)) if rm else None
        date = _date_for(info, s, sabs, t.start(), t.end() + om.end())
        typ = "joined"
        if verb.startswith("promot"):
            typ = "role_changed"  # a promotion is inside the promoting org, with or without a title
        elif re.match(r"(?:name|appoint|elect|install|tap)", verb) and role and "board" not in role.lower():
            typ = "role?"
        emit(typ, people, subj.group(2), role, date, 0.85, _is_present(gap, verb), "hire")
        if typ == "joined":
            for o in _prior_employers(s, sabs, t.end() + om.end(), subj.group(2), ents):
                emit("left", people, o, None, date, 0.7, _is_present(gap, verb), "hire-after")

    # --- passive hires: "P was hired by O", "P was tapped to lead O's X"
    for t in PASSIVE_HIRE.finditer(s):
        subj, gap, sabs = _subject_left(s, t.start(), max_gap=40)
        if subj is None or re.search(r"«[PQO]\d+»", gap):
            continue
        if not re.match(r"\s*(?:'s\s+)?(?:,\s*)?(?:who\s+)?(?:has\s+|had\s+|was\s+|were\s+|is\s+|just\s+|recently\s+|also\s+|been\s+)*$", gap, re.I):
            continue
        if _neg(gap, _clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, sabs)):
            continue
        rest = s[t.end():t.end() + 120]
        end = _clause_end(rest, 0)
        om = re.search(rf"(?:\bby|\bat|\bof|\bto|\bjoin|\bfor|\bwith)\s+{FILL}«O(\d+)»|«O(\d+)»'s", rest[:end], re.I)
        if not om:
            continue
        org_idx = om.group(1) or om.group(2)
        role = _role_after(s, t.end())
        if role is None:
            rm = re.match(r"\s*(?:as\s+)?(?:its\s+|the\s+|a\s+|an\s+|new\s+)*([^,.;«()]{2,60}?)\s+(?:at|of|for)\s+«O", rest, re.I)
            role = _clean_role(rm.group(1)) if rm else None
        who = persons_with_coord(s, subj, sabs)
        verb = t.group(0).lower()
        typ = "joined"
        if re.search(r"\b(?:named|appointed|tapped|elected|installed|chosen|selected)\b", verb) and role and "board" not in role.lower():
            typ = "role?"
        date = _date_for(info, s, sabs, t.start(), t.end() + om.end())
        emit(typ, who, org_idx, role, date, 0.8, _is_present(gap, verb), "passive")

    # --- founders
    for t in FOUND_TRIG.finditer(s):
        subj, gap, sabs = _subject_left(s, t.start(), max_gap=120)
        if subj is None or re.search(r"«[PQ]\d+»", gap):
            continue
        if re.search(r"«O\d+»", gap) and not _COORD_VP.search(gap) or len(gap) > 60 and not _COORD_VP.search(gap):
            continue
        if _neg(gap, _clause_prefix(s, sabs)) or CLAUSE_PREFIX_NEG.search(_clause_prefix(s, sabs)):
            continue
        obj = re.match(rf"\s*{FILL}«O(\d+)»", s[t.end():t.end() + 60], re.I)
        if not obj:
            continue
        verb = t.group(0).lower()
        who = persons_with_coord(s, subj, sabs)
        role = "co-founder" if ("co" in verb[:3] or len(who) > 1 or re.match(r"[^.;]{0,40}\bwith\s+«P", s[t.end() + obj.end():])) else "founder"
        date = _date_for(info, s, sabs, t.start(), t.end() + obj.end())
        emit("joined", who, obj.group(1), role, date, 0.8, _is_present(gap, verb), "found")
        for o in _prior_employers(s, sabs, t.end() + obj.end(), obj.group(1), ents):
            emit("left", who, o, None, date, 0.7, _is_present(gap, verb), "found-after")
    for t in FOUNDED_BY.finditer(s):
        left = s[max(0, t.start() - 60):t.start()]
        om = None
        for om in re.finditer(r"«O(\d+)»", left):
            pass
        if om is None:
            continue
        people = []
        for x in _chain(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+)?(?:(?:former\s+)?(?:«O\d+»\s+)?[\w-]+\s+)?«P(\d+)»", s[t.end():t.end() + 160]):
            people.append((pkey(x), False))
        if people:
            date = _date_for(info, s, t.start(), t.start(), t.end())
            emit("joined", people, om.group(1), "co-founder" if len(people) > 1 or "co" in t.group(0).lower() else "founder",
                 date, 0.8, False, "founded-by")


def _group_predicates(info: SentInfo) -> tuple[str, str] | None:
    """A predicate stated of a group ("colleagues were already at O"), for the next list."""
    if info.group_pred is not False:
        return info.group_pred  # type: ignore[return-value]
    info.group_pred = _group_predicates_uncached(info)
    return info.group_pred  # type: ignore[return-value]


def _group_predicates_uncached(info: SentInfo) -> tuple[str, str] | None:
    s = info.marked
    if "«O" not in s or not GROUP_NOUN.search(s):
        return None
    m = re.search(rf"{GROUP_NOUN.pattern}[^.;«]{{0,60}}?\b(?:are|were|is|was)\s+(?:(?:already|now|still|all|also)\s+)*(?:at|with|working\s+at)\s+«O(\d+)»", s, re.I)
    if m and not _neg(s[:m.start()][-40:]):
        return "held_role", info.ents[int(m.group(1))].key
    m = re.search(rf"{GROUP_NOUN.pattern}[^.;«]{{0,60}}?\b(?:have|had|has)\s+(?:(?:already|also|all|since)\s+)*(joined|left|moved\s+to|defected\s+to)\s+«O(\d+)»", s, re.I)
    if m and not _neg(s[:m.start()][-40:]):
        typ = "left" if m.group(1).lower() == "left" else "joined"
        return typ, info.ents[int(m.group(2))].key
    return None


def _stative_there(info: SentInfo, si: int, out: list[Raw], group_pred: tuple[str, str] | None) -> None:
    """Named people said to be at an organization: "A, B and C are still there / at O"."""
    s = info.simple
    for m in re.finditer(r"\b(?:is|are|remain|remains|stay|stays)\s+(?:(?:still|now|already|all|also)\s+)*(?:at\s+|with\s+)?«O(\d+)»", s, re.I):
        prefix = _clause_prefix(s, m.start())
        if _neg(prefix[-50:]) or CLAUSE_PREFIX_NEG.search(prefix):
            continue
        org = info.ents[int(m.group(1))].key
        people = [info.ents[int(x)].key for x in re.findall(r"«P(\d+)»", prefix)]
        # only a plain list subject: persons separated by commas/and plus group words
        for key in dict.fromkeys(people):
            out.append(Raw("held_role", key, org, None, None, si, info.sent.text, 0.55, True, None, "stative"))
    # exemplified lists: "... colleagues were already at O. For example, A; B; and C."
    if group_pred is not None and EXEMPLIFY_START.match(s):
        typ, org = group_pred
        for x in dict.fromkeys(re.findall(r"«P(\d+)»", s)):
            out.append(Raw(typ, info.ents[int(x)].key, org, None, None, si, info.sent.text, 0.5, False, None, "list"))
    gp = _group_predicates(info)
    if gp is not None:
        im = EXEMPLIFY_INLINE.search(s)
        if im:
            for x in dict.fromkeys(re.findall(r"«P(\d+)»", s[im.end():])):
                out.append(Raw(gp[0], info.ents[int(x)].key, gp[1], None, None, si, info.sent.text, 0.5, False, None, "list"))


# ----------------------------------------------------------------------------- main
_RANKP = {"day": 3, "month": 2, "year": 1, "unknown": 0}


def extract_claims(title: str, text: str, published: str | None) -> list[Claim]:
    """Every people-move and held-role claim one article states, deduplicated per
    (type, person, org). `published` (ISO, any precision, or None) anchors relative dates."""
    sents: list[Sentence] = []
    if title and title.strip():
        sents.append(Sentence(title.strip()[:600], 0, len(title), -1))
    sents.extend(split_sentences(text or ""))
    registry = PersonRegistry()
    infos = [SentInfo(s) for s in sents]
    # full names first, across the whole article, so surnames can refer back and forward
    for info in infos:
        info.known = known_orgs(info.sent.text)
        info.names = find_names(info.sent.text, [(o.start, o.end) for o in info.known])
        for n in info.names:
            registry.add(n.text)
    sur_re = surname_pattern(registry)
    salient: str | None = None
    last_org: Ent | None = None
    raws: list[Raw] = []
    affil_by_sent: list[list[Affil]] = []
    group_pred = None
    for si, info in enumerate(infos):
        _entities(info, registry, sur_re, published)
        _mark(info, salient, last_org)
        _restore_there(info)
        info.correction = _is_correction(info.sent.text)
        if last_org is not None:
            info.ents.append(Ent("O", last_org.key, org=last_org.org, start=-1, end=-1))
            info.ctx_org = str(len(info.ents) - 1)
        _appositions(info)
        if not info.correction:
            _triggers(info, si, raws, registry)
            for clause in info.rel_clauses:
                _triggers(info, si, raws, registry, clause)
            _stative_there(info, si, raws, group_pred)
        affil_by_sent.append(info.affils)
        group_pred = _group_predicates(info)
        people = [e for e in info.ents if e.kind in "PQ"]
        if people:
            salient = min(people, key=lambda e: e.start).key
        orgs_here = [e for e in info.ents if e.kind == "O" and e.org is not None]
        if orgs_here:
            last_org = min(orgs_here, key=lambda e: e.start)
    return _finish(infos, raws, affil_by_sent, registry, published)


def _finish(infos: list[SentInfo], raws: list[Raw], affil_by_sent: list[list[Affil]],
            registry: PersonRegistry, published: str | None) -> list[Claim]:
    pub, pub_prec = parse_published(published)
    claims: list[Raw] = []
    # affiliations per person, in article order (for org-less departures / promotions)
    timeline: dict[str, list[tuple[int, str, bool]]] = {}
    for si, affs in enumerate(affil_by_sent):
        for a in affs:
            if not a.former:
                timeline.setdefault(a.person, []).append((si, a.org, a.past))
    for r in raws:
        if r.type in ("joined", "held_role") and r.org:
            timeline.setdefault(r.person, []).append((r.sent, r.org, False))

    def context_org(person: str, si: int) -> str | None:
        events = sorted(timeline.get(person, []))
        before = [o for s, o, _ in events if s <= si]
        if before:
            return before[-1]
        return events[0][1] if events else None

    def has_prior(person: str, org: str, si: int) -> bool:
        return any(o == org and s <= si for s, o, _ in timeline.get(person, [])) or \
            any(a.person == person and a.org == org for affs in affil_by_sent[:si + 1] for a in affs)

    for r in raws:
        if r.type == "role?":
            if r.org and has_prior(r.person, r.org, r.sent - 0):
                # earlier affiliation in the article: a new title
                prior_other = any(s < r.sent and o == r.org for s, o, _ in timeline.get(r.person, []))
                r.type = "role_changed" if prior_other or any(a.person == r.person and a.org == r.org for a in affil_by_sent[r.sent]) else "joined"
            elif r.org:
                r.type = "joined"
            else:
                org = context_org(r.person, r.sent)
                if not org:
                    continue
                r.org, r.type, r.confidence = org, "role_changed", 0.6
        elif r.type == "role_changed" and not r.org:
            org = context_org(r.person, r.sent)
            if not org:
                continue
            r.org, r.confidence = org, 0.65
        elif r.type == "left" and not r.org:
            # an org-less departure is from the org the sentence describes the person at
            # (a former title counts: "its former CTO, P, left"); a later mention of a
            # departure already stated with its org ("after P's exit") adds nothing
            here = [a for a in affil_by_sent[r.sent] if a.person == r.person]
            if here:
                r.org, r.confidence = (next((a for a in here if a.former), here[0])).org, 0.7
            elif any(x.type == "left" and x.person == r.person and x.org and x.sent <= r.sent for x in raws):
                continue
            else:
                org = context_org(r.person, r.sent)
                if not org:
                    continue
                r.org, r.confidence = org, 0.55
        claims.append(r)

    # a person joining B while described as at A (in the same sentence) left A
    for r in list(claims):
        if r.type != "joined" or r.role in ("board member",):
            continue
        for a in affil_by_sent[r.sent]:
            if a.person == r.person and a.org != r.org and not _related(a.org, r.org):
                claims.append(Raw("left", r.person, a.org, a.role, r.date, r.sent, r.quote, 0.7,
                                  r.present, a.unit, "infer-left"))
    # explicit former roles are departures; current ones are held roles
    for si, affs in enumerate(affil_by_sent):
        for a in affs:
            if infos[si].correction:
                continue
            if a.former:
                claims.append(Raw("left", a.person, a.org, a.role, None, si, infos[si].sent.text,
                                  min(a.confidence, 0.75), False, a.unit, "former"))
            elif not a.founder and not a.past:
                claims.append(Raw("held_role", a.person, a.org, a.role, None, si, infos[si].sent.text,
                                  a.confidence, True, a.unit, "affil"))

    # "P, who left A, is ROLE at B": a current title at B beside a departure from A in the
    # same sentence is a move to B
    for r in list(claims):
        if r.type != "held_role":
            continue
        if any(x.type == "left" and x.person == r.person and x.sent == r.sent and not _related(x.org, r.org)
               and x.origin not in ("former",) for x in claims) and \
                not any(x.type == "joined" and x.person == r.person and x.org == r.org for x in claims):
            claims.append(Raw("joined", r.person, r.org, r.role, None, r.sent, r.quote, 0.6, False, r.unit, "left-then-at"))
    # corrections withdraw the (person, org) pairs they say were wrong
    withdrawn: set[tuple[str | None, str]] = set()
    for info in infos:
        if not info.correction:
            continue
        s = info.marked
        people = {info.ents[int(x)].key for x in re.findall(r"«[PQ](\d+)»", s)}
        wrong: set[str] = set()
        for m in re.finditer(r"\b(?:not|rather\s+than|instead\s+of|never)\s+(?:at\s+|with\s+|join\w*\s+|left\s+)?«O(\d+)»", s, re.I):
            wrong.add(info.ents[int(m.group(1))].key)
        em = re.search(r"\b(?:earlier\s+version|incorrectly|erroneously|mistakenly|misstated)\b(.*?)(?:[.;]|\s,\s|\bbut\b|\bin\s+fact\b|$)", s, re.I)
        if em:
            for x in re.findall(r"«O(\d+)»", em.group(1)):
                wrong.add(info.ents[int(x)].key)
            people |= {info.ents[int(x)].key for x in re.findall(r"«[PQ](\d+)»", em.group(1))}
        for o in wrong:
            if people:
                withdrawn.update((p, o) for p in people)
            else:
                withdrawn.add((None, o))
    claims = [c for c in claims if (c.person, c.org) not in withdrawn and (None, c.org) not in withdrawn]

    # relative-to-event offsets: "seven months after being promoted" -> that event's date
    dated = {(c.type, c.person, c.org): c.date for c in claims if c.date and c.date.date}

    _borrow_dates(infos, claims)
    # dates
    out: list[Claim] = []
    fallbacks: set[int] = set()   # claims dated only by the publication date
    for c in claims:
        if not c.org or not c.person:
            continue
        date = c.date.date if c.date and c.date.date else None
        prec = c.date.precision if date else "unknown"
        inferred = bool(c.date.inferred) if date else False
        if c.date and c.date.future:
            continue
        fallback = False
        if date is None and c.present and pub is not None and c.type != "held_role":
            prec = pub_prec
            date = published[:{"day": 10, "month": 7}.get(prec, 4)]
            inferred = fallback = True
        out.append(Claim(type=c.type, person=registry.display(c.person), org=c.org, role=c.role,
                         date=date, date_precision=prec, date_inferred=inferred,
                         quote=c.quote.strip(), confidence=round(max(0.05, min(1.0, c.confidence)), 2),
                         person_aliases=registry.aliases(c.person), org_unit=c.unit))
        if fallback:
            fallbacks.add(id(out[-1]))
    _ = dated
    return _dedup(out, fallbacks)


def _borrow_dates(infos: list[SentInfo], claims: list[Raw]) -> None:
    """Undated move claims take the time a neighbouring sentence gives the same event
    (see ingest/timeline.py for the three rules and why)."""
    def ent_date(si: int, idx: int) -> DateMention | None:
        ents = infos[si].ents
        d = ents[idx].date if idx < len(ents) else None
        return d if d is not None and d.date and not d.future else None

    def first_date(si: int) -> DateMention | None:
        for idx in date_indices(infos[si].marked):
            d = ent_date(si, idx)
            if d is not None:
                return d
        return None

    for c in claims:
        if c.type == "held_role" or c.date is not None or c.origin in ("former", "affil"):
            continue
        si = c.sent
        nxt = si + 1
        if nxt < len(infos) and infos[nxt].sent.paragraph == infos[si].sent.paragraph or (
                nxt < len(infos) and si == 0):
            mk = infos[nxt].marked
            pi = first_person_index(mk)
            if pi is not None and pi < len(infos[nxt].ents) and infos[nxt].ents[pi].key == c.person \
                    and is_same_event_followup(mk):
                ri = reporting_date_index(mk)
                d = (ent_date(nxt, ri) if ri is not None else None) or first_date(nxt)
                if d is not None:
                    if not (re.search(r"\bfirst\s+day\b", mk, re.I) and c.type == "left") and \
                            not (re.search(r"\blast\s+day\b", mk, re.I) and c.type == "joined"):
                        c.date = d
                        continue
        prv = si - 1
        if prv >= 0 and opens_same_time(infos[si].sent.text):
            # "Hours later, ..." (may open a new paragraph): the time of the reported event
            ri = reporting_date_index(infos[prv].marked)
            c.date = (ent_date(prv, ri) if ri is not None else None) or first_date(prv)
        elif prv >= 0 and infos[prv].sent.paragraph == infos[si].sent.paragraph:
            if c.present and not date_indices(infos[si].marked):
                ri = reporting_date_index(infos[prv].marked)
                if ri is not None:
                    c.date = ent_date(prv, ri)


def _related(a: str, b: str) -> bool:
    """Same organization family (a unit and its parent)."""
    return employer_of(a) == employer_of(b) or a == b


def _dedup(claims: list[Claim], fallbacks: set[int] | None = None) -> list[Claim]:
    """One claim per (type, person, org); best date, then confidence; role from the best
    claim that has one; held_role dropped where a move on the same pair exists. A date the
    text states beats the publication date given to a present-tense headline."""
    fallbacks = fallbacks or set()
    best: dict[tuple[str, str, str], Claim] = {}
    roles: dict[tuple[str, str, str], tuple[float, str]] = {}
    for c in claims:
        k = (c.type, c.person, c.org)
        if c.role:
            prev = roles.get(k)
            if prev is None or c.confidence > prev[0] or (c.confidence == prev[0] and len(c.role) > len(prev[1])):
                roles[k] = (c.confidence, c.role)
        cur = best.get(k)
        score = (_RANKP[c.date_precision] > 0, id(c) not in fallbacks, not c.date_inferred,
                 _RANKP[c.date_precision], c.confidence)
        if cur is None:
            best[k] = c
            continue
        cscore = (_RANKP[cur.date_precision] > 0, id(cur) not in fallbacks, not cur.date_inferred,
                  _RANKP[cur.date_precision], cur.confidence)
        if score > cscore:
            best[k] = replace(c, confidence=max(c.confidence, cur.confidence))
            if id(c) in fallbacks:
                fallbacks.add(id(best[k]))
        else:
            keep = id(cur) in fallbacks
            best[k] = replace(cur, confidence=max(c.confidence, cur.confidence))
            if keep:
                fallbacks.add(id(best[k]))
    moved = {(p, o) for (t, p, o) in best if t != "held_role"}
    out = []
    for k, c in best.items():
        if k[0] == "held_role" and (k[1], k[2]) in moved:
            continue
        r = roles.get(k)
        if r and r[1] != c.role:
            c = replace(c, role=r[1])
        out.append(c)
    return out
