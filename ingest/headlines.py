"""Feed items: a headline in headline grammar plus a one-to-three-sentence summary.

Most of the daemon's intake is RSS/Atom items, and there the headline often carries the move
while the summary only adds background ("Former Google Brain researcher joins Cohere as head
of multilingual" / "Wilk spent five years at Google."). The rules for prose read headline
grammar badly in three ways, which this module repairs:

- The headline is its own paragraph (-1), so every rule that links a move to a neighbouring
  sentence "in the same paragraph" never links it to the summary. In a short item the
  summary is the headline's paragraph (`headline_paragraph`).
- A headline moves in the present tense or with its auxiliary dropped ("P named O CTO",
  "P out at O", "O loses CTO P to O2"); such a move happened when the item was published, so
  it is dated by the item's date like any present-tense report (`headline_moves`).
- A headline's subject is often a description ("Ex-OpenAI VP lands at Meta", "OpenAI's research
  chief exits"), and the summary names the person; the description stands for the first
  person the summary names (`described_subject`).

Headline-only frames are tried only for people the headline gives no move already, so prose
rules keep precedence and a move the body repeats is one claim (claims are deduplicated per
type, person and organization).
"""
from __future__ import annotations

import re

from .extract_types import Ent, Raw, SentInfo
from .sentences import Sentence

# a summary this short (up to five or six sentences) is one paragraph with its headline; on the
# development corpora 1,200 characters changes nothing for longer articles, 2,500 starts to
# (held roles in long wires read off the headline)
SHORT_BODY = 1200


def headline_paragraph(sents: list[Sentence], has_title: bool, body: str) -> list[Sentence]:
    """The sentences with a short item's headline moved into its summary's paragraph."""
    if not has_title or len(sents) < 2 or len(body) > SHORT_BODY or sents[0].paragraph != -1:
        return sents
    first = sents[1].paragraph
    return [Sentence(sents[0].text, sents[0].start, sents[0].end, first), *sents[1:]]


_P = r"«[PQ]\d+»"
_O = r"«O\d+»"
_ROLE = r"(?:the\s+|its\s+|an?\s+)?(?:new\s+)?([^«,;:()]{2,60}?)"
# words between a headline verb and its person object: a title, never a clause ("O loses the
# engineer who made Le Chat fast" has no person object)
_FILL = r"(?:(?!\b(?:who|which|that|whose|when|where|after|before|behind)\b)[^«]){0,40}?"
_END = r"(?=\s*(?:$|[,;:(]|\s+(?:in|after|amid|as|from|to|with|replacing|effective)\b))"
# title-case and headline verbs for taking someone on, which prose writes "hires"
_HIRE_VERBS = (r"(?:picks|selects|chooses|enlists|grabs|snags|nabs|lures|signs|scoops\s+up|snaps\s+up|reels\s+in|brings\s+on|"
               r"adds|welcomes|recruits|taps|poaches)")
# (pattern, replacement) over a headline's marked string; each rewrites one headline shape into
# the prose the clause rules read, keeping every placeholder
_REWRITES: list[tuple[re.Pattern[str], object]] = [(re.compile(p, re.I), r) for p, r in (
    (r"\bexec\b", "executive"),   # headline clipping of a title word
    (r"(?<![\w-])ex-(?=«O\d+»\s+[a-z])", "former "),   # "hires ex-Naver researcher P"
    # "Stepping down: O's P", "Exits: P"
    (rf"^(\W*)(?:stepping\s+down|leaving|departing|departs|exiting|exits|out|retiring)\s*[:—–-]\s*({_O})['’]s\s+({_P})",
     r"\1\3 leaves \2"),
    (rf"^(\W*)(?:joining|hired|arriving|arrivals?|new\s+hire)\s*[:—–-]\s*({_O})['’]s\s+({_P})", r"\1\3 joins \2"),
    # "P (Google → Apple)", "P: Google -> Apple"
    (rf"({_P})\s*(?:\(|:|,)\s*({_O})\s*(?:→|->|>|⇒|to)\s*({_O})\s*\)?", r"\1 leaves \2 for \3"),
    # "O loses CTO P to O2"
    (rf"({_O})\s+loses\s+(?:(?:its|their)\s+)?(?:{_FILL}\s)?({_P})\s+to\s+({_O})", r"\2 leaves \1 for \3"),
    (rf"({_O})\s+loses\s+(?:(?:its|their)\s+)?(?:{_FILL}\s)?({_P})", r"\2 leaves \1"),
    # "O ousts CEO P", "O fires P"
    (rf"({_O})\s+(?:ousts|fires|sacks|dismisses|removes|pushes\s+out|forces\s+out|parts\s+ways\s+with)\s+(?:{_FILL}\s)?({_P})",
     r"\2 leaves \1"),
    # "P out at O", "P out as O CEO", "P ousted as O CEO", "P fired from O"
    (rf"({_P})\s+(?:is\s+|was\s+)?(?:out|ousted|fired|sacked|dismissed|pushed\s+out|forced\s+out)\s+(?:at|as|from)\s+({_O})",
     r"\1 leaves \2"),
    (rf"({_P})\s+(?:is\s+|was\s+)?(?:out|ousted|fired|sacked|dismissed|pushed\s+out|forced\s+out)\s+as\s+(?:{_FILL}\s)?(?:of|at)\s+({_O})",
     r"\1 leaves \2"),
    # "P to step down as O CEO", "P stepping down as O's CTO"
    (rf"({_P})\s+(to\s+|will\s+|is\s+)?(?:step|steps|stepping)\s+down\s+as\s+({_O})(?:['’]s)?\s+{_ROLE}{_END}",
     r"\1 \2leave \3 as \4"),
    # "P back at O", "O brings back P", "O rehires P"
    (rf"({_P})\s+(?:is\s+)?back\s+(?:at|to)\s+({_O})", r"\1 returns to \2"),
    (rf"({_O})\s+(?:brings|brought|lures|lured|welcomes|welcomed)\s+back\s+(?:{_FILL}\s)?({_P})", r"\2 returns to \1"),
    (rf"({_O})\s+(?:rehires|rehired|re-hires|re-hired|re-signs)\s+(?:{_FILL}\s)?({_P})", r"\2 returns to \1"),
    # "P bolts OpenAI for Apple", "P ditches O for O2"
    (rf"({_P})\s+(?:bolts|ditches|dumps|flees|abandons|exits|quits|departs)\s+({_O})\s+for\s+({_O})", r"\1 leaves \2 for \3"),
    # "P leaves Google; joins Apple"
    (rf"({_P})\s+(leaves|exits|departs|quits)\s+({_O})\s*[;,]\s*(joins|heads\s+to|moves\s+to)\s+({_O})", r"\1 \2 \3 and \4 \5"),
    # dropped auxiliary: "P named O CTO", "P appointed as O CFO", "O names P O CTO"
    (rf"({_P})\s+(?:is\s+|was\s+)?(named|appointed|elected|installed)\s+(?:as\s+)?(?:the\s+|an?\s+)?(?:new\s+)?({_O})(?:['’]s)?\s+{_ROLE}{_END}",
     r"\1 is \2 \4 of \3"),
    (rf"({_P})\s+(named|appointed|tapped|hired|promoted|elevated|upped|picked|chosen|selected|elected|poached|recruited|"
     rf"installed|bumped\s+up)\b", r"\1 is \2"),
    (r"\bis\s+upped\s+to\b", "is promoted to"),
    # "Apple picks P to run AI", "Apple nabs Google's P"
    (rf"({_O})\s+{_HIRE_VERBS}\s+(?=(?:{_FILL}\s)?(?:{_O}['’]s\s+(?:{_FILL}\s)?)?{_P})", r"\1 hires "),
    # "O's new AI chief is (ex-O2) P" -> "P (, ex-O2,) is O's new AI chief"
    (rf"^(\W*)({_O})['’]s\s+new\s+([^«]{{2,40}}?)\s+is\s+(?:((?:ex-|former\s+){_O})\s+)?({_P})\s*$",
     lambda m: f"{m.group(1)}{m.group(4) + ' ' if m.group(4) else ''}{m.group(5)} is {m.group(2)}'s new {m.group(3)}"),
    # "P steps into CTO role at O", "P takes top AI job at O", "P gets O CTO job", "P lands O role"
    (rf"({_P})\s+(?:steps|moves)\s+into\s+(?:the\s+)?([^«]{{2,40}}?)\s+(?:role|job|post|position)\s+at\s+({_O})", r"\1 becomes \2 at \3"),
    (rf"({_P})\s+(?:takes|gets|lands|wins|accepts)\s+(?:the\s+)?(?:top\s+)?([^«]{{0,40}}?)\s*(?:job|role|post|position|helm|seat)\s+at\s+({_O})",
     r"\1 joins \3 as \2"),
    (rf"({_P})\s+(?:takes|gets|lands|wins|accepts)\s+({_O})(?:['’]s)?\s+(?:top\s+)?([^«]{{0,40}}?)\s*(?:job|role|post|position)\b",
     r"\1 joins \2 as \3"),
    (r"\bas\s+(?=$|[,;])", ""),
    # "P tapped to lead O's team" (auxiliary already restored)
    (rf"({_P})\s+is\s+(?:tapped|picked|chosen|selected)\s+to\s+(lead|run|head|oversee)\s+({_O})", r"\1 joins \3 to \2 \3"),
)]
# "Former Google exec P to lead Hugging Face research", "Ant Group veteran P to helm StepFun's
# agent unit": a person the headline places at another org first is arriving (and a veteran of
# the org left behind is a former one)
_FORMER_TO_LEAD = re.compile(rf"^(\W*(?:(?:former|ex-)\s*)?«O(\d+)»[^«]{{0,40}}?\s*)({_P})\s+(?:to|will)\s+(lead|run|head|helm|oversee)\s+«O(\d+)»",
                             re.I)
_VETERAN = re.compile(r"^(\W*)(?=«O\d+»\s+(?:veteran|alum|alumna|alumnus)\b)", re.I)


def _arriving(m: re.Match[str], ents: list[Ent]) -> str:
    if ents[int(m.group(2))].key == ents[int(m.group(5))].key:
        return m.group(0)   # "O veteran P to lead O's unit": a new post inside the same org
    lead = _VETERAN.sub(r"\1former ", m.group(1))
    return f"{lead}{m.group(3)} joins «O{m.group(5)}» to {m.group(4).replace('helm', 'lead')} «O{m.group(5)}»"


# "Is P leaving O? O2 in talks with ...", "O hires P? Not so fast": a headline's question states
# nothing (a wh-question presupposes what it asks about: "Who is P, O's new CTO?")
_QUESTION = re.compile(r"(?:^|(?<=[.:;!?—–]\s))\W*(?!(?:who|what|why|how|where|when|which)\b)[^?.:;!—–]{1,120}\?\s*", re.I)
# a move the headline says is only near or wished for: "P nears deal to join O", "O woos P"
_NOT_YET = re.compile(r"\b(?:nears?\s+(?:a\s+)?deal\s+to|closes?\s+in\s+on\s+(?:a\s+)?(?:deal|move)\s+to|(?:is\s+)?in\s+line\s+to|"
                      r"(?:is\s+)?tipped\s+to|(?:is\s+)?poised\s+to|eyes\s+(?:a\s+)?(?:move|return)\s+to|in\s+the\s+running\s+to)\b", re.I)
# "P joins O podcast", "P named to O list": an appearance, not a post
_APPEARANCE = re.compile(r"\b(?:joins|joined|named\s+to|added\s+to|tapped\s+for)\s+(?:the\s+)?(«O\d+»)(['’]s)?\s+(?=(?:[\w-]+\s+){0,2}"
                         r"(?:list|ranking|index|awards?|prize|podcast|panel|livestream|webinar|event|summit|conference|show|"
                         r"episode|lawsuit|campaign|pledge|petition|calls?|letter|hall\s+of\s+fame)\b)", re.I)


def headline_prose(info: SentInfo) -> None:
    """Rewrite a headline's marked string from headline grammar into the prose the clause
    rules read: auxiliaries restored ("P named O CTO" -> "P is named CTO of O"), headline verbs
    replaced by their plain sense ("P out at O" -> "P leaves O", "O loses P to O2" -> "P leaves
    O for O2", "P (A → B)" -> "P leaves A for B")."""
    out = _QUESTION.sub("", info.marked) if "?" in info.marked else info.marked
    out = _APPEARANCE.sub(r"appears on \1\2 ", _NOT_YET.sub("may", out))
    for pat, rep in _REWRITES:
        if "«" in out:
            out = pat.sub(rep, out)
    info.marked = _FORMER_TO_LEAD.sub(lambda m: _arriving(m, info.ents), out)


# a headline subject that describes someone instead of naming them: "Ex-OpenAI VP", "OpenAI's
# research chief", "Meta AI chief scientist", "Google veteran"
_DESC_NOUN = (r"(?:vp|svp|evp|ceo|cto|cfo|coo|cso|cpo|president|chief|head|lead|leader|director|officer|executive|exec|"
              r"veteran|alum|alumna|alumnus|insider|researcher|scientist|engineer|founder|co-?founder|boss|manager|"
              r"architect|partner|fellow|scientist|pioneer|star)")
_DESCRIBED = re.compile(
    rf"^(\W*)((?:(?:former|ex-|longtime|top|senior)\s*)?(?:{_O}(?:['’]s)?\s+)?(?:[\w-]+\s+){{0,3}}?{_DESC_NOUN})\s+"
    rf"(?=(?:to\s+|will\s+|is\s+|has\s+|set\s+to\s+)?[a-z]+\b)", re.I)


_DESCRIBED_OBJECT = re.compile(
    rf"^(\W*{_O}\s+(?:hires|{_HIRE_VERBS}|lands|lures)\s+)((?:(?:former|ex-)\s*)?(?:{_O}(?:['’]s)?\s+)?(?:[\w-]+\s+){{0,3}}?{_DESC_NOUN})"
    rf"(?=\s*$|\s+(?:as|to|from|for)\b)", re.I)


def described_subject(info: SentInfo, person: str) -> None:
    """Put `person` (the first one a short item's summary names) after the description a
    headline with no name has as its subject or object ("O snaps up O2's Llama lead"): "Ex-«O» VP lands at «O»" reads "Ex-«O» VP «P»
    lands at «O»", so the title and move rules apply to the person."""
    if "«P" in info.marked or "«Q" in info.marked:
        return
    m = _DESCRIBED.match(info.marked) or _DESCRIBED_OBJECT.match(info.marked)
    if m is None:
        return
    info.ents.append(Ent("P", person, start=-1, end=-1))   # a name in effect: the title rules read «P»
    tag = f"«P{len(info.ents) - 1}»"
    info.marked = f"{m.group(1)}{m.group(2)} {tag} {info.marked[m.end():].lstrip()}".rstrip()


_GROUP = re.compile(rf"^\W*({_O})\s+(?:hires|poaches|lands|adds|nabs|snags|lures|recruits|taps|picks|grabs|welcomes)\s+"
                    rf"(?:two|three|four|five|six|a\s+pair\s+of|a\s+trio\s+of|several|\d+)(?:\s+(?:(?:former|ex-)\s*)?"
                    rf"(?:({_O})\s+)?(?:[\w-]+\s+){{0,2}}?(?:researchers|engineers|executives|execs|scientists|staffers|"
                    rf"leaders|employees|veterans|alumni|founders|leads)\b|\W*$)", re.I)


_GROUP_EXIT = re.compile(rf"^\W*(?:two|three|four|five|six|a\s+pair\s+of|a\s+trio\s+of|several|\d+)\s+(?:[\w-]+\s+){{0,3}}?"
                         rf"(?:researchers|engineers|executives|execs|scientists|staffers|leaders|employees|founders|leads)\s+"
                         rf"(?:exit|leave|quit|depart|ditch|flee)\s+({_O})(?:\s+for\s+({_O}))?", re.I)


def group_headline(infos: list[SentInfo], raws: list[Raw]) -> None:
    """"xAI poaches two OpenAI researchers" / "Lena Ortiz and Mark Bello, who ..., start Monday":
    the people the summary's first sentence names joined the hiring org (and left the one the
    headline gives them), where no rule read that move already."""
    if len(infos) < 2 or infos[0].sent.paragraph != infos[1].sent.paragraph:
        return
    head = infos[0]
    m = _GROUP.match(head.marked)
    if m is not None:
        to = head.ents[int(m.group(1)[2:-1])]
        frm = head.ents[int(m.group(2)[2:-1])] if m.group(2) else None
    elif (m := _GROUP_EXIT.match(head.marked)) is not None:   # "Two senior engineers exit O for O2"
        frm = head.ents[int(m.group(1)[2:-1])]
        to = head.ents[int(m.group(2)[2:-1])] if m.group(2) else None
    else:
        return
    people = [e for e in infos[1].ents if e.kind == "P"]
    if len(people) < 2:
        return
    for e in dict((e.key, e) for e in people).values():
        if to is not None and not any(r.person == e.key and r.type == "joined" and r.org == to.key for r in raws):
            raws.append(Raw("joined", e.key, to.key, None, None, 0, head.sent.text, 0.6, True,
                            to.org.unit if to.org else None, "headline-group"))
        if frm is not None and not any(r.person == e.key and r.type == "left" and r.org == frm.key for r in raws):
            raws.append(Raw("left", e.key, frm.key, None, None, 0, head.sent.text, 0.6, True,
                            frm.org.unit if frm.org else None, "headline-group"))


# a headline that announces what is still to come ("O to name P CEO", "P will join O")
_AHEAD = re.compile(r"\b(?:to|will|would|set\s+to|expected\s+to|plans?\s+to|poised\s+to|due\s+to)\s+(?:be\s+)?[a-z]+", re.I)


def date_headline_moves(raws: list[Raw], headline: str) -> None:
    """A move a headline states happened when the item was published, whatever tense or
    grammar the headline uses ("P hired by O", "P promoted to CTO"): undated, it takes the
    item's date (a date the body gives still wins; see claims_finish._dedup). A move the
    headline announces for later ("O to name P CEO") keeps the date the body gives, or none."""
    if _AHEAD.search(headline):
        return
    for r in raws:
        if r.sent == 0 and r.type != "held_role":
            r.present = True


def promotions_within(raws: list[Raw]) -> None:
    """"P named CEO of O" / "P was previously O's chief operating officer": in a short item, a
    new title at the org the summary says the person already held another post at is a
    promotion, not an arrival after a departure. The title becomes a role change and the
    earlier post gives no departure."""
    for r in raws:
        if r.type != "role?" or not r.org:
            continue
        prior = [x for x in raws if x.type == "left" and x.origin in ("prior-post", "former") and x.person == r.person
                 and x.org == r.org and x.sent != r.sent and (x.date is None or not x.date.date)]
        if prior:
            r.type = "role_changed"
            for x in prior:
                raws.remove(x)
